import Foundation
import MS5Domain
import SQLKit

/// Registered webhook endpoints and their signing secrets.
public struct WebhookEndpointStore: Sendable {
    /// An endpoint with its secret, for the notifier alone.
    public struct Signing: Sendable, Equatable {
        public var endpoint: WebhookEndpoint
        public var secret: String
    }

    let database: Database

    /// Creates the store over `database`.
    public init(database: Database) {
        self.database = database
    }

    /// Every endpoint, by name.
    public func list() async throws -> [WebhookEndpoint] {
        try await database.read { db in
            try await db.select().columns(Self.publicColumns).from("webhook_endpoints")
                .orderBy("name").limit(1000).all(decoding: WebhookEndpoint.self, keyDecodingStrategy: .convertFromSnakeCase)
        }
    }

    /// Registers an endpoint, and records it in the audit ledger without its secret.
    public func create(_ input: WebhookEndpointInput) async throws -> WebhookEndpoint {
        try input.validate()
        let now = RecordClock.now()
        let endpoint = WebhookEndpoint(id: UUID(), name: input.name, url: input.url, enabled: input.enabled, createdAt: now, updatedAt: now)
        try await database.transaction { db in
            try await db.insert(into: "webhook_endpoints")
                .columns("id", "name", "url", "secret", "enabled", "created_at", "updated_at")
                .values(SQLBind(endpoint.id), SQLBind(endpoint.name), SQLBind(endpoint.url), SQLBind(input.secret),
                        SQLBind(endpoint.enabled), SQLBind(now), SQLBind(now))
                .run()
            // The secret is never written to the ledger: a ``WebhookEndpoint`` does not carry it.
            try await AuditLedger.record(
                db, action: "create", recordType: "webhook endpoint", recordId: endpoint.id.uuidString.lowercased(),
                before: WebhookEndpoint?.none, after: endpoint)
        }
        return endpoint
    }

    /// Deletes an endpoint, recording it as it was (without its secret); refused while an
    /// escalation policy names it or an event subscription sends to it.
    public func delete(_ id: UUID) async throws {
        try await database.transaction { db in
            guard let before = try await db.select().columns(Self.publicColumns).from("webhook_endpoints").where("id", .equal, id)
                .first(decoding: WebhookEndpoint.self, keyDecodingStrategy: .convertFromSnakeCase)
            else { throw DomainError.notFound("webhook endpoint", id: id) }
            let policies = try await db.select().column("levels").from("escalation_policies").all(decodingColumn: "levels", as: String.self)
            if policies.contains(where: { $0.contains(id.uuidString) || $0.contains(id.uuidString.lowercased()) }) {
                throw DomainError(.conflict, "An escalation policy sends to this endpoint; change the policy first.")
            }
            let subscriptions = try await RecordTable<Site>.count(db, in: "event_subscriptions", where: "endpoint_id", equals: id)
            if subscriptions > 0 {
                throw DomainError(.conflict, "\(subscriptions) event subscription(s) send to this endpoint; delete them or move them to another endpoint first.")
            }
            try await db.delete(from: "webhook_endpoints").where("id", .equal, id).run()
            try await AuditLedger.record(
                db, action: "delete", recordType: "webhook endpoint", recordId: id.uuidString.lowercased(), before: before,
                after: WebhookEndpoint?.none)
        }
    }

    /// The columns of an endpoint that may be shown: all but its secret.
    private static let publicColumns = ["id", "name", "url", "enabled", "created_at", "updated_at"]

    /// The endpoint with its secret, nil when it is gone.
    public func signing(_ id: UUID) async throws -> Signing? {
        try await database.read { db in
            guard let row = try await db.select().column("*").from("webhook_endpoints").where("id", .equal, id).first() else { return nil }
            return Signing(
                endpoint: try row.decode(model: WebhookEndpoint.self, keyDecodingStrategy: .convertFromSnakeCase),
                secret: try row.decode(column: "secret", as: String.self))
        }
    }
}
