import Foundation

/// What an operator sends to split a stop in two at a moment inside it, so that each part can
/// be given its own reason (a jam that turned into a waiting for maintenance).
public struct StopSplitInput: Codable, Sendable, Equatable {
    /// The start of the stop, as listed.
    public var stopStart: Date
    /// Where the second part begins; strictly inside the stop.
    public var at: Date

    /// Creates the input.
    public init(stopStart: Date, at: Date) {
        self.stopStart = stopStart
        self.at = at
    }
}
