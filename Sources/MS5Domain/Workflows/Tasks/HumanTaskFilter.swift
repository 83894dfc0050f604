import Foundation

/// Which human tasks a list shows: by state, by who they are for, by line and type, within sites.
public struct HumanTaskFilter: Sendable, Equatable {
    /// Which states a list shows.
    public enum Status: String, ClosedSet, Equatable, Hashable {
        /// Still needing someone: open or claimed.
        case open
        /// Open or claimed and past their due date.
        case overdue
        /// Every task, completed and cancelled ones too.
        case all
    }

    /// Which states; open by default.
    public var status: Status
    /// Only the tasks for this person: assigned to them, their role or one of their teams and not
    /// held by someone else, held by them, or escalated to them.
    public var assignee: TaskActor?
    /// Only the tasks of this line.
    public var lineId: UUID?
    /// Only the tasks of this type.
    public var type: String?
    /// Only the tasks of these sites; nil for every site.
    public var siteIds: Set<UUID>?

    /// Creates a filter.
    public init(
        status: Status = .open, assignee: TaskActor? = nil, lineId: UUID? = nil, type: String? = nil, siteIds: Set<UUID>? = nil
    ) {
        self.status = status
        self.assignee = assignee
        self.lineId = lineId
        self.type = type
        self.siteIds = siteIds
    }
}
