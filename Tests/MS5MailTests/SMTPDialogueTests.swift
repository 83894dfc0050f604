import Foundation
import Logging
import Testing

@testable import MS5Mail

@Suite("SMTP dialogue against a scripted server")
struct SMTPDialogueTests {
    private let message: MailMessage

    init() throws {
        message = MailMessage(
            from: try MailAddress(parsing: "andon@plant.example"),
            to: [try MailAddress(parsing: "ops@plant.example")],
            cc: [try MailAddress(parsing: "lead@plant.example")],
            subject: "Line 3",
            textBody: "Grüße",
            messageID: "<m1@plant.example>",
            date: Date(timeIntervalSince1970: 0)
        )
    }

    private func run(
        _ security: SMTPConfiguration.Security,
        credentials: Bool = false,
        script: [(Int, String)]
    ) async throws -> (Result<SMTPReceipt, SMTPError>, [String]) {
        let configuration = SMTPConfiguration(
            host: "mail.plant.example", port: 25, security: security,
            username: credentials ? "andon" : nil, password: credentials ? "s3cret" : nil,
            heloName: "ms5.plant.example")
        let transport = ScriptedTransport(script)
        let dialogue = SMTPDialogue(configuration: configuration, transport: transport, logger: Logger(label: "test"))
        let result: Result<SMTPReceipt, SMTPError>
        do {
            result = .success(try await dialogue.run(message))
        } catch let error as SMTPError {
            result = .failure(error)
        }
        return (result, await transport.sent.map { $0.hasPrefix("<DATA>") ? "<DATA>" : $0 })
    }

