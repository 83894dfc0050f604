import MS5Domain
/// The three machines of the simulated bread line, in flow order:
/// Slicer 1 → Bagger 1 (the constraint) → Basket Loader 1.
public enum LineMachine: Int, Sendable, Hashable, CaseIterable, Codable {
    /// Slicer 1 (`SLC1`): slices loaves and feeds the bagger through a small accumulation buffer.
    case slicer = 0
    /// Bagger 1 (`BAG1`): a CompactLogix-controlled bagger, the line's constraint.
    case bagger = 1
    /// Basket Loader 1 (`BSK1`): an SLC 5/05-controlled loader that packs bags into baskets.
    case basketLoader = 2

    /// The equipment code used in every ``SimulatedSample`` and ``SimulatedTag``.
    public var code: String {
        switch self {
        case .slicer: "SLC1"
        case .bagger: "BAG1"
        case .basketLoader: "BSK1"
        }
    }

    /// A human-readable machine name.
    public var displayName: String {
        switch self {
        case .slicer: "Slicer 1"
        case .bagger: "Bagger 1"
        case .basketLoader: "Basket Loader 1"
        }
    }

    /// Looks a machine up by its equipment code (`SLC1`, `BAG1`, `BSK1`); `nil` if unknown.
    public init?(code: String) {
        guard let machine = LineMachine.allCases.first(where: { $0.code == code }) else { return nil }
        self = machine
    }
}
