import MS5Domain
import Foundation

/// Ground truth: a fault or warning bit was active from ``start`` until ``end``.
public struct FaultOccurrence: Sendable, Hashable, Codable {
    /// The machine the fault stopped (for warnings: the bagger, which raised it).
    public var machine: LineMachine
    /// The `Fault[bit]` that was set, or `nil` for a fault without a catalog entry.
    public var bit: Int?
    /// The catalog text.
    public var text: String
    /// ``FaultKind/fault`` or ``FaultKind/warning``.
    public var kind: FaultKind
    /// First tick with the bit set.
    public var start: Date
    /// First tick with the bit cleared again; `nil` while still active.
    public var end: Date?

    /// Creates an occurrence.
    public init(machine: LineMachine, bit: Int?, text: String, kind: FaultKind, start: Date, end: Date?) {
        self.machine = machine
        self.bit = bit
        self.text = text
        self.kind = kind
        self.start = start
        self.end = end
    }
}
