import MS5Domain
/// Describes one tag the simulator publishes: which machine, which key, which PLC data type.
public struct SimulatedTag: Sendable, Hashable, Codable {
    /// Equipment code (`SLC1`, `BAG1`, `BSK1`).
    public var equipment: String
    /// The metric key used in ``SimulatedSample/metric`` — the PLC tag name or address.
    public var metric: String
    /// The PLC data type as the controller would declare it (`REAL`, `INT`, `DINT`, `BOOL`, …).
    public var dataType: String
    /// Engineering unit, or `nil` for bits and codes without a unit.
    public var unit: String?
    /// The tag's meaning for MS5.
    public var role: MetricRole
    /// `true` when the tag exists in the real PLC exports, `false` when the simulator invented it.
    public var isRealTag: Bool
    /// One-line explanation, including how the simulator drives it.
    public var summary: String

    /// Creates a tag description.
    public init(
        equipment: String, metric: String, dataType: String, unit: String?,
        role: MetricRole, isRealTag: Bool, summary: String
    ) {
        self.equipment = equipment
        self.metric = metric
        self.dataType = dataType
        self.unit = unit
        self.role = role
        self.isRealTag = isRealTag
        self.summary = summary
    }
}
