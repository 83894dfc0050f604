import Foundation

/// A rollover, reset or rejected value on one counter channel, for the log.
public struct CounterEvent: Sendable, Equatable, Hashable, Codable {
    /// What happened.
    public var kind: CounterEventKind
    /// The channel, `nil` for an out-of-order reading (all channels).
    public var channel: CounterChannel?
    /// When the reading was taken.
    public var at: Date
    /// The channel's previous raw value, if known.
    public var previousValue: Int?
    /// The raw value read, if any.
    public var value: Int?

    /// Creates an event.
    public init(kind: CounterEventKind, channel: CounterChannel?, at: Date, previousValue: Int?, value: Int?) {
        self.kind = kind
        self.channel = channel
        self.at = at
        self.previousValue = previousValue
        self.value = value
    }
}