    @Test func heloFallbackAndQuotedPrintableWithout8BitMIME() async throws {
        let configuration = SMTPConfiguration(host: "h", port: 25, security: .none, heloName: "ms5.plant.example")
        let transport = ScriptedTransport([
            (220, "old ready"), (502, "EHLO not implemented"), (250, "old"), (250, "ok"), (250, "ok"), (250, "ok"),
            (354, "go"), (250, "queued"), (221, "bye"),
        ])
        let receipt = try await SMTPDialogue(configuration: configuration, transport: transport, logger: Logger(label: "t"))
            .run(message)
        let sent = await transport.sent
        #expect(sent.map { $0.hasPrefix("<DATA>") ? "<DATA>" : $0 } == [
            "EHLO ms5.plant.example", "HELO ms5.plant.example", "MAIL FROM:<andon@plant.example>",
            "RCPT TO:<ops@plant.example>", "RCPT TO:<lead@plant.example>", "DATA", "<DATA>", "QUIT",
        ])
        let data = try #require(sent.first { $0.hasPrefix("<DATA>") })
        #expect(data.contains("Content-Transfer-Encoding: quoted-printable\r\n"))
        #expect(data.hasSuffix("\r\n\r\nGr=C3=BC=C3=9Fe\r\n.\r\n"))
        #expect(receipt.accepted.map(\.address) == ["ops@plant.example", "lead@plant.example"])
        #expect(receipt.serverReply == SMTPReply(code: 250, lines: ["queued"]))
        #expect(receipt.messageID == "<m1@plant.example>")
    }

    @Test func startTLSThenAuthPlainAnd8BitMIME() async throws {
        let (result, sent) = try await run(.startTLS, credentials: true, script: [
            (220, "ready"), (250, "mx\n8BITMIME\nSTARTTLS"), (220, "go ahead"),
            (250, "mx\n8BITMIME\nAUTH LOGIN PLAIN"), (235, "ok"), (250, "ok"), (250, "ok"), (250, "ok"),
            (354, "go"), (250, "queued"), (221, "bye"),
        ])
        #expect(throws: Never.self) { try result.get() }
        #expect(sent == [
            "EHLO ms5.plant.example", "STARTTLS", "<STARTTLS>", "EHLO ms5.plant.example",
            "AUTH PLAIN AGFuZG9uAHMzY3JldA==", "MAIL FROM:<andon@plant.example> BODY=8BITMIME",
            "RCPT TO:<ops@plant.example>", "RCPT TO:<lead@plant.example>", "DATA", "<DATA>", "QUIT",
        ])
    }

    @Test func authLoginWhenPlainIsNotOffered() async throws {
        let (result, sent) = try await run(.tls, credentials: true, script: [
            (220, "ready"), (250, "mx\nAUTH=LOGIN"), (334, "VXNlcm5hbWU6"), (334, "UGFzc3dvcmQ6"), (235, "ok"),
            (250, "ok"), (250, "ok"), (250, "ok"), (354, "go"), (250, "queued"), (221, "bye"),
        ])
        #expect(throws: Never.self) { try result.get() }
        #expect(Array(sent.prefix(4)) == ["EHLO ms5.plant.example", "AUTH LOGIN", "YW5kb24=", "czNjcmV0"])
    }

    @Test func authenticationFailureCarriesTheReply() async throws {
        let (result, sent) = try await run(.tls, credentials: true, script: [
            (220, "ready"), (250, "mx\nAUTH PLAIN"), (535, "5.7.8 bad credentials"), (221, "bye"),
        ])
        #expect(result == .failure(.authenticationFailed(SMTPReply(code: 535, lines: ["5.7.8 bad credentials"]))))
        #expect(sent.last == "QUIT")
    }

    @Test func credentialsAreNotSentWithoutTLSUnlessSecurityIsNone() async throws {
        let (result, sent) = try await run(.startTLSIfAvailable, credentials: true, script: [
            (220, "ready"), (250, "mx\nAUTH PLAIN LOGIN"), (221, "bye"),
        ])
        #expect(result == .failure(.insecureAuthenticationRefused))
        #expect(sent == ["EHLO ms5.plant.example", "QUIT"])
    }

    @Test func plainTextAuthenticationWhenSecurityIsNone() async throws {
        let (result, sent) = try await run(.none, credentials: true, script: [
            (220, "ready"), (250, "mx\nSTARTTLS\nAUTH PLAIN"), (235, "ok"), (250, "ok"), (250, "ok"), (250, "ok"),
            (354, "go"), (250, "queued"), (221, "bye"),
        ])
        #expect(throws: Never.self) { try result.get() }
        #expect(sent[1] == "AUTH PLAIN AGFuZG9uAHMzY3JldA==")
    }

    @Test func startTLSRequiredButNotOffered() async throws {
        let (result, _) = try await run(.startTLS, script: [(220, "ready"), (250, "mx\n8BITMIME"), (221, "bye")])
        #expect(result == .failure(.tlsNotOffered))
    }

    @Test func noSupportedAuthMechanism() async throws {
        let (result, _) = try await run(.tls, credentials: true, script: [
            (220, "ready"), (250, "mx\nAUTH CRAM-MD5"), (221, "bye"),
        ])
        #expect(result == .failure(.authenticationNotSupported(offered: ["CRAM-MD5"])))
    }

    @Test func someRecipientsRefused() async throws {
        let (result, _) = try await run(.none, script: [
            (220, "ready"), (250, "mx"), (250, "ok"), (550, "5.1.1 unknown"), (250, "ok"),
            (354, "go"), (250, "queued"), (221, "bye"),
        ])
        let receipt = try result.get()
        #expect(receipt.accepted.map(\.address) == ["lead@plant.example"])
        #expect(receipt.refused == [SMTPRecipientRefusal(
            address: try MailAddress(parsing: "ops@plant.example"), reply: SMTPReply(code: 550, lines: ["5.1.1 unknown"]))])
    }

    @Test func allRecipientsRefusedSendsNoData() async throws {
        let (result, sent) = try await run(.none, script: [
            (220, "ready"), (250, "mx"), (250, "ok"), (550, "no"), (450, "later"), (221, "bye"),
        ])
        guard case .failure(.recipientsRefused(let refusals)) = result else {
            Issue.record("expected recipientsRefused, got \(result)")
            return
        }
        #expect(refusals.map(\.reply.code) == [550, 450])
        #expect(!sent.contains("DATA"))
        #expect(sent.last == "QUIT")
    }

    @Test func rejectedGreeting() async throws {
        let (result, _) = try await run(.none, script: [(554, "go away"), (221, "bye")])
        #expect(result == .failure(.unexpectedReply(command: "(greeting)", reply: SMTPReply(code: 554, lines: ["go away"]))))
    }

    @Test func rejectedSenderNamesTheCommand() async throws {
        let (result, _) = try await run(.none, script: [
            (220, "ready"), (250, "mx"), (530, "5.7.0 Must issue a STARTTLS command first"), (221, "bye"),
        ])
        #expect(result == .failure(.unexpectedReply(
            command: "MAIL FROM", reply: SMTPReply(code: 530, lines: ["5.7.0 Must issue a STARTTLS command first"]))))
    }
}
