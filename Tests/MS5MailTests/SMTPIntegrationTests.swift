import Foundation
import Logging
import MS5Mail
import MS5TestSupport
import NIOCore
import NIOPosix
import Testing

/// End-to-end sends through SwiftNIO to a real aiosmtpd server on 127.0.0.1.
@Suite("Sending to a real SMTP server", .serialized)
struct SMTPIntegrationTests {
    private let subject = "Störung Linie 3 – Anlage steht seit 10:42 Uhr"
    private let body = "Station 7: Not-Halt ausgelöst.\n.Zeile mit Punkt am Anfang\n..zwei Punkte\n.\nEnde, grüße"

    private func message(to: [String] = ["Ops <ops@plant.example>"], cc: [String] = ["lead@plant.example"]) throws -> MailMessage {
        MailMessage(
            from: try MailAddress(parsing: "Andon Line 3 <andon@plant.example>"),
            to: try to.map { try MailAddress(parsing: $0) },
            cc: try cc.map { try MailAddress(parsing: $0) },
            subject: subject,
            textBody: body,
            extraHeaders: [try MailHeader(name: "X-Andon-Station", value: "7")]
        )
    }

    private func mailer(
        port: Int,
        security: SMTPConfiguration.Security = .none,
        username: String? = nil,
        password: String? = nil,
        trust: SMTPConfiguration.TrustRoots = .system,
        timeout: Duration = .seconds(20)
    ) -> SMTPMailer {
        SMTPMailer(configuration: SMTPConfiguration(
            host: "127.0.0.1", port: port, security: security, username: username, password: password,
            heloName: "ms5.test", timeout: timeout, trustRoots: trust))
    }

    @Test func plainSendDeliversExactEnvelopeAndContent() async throws {
        try await withSMTPSink { sink in
            let receipt = try await mailer(port: sink.port).send(try message())
            #expect(receipt.accepted.map(\.address) == ["ops@plant.example", "lead@plant.example"])
            #expect(receipt.refused.isEmpty)
            #expect(receipt.serverReply.code == 250)

            let envelopes = try sink.envelopes()
            try #require(envelopes.count == 1)
            let mail = envelopes[0]
            #expect(mail.mail_from == "andon@plant.example")
            #expect(mail.rcpt_tos == ["ops@plant.example", "lead@plant.example"])
            #expect(mail.mail_options == ["BODY=8BITMIME"])
            #expect(mail.subject == subject)
            #expect(mail.body == body + "\n")
            #expect(mail.headers["message-id"] == receipt.messageID)
            #expect(mail.headers["from"] == "Andon Line 3 <andon@plant.example>")
            #expect(mail.headers["to"] == "Ops <ops@plant.example>")
            #expect(mail.headers["cc"] == "lead@plant.example")
            #expect(mail.headers["x-andon-station"] == "7")
            #expect(mail.headers["content-transfer-encoding"] == "8bit")
            #expect(mail.headers["date"] != nil)
            #expect(!mail.tls && !mail.authenticated)
        }
    }

    @Test func quotedPrintableWhenServerLacks8BitMIME() async throws {
        try await withSMTPSink(options: ["--no-8bitmime"]) { sink in
            _ = try await mailer(port: sink.port).send(try message())
            let mail = try #require(try sink.envelopes().first)
            #expect(mail.mail_options.isEmpty)
            #expect(mail.headers["content-transfer-encoding"] == "quoted-printable")
            #expect(mail.body == body + "\n")
            #expect(mail.subject == subject)
        }
    }

    @Test func startTLSWithTrustedSelfSignedCertificate() async throws {
        try await withTemporaryDirectory { directory in
            let certificate = try TestCertificate(in: directory)
            try await withSMTPSink(options: certificate.sinkOptions + ["--require-starttls"]) { sink in
                let receipt = try await mailer(
                    port: sink.port, security: .startTLS, trust: .pemFile(certificate.certificate.path)
                ).send(try message())
                #expect(receipt.accepted.count == 2)
                let mail = try #require(try sink.envelopes().first)
                #expect(mail.tls)
                #expect(mail.body == body + "\n")
            }
        }
    }

