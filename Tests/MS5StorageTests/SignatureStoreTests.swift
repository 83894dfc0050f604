import Foundation
import MS5Domain
import MS5Identity
import MS5JSON
@testable import MS5Storage
import MS5TestSupport
import Testing

@Suite("Electronic signatures")
struct SignatureStoreTests {
    static func user(_ database: Database, _ username: String, _ role: Role) async throws -> User {
        try await UserRepository(database: database).create(
            UserInput(username: username, displayName: username.capitalized, role: role, password: "long enough password"),
            passwordHash: "h", mustChangePassword: false)
    }

    /// A checklist completed by `anna`.
    static func completion(_ database: Database) async throws -> ChecklistCompletion {
        let plant = try await PlantFixture.make(database)
        let checklists = ChecklistStore(database: database)
        let template = try await checklists.create(ChecklistTemplateInput(
            code: "PRESTART", name: "Pre-start", equipmentIds: [plant.equipment.id],
            items: [ChecklistItem(key: "oil", text: "Oil pressure", kind: .value, unit: "bar", minimum: 3.5, maximum: 5)]))
        return try await AuditContext.$current.withValue(AuditContext(actor: "anna", reason: nil)) {
            try await checklists.complete(ChecklistCompletionInput(
                templateId: template.id, equipmentId: plant.equipment.id, answers: [ChecklistAnswer(key: "oil", value: 4.2)]), by: "anna")
        }
    }

    @Test("A signature binds signer, meaning and the hash of the record as the ledger holds it, and is itself in the ledger", arguments: TestDatabases.kinds)
    func bindsRecordHash(kind: Database.Kind) async throws {
        try await TestDatabases.with(kind) { database in
            let completion = try await Self.completion(database)
            let anna = try await Self.user(database, "anna", .operator)
            let store = SignatureStore(database: database)
            let signature = try await AuditContext.$current.withValue(AuditContext(actor: "anna", reason: nil)) {
                try await store.signChecklistCompletion(completion.id, by: anna, meaning: .authored)
            }
            let completed = try #require(try await AuditLedger.history(database, recordType: "checklist completion", recordId: completion.id.uuidString.lowercased()).first)
            // Anyone holding the ledger can recompute what was signed.
            #expect(signature.recordHash == (try CanonicalJSON.sha256(try #require(completed.after))))
            #expect(signature.recordHash.count == 64 && signature.username == "anna" && signature.displayName == "Anna" && signature.meaning == .authored)
            let signed = try #require(try await AuditLedger.history(database, recordType: "electronic signature", recordId: signature.id.uuidString.lowercased()).first)
            #expect(signed.action == "sign" && signed.actor == "anna")
            if case .object(let after)? = signed.after {
                #expect(after["recordHash"] == .string(signature.recordHash) && after["meaning"] == .string("authored"))
            } else {
                Issue.record("the ledger entry of a signature holds the signature")
            }
            #expect(try await store.signatures(of: ChecklistCompletion.self, id: completion.id) == [signature])
            #expect(try await AuditVerification.run(database).problem == nil)
        }
    }

    @Test("Only the author signs as authored; nobody reviews or approves their own record; only approver roles approve; once per meaning", arguments: TestDatabases.kinds)
    func whoMaySign(kind: Database.Kind) async throws {
        try await TestDatabases.with(kind) { database in
            let completion = try await Self.completion(database)
            let anna = try await Self.user(database, "anna", .supervisor)
            let ben = try await Self.user(database, "ben", .maintenance)
            let carla = try await Self.user(database, "carla", .quality)
            let store = SignatureStore(database: database)
            func refusal(_ user: User, _ meaning: SignatureMeaning) async -> DomainError? {
                do {
                    _ = try await store.signChecklistCompletion(completion.id, by: user, meaning: meaning)
                    return nil
                } catch {
                    return error as? DomainError
                }
            }
            #expect(await refusal(anna, .approved)?.code == .forbidden, "anna approving her own completion, though a supervisor")
            #expect(await refusal(anna, .reviewed)?.code == .forbidden)
            #expect(await refusal(ben, .authored)?.code == .forbidden)
            #expect(await refusal(ben, .approved)?.message.hasPrefix("Your role (maintenance) may not approve") == true)
            #expect(await refusal(ben, .reviewed) == nil)
            #expect(await refusal(carla, .approved) == nil)
            #expect(await refusal(carla, .approved)?.code == .conflict)
            #expect(await refusal(anna, .authored) == nil)
            let signatures = try await store.signatures(of: ChecklistCompletion.self, id: completion.id)
            #expect(signatures.count == 3 && Set(signatures.map(\.username)) == ["ben", "carla", "anna"])
            let nowhere = UUID()
            await #expect(throws: DomainError.notFound("checklist completion", id: nowhere)) {
                try await store.signChecklistCompletion(nowhere, by: carla, meaning: .reviewed)
            }
        }
    }
}
