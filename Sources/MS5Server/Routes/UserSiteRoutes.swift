import Foundation
import HTTPTypes
import MS5Domain
import MS5Storage

/// The sites an account works at, as the API reads and sets them.
struct UserSites: Codable, Sendable, DocumentedSchema {
    /// The sites, sorted; empty means every site.
    let siteIds: [UUID]

    init(_ ids: Set<UUID>) {
        siteIds = ids.sorted { $0.uuidString < $1.uuidString }
    }

    static let schemaName = "UserSites"
    static var schema: JSONSchema {
        .object(["siteIds": .array(of: .uuid)], required: ["siteIds"],
                description: "The sites whose records the account sees and changes; empty: every site.")
    }
}

extension APIRoutes {
    /// Which sites each account works at (attribute rule: users see and change only their sites).
    mutating func addUserSiteRoutes(users: UserRepository) {
        let tag = "Accounts"
        let siteAccess = rules.siteAccess
        add(APIOperation(
            method: .get, path: "/v1/users/{id}/sites", operationId: "getUserSites",
            summary: "The sites an account works at; none means every site.", tag: tag, access: .administrators, parameters: [.id("user")])
        ) { _, context in
            let user = try await users.get(try context.pathID("user"))
            return UserSites(try await siteAccess.siteIds(of: user.id))
        }
        add(APIOperation(
            method: .put, path: "/v1/users/{id}/sites", operationId: "setUserSites",
            summary: "Set the sites an account works at: it then sees and changes only their records. None: every site.",
            tag: tag, access: .administrators, parameters: [.id("user")]),
            input: UserSites.self
        ) { input, _, context in
            UserSites(try await siteAccess.setSites(input.siteIds, of: try context.pathID("user")))
        }
    }
}
