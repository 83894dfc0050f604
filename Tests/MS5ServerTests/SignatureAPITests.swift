import Foundation
import HTTPTypes
import HummingbirdTesting
import MS5Domain
import MS5Identity
@testable import MS5Server
import Testing

@Suite("Electronic signatures API")
struct SignatureAPITests {
    /// A pre-start checklist of one item for `equipment`, completed by `role`.
    static func completion(_ server: TestServer, at equipment: Equipment, by role: Role) async throws -> ChecklistCompletion {
        let template = try await server.create("/v1/checklist-templates", ChecklistTemplateInput(
            code: "PRESTART", name: "Pre-start", equipmentIds: [equipment.id],
            items: [ChecklistItem(key: "guard-closed", text: "Guard closed", kind: .passFail)]), as: ChecklistTemplate.self)
        let response = try await server.send(.post, "/v1/checklist-completions", as: role, json: ChecklistCompletionInput(
            templateId: template.id, equipmentId: equipment.id, answers: [ChecklistAnswer(key: "guard-closed", passed: true)]))
        #expect(response.status == .created)
        return try TestServer.decode(ChecklistCompletion.self, response)
    }

    static func sign(_ server: TestServer, _ completion: ChecklistCompletion, as role: Role, _ meaning: SignatureMeaning,
                     password: String = TestServer.password, totp: String? = nil) async throws -> TestResponse {
        var body = ["meaning": meaning.rawValue, "password": password]
        if let totp { body["totp"] = totp }
        return try await server.send(.post, "/v1/checklist-completions/\(completion.id)/signatures", as: role, json: body)
    }

    static func signatures(_ server: TestServer, _ completion: ChecklistCompletion) async throws -> [ElectronicSignature] {
        try TestServer.decode(ItemList<ElectronicSignature>.self, try await server.send(.get, "/v1/checklist-completions/\(completion.id)/signatures")).items
    }

    @Test("The operator signs as author with the password; a wrong one signs nothing; they cannot approve their own; the supervisor can")
    func signOff() async throws {
        try await TestServer.run(roles: [.admin, .operator, .supervisor]) { server in
            let (_, _, _, equipment) = try await PlantAPITests.makePlant(server)
            try await server.putOnDuty(at: equipment)
            let completion = try await Self.completion(server, at: equipment, by: .operator)

            let wrong = try await Self.sign(server, completion, as: .operator, .authored, password: "not my password")
            #expect(wrong.status == .forbidden && wrong.problem?.code == "signature-refused")
            #expect(try await Self.signatures(server, completion).isEmpty)

            let authored = try await Self.sign(server, completion, as: .operator, .authored)
            #expect(authored.status == .created)
            let own = try await Self.sign(server, completion, as: .operator, .approved)
            #expect(own.status == .forbidden && own.problem?.detail.hasPrefix("Nobody approves their own record") == true)
            #expect(try await Self.sign(server, completion, as: .supervisor, .approved).status == .created)
            #expect(try await Self.sign(server, completion, as: .supervisor, .approved).status == .conflict)
            let signed = try await Self.signatures(server, completion)
            #expect(Set(signed.map { "\($0.username):\($0.meaning.rawValue)" }) == ["operator:authored", "supervisor:approved"])
            #expect(Set(signed.map(\.recordHash)).count == 1, "both signed the same record")
            #expect(try await server.send(.get, "/v1/checklist-completions/\(UUID())/signatures").status == .notFound)

            // Guessing the password through signing locks the account as signing in does: five wrong in a row.
            for _ in 0..<4 {
                #expect(try await Self.sign(server, completion, as: .operator, .authored, password: "guess").problem?.code == "signature-refused")
            }
            let locked = try await Self.sign(server, completion, as: .operator, .authored, password: "guess")
            #expect(locked.status == .forbidden && locked.problem?.code == "account-locked")
            let login = try await server.send(.post, "/v1/auth/login", as: nil, json: ["username": "operator", "password": TestServer.password])
            #expect(login.problem?.code == "account-locked")
        }
    }

    @Test("With TOTP on, a signature needs a current code too: missing or wrong signs nothing")
    func signWithTOTP() async throws {
        let clock = TestClock(Date(timeIntervalSince1970: 1_800_000_000))
        try await TestServer.run(roles: [.admin, .supervisor], clock: { clock.now }) { server in
            let (totp, _) = try await TOTPAPITests.enrol(server, .supervisor, at: clock.now)
            let (_, _, _, equipment) = try await PlantAPITests.makePlant(server)
            let completion = try await Self.completion(server, at: equipment, by: .admin)
            clock.advance(minutes: 0.5)

            let missing = try await Self.sign(server, completion, as: .supervisor, .reviewed)
            #expect(missing.status == .forbidden && missing.problem?.code == "totp-required")
            let code = totp.code(at: clock.now)
            let wrong = try await Self.sign(server, completion, as: .supervisor, .reviewed, totp: code == "000000" ? "111111" : "000000")
            #expect(wrong.status == .forbidden && wrong.problem?.code == "signature-refused")
            let badPassword = try await Self.sign(server, completion, as: .supervisor, .reviewed, password: "nope", totp: code)
            #expect(badPassword.problem?.code == "signature-refused")
            #expect(try await Self.signatures(server, completion).isEmpty)
            let signed = try await Self.sign(server, completion, as: .supervisor, .reviewed, totp: code)
            #expect(signed.status == .created)
            let signature = try TestServer.decode(ElectronicSignature.self, signed)
            #expect(signature.username == "supervisor" && signature.meaning == .reviewed && signature.recordId == completion.id)
        }
    }
}
