import Foundation

/// A group of people who answer for something together (a maintenance crew, a shift's quality
/// techs); escalation levels can name a team instead of each member.
public struct Team: Codable, Sendable, Equatable, Identifiable {
    public let id: UUID
    /// Unique short name, used where policies name the team.
    public var code: String
    public var name: String
    /// Usernames of the members, sorted.
    public var members: [String]
    public let createdAt: Date
    public var updatedAt: Date

    /// Creates a team record.
    public init(id: UUID, code: String, name: String, members: [String], createdAt: Date, updatedAt: Date) {
        self.id = id
        self.code = code
        self.name = name
        self.members = members
        self.createdAt = createdAt
        self.updatedAt = updatedAt
    }
}
