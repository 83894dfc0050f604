import Foundation

/// An entry of a line's planned-downtime calendar: a meeting, planned maintenance, an extra
/// break or a time without orders. Its time is not planned busy time.
public struct PlannedDowntimeEntry: Codable, Sendable, Equatable, Identifiable {
    public let id: UUID
    public var lineId: UUID
    public var kind: PlannedDowntimeKind
    public var start: Date
    public var end: Date
    public var note: String?
    /// Who entered it.
    public var createdBy: String
    public let createdAt: Date

    /// Creates an entry record.
    public init(id: UUID, lineId: UUID, kind: PlannedDowntimeKind, start: Date, end: Date, note: String?, createdBy: String, createdAt: Date) {
        self.id = id
        self.lineId = lineId
        self.kind = kind
        self.start = start
        self.end = end
        self.note = note
        self.createdBy = createdBy
        self.createdAt = createdAt
    }

    /// The entry as the KPI calculation takes it.
    public var downtime: PlannedDowntime { PlannedDowntime(kind: kind, start: start, end: end) }
}

/// What a client sends to enter planned downtime on a line.
public struct PlannedDowntimeInput: Codable, Sendable, Equatable {
    public var kind: PlannedDowntimeKind
    public var start: Date
    public var end: Date
    public var note: String?

    /// Creates the input.
    public init(kind: PlannedDowntimeKind, start: Date, end: Date, note: String? = nil) {
        self.kind = kind
        self.start = start
        self.end = end
        self.note = note
    }

    /// Refuses the input with every field at fault: the entry must end after it starts and last
    /// at most 31 days.
    public func validate() throws(DomainError) {
        var v = Validator()
        v.check(start < end, "end", "must be after start")
        v.check(end.timeIntervalSince(start) <= 31 * 86_400, "end", "must be at most 31 days after start")
        v.check((note?.count ?? 0) <= 200, "note", "must be at most 200 characters")
        try v.finish()
    }
}
