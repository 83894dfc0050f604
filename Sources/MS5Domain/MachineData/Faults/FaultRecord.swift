import Foundation

/// A fault as stored and shown: when it was raised, when it cleared, and whether it started a cascade.
public struct FaultRecord: Codable, Sendable, Equatable {
    public let code: String
    public let text: String
    public let kind: FaultKind
    public let source: FaultSource
    public let start: Date
    /// Nil while the fault is active.
    public let end: Date?
    public let firstOut: Bool

    /// Creates a fault record.
    public init(code: String, text: String, kind: FaultKind, source: FaultSource, start: Date, end: Date?, firstOut: Bool) {
        self.code = code
        self.text = text
        self.kind = kind
        self.source = source
        self.start = start
        self.end = end
        self.firstOut = firstOut
    }

    /// Seconds from raise to clear, nil while active.
    public var durationSeconds: Double? { end.map { $0.timeIntervalSince(start) } }
}
