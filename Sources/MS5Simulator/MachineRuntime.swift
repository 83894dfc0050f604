import MS5Domain
/// The changing state of one machine inside ``BreadLineSimulator`` (internal bookkeeping).
struct MachineRuntime: Sendable {
    /// The stop in progress, if any.
    var stop: ActiveStop?
    /// Running ticks left until the next random micro-stop (`nil` = micro-stops disabled).
    var microStopCountdown: Int?
    /// Running ticks left until the next random fault (`nil` = faults disabled).
    var faultCountdown: Int?
    /// State reported on the last computed tick.
    var state: SimulatedMachineState = .running
    /// Cause reported on the last computed tick.
    var cause: StopCause?
    /// Maximum flow per tick in micro-pieces (1 piece = ``LineFlow/microPiecesPerPiece``).
    var maxFlowPerTick: Int
    /// Flow on the last computed tick, in micro-pieces.
    var flow: Int = 0
    /// Cumulative production since the start, in micro-pieces.
    var producedMicroPieces: Int = 0
    /// This machine's own random stream for stop timing and choice.
    var rng: SplitMix64

    /// Whole pieces produced since the start.
    var producedPieces: Int { producedMicroPieces / LineFlow.microPiecesPerPiece }
}
