import Foundation

/// The time stamped on records when they are created or changed: whole seconds, so that a record
/// reads back equal to what was written on every database and through JSON.
enum RecordClock {
    /// Now, truncated to the second.
    static func now() -> Date {
        Date(timeIntervalSince1970: Date().timeIntervalSince1970.rounded(.down))
    }
}
