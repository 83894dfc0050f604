/// A day of the week; raw values are the lower-case English names.
public enum Weekday: String, ClosedSet, Equatable, Hashable {
    /// Monday.
    case monday
    /// Tuesday.
    case tuesday
    /// Wednesday.
    case wednesday
    /// Thursday.
    case thursday
    /// Friday.
    case friday
    /// Saturday.
    case saturday
    /// Sunday.
    case sunday

    /// Monday to Friday: the days of a pattern with weekends off.
    public static let workingDays: Set<Weekday> = [.monday, .tuesday, .wednesday, .thursday, .friday]

    /// Every day of the week.
    public static let everyDay = Set(Weekday.allCases)

    /// The day for a Foundation `Calendar` weekday number (1 = Sunday … 7 = Saturday).
    public init?(calendarWeekday: Int) {
        let ordered: [Weekday] = [.sunday, .monday, .tuesday, .wednesday, .thursday, .friday, .saturday]
        guard (1...7).contains(calendarWeekday) else { return nil }
        self = ordered[calendarWeekday - 1]
    }

}
