import Foundation
import MS5Domain
import SQLKit

/// Who tasks can be for, as the database knows them: accounts and teams that exist, and the
/// names under which a person finds their tasks.
enum HumanTaskAssignees {
    /// `assignee` as stored — a username in lower case, as accounts keep them — once the account
    /// or team it names is known; a role always is. Fails with `invalid` naming `field` otherwise.
    static func known(_ assignee: TaskAssignee, _ db: any SQLDatabase, field: String) async throws -> TaskAssignee {
        switch assignee {
        case .user(let username):
            let found = try await db.select().column("id").from("users").where("username", .equal, SQLBind(username.lowercased())).first()
            guard found != nil else { throw unknown(field, "no account with this username exists") }
            return .user(username.lowercased())
        case .team(let code):
            guard try await TeamStore.unknownCodes([code], on: db).isEmpty else { throw unknown(field, "no team with this code exists") }
            return assignee
        case .role:
            return assignee
        }
    }

    /// How `assignee` is matched in the database: its recipient text, a username in lower case.
    static func key(_ assignee: TaskAssignee) -> String {
        if case .user(let username) = assignee { return TaskAssignee.user(username.lowercased()).recipient }
        return assignee.recipient
    }

    /// Every assignee that includes `actor`: their username, each of their roles, each of their teams.
    static func recipients(of actor: TaskActor) -> [String] {
        [key(.user(actor.username))] + actor.roles.map { key(.role($0)) }.sorted() + actor.teams.map { key(.team($0)) }.sorted()
    }

    /// The codes of the teams `username` is a member of.
    static func teams(of username: String, _ db: any SQLDatabase) async throws -> Set<String> {
        Set(try await db.raw("""
            SELECT t.code FROM teams t JOIN team_members m ON m.team_id = t.id WHERE m.username = \(bind: username.lowercased())
            """).all().map { try $0.decode(column: "code", as: String.self) })
    }

    private static func unknown(_ field: String, _ reason: String) -> DomainError {
        DomainError.invalid([FieldViolation(field: "/\(field)", reason: reason)])
    }
}
