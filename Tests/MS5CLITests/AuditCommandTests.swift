import Foundation
import Logging
import MS5Storage
import SQLKit
import Testing

@Suite("ms5 audit verify")
struct AuditCommandTests {
    @Test("Says the ledger is intact after real changes, and names the entry once one is edited behind ms5's back")
    func verify() async throws {
        let folder = try MS5Process.temporaryFolder()
        let database = ["--database", "sqlite:plant.sqlite"]
        #expect(try await MS5Process.run(["user", "create", "anna", "--role", "supervisor"] + database, in: folder).status == 0)
        #expect(try await MS5Process.run(["user", "create", "bob", "--role", "engineer"] + database, in: folder).status == 0)

        let intact = try await MS5Process.run(["audit", "verify"] + database, in: folder)
        #expect(intact.status == 0, "\(intact.stderr)")
        #expect(intact.stdout.hasPrefix("The audit ledger is intact: 2 entries, chain head #2 "))
        let head = try #require(intact.stdout.split(separator: " ").last.map { $0.trimmingCharacters(in: CharacterSet(charactersIn: ".\n")) })

        try await Database.withOpen(.sqliteFile(path: folder.appendingPathComponent("plant.sqlite").path), logger: Logger(label: "test")) { db in
            try await db.transaction { sql in
                try await sql.raw("UPDATE audit_ledger SET after_json = replace(after_json, 'supervisor', 'admin') WHERE sequence = 1").run()
            }
        }
        let edited = try await MS5Process.run(["audit", "verify", "--anchor", "2:\(head)"] + database, in: folder)
        #expect(edited.status == 1)
        #expect(edited.stdout.contains("The audit ledger is NOT intact: entry #1 was edited"))
        let badAnchor = try await MS5Process.run(["audit", "verify", "--anchor", "two:abc"] + database, in: folder)
        #expect(badAnchor.status != 0 && badAnchor.stderr.contains("An anchor must be SEQUENCE:HASH"))
    }
}