    @Test func untrustedCertificateFailsTLS() async throws {
        try await withTemporaryDirectory { directory in
            let certificate = try TestCertificate(in: directory)
            try await withSMTPSink(options: certificate.sinkOptions) { sink in
                await #expect {
                    try await mailer(port: sink.port, security: .startTLS).send(try message())
                } throws: { error in
                    guard case .tlsFailed = error as? SMTPError else { return false }
                    return true
                }
                let received = try sink.envelopes()
                #expect(received.isEmpty)
            }
        }
    }

    @Test func serverRequiringStartTLSRefusesPlainClient() async throws {
        try await withTemporaryDirectory { directory in
            let certificate = try TestCertificate(in: directory)
            try await withSMTPSink(options: certificate.sinkOptions + ["--require-starttls"]) { sink in
                await #expect {
                    try await mailer(port: sink.port, security: .none).send(try message())
                } throws: { error in
                    guard case .unexpectedReply(let command, let reply) = error as? SMTPError else { return false }
                    return command == "MAIL FROM" && reply.code == 530 && reply.text.contains("STARTTLS")
                }
                let received = try sink.envelopes()
                #expect(received.isEmpty)
            }
        }
    }

    @Test func implicitTLS() async throws {
        try await withTemporaryDirectory { directory in
            let certificate = try TestCertificate(in: directory)
            try await withSMTPSink(options: certificate.sinkOptions + ["--implicit-tls"]) { sink in
                let receipt = try await mailer(
                    port: sink.port, security: .tls, trust: .pemFile(certificate.certificate.path)
                ).send(try message())
                #expect(receipt.accepted.count == 2)
                #expect(try sink.envelopes().first?.subject == subject)
            }
        }
    }

    @Test func authenticationOverStartTLS() async throws {
        try await withTemporaryDirectory { directory in
            let certificate = try TestCertificate(in: directory)
            let options = certificate.sinkOptions + ["--auth-user", "andon", "--auth-password", "s3cret"]
            try await withSMTPSink(options: options) { sink in
                _ = try await mailer(
                    port: sink.port, security: .startTLS, username: "andon", password: "s3cret",
                    trust: .pemFile(certificate.certificate.path)
                ).send(try message())
                let mail = try #require(try sink.envelopes().first)
                #expect(mail.authenticated && mail.tls)
            }
        }
    }

    @Test func wrongPasswordIsAuthenticationFailedWithServerReply() async throws {
        try await withTemporaryDirectory { directory in
            let certificate = try TestCertificate(in: directory)
            let options = certificate.sinkOptions + ["--auth-user", "andon", "--auth-password", "s3cret"]
            try await withSMTPSink(options: options) { sink in
                await #expect {
                    try await mailer(
                        port: sink.port, security: .startTLS, username: "andon", password: "wrong",
                        trust: .pemFile(certificate.certificate.path)
                    ).send(try message())
                } throws: { error in
                    guard case .authenticationFailed(let reply) = error as? SMTPError else { return false }
                    return reply.code == 535 && reply.text.contains("Authentication credentials invalid")
                }
                let received = try sink.envelopes()
                #expect(received.isEmpty)
            }
        }
    }

    @Test func plainTextAuthenticationWhenSecurityIsNone() async throws {
        try await withSMTPSink(options: ["--auth-user", "andon", "--auth-password", "s3cret"]) { sink in
            _ = try await mailer(port: sink.port, security: .none, username: "andon", password: "s3cret")
                .send(try message())
            #expect(try sink.envelopes().first?.authenticated == true)
        }
    }

    @Test func oneRefusedRecipientIsReportedAndTheOtherGetsTheMail() async throws {
        try await withSMTPSink(options: ["--refuse", "ops@plant.example"]) { sink in
            let receipt = try await mailer(port: sink.port).send(try message())
            #expect(receipt.accepted.map(\.address) == ["lead@plant.example"])
            #expect(receipt.refused.map(\.address.address) == ["ops@plant.example"])
            #expect(receipt.refused.first?.reply.code == 550)
            #expect(try sink.envelopes().map(\.rcpt_tos) == [["lead@plant.example"]])
        }
    }

    @Test func allRecipientsRefused() async throws {
        try await withSMTPSink(options: ["--refuse", "ops@plant.example"]) { sink in
            await #expect {
                try await mailer(port: sink.port).send(try message(cc: []))
            } throws: { error in
                guard case .recipientsRefused(let refusals) = error as? SMTPError else { return false }
                return refusals.map(\.address.address) == ["ops@plant.example"] && refusals[0].reply.code == 550
            }
            let received = try sink.envelopes()
            #expect(received.isEmpty)
        }
    }

    @Test func nothingListeningIsAConnectionError() async throws {
        let port = try await SMTPSink.freePort()
        await #expect {
            try await mailer(port: port).send(try message())
        } throws: { error in
            guard case .connectionFailed(let host, let errorPort, _) = error as? SMTPError else { return false }
            return host == "127.0.0.1" && errorPort == port
        }
    }

    @Test func silentServerIsATimeout() async throws {
        let listener = try await ServerBootstrap(group: MultiThreadedEventLoopGroup.singleton)
            .bind(host: "127.0.0.1", port: 0).get()
        let port = try #require(listener.localAddress?.port)
        await #expect(throws: SMTPError.timeout) {
            try await mailer(port: port, timeout: .milliseconds(300)).send(try message())
        }
        try await listener.close()
    }
}
