import MS5Retry
/// How a ``Forwarder`` names itself, sizes batches and paces retries.
public struct ForwarderConfiguration: Sendable, Hashable {
    /// The edge's `source` name sent with every batch: 1–64 of `[A-Za-z0-9_.-]`. Keep it stable:
    /// the server de-duplicates per (source, sequence).
    public let source: String
    /// The most samples per new batch, 1...10,000.
    public var maxBatchSamples: Int
    /// Backoff between retries after 5xx answers, refused connections and timeouts: by default
    /// 0.5 s doubling up to 60 s, ±20 %.
    public var backoff: Backoff
    /// The wait between attempts while the server answers 401/403 (no fast retrying on a wrong token).
    public var authenticationRetryInterval: Duration
    /// How often an empty queue is looked at again.
    public var idlePollInterval: Duration
    /// Seed of the jitter generator; `nil` draws one at random. Set it in tests for determinism.
    public var jitterSeed: UInt64?
    /// The window ``ForwarderStatus/rate`` averages over.
    public var rateWindow: Duration

    /// Thrown for a `source` the server would refuse.
    public struct InvalidSource: Error, Hashable, CustomStringConvertible {
        /// The refused name.
        public let source: String

        /// Creates the error for `source`.
        public init(source: String) {
            self.source = source
        }

        /// A sentence for logs and operators.
        public var description: String { "Edge source \"\(source)\" must be 1–64 characters of A-Z a-z 0-9 _ . -" }
    }

    /// Creates a configuration.
    /// - Throws: ``InvalidSource`` if `source` is not 1–64 of `[A-Za-z0-9_.-]`.
    public init(
        source: String,
        maxBatchSamples: Int = DiskQueue.maximumBatchSamples,
        backoff: Backoff = Backoff(initial: .milliseconds(500), maximum: .seconds(60), jitter: 0.2),
        authenticationRetryInterval: Duration = .seconds(60),
        idlePollInterval: Duration = .milliseconds(500),
        jitterSeed: UInt64? = nil,
        rateWindow: Duration = .seconds(60)
    ) throws {
        guard Self.isValidSource(source) else { throw InvalidSource(source: source) }
        self.source = source
        self.maxBatchSamples = min(max(1, maxBatchSamples), DiskQueue.maximumBatchSamples)
        self.backoff = backoff
        self.authenticationRetryInterval = authenticationRetryInterval
        self.idlePollInterval = idlePollInterval
        self.jitterSeed = jitterSeed
        self.rateWindow = rateWindow
    }

    /// Whether `source` is 1–64 of `[A-Za-z0-9_.-]`.
    public static func isValidSource(_ source: String) -> Bool {
        (1...64).contains(source.utf8.count) && source.utf8.allSatisfy { byte in
            switch byte {
            case UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "a")...UInt8(ascii: "z"),
                 UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "_"), UInt8(ascii: "."), UInt8(ascii: "-"):
                true
            default:
                false
            }
        }
    }
}
