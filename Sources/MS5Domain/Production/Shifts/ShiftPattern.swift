import Foundation

/// A named set of shifts that repeats every week, e.g. 3×8 from 06:00 or 2×12.
///
/// ``instances(overlapping:in:)`` turns it into absolute ``ShiftInstance``s in the
/// plant's time zone; each shift starts at the same wall-clock time every day,
/// whatever the clocks did.
public struct ShiftPattern: Sendable, Equatable, Hashable, Codable {
    /// Name shown to users, e.g. "3×8 Mon–Fri".
    public var name: String
    /// The shifts.
    public var shifts: [ShiftDefinition]

    /// Creates a pattern; ``validated()`` checks it.
    public init(name: String, shifts: [ShiftDefinition]) {
        self.name = name
        self.shifts = shifts
    }

    /// Three 8 h shifts (Early, Late, Night) from `start`, on `days`, each with `breaks`.
    public static func threeShifts(
        startingAt start: TimeOfDay = TimeOfDay(hour: 6),
        days: Set<Weekday> = Weekday.workingDays,
        breaks: [ShiftBreak] = []
    ) -> ShiftPattern {
        evenShifts(name: "3×8", names: ["Early", "Late", "Night"], start: start, days: days, breaks: breaks)
    }

    /// Two 12 h shifts (Day, Night) from `start`, on `days`, each with `breaks`.
    public static func twoShifts(
        startingAt start: TimeOfDay = TimeOfDay(hour: 6),
        days: Set<Weekday> = Weekday.workingDays,
        breaks: [ShiftBreak] = []
    ) -> ShiftPattern {
        evenShifts(name: "2×12", names: ["Day", "Night"], start: start, days: days, breaks: breaks)
    }

    /// This pattern, or a ``DomainError`` naming every invalid field.
    public func validated() throws(DomainError) -> ShiftPattern {
        var found: [FieldViolation] = []
        if name.trimmingCharacters(in: .whitespaces).isEmpty {
            found.append(FieldViolation(field: "/name", reason: "must not be empty"))
        }
        if shifts.isEmpty {
            found.append(FieldViolation(field: "/shifts", reason: "must contain at least one shift"))
        }
        for (index, shift) in shifts.enumerated() {
            found += shift.violations(at: "/shifts/\(index)")
        }
        if !found.isEmpty { throw DomainError.invalid(found) }
        return self
    }

    /// Every shift instance overlapping `span`, in start order, with local times
    /// resolved in `timeZone`.
    public func instances(overlapping span: TimeSpan, in timeZone: TimeZone) -> [ShiftInstance] {
        guard !span.isEmpty else { return [] }
        let plant = PlantCalendar(timeZone: timeZone)
        let lastDay = plant.localDay(of: span.end)
        var day = plant.localDay(plant.localDay(of: span.start), plus: -1)
        var result: [ShiftInstance] = []
        while true {
            let noon = plant.wallClock(on: day, secondsAfterMidnight: 12 * 3600)
            if let weekday = Weekday(calendarWeekday: plant.calendar.component(.weekday, from: noon)) {
                for shift in shifts where shift.days.contains(weekday) {
                    let instance = Self.instance(of: shift, on: day, plant: plant)
                    if instance.span.intersection(span) != nil { result.append(instance) }
                }
            }
            if day == lastDay { break }
            day = plant.localDay(day, plus: 1)
        }
        return result.sorted { ($0.start, $0.name) < ($1.start, $1.name) }
    }

    private static func instance(of shift: ShiftDefinition, on day: DateComponents, plant: PlantCalendar) -> ShiftInstance {
        let startSeconds = shift.start.secondsAfterMidnight
        let start = plant.wallClock(on: day, secondsAfterMidnight: startSeconds)
        let end = plant.wallClock(on: day, secondsAfterMidnight: startSeconds + Int(shift.length.rounded()))
        let breaks = shift.breaks.compactMap { shiftBreak in
            TimeSpan(
                start: start.addingTimeInterval(shiftBreak.offset),
                end: start.addingTimeInterval(shiftBreak.offset + shiftBreak.duration)
            ).intersection(TimeSpan(start: start, end: end))
        }
        return ShiftInstance(name: shift.name, start: start, end: end, breaks: breaks, targetQuantity: shift.targetQuantity)
    }

    private static func evenShifts(
        name: String, names: [String], start: TimeOfDay, days: Set<Weekday>, breaks: [ShiftBreak]
    ) -> ShiftPattern {
        let length = 86_400 / names.count
        let shifts = names.enumerated().map { index, shiftName in
            let seconds = (start.secondsAfterMidnight + index * length) % 86_400
            return ShiftDefinition(
                name: shiftName,
                start: TimeOfDay(hour: seconds / 3600, minute: seconds % 3600 / 60),
                length: TimeInterval(length),
                days: days,
                breaks: breaks)
        }
        return ShiftPattern(name: name, shifts: shifts)
    }
}
