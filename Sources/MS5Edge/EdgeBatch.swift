/// The body of `POST {core}/v1/telemetry/batches`:
/// `{"source": "edge-line1", "sequence": 42, "samples": [...]}`.
public struct EdgeBatch: Sendable, Hashable, Codable {
    /// The edge's name, 1–64 of `[A-Za-z0-9_.-]`; the server de-duplicates per (source, sequence).
    public var source: String
    /// The batch's sequence number from the ``DiskQueue``.
    public var sequence: Int64
    /// At most 10,000 samples, in queue order.
    public var samples: [EdgeSample]

    /// Creates a batch body.
    public init(source: String, sequence: Int64, samples: [EdgeSample]) {
        self.source = source
        self.sequence = sequence
        self.samples = samples
    }
}
