/// A condition at the edge that an operator must hear about: data is at risk or is not flowing.
///
/// ``DiskQueue`` and ``Forwarder`` hand alarms to an ``EdgeAlarmHandler`` each time the condition
/// occurs (every refused append, every drop, every rejected batch, each run of authentication
/// failures); de-duplicating repeated alarms is the receiving alarm system's job.
public enum EdgeAlarm: Sendable, Hashable {
    /// The queue is at its byte budget and, under ``OverflowPolicy/refuseNew``, refused new samples.
    case queueFull(queuedBytes: Int64, maximumBytes: Int64, refusedSamples: Int)
    /// The queue is at its byte budget and, under ``OverflowPolicy/dropOldest``, dropped the oldest
    /// unsent samples (`count` now, `totalDropped` over the life of the queue file).
    case samplesDropped(count: Int, totalDropped: Int64)
    /// The server answered 401 or 403: the token is wrong. Data is kept; retries slow down.
    case authenticationRejected(statusCode: Int)
    /// The server answered 422 for a batch, which was moved to the dead-letter table.
    case batchDeadLettered(sequence: Int64, sampleCount: Int, reason: String)
}

/// Receives ``EdgeAlarm``s. Called synchronously from the queue or forwarder; it must not block.
public typealias EdgeAlarmHandler = @Sendable (EdgeAlarm) -> Void
