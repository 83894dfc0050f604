import Foundation
import MS5Domain
import SQLKit

/// Teams and their members.
public struct TeamStore: Sendable {
    let database: Database

    /// Creates the store over `database`.
    public init(database: Database) {
        self.database = database
    }

    /// Every team, by code, with its members.
    public func list() async throws -> [Team] {
        try await database.read { db in
            let rows = try await db.select().columns("id", "code", "name", "created_at", "updated_at").from("teams")
                .orderBy("code").limit(1000).all()
            let members = try await db.select().columns("team_id", "username").from("team_members").orderBy("username").all()
            var byTeam: [UUID: [String]] = [:]
            for row in members {
                byTeam[try row.decode(column: "team_id", as: UUID.self), default: []].append(try row.decode(column: "username", as: String.self))
            }
            return try rows.map { row in
                let id = try row.decode(column: "id", as: UUID.self)
                return Team(
                    id: id, code: try row.decode(column: "code", as: String.self), name: try row.decode(column: "name", as: String.self),
                    members: byTeam[id] ?? [], createdAt: try row.decode(column: "created_at", as: Date.self),
                    updatedAt: try row.decode(column: "updated_at", as: Date.self))
            }
        }
    }

    /// Creates a team; its code must be free and its members existing accounts.
    public func create(_ input: TeamInput) async throws -> Team {
        try input.validate()
        let now = RecordClock.now()
        let team = Team(id: UUID(), code: input.code, name: input.name, members: Self.usernames(input), createdAt: now, updatedAt: now)
        try await database.transaction { db in
            try await Self.checkCodeFree(db, team.code, excluding: nil)
            try await db.insert(into: "teams").columns("id", "code", "name", "created_at", "updated_at")
                .values(SQLBind(team.id), SQLBind(team.code), SQLBind(team.name), SQLBind(now), SQLBind(now)).run()
            try await Self.setMembers(db, team, as: input.members)
            try await AuditLedger.record(db, action: "create", recordType: "team", recordId: team.id.uuidString.lowercased(), before: Team?.none, after: team)
        }
        return team
    }

    /// Replaces a team's code, name and members.
    public func update(_ id: UUID, _ input: TeamInput) async throws -> Team {
        try input.validate()
        return try await database.transaction { db in
            guard let row = try await db.select().column("created_at").from("teams").where("id", .equal, id).first() else {
                throw DomainError.notFound("team", id: id)
            }
            let before = try await Self.team(id, on: db)
            try await Self.checkCodeFree(db, input.code, excluding: id)
            let team = Team(
                id: id, code: input.code, name: input.name, members: Self.usernames(input),
                createdAt: try row.decode(column: "created_at", as: Date.self), updatedAt: RecordClock.now())
            try await db.update("teams").set("code", to: SQLBind(team.code)).set("name", to: SQLBind(team.name))
                .set("updated_at", to: SQLBind(team.updatedAt)).where("id", .equal, id).run()
            try await db.delete(from: "team_members").where("team_id", .equal, id).run()
            try await Self.setMembers(db, team, as: input.members)
            try await AuditLedger.record(db, action: "update", recordType: "team", recordId: id.uuidString.lowercased(), before: before, after: team)
            return team
        }
    }

    /// Deletes a team; refused while an escalation policy names it.
    public func delete(_ id: UUID) async throws {
        try await database.transaction { db in
            guard let code = try await db.select().column("code").from("teams").where("id", .equal, id).first()?
                .decode(column: "code", as: String.self)
            else { throw DomainError.notFound("team", id: id) }
            if try await Self.policiesNaming(code, on: db) {
                throw DomainError(.conflict, "An escalation policy names this team; change the policy first.")
            }
            let before = try await Self.team(id, on: db)
            try await db.delete(from: "teams").where("id", .equal, id).run()
            try await AuditLedger.record(db, action: "delete", recordType: "team", recordId: id.uuidString.lowercased(), before: before, after: Team?.none)
        }
    }

    /// The team with `id` and its members, on `db`.
    private static func team(_ id: UUID, on db: any SQLDatabase) async throws -> Team {
        guard let row = try await db.select().columns("id", "code", "name", "created_at", "updated_at").from("teams")
            .where("id", .equal, SQLBind(id)).first()
        else { throw DomainError.notFound("team", id: id) }
        let members = try await db.select().column("username").from("team_members").where("team_id", .equal, SQLBind(id))
            .orderBy("username").all(decodingColumn: "username", as: String.self)
        return Team(
            id: id, code: try row.decode(column: "code", as: String.self), name: try row.decode(column: "name", as: String.self),
            members: members, createdAt: try row.decode(column: "created_at", as: Date.self), updatedAt: try row.decode(column: "updated_at", as: Date.self))
    }

    /// The codes among `codes` that no team has, on `db`.
    static func unknownCodes(_ codes: [String], on db: any SQLDatabase) async throws -> Set<String> {
        guard !codes.isEmpty else { return [] }
        let known = try await db.select().column("code").from("teams").where("code", .in, SQLBind.group(codes))
            .all(decodingColumn: "code", as: String.self)
        return Set(codes).subtracting(known)
    }

    private static func policiesNaming(_ code: String, on db: any SQLDatabase) async throws -> Bool {
        let levels = try await db.select().column("levels").from("escalation_policies").all(decodingColumn: "levels", as: String.self)
        let decoder = JSONDecoder()
        return try levels.contains { json in
            try decoder.decode([EscalationLevel].self, from: Data(json.utf8)).contains { $0.teams.contains(code) }
        }
    }

    private static func usernames(_ input: TeamInput) -> [String] {
        Array(Set(input.members.map { $0.lowercased() })).sorted()
    }

    private static func checkCodeFree(_ db: any SQLDatabase, _ code: String, excluding id: UUID?) async throws {
        var query = db.select().column("id").from("teams").where("code", .equal, SQLBind(code))
        if let id { query = query.where("id", .notEqual, SQLBind(id)) }
        if try await query.first() != nil {
            throw DomainError(.conflict, "A team with the code '\(code)' already exists.")
        }
    }

    /// Stores the members of `team`, refusing names without an account at their place in `sent`.
    private static func setMembers(_ db: any SQLDatabase, _ team: Team, as sent: [String]) async throws {
        guard !team.members.isEmpty else { return }
        let known = try await db.select().column("username").from("users").where("username", .in, SQLBind.group(team.members))
            .all(decodingColumn: "username", as: String.self)
        let unknown = sent.enumerated().filter { !known.contains($0.element.lowercased()) }
        if !unknown.isEmpty {
            throw DomainError.invalid(unknown.map { FieldViolation(field: "/members/\($0.offset)", reason: "no account with this username exists") })
        }
        var insert = db.insert(into: "team_members").columns("team_id", "username")
        for member in team.members { insert = insert.values(SQLBind(team.id), SQLBind(member)) }
        try await insert.run()
    }
}
