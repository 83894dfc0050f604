import MS5Domain
import Foundation

/// A stop forced at a given time, for demos and tests that need a known event.
///
/// A scripted stop starts on the first tick at or after ``start`` whatever the machine is doing,
/// replacing any random stop in progress, and lasts ``duration`` seconds (rounded to ticks).
/// Planned breaks and changeovers still take precedence for the reported state.
public struct ScriptedStop: Sendable, Hashable, Codable {
    /// What kind of stop to force.
    public enum Kind: Sendable, Hashable, Codable {
        /// A micro-stop: state ``SimulatedMachineState/stopped``, no fault bit.
        case microStop
        /// A fault: state ``SimulatedMachineState/faulted``; `bit` is set in Bagger 1's fault words and its
        /// text is looked up in the catalog (`nil` = a fault without a bit).
        case fault(bit: Int?)
    }

    /// The machine to stop.
    public var machine: LineMachine
    /// When the stop begins.
    public var start: Date
    /// How long it lasts, in seconds.
    public var duration: TimeInterval
    /// Micro-stop or fault.
    public var kind: Kind

    /// Creates a scripted stop.
    public init(machine: LineMachine, start: Date, duration: TimeInterval, kind: Kind) {
        precondition(duration > 0, "a scripted stop needs a positive duration")
        self.machine = machine
        self.start = start
        self.duration = duration
        self.kind = kind
    }
}
