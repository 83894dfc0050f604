import Foundation

/// What a ``Forwarder`` is doing, for the edge's status page and metrics.
public struct ForwarderStatus: Sendable, Hashable {
    /// Whether the last attempt reached the server and was accepted or judged (2xx or 422). `false`
    /// after refused connections, timeouts, 5xx and 401/403.
    public var connected: Bool = false
    /// Whether the server currently refuses the token (401/403). Data is kept meanwhile.
    public var authenticationFailed: Bool = false
    /// The last failure, `nil` until one happens; kept after recovery for diagnosis.
    public var lastError: String?
    /// When a batch was last acknowledged.
    public var lastSuccess: Date?
    /// Batches acknowledged (stored now or found already stored).
    public var batchesSent: Int = 0
    /// Samples in those batches.
    public var samplesSent: Int = 0
    /// Batches the server answered as duplicates (sent before, acknowledgement lost).
    public var duplicateBatches: Int = 0
    /// Attempts that failed and were repeated with the same batch.
    public var retries: Int = 0
    /// Batches moved to the dead-letter table after a 422.
    public var deadLettered: Int = 0
    /// What waits in the queue, as of the last look.
    public var backlog: QueueBacklog = .empty
    /// The wait in progress before the next attempt, `nil` when not waiting after a failure.
    public var currentBackoff: Duration?
    /// Samples delivered per second over the configured window (default the last minute).
    public var rate: Double = 0
    /// Whether ``Forwarder/run()`` is running.
    public var running: Bool = false

    /// An initial status: nothing sent, not connected.
    public init() {}
}
