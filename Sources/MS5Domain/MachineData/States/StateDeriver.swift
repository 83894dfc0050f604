import Foundation

/// Builds the machine-state timeline of one equipment from tag samples and fault
/// changes, with debounce.
///
/// A pure state machine: it keeps the last value of every metric and the active
/// faults, evaluates ``StateRules`` after every input, and reads no clock — time
/// moves only through the timestamps passed in and ``advance(to:)``.
///
/// **Debounce.** When the evaluated condition (state + mode) differs from the
/// current interval's, it becomes a ``pending`` candidate stamped with the time it
/// began. It is confirmed once time has moved strictly past that instant and at
/// least ``minimumDuration`` has elapsed (`now - since >= minimumDuration`). The
/// current interval then closes at `since` and the new one starts at `since`, so
/// intervals are contiguous, never overlap, and their durations add up to the
/// span. If the condition returns to the current one before confirmation, the
/// candidate is dropped (the flicker is absorbed into the current interval). If it
/// turns into a third condition, that one becomes the candidate with a new `since`.
/// Because time must pass, several inputs at the same instant never create
/// zero-length intervals, even with `minimumDuration == 0`; with a debounce of 0 a
/// change is reported by the next input or ``advance(to:)`` with a later time.
/// Every closed interval except the initial one lasts at least `minimumDuration`.
///
/// **Time.** Inputs are expected in time order. A metric value (or fault list)
/// older than the last one accepted for the same metric (or for the faults) is
/// stale: ignored and counted in ``staleSamples``. Any other input older than the
/// deriver's ``clock`` (e.g. from a slower source) is applied at ``clock`` and
/// counted in ``lateSamples``.
public struct StateDeriver: Sendable, Equatable {
    /// The configuration.
    public let rules: StateRules
    /// The debounce in seconds (see ``StateRules/minimumDuration``).
    public let minimumDuration: TimeInterval
    /// The open interval (`end == nil`).
    public private(set) var current: StateInterval
    /// A candidate waiting for the debounce, if any.
    public private(set) var pending: PendingCondition?
    /// The newest time seen (start, input timestamps, ``advance(to:)``).
    public private(set) var clock: Date
    /// Last value of every metric.
    public private(set) var values: [String: Double] = [:]
    /// The active faults as last reported by ``faultsChanged(active:at:)``.
    public private(set) var activeFaults: [ActiveFault] = []
    /// Inputs ignored because they were older than the last input of the same metric.
    public private(set) var staleSamples = 0
    /// Inputs older than ``clock`` that were applied at ``clock``.
    public private(set) var lateSamples = 0

    private var metricTimes: [String: Date] = [:]
    private var faultsTime: Date?
    /// False until the rules were first evaluated (see ``unreadInput(at:)``).
    private var evaluated = false
    /// Whether the initial interval stands for a state nobody has observed (a new timeline).
    private let initialStateUnobserved: Bool

    /// Creates a deriver whose timeline starts at `start` with an initial interval.
    ///
    /// Inputs stamped before `start` are applied at `start` (counted as late). If
    /// the first inputs arrive at exactly `start` and confirm a different condition,
    /// the initial interval is relabelled (``StateChange/closed`` is `nil`).
    ///
    /// `initialStateUnobserved`: the initial interval stands for a state nobody has seen yet (a
    /// new timeline). The first evaluation of the rules at `start` then relabels it at once,
    /// without the debounce, so the timeline never shows that state as if it had been observed.
    public init(
        rules: StateRules,
        start: Date,
        initialState: MachineState = .stopped,
        initialMode: MachineMode = .production,
        initialStateUnobserved: Bool = false
    ) {
        self.initialStateUnobserved = initialStateUnobserved
        self.rules = rules
        self.minimumDuration = rules.minimumDuration
        self.current = StateInterval(state: initialState, mode: initialMode, start: start)
        self.clock = start
    }

    /// The condition the rules give for the current inputs, ignoring the debounce.
    public var target: MachineCondition {
        rules.evaluate(values: values, activeFaults: activeFaults)
    }

    /// Records one metric value.
    /// - Returns: The change confirmed by time reaching `at`, if any.
    @discardableResult
    public mutating func ingest(metric: String, value: Double, at: Date) -> StateChange? {
        ingest([metric: value], at: at)
    }

    /// Records several metric values sampled at the same time, evaluating the rules
    /// once after all of them.
    /// - Returns: The change confirmed by time reaching `at`, if any.
    @discardableResult
    public mutating func ingest(_ samples: [String: Double], at: Date) -> StateChange? {
        let change = advance(to: at)
        var accepted = false
        for (metric, value) in samples {
            if let last = metricTimes[metric], at < last {
                staleSamples += 1
                continue
            }
            if at < clock { lateSamples += 1 }
            metricTimes[metric] = at
            values[metric] = value
            accepted = true
        }
        guard accepted else { return change }
        return reevaluate() ?? change
    }

    /// Replaces the active-fault list (e.g. with ``FaultEdgeDetector/active`` after
    /// it returned events).
    /// - Returns: The change confirmed by time reaching `at`, if any.
    @discardableResult
    public mutating func faultsChanged(active: [ActiveFault], at: Date) -> StateChange? {
        let change = advance(to: at)
        if let last = faultsTime, at < last {
            staleSamples += 1
            return change
        }
        if at < clock { lateSamples += 1 }
        faultsTime = at
        activeFaults = active
        return reevaluate() ?? change
    }

    /// Takes an input the rules do not read (see ``StateRules/metricKeys``). It cannot change
    /// the condition, but its time confirms a candidate whose debounce has passed, and it has the
    /// rules evaluated if they were not since the deriver was created: new rules (or a restart)
    /// take effect at the next input of any kind.
    /// - Returns: The change confirmed by time reaching `at`, if any.
    @discardableResult
    public mutating func unreadInput(at time: Date) -> StateChange? {
        let change = advance(to: time)
        guard !evaluated else { return change }
        return reevaluate() ?? change
    }

    /// Moves time forward without new inputs, confirming a pending candidate whose
    /// debounce has expired. A time before ``clock`` is ignored.
    /// - Returns: The confirmed change, if any.
    @discardableResult
    public mutating func advance(to time: Date) -> StateChange? {
        guard time >= clock else { return nil }
        clock = time
        guard let candidate = pending,
            time > candidate.since,
            time.timeIntervalSince(candidate.since) >= minimumDuration
        else { return nil }
        return confirm(candidate, at: time)
    }

    // MARK: - Private

    /// Updates the candidate for the current inputs; answers the relabelling of an unobserved
    /// initial interval, the one change that needs no debounce.
    private mutating func reevaluate() -> StateChange? {
        let first = !evaluated
        evaluated = true
        let condition = target
        if first, initialStateUnobserved, condition != current.condition, clock == current.start {
            return confirm(PendingCondition(condition: condition, since: clock), at: clock)
        }
        if condition == current.condition {
            pending = nil
        } else if pending?.condition != condition {
            pending = PendingCondition(condition: condition, since: clock)
        }
        return nil
    }

    private mutating func confirm(_ candidate: PendingCondition, at time: Date) -> StateChange {
        pending = nil
        let opened = StateInterval(condition: candidate.condition, start: candidate.since)
        var closed: StateInterval?
        if candidate.since > current.start {
            var ended = current
            ended.end = candidate.since
            closed = ended
        }
        current = opened
        return StateChange(closed: closed, opened: opened, confirmedAt: time)
    }
}
