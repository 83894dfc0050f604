/// What a ``DiskQueue`` does when appending would exceed its byte budget.
public enum OverflowPolicy: Sendable, Hashable {
    /// Refuse the whole append with ``DiskQueueError/queueFull(queuedBytes:maximumBytes:refusedSamples:)``
    /// and raise ``EdgeAlarm/queueFull(queuedBytes:maximumBytes:refusedSamples:)``. Nothing already
    /// queued is dropped. The default: the caller decides what to give up.
    case refuseNew
    /// Make room by deleting the oldest samples not yet in a batch (a formed batch is never touched),
    /// count them and raise ``EdgeAlarm/samplesDropped(count:totalDropped:)``. If the new samples alone
    /// exceed the room left, their oldest ones are dropped too.
    case dropOldest
}
