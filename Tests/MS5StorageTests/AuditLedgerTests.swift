import Foundation
import MS5Domain
import MS5Identity
import MS5JSON
@testable import MS5Storage
import MS5TestSupport
import SQLKit
import Testing

@Suite("Audit ledger")
struct AuditLedgerTests {
    /// Creates, renames and deletes a site as `alice`: three entries.
    static func threeChanges(_ database: Database) async throws {
        try await AuditContext.$current.withValue(AuditContext(actor: "alice", reason: "new bakery")) {
            let sites = SiteRepository(database: database)
            let site = try await sites.create(SiteInput(code: "BAK1", name: "Bakery", timeZone: "Europe/Berlin"))
            _ = try await sites.replace(site.id, with: SiteInput(code: "BAK1", name: "Bakery North", timeZone: "Europe/Berlin"))
            try await sites.delete(site.id)
        }
    }

    static func field(_ value: JSONValue?, _ key: String) -> JSONValue? {
        if case .object(let object)? = value { object[key] } else { nil }
    }

    static func execute(_ database: Database, _ sql: String) async throws {
        try await database.transaction { db in try await db.raw(SQLQueryString(sql)).run() }
    }

    @Test("Every change goes in with who, why, before and after, chained; verify finds the chain intact", arguments: TestDatabases.kinds)
    func intact(kind: Database.Kind) async throws {
        try await TestDatabases.with(kind) { database in
            try await Self.threeChanges(database)
            let entries = try await AuditLedger.entries(database, after: 0, limit: 10)
            #expect(entries.map(\.action) == ["create", "update", "delete"])
            #expect(entries.allSatisfy { $0.actor == "alice" && $0.reason == "new bakery" && $0.recordType == "site" })
            #expect(entries[0].before == nil && entries[2].after == nil)
            #expect(Self.field(entries[1].before, "name") == .string("Bakery") && Self.field(entries[1].after, "name") == .string("Bakery North"))
            #expect(entries[0].prevHash == AuditChain.genesisHash && entries[1].prevHash == entries[0].recordHash)
            let result = try await AuditVerification.run(database)
            #expect(result.problem == nil && result.entriesChecked == 3 && result.head?.sequence == 3)
        }
    }

    @Test("An edited, a deleted and an inserted entry are each named by verify", arguments: TestDatabases.kinds)
    func tampering(kind: Database.Kind) async throws {
        for tamper in ["edit", "delete", "insert", "drop-last"] {
            try await TestDatabases.with(kind) { database in
                try await Self.threeChanges(database)
                switch tamper {
                case "edit":
                    try await Self.execute(database, "UPDATE audit_ledger SET actor = 'mallory' WHERE sequence = 2")
                    #expect(try await AuditVerification.run(database).problem == .chain(.edited(sequence: 2)))
                case "delete":
                    try await Self.execute(database, "DELETE FROM audit_ledger WHERE sequence = 2")
                    #expect(try await AuditVerification.run(database).problem == .chain(.linkBroken(sequence: 3)))
                case "insert":
                    // A forged entry sealed correctly after #1 and put in #2's place: #3 no longer follows it.
                    let first = try #require(try await AuditLedger.entries(database, after: 0, limit: 1).first)
                    let forged = AuditChain.seal(AuditEntry(
                        sequence: 2, occurredAt: first.occurredAt, actor: "mallory", action: "update", recordType: "site", recordId: first.recordId),
                        after: first.recordHash)
                    try await Self.execute(database, "DELETE FROM audit_ledger WHERE sequence = 2")
                    try await Self.execute(database, """
                        INSERT INTO audit_ledger (sequence, occurred_at, actor, action, record_type, record_id, prev_hash, record_hash)
                        VALUES (2, '\(forged.occurredAt)', 'mallory', 'update', 'site', '\(forged.recordId)', '\(forged.prevHash)', '\(forged.recordHash)')
                        """)
                    #expect(try await AuditVerification.run(database).problem == .chain(.linkBroken(sequence: 3)))
                default:
                    try await Self.execute(database, "DELETE FROM audit_ledger WHERE sequence = 3")
                    #expect(try await AuditVerification.run(database).problem == .headMismatch(lastEntry: 2, head: 3))
                }
            }
        }
    }

    @Test("A rewrite of the whole chain, hashes and head included, is caught by a head logged before it", arguments: TestDatabases.kinds)
    func rewrite(kind: Database.Kind) async throws {
        try await TestDatabases.with(kind) { database in
            try await Self.threeChanges(database)
            let logged = try await AuditLedger.head(database)
            var previous = AuditChain.genesisHash
            for entry in try await AuditLedger.entries(database, after: 0, limit: 10) {
                var rewritten = entry
                rewritten.actor = "mallory"
                rewritten = AuditChain.seal(rewritten, after: previous)
                try await Self.execute(database, """
                    UPDATE audit_ledger SET actor = 'mallory', prev_hash = '\(rewritten.prevHash)', record_hash = '\(rewritten.recordHash)'
                    WHERE sequence = \(entry.sequence)
                    """)
                previous = rewritten.recordHash
            }
            try await Self.execute(database, "UPDATE audit_head SET hash = '\(previous)' WHERE id = 1")
            #expect(try await AuditVerification.run(database).problem == nil)
            #expect(try await AuditVerification.run(database, anchors: [logged]).problem == .chain(.anchorMismatch(sequence: 3)))
        }
    }
}
