/// The version of this build of ms5.
public enum MS5Version {
    /// Semantic version of the release.
    public static let current = "0.1.0"
}
