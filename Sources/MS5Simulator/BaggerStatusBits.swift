import MS5Domain
/// Which `Fault[N]` status bits of Bagger 1 the simulator drives (`nil` = never set).
public struct BaggerStatusBits: Sendable, Hashable, Codable {
    /// Set while Bagger 1 is running (real catalog: `Fault[59]` "Machine Running").
    public var machineRunning: Int?
    /// Set while Bagger 1 has no active fault and no planned stop, i.e. the slicer may run
    /// (real catalog: `Fault[58]` "OK To Start Slicer").
    public var okToStartSlicer: Int?
    /// Set while Bagger 1 is stopped without a fault (micro-stop, changeover, break) and waits for
    /// the start button (real catalog: `Fault[57]` "OK To Press Start").
    public var okToPressStart: Int?

    /// Creates the mapping; defaults are the real catalog's bits 59, 58 and 57.
    public init(machineRunning: Int? = 59, okToStartSlicer: Int? = 58, okToPressStart: Int? = 57) {
        self.machineRunning = machineRunning
        self.okToStartSlicer = okToStartSlicer
        self.okToPressStart = okToPressStart
    }
}
