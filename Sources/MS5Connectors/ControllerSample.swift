import Foundation

/// One value read from a controller, whatever the protocol: its address as bound, the number,
/// and whether it is good.
struct ControllerSample: Sendable, Equatable {
    var address: String
    /// The value as a number; nil when the read failed or the value is not numeric.
    var value: Double?
    var timestamp: Date
    var good: Bool
}
