import Foundation

/// When a human task falls due, from its priority and the instant it is raised, on a line that
/// works `shiftPattern` in the site's time zone.
///
/// - 1 (direct): one hour later, elapsed time.
/// - 2 (end of shift): the end of the shift in progress, even when it ends in a few minutes —
///   the crew that saw the problem owns it, and an unfinished task shows as overdue at the
///   handover. Shifts are `[start, end)`, so at the boundary instant the next shift is the one
///   in progress. Between shifts (the gap of a 2×8, a weekend off) the task is due at the end of
///   the next shift to start, as a job given between shifts is for that shift (``ShiftDuty``):
///   nobody is there to do it sooner. A line without a shift pattern (or with an empty one)
///   counts its shift as the local day: due at the next local midnight.
/// - 3 (end of day): the end of the local calendar day, the day ``PlantCalendar/day(containing:)``
///   gives and the KPIs are counted by (23 h or 25 h long on a clock change), but never before
///   the end-of-shift due date: a task raised in a night shift at 23:30 is due when that shift
///   ends at 06:00, not at midnight while its crew is still at work, and one raised between
///   shifts late in the evening is due at the end of the next shift.
/// - 4 and 5: 7 and 30 calendar days later at the same local wall-clock time, so 09:00 stays
///   09:00 across a clock change (167 h or 169 h for a week); a time that day skips resolves
///   as ``PlantCalendar`` resolves it (02:30 → 03:30).
/// - 6: no due date.
public struct DueDateRule: Sendable, Equatable {
    /// Elapsed time a direct (priority 1) task is given, in seconds.
    public static let directResponseTime: TimeInterval = 3600

    /// The line's shifts, or nil when the line has none.
    public var shiftPattern: ShiftPattern?
    /// The site's time zone, in which shifts are worked and days counted.
    public var timeZone: TimeZone

    /// Creates the rule for a line working `shiftPattern` (nil: none) in `timeZone`.
    public init(shiftPattern: ShiftPattern?, timeZone: TimeZone) {
        self.shiftPattern = shiftPattern
        self.timeZone = timeZone
    }

    /// When a task of `priority` raised at `now` falls due; nil for ``TaskPriority/noDueDate``.
    public func dueDate(for priority: TaskPriority, raisedAt now: Date) -> Date? {
        switch priority {
        case .direct: now.addingTimeInterval(Self.directResponseTime)
        case .endOfShift: endOfShift(at: now)
        case .endOfDay: endOfDay(at: now)
        case .withinWeek: calendarDays(7, after: now)
        case .withinMonth: calendarDays(30, after: now)
        case .noDueDate: nil
        }
    }

    /// The end of the shift in progress at `now`, or of the next one to start when none is; the
    /// next local midnight when the line has no shifts. (A valid pattern works at least one shift
    /// a week, so the eight days searched always hold the next one.)
    public func endOfShift(at now: Date) -> Date {
        guard let shiftPattern else { return plant.day(containing: now).end }
        let comingWeek = TimeSpan(start: now, end: now.addingTimeInterval(8 * 86_400))
        let shift = shiftPattern.instances(overlapping: comingWeek, in: timeZone).first { $0.end > now }
        return shift?.end ?? plant.day(containing: now).end
    }

    /// The end of the local day containing `now`, or the end-of-shift due date when that is later.
    public func endOfDay(at now: Date) -> Date {
        max(plant.day(containing: now).end, endOfShift(at: now))
    }

    /// The same local wall-clock time as `now`, `count` calendar days later.
    public func calendarDays(_ count: Int, after now: Date) -> Date {
        let time = plant.calendar.dateComponents([.hour, .minute, .second], from: now)
        let seconds = (time.hour ?? 0) * 3600 + (time.minute ?? 0) * 60 + (time.second ?? 0)
        let fraction = now.timeIntervalSince1970 - now.timeIntervalSince1970.rounded(.down)
        let day = plant.localDay(plant.localDay(of: now), plus: count)
        return plant.wallClock(on: day, secondsAfterMidnight: seconds).addingTimeInterval(fraction)
    }

    private var plant: PlantCalendar { PlantCalendar(timeZone: timeZone) }
}
