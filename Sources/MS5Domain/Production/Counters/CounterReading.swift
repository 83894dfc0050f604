import Foundation

/// Raw counter values read from the PLC at one instant; a channel the PLC does
/// not provide (or that was not read) is `nil`.
public struct CounterReading: Sendable, Equatable, Hashable, Codable {
    /// When the values were read.
    public var at: Date
    /// Raw good counter.
    public var good: Int?
    /// Raw total counter.
    public var total: Int?
    /// Raw reject counter.
    public var reject: Int?

    /// Creates a reading.
    public init(at: Date, good: Int? = nil, total: Int? = nil, reject: Int? = nil) {
        self.at = at
        self.good = good
        self.total = total
        self.reject = reject
    }

    /// The raw value of `channel`.
    public func value(of channel: CounterChannel) -> Int? {
        switch channel {
        case .good: good
        case .total: total
        case .reject: reject
        }
    }
}
