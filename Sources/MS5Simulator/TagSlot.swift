import MS5Domain
/// Index of each published tag in ``SimulatedTags/all`` (internal; order must match).
enum TagSlot: Int, CaseIterable {
    case slicerState, slicerSpeed, slicerCount, slicerOilPressure
    case baggerSpeed, baggerProduct, baggerTotalCount, baggerGoodCount, baggerRejectCount
    case baggerFaultWord0, baggerFaultWord1
    case basketCount, basketAutoCycle, basketManualMode

    /// When a slot may be published.
    enum Cadence {
        /// Every tick, when the value changed.
        case onChange
        /// Only on counter-publish ticks, when the value changed.
        case counter
    }

    /// The slot's publishing cadence.
    var cadence: Cadence {
        switch self {
        case .slicerCount, .baggerTotalCount, .baggerGoodCount, .baggerRejectCount, .basketCount: .counter
        default: .onChange
        }
    }
}
