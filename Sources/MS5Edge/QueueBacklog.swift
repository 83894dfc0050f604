/// How much data waits in a ``DiskQueue`` to be delivered.
public struct QueueBacklog: Sendable, Hashable {
    /// Samples waiting, including those of the batch formed but not yet acknowledged.
    public var samples: Int
    /// Samples of them in the formed, unacknowledged batch.
    public var samplesInFlight: Int
    /// Bytes they take, counted as ``DiskQueue/estimatedBytesPerSample`` each; this is what the byte
    /// budget limits.
    public var bytes: Int64

    /// Creates a backlog value.
    public init(samples: Int, samplesInFlight: Int, bytes: Int64) {
        self.samples = samples
        self.samplesInFlight = samplesInFlight
        self.bytes = bytes
    }

    /// An empty backlog.
    public static let empty = QueueBacklog(samples: 0, samplesInFlight: 0, bytes: 0)
}
