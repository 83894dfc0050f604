/// Errors a ``DiskQueue`` throws besides those of SQLite itself.
public enum DiskQueueError: Error, Sendable, Hashable, CustomStringConvertible {
    /// The byte budget is reached and the policy is ``OverflowPolicy/refuseNew``; nothing was written.
    case queueFull(queuedBytes: Int64, maximumBytes: Int64, refusedSamples: Int)
    /// A sample cannot be queued (value NaN or infinite, quality outside 0...255); nothing was written.
    case invalidSample(index: Int, reason: String)
    /// The sequence named is not the batch currently formed.
    case unknownBatch(sequence: Int64)
    /// The file is not a queue this code understands (a newer schema, or another database).
    case incompatibleFile(path: String, reason: String)
    /// The queue was closed.
    case closed

    /// A sentence for logs and operators.
    public var description: String {
        switch self {
        case let .queueFull(queued, maximum, refused):
            "Edge queue is full (\(queued) of \(maximum) bytes); refused \(refused) new samples, kept everything queued"
        case let .invalidSample(index, reason):
            "Sample \(index) cannot be queued: \(reason)"
        case let .unknownBatch(sequence):
            "No formed batch has sequence \(sequence)"
        case let .incompatibleFile(path, reason):
            "\(path) is not a usable edge queue: \(reason)"
        case .closed:
            "The edge queue is closed"
        }
    }
}
