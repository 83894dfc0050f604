/// How trustworthy a sample is.
public enum MQTTSampleQuality: String, Sendable, Hashable, Codable {
    /// The value is valid.
    case good
    /// The value may be stale or estimated.
    case uncertain
    /// The value must not be used.
    case bad
}
