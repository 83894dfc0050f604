import Foundation
import MS5Domain
import SQLKit

/// Local accounts. Password hashes go in and are checked here, but never come out in a ``User``.
public struct UserRepository: Sendable {
    static let table = RecordTable<User>(name: "users", noun: "user", sortColumn: "username")

    let database: Database

    /// Creates the repository over `database`.
    public init(database: Database) {
        self.database = database
    }

    /// One page of accounts, ordered by username.
    public func list(_ page: PageRequest) async throws -> Page<User> {
        try await database.read { db in try await Self.table.page(db, page) }
    }

    /// The account with `id`.
    public func get(_ id: UUID) async throws -> User {
        try await database.read { db in try await Self.table.require(db, id: id) }
    }

    /// Creates an account with an already hashed password. The username is kept in lower case.
    public func create(_ input: UserInput, passwordHash: String, mustChangePassword: Bool) async throws -> User {
        try input.validate()
        let username = input.username.lowercased()
        return try await database.transaction { db in
            if try await Self.table.isTaken(db, column: "username", value: username, scope: [], excluding: nil) {
                throw DomainError.duplicate(field: "username", value: username, scope: "by another account")
            }
            let now = RecordClock.now()
            let user = User(
                id: UUID(), username: username, displayName: input.displayName, role: input.role, disabled: false,
                mustChangePassword: mustChangePassword, createdAt: now, updatedAt: now)
            try await db.insert(into: Self.table.name)
                .model(UserRow(user: user, passwordHash: passwordHash), keyEncodingStrategy: .convertToSnakeCase)
                .run()
            try await AuditLedger.record(db, action: "create", recordType: "user", recordId: user.id.uuidString.lowercased(), before: User?.none, after: user)
            return user
        }
    }

    /// The account named `username` with its password hash, for signing in; nil when there is none.
    public func credentials(username: String) async throws -> (user: User, passwordHash: String)? {
        try await database.read { db in
            guard let row = try await db.select().column("*").from(Self.table.name)
                .where("username", .equal, username.lowercased()).limit(1).first()
            else { return nil }
            let user = try row.decode(model: User.self, keyDecodingStrategy: .convertFromSnakeCase)
            return (user, try row.decode(column: "password_hash", as: String.self))
        }
    }

    /// Sets a new password hash, and whether the next sign-in must change it.
    public func setPassword(username: String, passwordHash: String, mustChangePassword: Bool) async throws -> User {
        try await database.transaction { db in
            guard var user = try await db.select().column("*").from(Self.table.name)
                .where("username", .equal, username.lowercased()).limit(1)
                .first(decoding: User.self, keyDecodingStrategy: .convertFromSnakeCase)
            else { throw DomainError(.notFound, "No account named '\(username)' exists.") }
            let before = user
            user.mustChangePassword = mustChangePassword
            user.updatedAt = RecordClock.now()
            try await db.update(Self.table.name)
                .set("password_hash", to: passwordHash)
                .set("must_change_password", to: mustChangePassword)
                .set("updated_at", to: user.updatedAt)
                .where("id", .equal, user.id)
                .run()
            // The hash is never written to the ledger: the entry says the password changed, not what to.
            try await AuditLedger.record(db, action: "set-password", recordType: "user", recordId: user.id.uuidString.lowercased(), before: before, after: user)
            return user
        }
    }

    /// Marks the account `id` to change its password at once (its password expired).
    public func requirePasswordChange(_ id: UUID) async throws -> User {
        try await database.transaction { db in
            var user = try await Self.table.require(db, id: id)
            let before = user
            user.mustChangePassword = true
            user.updatedAt = RecordClock.now()
            try await db.update(Self.table.name).set("must_change_password", to: true).set("updated_at", to: user.updatedAt)
                .where("id", .equal, id).run()
            try await AuditLedger.record(db, action: "password-expired", recordType: "user", recordId: id.uuidString.lowercased(), before: before, after: user)
            return user
        }
    }

    /// The account of `subject` at the OpenID provider `issuer`, made on first sight and kept in
    /// step with the provider's username, name and role. Refuses (409) a username a local account
    /// already has, so that a provider cannot take over a local account.
    public func upsertExternal(issuer: String, subject: String, username: String, displayName: String, role: Role) async throws -> User {
        let username = username.lowercased()
        return try await database.transaction { db in
            let now = RecordClock.now()
            if var user = try await db.select().column("*").from(Self.table.name)
                .where("external_issuer", .equal, SQLBind(issuer)).where("external_subject", .equal, SQLBind(subject)).limit(1)
                .first(decoding: User.self, keyDecodingStrategy: .convertFromSnakeCase) {
                guard user.username != username || user.displayName != displayName || user.role != role else { return user }
                let before = user
                if try await Self.table.isTaken(db, column: "username", value: username, scope: [], excluding: user.id) {
                    throw DomainError.duplicate(field: "username", value: username, scope: "by another account")
                }
                (user.username, user.displayName, user.role, user.updatedAt) = (username, displayName, role, now)
                try await db.update(Self.table.name).set("username", to: SQLBind(username)).set("display_name", to: SQLBind(displayName))
                    .set("role", to: SQLBind(role.rawValue)).set("updated_at", to: SQLBind(now)).where("id", .equal, SQLBind(user.id)).run()
                try await AuditLedger.record(db, action: "update", recordType: "user", recordId: user.id.uuidString.lowercased(), before: before, after: user)
                return user
            }
            if try await Self.table.isTaken(db, column: "username", value: username, scope: [], excluding: nil) {
                throw DomainError.duplicate(field: "username", value: username, scope: "by another account")
            }
            let user = User(
                id: UUID(), username: username, displayName: displayName, role: role, disabled: false, mustChangePassword: false,
                external: true, createdAt: now, updatedAt: now)
            try await db.insert(into: Self.table.name)
                .model(UserRow(user: user, passwordHash: Self.noPassword), keyEncodingStrategy: .convertToSnakeCase).run()
            try await db.update(Self.table.name).set("external_issuer", to: SQLBind(issuer)).set("external_subject", to: SQLBind(subject))
                .where("id", .equal, SQLBind(user.id)).run()
            try await AuditLedger.record(db, action: "create", recordType: "user", recordId: user.id.uuidString.lowercased(), before: User?.none, after: user)
            return user
        }
    }

    /// What an external account has for a password hash: no bcrypt hash, so no password matches it.
    static let noPassword = "!"

    /// How many accounts exist.
    public func count() async throws -> Int {
        try await database.read { db in
            try await db.select().column(SQLFunction("count", args: SQLLiteral.all), as: "n").from(Self.table.name)
                .first(decodingColumn: "n", as: Int.self) ?? 0
        }
    }
}

extension User: StoredRecord {
    var sortKey: String { username }
}

/// A user as stored: the record plus its password hash.
private struct UserRow: Encodable, Sendable {
    let user: User
    let passwordHash: String

    enum CodingKeys: String, CodingKey {
        case passwordHash
    }

    func encode(to encoder: any Encoder) throws {
        try user.encode(to: encoder)
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(passwordHash, forKey: .passwordHash)
    }
}
