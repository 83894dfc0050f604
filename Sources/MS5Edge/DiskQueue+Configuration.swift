extension DiskQueue {
    /// Limits and policies of a ``DiskQueue``.
    public struct Configuration: Sendable, Hashable {
        /// The byte budget for queued samples (counted as ``DiskQueue/estimatedBytesPerSample`` each).
        /// The default, 1 GiB, holds about 26.8 million samples: 12 hours of ~620 samples/s.
        public var maximumBytes: Int64
        /// What happens when an append would exceed ``maximumBytes``.
        public var overflowPolicy: OverflowPolicy
        /// The sequence number of the first batch of a newly created queue file. `nil` (the default)
        /// uses the current time in milliseconds since 1970, so that a queue file deleted and created
        /// anew under the same `source` never reuses a sequence the server already stored (which the
        /// server would answer as a duplicate, silently discarding the new samples). Ignored when the
        /// file already exists.
        public var firstSequence: Int64?

        /// Creates a configuration.
        /// - Parameters:
        ///   - maximumBytes: The byte budget; default 1 GiB.
        ///   - overflowPolicy: The policy at the budget; default ``OverflowPolicy/refuseNew``.
        ///   - firstSequence: The first sequence number of a new file; default clock-based.
        public init(
            maximumBytes: Int64 = 1 << 30,
            overflowPolicy: OverflowPolicy = .refuseNew,
            firstSequence: Int64? = nil
        ) {
            self.maximumBytes = maximumBytes
            self.overflowPolicy = overflowPolicy
            self.firstSequence = firstSequence
        }
    }
}
