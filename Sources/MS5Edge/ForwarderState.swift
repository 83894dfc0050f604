/// The mutable part of a ``Forwarder``, kept behind its lock: status, rate window and the
/// continuations of ``Forwarder/statusUpdates()``.
struct ForwarderState: Sendable {
    var status = ForwarderStatus()
    var rate: DeliveryRate
    var subscribers: [Int: AsyncStream<ForwarderStatus>.Continuation] = [:]
    var nextSubscriber = 0

    init(rateWindow: Duration) {
        rate = DeliveryRate(window: rateWindow)
    }

    /// The status with the rate as of `instant`.
    func snapshot(at instant: ContinuousClock.Instant) -> ForwarderStatus {
        var status = status
        status.rate = rate.rate(at: instant)
        return status
    }
}
