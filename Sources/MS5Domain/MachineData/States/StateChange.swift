import Foundation

/// A confirmed change of state or mode, emitted by ``StateDeriver``.
public struct StateChange: Sendable, Equatable, Hashable, Codable {
    /// The interval that ended, with `end == opened.start`.
    ///
    /// `nil` only when the deriver's initial interval is relabelled at its own start
    /// instant (inputs arrived at exactly the `start` passed to the deriver): then
    /// ``opened`` replaces the initial interval, which has the same start.
    public var closed: StateInterval?
    /// The interval that is now current (open, `end == nil`). Its start is when the
    /// new condition began, not when the debounce confirmed it.
    public var opened: StateInterval
    /// When the change was confirmed (the debounce expired); ≥ `opened.start`.
    public var confirmedAt: Date

    /// Creates a change.
    public init(closed: StateInterval?, opened: StateInterval, confirmedAt: Date) {
        self.closed = closed
        self.opened = opened
        self.confirmedAt = confirmedAt
    }
}
