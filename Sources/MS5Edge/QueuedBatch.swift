/// A batch formed by ``DiskQueue/nextBatch(maxSamples:)``: a sequence number and the samples it covers.
///
/// Until it is acknowledged or dead-lettered, the queue returns this same batch — same sequence,
/// same samples in the same order — on every call and across restarts, so a resend is recognised by
/// the server as a duplicate and the samples are stored exactly once.
public struct QueuedBatch: Sendable, Hashable {
    /// The batch's sequence number; strictly increasing over the life of the queue file.
    public let sequence: Int64
    /// The samples, in the order they were appended.
    public let samples: [EdgeSample]

    /// Creates a batch value.
    public init(sequence: Int64, samples: [EdgeSample]) {
        self.sequence = sequence
        self.samples = samples
    }
}
