import Foundation

/// One named shift of a pattern: when it starts on the wall clock, how long it
/// lasts, on which days it starts, its breaks and its production target.
///
/// ``length`` is nominal wall-clock time: a shift 22:00 + 8 h ends at 06:00 local
/// time, which makes it 7 h long across the spring-forward change and 9 h across
/// fall-back.
public struct ShiftDefinition: Sendable, Equatable, Hashable, Codable {
    /// Name shown to users, e.g. "Early".
    public var name: String
    /// Wall-clock start.
    public var start: TimeOfDay
    /// Nominal length in seconds (wall clock), more than 0 and at most 24 h.
    public var length: TimeInterval
    /// Days on which the shift starts (a night shift belongs to the day it starts).
    public var days: Set<Weekday>
    /// Planned breaks.
    public var breaks: [ShiftBreak]
    /// Planned good quantity for one instance of this shift, if any.
    public var targetQuantity: Int?

    /// Creates a shift definition; ``ShiftPattern/validated()`` checks it.
    public init(
        name: String,
        start: TimeOfDay,
        length: TimeInterval,
        days: Set<Weekday> = Weekday.everyDay,
        breaks: [ShiftBreak] = [],
        targetQuantity: Int? = nil
    ) {
        self.name = name
        self.start = start
        self.length = length
        self.days = days
        self.breaks = breaks
        self.targetQuantity = targetQuantity
    }

    /// The problems of this definition, with pointers below `pointer`.
    func violations(at pointer: String) -> [FieldViolation] {
        var found: [FieldViolation] = []
        if name.trimmingCharacters(in: .whitespaces).isEmpty {
            found.append(FieldViolation(field: "\(pointer)/name", reason: "must not be empty"))
        }
        if !start.isValid {
            found.append(FieldViolation(field: "\(pointer)/start", reason: "must be a time from 00:00 to 23:59"))
        }
        if !(length > 0 && length <= 86_400) {
            found.append(FieldViolation(field: "\(pointer)/length", reason: "must be more than 0 s and at most 24 h"))
        }
        if days.isEmpty {
            found.append(FieldViolation(field: "\(pointer)/days", reason: "must name at least one day"))
        }
        for (index, shiftBreak) in breaks.enumerated()
        where shiftBreak.offset < 0 || shiftBreak.duration <= 0 || shiftBreak.offset + shiftBreak.duration > length {
            found.append(
                FieldViolation(field: "\(pointer)/breaks/\(index)", reason: "must lie inside the shift and last more than 0 s"))
        }
        if let targetQuantity, targetQuantity < 0 {
            found.append(FieldViolation(field: "\(pointer)/targetQuantity", reason: "must not be negative"))
        }
        return found
    }
}
