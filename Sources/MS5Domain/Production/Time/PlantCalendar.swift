import Foundation

/// Wall-clock arithmetic in the plant's time zone: days, ISO weeks and local times.
///
/// Days and weeks are the spans between local midnights, so a day across the
/// spring-forward change lasts 23 h and one across the fall-back change 25 h.
/// A local time that does not exist (skipped by spring-forward) resolves to the
/// same offset after the change (02:30 → 03:30); a local time that occurs twice
/// (fall-back) resolves to its first occurrence.
public struct PlantCalendar: Sendable, Equatable, Hashable, Codable {
    /// The plant's time zone.
    public var timeZone: TimeZone

    /// Creates a calendar for `timeZone`.
    public init(timeZone: TimeZone) {
        self.timeZone = timeZone
    }

    /// A Gregorian calendar in ``timeZone`` with Monday as the first weekday.
    public var calendar: Calendar {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = timeZone
        calendar.firstWeekday = 2
        calendar.minimumDaysInFirstWeek = 4
        return calendar
    }

    /// The local calendar day (year, month, day) of `date`.
    public func localDay(of date: Date) -> DateComponents {
        calendar.dateComponents([.year, .month, .day], from: date)
    }

    /// The local day `offset` days after `day`.
    public func localDay(_ day: DateComponents, plus offset: Int) -> DateComponents {
        let noon = wallClock(on: day, secondsAfterMidnight: 12 * 3600)
        let shifted = calendar.date(byAdding: .day, value: offset, to: noon) ?? noon
        return localDay(of: shifted)
    }

    /// The absolute instant of a wall-clock time on a local day; seconds past
    /// 24 h roll into the following days. (A Gregorian calendar resolves every
    /// valid day; the 1970 fallback only guards malformed components.)
    public func wallClock(on day: DateComponents, secondsAfterMidnight seconds: Int) -> Date {
        let dayOffset = seconds.floorDivided(by: 86_400)
        let secondOfDay = seconds - dayOffset * 86_400
        var components = dayOffset == 0 ? day : localDay(day, plus: dayOffset)
        components.hour = secondOfDay / 3600
        components.minute = secondOfDay % 3600 / 60
        components.second = secondOfDay % 60
        return calendar.date(from: components) ?? Date(timeIntervalSince1970: 0)
    }

    /// The local day (midnight to midnight) containing `date`.
    public func day(containing date: Date) -> TimeSpan {
        let day = localDay(of: date)
        return TimeSpan(
            start: wallClock(on: day, secondsAfterMidnight: 0),
            end: wallClock(on: localDay(day, plus: 1), secondsAfterMidnight: 0))
    }

    /// The ISO week (Monday 00:00 to the next Monday 00:00) containing `date`.
    public func week(containing date: Date) -> TimeSpan {
        let day = localDay(of: date)
        let weekday = calendar.component(.weekday, from: date)
        let daysSinceMonday = (weekday + 5) % 7
        let monday = localDay(day, plus: -daysSinceMonday)
        return TimeSpan(
            start: wallClock(on: monday, secondsAfterMidnight: 0),
            end: wallClock(on: localDay(monday, plus: 7), secondsAfterMidnight: 0))
    }

    /// The local days overlapping `span`, each as a whole day, in time order.
    public func days(overlapping span: TimeSpan) -> [TimeSpan] {
        guard !span.isEmpty else { return [] }
        var result = [day(containing: span.start)]
        while let last = result.last, last.end < span.end {
            result.append(day(containing: last.end))
        }
        return result
    }
}

extension Int {
    /// Division rounding towards negative infinity.
    func floorDivided(by divisor: Int) -> Int {
        let quotient = self / divisor
        return (self % divisor != 0 && (self < 0) != (divisor < 0)) ? quotient - 1 : quotient
    }
}
