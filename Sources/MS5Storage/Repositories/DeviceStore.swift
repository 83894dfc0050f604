import Foundation
import MS5Domain
import SQLKit

/// Registered shared tablets. A device's token is kept only as its SHA-256 hash, so that a copy of
/// the database registers no tablet; registering and revoking go to the audit ledger.
public struct DeviceStore: Sendable {
    static let columns = ["id", "name", "site_id", "created_at", "last_sign_in_at", "revoked_at"]

    let database: Database

    /// Creates the store over `database`.
    public init(database: Database) {
        self.database = database
    }

    /// Registers a device whose token hashes to `tokenHash`; its site, when named, must exist.
    public func register(_ input: DeviceInput, tokenHash: String) async throws -> Device {
        try input.validate()
        let device = Device(id: UUID(), name: input.name, siteId: input.siteId, createdAt: RecordClock.now())
        try await database.transaction { db in
            if let siteId = input.siteId { try await ParentCheck.require(SiteRepository.table, db, id: siteId, field: "siteId") }
            try await db.insert(into: "devices").columns("id", "name", "site_id", "token_hash", "created_at")
                .values(SQLBind(device.id), SQLBind(device.name), SQLBind(device.siteId), SQLBind(tokenHash), SQLBind(device.createdAt)).run()
            try await AuditLedger.record(db, action: "create", recordType: "device", recordId: Self.recordId(device.id), before: Device?.none, after: device)
        }
        return device
    }

    /// Every device, revoked ones too, by name.
    public func list() async throws -> [Device] {
        try await database.read { db in
            try await db.select().columns(Self.columns.map { SQLColumn($0) }).from("devices").orderBy("name").orderBy("created_at").limit(1000)
                .all(decoding: Device.self, keyDecodingStrategy: .convertFromSnakeCase)
        }
    }

    /// Revokes the device `id` at `now`, so that its token no longer works; revoking it again changes nothing.
    public func revoke(_ id: UUID, at now: Date) async throws -> Device {
        try await database.transaction { db in
            let before = try await Self.device(db, where: "id", is: SQLBind(id))
            guard let before else { throw DomainError.notFound("device", id: id) }
            guard before.revokedAt == nil else { return before }
            var after = before
            after.revokedAt = now
            try await db.update("devices").set("revoked_at", to: SQLBind(now)).where("id", .equal, SQLBind(id)).run()
            try await AuditLedger.record(db, action: "revoke", recordType: "device", recordId: Self.recordId(id), before: before, after: after)
            return after
        }
    }

    /// The device whose token hashes to `tokenHash`, unless it was revoked; nil when there is none.
    public func active(tokenHash: String) async throws -> Device? {
        try await database.read { db in
            try await Self.device(db, where: "token_hash", is: SQLBind(tokenHash)).flatMap { $0.revokedAt == nil ? $0 : nil }
        }
    }

    /// Records that someone signed in on the device `id` at `now`.
    public func recordSignIn(on id: UUID, at now: Date) async throws {
        try await database.transaction { db in
            try await db.update("devices").set("last_sign_in_at", to: SQLBind(now)).where("id", .equal, SQLBind(id)).run()
        }
    }

    private static func device(_ db: any SQLDatabase, where column: String, is value: SQLBind) async throws -> Device? {
        try await db.select().columns(columns.map { SQLColumn($0) }).from("devices").where(SQLColumn(column), .equal, value)
            .first(decoding: Device.self, keyDecodingStrategy: .convertFromSnakeCase)
    }

    private static func recordId(_ id: UUID) -> String {
        id.uuidString.lowercased()
    }
}
