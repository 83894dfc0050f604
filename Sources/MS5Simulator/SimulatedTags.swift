import MS5Domain
/// The catalog of every tag the simulator publishes — the one place where invented tag names
/// are documented next to the real ones.
///
/// Counters wrap from `counterModulus − 1` (default 32767) to 0, like a 16-bit counter, even for
/// the Logix `COUNTER.ACC` (a DINT in reality): this keeps rollover handling exercised daily.
public enum SimulatedTags {
    /// `SLC1 Slicer_State` — invented; ``SimulatedMachineState`` raw value (0 stopped, 1 running,
    /// 2 starved, 3 blocked, 4 faulted).
    public static let slicerState = SimulatedTag(
        equipment: "SLC1", metric: "Slicer_State", dataType: "INT", unit: nil, role: .state,
        isRealTag: false, summary: "Slicer state code: 0 stopped, 1 running, 2 starved, 3 blocked, 4 faulted")
    /// `SLC1 Slicer_Speed` — invented; actual slicing rate in loaves/min, 0 when not producing.
    public static let slicerSpeed = SimulatedTag(
        equipment: "SLC1", metric: "Slicer_Speed", dataType: "REAL", unit: "loaves/min", role: .speed,
        isRealTag: false, summary: "Actual slicing rate (paced by the bagger when its buffer is full), 0.1 resolution")
    /// `SLC1 Slicer_Loaf_Count.ACC` — invented; loaves sliced, wrapping counter.
    public static let slicerCount = SimulatedTag(
        equipment: "SLC1", metric: "Slicer_Loaf_Count.ACC", dataType: "DINT", unit: "loaves",
        role: .counterTotal, isRealTag: false, summary: "Loaves sliced; wraps at the counter modulus")
    /// `SLC1 Slicer_Oil_Pressure` — invented; hydraulic oil pressure in bar.
    public static let slicerOilPressure = SimulatedTag(
        equipment: "SLC1", metric: "Slicer_Oil_Pressure", dataType: "REAL", unit: "bar",
        role: .processValue, isRealTag: false,
        summary: "≈4.5 bar running, ≈3.8 idle, ≈1.2 during an oil-pressure fault; noisy, 0.1 resolution")
    /// `BAG1 MC_Avg_Speed` — real; bagging rate in packs/min, 0 when not producing.
    public static let baggerSpeed = SimulatedTag(
        equipment: "BAG1", metric: "MC_Avg_Speed", dataType: "REAL", unit: "packs/min", role: .speed,
        isRealTag: true, summary: "Actual bagging rate, 0.1 resolution; 0 while stopped, starved, blocked or faulted")
    /// `BAG1 Current_Product` — real; product code, changes at each changeover.
    public static let baggerProduct = SimulatedTag(
        equipment: "BAG1", metric: "Current_Product", dataType: "INT", unit: nil, role: .productCode,
        isRealTag: true, summary: "Product code; switches to the next product when a changeover starts")
    /// `BAG1 Count_Blade_PEC.ACC` — real; every pack through the bagger (good + reject).
    public static let baggerTotalCount = SimulatedTag(
        equipment: "BAG1", metric: "Count_Blade_PEC.ACC", dataType: "DINT", unit: "packs",
        role: .counterTotal, isRealTag: true, summary: "All packs (good + reject); wraps at the counter modulus")
    /// `BAG1 Good_Pack_Count.ACC` — invented; good packs.
    public static let baggerGoodCount = SimulatedTag(
        equipment: "BAG1", metric: "Good_Pack_Count.ACC", dataType: "DINT", unit: "packs",
        role: .counterGood, isRealTag: false, summary: "Good packs; wraps at the counter modulus")
    /// `BAG1 Reject_Count.ACC` — invented; rejected packs.
    public static let baggerRejectCount = SimulatedTag(
        equipment: "BAG1", metric: "Reject_Count.ACC", dataType: "DINT", unit: "packs",
        role: .counterReject, isRealTag: false, summary: "Rejected packs; wraps at the counter modulus")
    /// `BAG1 Fault.Word0` — real `Fault[0]…Fault[31]` packed into one unsigned word.
    public static let baggerFaultWord0 = SimulatedTag(
        equipment: "BAG1", metric: "Fault.Word0", dataType: "BOOL[32]", unit: nil, role: .faultWord,
        isRealTag: true, summary: "Fault[0...31]; bit N of the word is Fault[N]; unsigned value")
    /// `BAG1 Fault.Word1` — real `Fault[32]…Fault[63]` packed into one unsigned word.
    public static let baggerFaultWord1 = SimulatedTag(
        equipment: "BAG1", metric: "Fault.Word1", dataType: "BOOL[32]", unit: nil, role: .faultWord,
        isRealTag: true, summary: "Fault[32...63]; bit N of the word is Fault[32 + N]; unsigned value")
    /// `BSK1 N7:100` — real (symbol `LOAFS`, "loafs detected counter"); loaves loaded.
    public static let basketCount = SimulatedTag(
        equipment: "BSK1", metric: "N7:100", dataType: "INT", unit: "loaves", role: .counterTotal,
        isRealTag: true, summary: "Loaves detected entering the loader; wraps at the counter modulus")
    /// `BSK1 B3:0/8` — real `AUTO_CYCLE_IND`.
    public static let basketAutoCycle = SimulatedTag(
        equipment: "BSK1", metric: "B3:0/8", dataType: "BOOL", unit: nil, role: .statusBit,
        isRealTag: true, summary: "Auto cycle: 1 while running, starved, blocked or micro-stopped; 0 otherwise")
    /// `BSK1 B3:0/2` — real `MANUAL_MODE_IND`.
    public static let basketManualMode = SimulatedTag(
        equipment: "BSK1", metric: "B3:0/2", dataType: "BOOL", unit: nil, role: .statusBit,
        isRealTag: true, summary: "Manual mode: 1 while the loader is faulted (operator clears it in manual)")

    /// Every published tag, in the order samples of one tick are emitted.
    public static let all: [SimulatedTag] = [
        slicerState, slicerSpeed, slicerCount, slicerOilPressure,
        baggerSpeed, baggerProduct, baggerTotalCount, baggerGoodCount, baggerRejectCount,
        baggerFaultWord0, baggerFaultWord1,
        basketCount, basketAutoCycle, basketManualMode,
    ]

    /// The tag with the given equipment code and metric key, if the simulator publishes it.
    public static func tag(equipment: String, metric: String) -> SimulatedTag? {
        all.first { $0.equipment == equipment && $0.metric == metric }
    }
}
