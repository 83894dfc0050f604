import HTTPTypes
import MS5Domain
import MS5Storage

extension APIRoutes {
    /// Teams: everyone signed in may read them (the board names them); managers and
    /// administrators keep them.
    mutating func addTeamRoutes(database: Database) {
        let tag = "Accounts"
        let teams = TeamStore(database: database)
        let keepers = Access.roles([.admin, .manager])
        add(APIOperation(
            method: .get, path: "/v1/teams", operationId: "listTeams", summary: "Every team with its members, by code.",
            tag: tag, access: .signedIn)
        ) { _, _ in
            ItemList(items: try await teams.list())
        }
        add(APIOperation(
            method: .post, path: "/v1/teams", operationId: "createTeam",
            summary: "Create a team of existing accounts.", tag: tag, access: keepers, canConflict: true),
            input: TeamInput.self, status: .created
        ) { input, _, _ in
            try await teams.create(input)
        }
        add(APIOperation(
            method: .put, path: "/v1/teams/{id}", operationId: "replaceTeam",
            summary: "Change a team's code, name and members.", tag: tag, access: keepers,
            parameters: [.id("team")], canConflict: true),
            input: TeamInput.self
        ) { input, _, context in
            try await teams.update(try context.pathID("team"), input)
        }
        add(APIOperation(
            method: .delete, path: "/v1/teams/{id}", operationId: "deleteTeam",
            summary: "Delete a team no escalation policy names.", tag: tag, access: keepers,
            parameters: [.id("team")], canConflict: true)
        ) { _, context in
            try await teams.delete(try context.pathID("team"))
            return NoContent()
        }
    }
}
