/// Drift-free deadlines for periodic polling. Pure.
public enum ModbusPollSchedule {
    /// The deadline after `previous`: `previous + period`, moved on by whole periods past
    /// any that `now` has already passed, so late reads skip slots instead of drifting.
    public static func nextDeadline<Instant: InstantProtocol>(
        after previous: Instant,
        period: Duration,
        now: Instant
    ) -> Instant where Instant.Duration == Duration {
        let next = previous.advanced(by: period)
        guard next < now else {
            return next
        }
        let missed = next.duration(to: now) / period
        return next.advanced(by: period * Int(missed.rounded(.up)))
    }
}
