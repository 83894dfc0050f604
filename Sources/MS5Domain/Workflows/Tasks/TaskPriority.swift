/// How urgent a human task is, numbered 1 (most) to 6 (least) as in ServiceNow Industrial
/// Connected Workforce; the number decides the due date (``DueDateRule``).
///
/// The JSON form is the number.
public enum TaskPriority: Int, Sendable, Equatable, Hashable, CaseIterable, Comparable {
    /// 1: act now; due one hour after the task is raised.
    case direct = 1
    /// 2: due at the end of the shift in progress.
    case endOfShift = 2
    /// 3: due at the end of the production day.
    case endOfDay = 3
    /// 4: due seven calendar days after the task is raised.
    case withinWeek = 4
    /// 5: due thirty calendar days after the task is raised.
    case withinMonth = 5
    /// 6: no due date.
    case noDueDate = 6

    /// Orders by urgency: ``direct`` comes first.
    public static func < (lhs: TaskPriority, rhs: TaskPriority) -> Bool {
        lhs.rawValue < rhs.rawValue
    }
}

extension TaskPriority: Codable {
    /// Decodes one of the numbers 1 to 6, naming them all when the number is none of them.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        let number = try container.decode(Int.self)
        guard let priority = TaskPriority(rawValue: number) else {
            let allowed = TaskPriority.allCases.map { String($0.rawValue) }.joined(separator: ", ")
            throw DecodingError.dataCorruptedError(in: container, debugDescription: "must be one of \(allowed)")
        }
        self = priority
    }

    /// Encodes the number.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(rawValue)
    }
}
