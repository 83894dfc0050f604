import MS5Domain
/// Helpers and a default excerpt of Bagger 1's real fault catalog.
public enum FaultCatalog {
    /// A handful of entries copied from `bagger1-fault-messages.csv` (same bit numbers and texts),
    /// classified by hand. Used by ``SimulatorConfiguration/standard`` when the caller does not
    /// pass the full imported catalog.
    ///
    /// The bagger's PLC also monitors the slicer and the basket loader, so slicer faults
    /// (bits 8, 12, 31) stop the slicer and "Basket Loader Fault" (bit 35) stops the basket loader
    /// while their bits show up in Bagger 1's words.
    public static let bagger1Sample: [FaultCatalogEntry] = [
        FaultCatalogEntry(bit: 0, text: "Bagger Inverter / Circuit Breaker Fault", kind: .fault),
        FaultCatalogEntry(bit: 4, text: "Bagger Infeed Servo Fault", kind: .fault),
        FaultCatalogEntry(bit: 6, text: "Wicket Servo Fault", kind: .fault),
        FaultCatalogEntry(bit: 7, text: "Low Main Air Pressure", kind: .fault),
        FaultCatalogEntry(bit: 8, text: "Slicer Low Oil Pressure", kind: .fault),
        FaultCatalogEntry(bit: 12, text: "Slicer Infeed Guard Open", kind: .fault),
        FaultCatalogEntry(bit: 15, text: "Bagger Infeed Guard Open", kind: .fault),
        FaultCatalogEntry(bit: 23, text: "Bagger Emergency Stop Active", kind: .fault),
        FaultCatalogEntry(bit: 28, text: "Check Tagging Machine", kind: .warning),
        FaultCatalogEntry(bit: 31, text: "Broken Blade Detected", kind: .fault, machine: .slicer),
        FaultCatalogEntry(bit: 35, text: "Basket Loader Fault", kind: .fault),
        FaultCatalogEntry(bit: 36, text: "Double Loaf Bagger Infeed", kind: .fault),
        FaultCatalogEntry(bit: 39, text: "Bag Inflation Failure", kind: .fault),
        FaultCatalogEntry(bit: 41, text: "Check / Replace Discharge Roller", kind: .warning),
        FaultCatalogEntry(bit: 49, text: "Blockage At Scoops", kind: .fault),
        FaultCatalogEntry(bit: 47, text: "Batch Complete", kind: .status),
        FaultCatalogEntry(bit: 57, text: "OK To Press Start", kind: .status),
        FaultCatalogEntry(bit: 58, text: "OK To Start Slicer", kind: .status),
        FaultCatalogEntry(bit: 59, text: "Machine Running", kind: .status),
    ]

    /// The machine a fault text most plausibly stops: texts mentioning the slicer or its blades
    /// stop ``LineMachine/slicer``, texts mentioning the basket loader stop
    /// ``LineMachine/basketLoader``, everything else stops ``LineMachine/bagger``.
    public static func inferredMachine(forText text: String) -> LineMachine {
        let lowered = text.lowercased()
        if lowered.contains("basket loader") {
            return .basketLoader
        }
        if lowered.contains("slicer") || lowered.contains("blade") {
            return .slicer
        }
        return .bagger
    }
}
