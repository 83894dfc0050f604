/// Lengths the plant model accepts, shared by validation and the API description.
public enum PlantLimits {
    /// Longest name of a site, area, line or equipment.
    public static let name = 100
    /// Longest free-text description.
    public static let description = 2000
    /// Longest equipment type or owning team.
    public static let label = 64
    /// Longest code.
    public static let code = 32
    /// The range of equipment criticality, 1 (low) to 5 (critical).
    public static let criticality = 1...5
}
