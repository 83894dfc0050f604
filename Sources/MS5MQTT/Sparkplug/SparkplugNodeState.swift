/// What the host remembers about one edge node between messages.
struct SparkplugNodeState: Sendable {
    /// A metric defined in a birth certificate.
    struct MetricDefinition: Sendable, Hashable {
        let name: String
        let datatype: UInt32?
    }

    /// Whether a valid NBIRTH was seen and no NDEATH since.
    var online = false
    /// The `bdSeq` of the current birth, matched against NDEATH.
    var birthDeathSequence: UInt64?
    /// The last sequence number received (0...255).
    var lastSequence: UInt8 = 0
    /// Alias → metric, shared by the node and its devices.
    var aliases: [UInt64: MetricDefinition] = [:]
    /// Metric name → datatype per device (`""` for the node itself).
    var datatypes: [String: [String: UInt32]] = [:]
    /// Devices with a DBIRTH and no DDEATH since.
    var onlineDevices: Set<String> = []
    /// Set once a rebirth was requested, until the next NBIRTH, so gaps don't request it repeatedly.
    var rebirthPending = false
}
