import Foundation
import Logging
import MS5Andon
import MS5Domain
import MS5Mail
import MS5Retry
import MS5Storage
import MS5TestSupport
import Testing

@Suite("Andon notifications")
struct NotificationDeliveryTests {
    @Test("A webhook answered 500 is retried on schedule; the receiver verifies the signature; the log shows both attempts")
    func webhookRetried() async throws {
        try await TestDatabases.with(.sqlite) { database in
            let receiver = WebhookReceiver(statuses: [500])
            let url = try await receiver.start()
            defer { Task { try await receiver.stop() } }
            let plant = try await AndonFixture.make(database, webhookURL: url)
            let t0 = AndonFixture.start
            let clock = ManualClock(t0)
            let calls = AndonCallStore(database: database, clock: clock.function)
            let notifications = AndonNotificationStore(database: database, clock: clock.function)
            let notifier = AndonNotifier(
                notifications: notifications, webhooks: WebhookEndpointStore(database: database),
                retry: Backoff(initial: .seconds(5), maximum: .seconds(60), maximumRetries: 2),
                clock: clock.function, logger: Logger(label: "ms5.test"))

            let raised = try await calls.raise(plant.callInput, by: "olga")
            clock.set(t0.addingTimeInterval(60))
            _ = try await EscalationTests.escalator(database, clock: clock).escalateDue()
            // Level 1's app and e-mail messages and level 2's app and webhook messages are due.
            #expect(try await notifier.deliverDue() == 4)
            #expect(receiver.received.count == 1)
            var log = try await notifications.log(callId: raised.call.id)
            let hook = try #require(log.first { $0.channel == .webhook })
            #expect(hook.status == .pending && hook.attempts == 1 && hook.lastError == "the receiver answered HTTP 500")
            #expect(hook.nextAttemptAt == t0.addingTimeInterval(65))
            let mail = try #require(log.first { $0.channel == .email })
            #expect(mail.status == .pending && mail.lastError == "no SMTP server is configured (mail.host)")
            #expect(log.filter { $0.channel == .app }.allSatisfy { $0.status == .sent })

            clock.set(t0.addingTimeInterval(64))
            _ = try await notifier.deliverDue()
            #expect(receiver.received.count == 1)
            clock.set(t0.addingTimeInterval(65))
            _ = try await notifier.deliverDue()
            #expect(receiver.received.count == 2)
            log = try await notifications.log(callId: raised.call.id)
            let delivered = try #require(log.first { $0.channel == .webhook })
            #expect(delivered.status == .sent && delivered.attempts == 2 && delivered.lastError == nil && delivered.sentAt == t0.addingTimeInterval(65))

            for request in receiver.received {
                let timestamp = try #require(Int(request.headers["x-ms5-timestamp"] ?? ""))
                let signature = try #require(request.headers["x-ms5-signature"])
                #expect(WebhookSignature.verify(header: signature, body: request.body, timestamp: timestamp, secret: "a-secret-of-twenty-chars"))
                #expect(!WebhookSignature.verify(header: signature, body: request.body, timestamp: timestamp, secret: "another-secret-entirely"))
                #expect(request.headers["x-ms5-event"] == "andon.escalated.v1")
                #expect(request.headers["idempotency-key"] == hook.id.uuidString.lowercased())
                #expect(request.headers["x-ms5-delivery"] == hook.id.uuidString.lowercased())
                let json = try #require(try JSONSerialization.jsonObject(with: request.body) as? [String: Any])
                #expect(json["type"] as? String == "andon.escalated.v1" && json["level"] as? Int == 2)
                #expect((json["call"] as? [String: Any])?["id"] as? String == raised.call.id.uuidString)
            }

            // The e-mail has no server to go to: after the third attempt it is given up.
            clock.set(t0.addingTimeInterval(200))
            _ = try await notifier.deliverDue()
            clock.set(t0.addingTimeInterval(400))
            _ = try await notifier.deliverDue()
            let givenUp = try #require(try await notifications.log(callId: raised.call.id).first { $0.channel == .email })
            #expect(givenUp.status == .failed && givenUp.attempts == 3)
        }
    }

    @Test("A claim lasts 15 s and is renewed before sending; one that ran out and was taken over is left to its new holder",
          arguments: TestDatabases.kinds)
    func shortClaims(_ kind: Database.Kind) async throws {
        try await TestDatabases.with(kind) { database in
            let plant = try await AndonFixture.make(database)
            let t0 = AndonFixture.start
            let clock = ManualClock(t0)
            let notifications = AndonNotificationStore(database: database, clock: clock.function)
            _ = try await AndonCallStore(database: database, clock: clock.function).raise(plant.callInput, by: "olga")
            let first = try await notifications.claimDue()
            #expect(first.count == 2)
            clock.set(t0.addingTimeInterval(14))
            #expect(try await notifications.claimDue().isEmpty)
            #expect(try await notifications.renewClaim(first[0].notification))
            clock.set(t0.addingTimeInterval(16))
            // The second claim ran out unrenewed: another instance takes it, and the first may no longer send it.
            let second = try await notifications.claimDue()
            #expect(second.map(\.notification.id) == [first[1].notification.id])
            #expect(try await !notifications.renewClaim(first[1].notification))
            #expect(try await notifications.renewClaim(second[0].notification))
        }
    }

    @Test("A level's e-mail reaches a real SMTP server, addressed to the level's recipient")
    func email() async throws {
        try await withSMTPSink { sink in
            try await TestDatabases.with(.sqlite) { database in
                let plant = try await AndonFixture.make(database)
                let clock = ManualClock(AndonFixture.start)
                let raised = try await AndonCallStore(database: database, clock: clock.function).raise(plant.callInput, by: "olga")
                let notifications = AndonNotificationStore(database: database, clock: clock.function)
                let mail = SMTPMailTransport(
                    configuration: SMTPConfiguration(host: "127.0.0.1", port: sink.port, security: .none),
                    from: try MailAddress(parsing: "MS5 Bakery <ms5@bakery.example>"), logger: Logger(label: "ms5.test"))
                let notifier = AndonNotifier(
                    notifications: notifications, webhooks: WebhookEndpointStore(database: database), mail: mail,
                    clock: clock.function, logger: Logger(label: "ms5.test"))
                #expect(try await notifier.deliverDue() == 2)
                let envelopes = try sink.envelopes()
                #expect(envelopes.count == 1)
                let envelope = try #require(envelopes.first)
                #expect(envelope.mail_from == "ms5@bakery.example" && envelope.rcpt_tos == ["shift-fitter@bakery.example"])
                #expect(envelope.subject == "Andon call: high maintenance")
                #expect(envelope.body.contains("Film jam at the sealer") && envelope.body.contains(raised.call.id.uuidString.lowercased()))
                let log = try await notifications.log(callId: raised.call.id)
                #expect(log.allSatisfy { $0.status == .sent && $0.attempts == 1 })
            }
        }
    }

    @Test("Retries back off by doubling up to the maximum, then give up")
    func retrySchedule() {
        // Five attempts in all: 5 s, then 10, 20, 40 capped at 30; the fifth failure is the last.
        let retry = Backoff(initial: .seconds(5), maximum: .seconds(30), maximumRetries: 4)
        let now = AndonFixture.start
        #expect(retry.retryAt(afterFailures: 1, now: now) == now.addingTimeInterval(5))
        #expect(retry.retryAt(afterFailures: 2, now: now) == now.addingTimeInterval(10))
        #expect(retry.retryAt(afterFailures: 3, now: now) == now.addingTimeInterval(20))
        #expect(retry.retryAt(afterFailures: 4, now: now) == now.addingTimeInterval(30))
        #expect(retry.retryAt(afterFailures: 5, now: now) == nil)
        // The default: six attempts, 5 s doubling up to 10 minutes.
        #expect(AndonNotifier.defaultRetry.retryAt(afterFailures: 5, now: now) == now.addingTimeInterval(80))
        #expect(AndonNotifier.defaultRetry.retryAt(afterFailures: 6, now: now) == nil)
    }

    @Test("The signature is HMAC-SHA256 of timestamp, dot and body, as worked out with openssl")
    func signature() {
        // printf '1700000000.{"a":1}' | openssl dgst -sha256 -hmac 'secret-secret-secret'
        let header = WebhookSignature.header(body: Data(#"{"a":1}"#.utf8), timestamp: 1_700_000_000, secret: "secret-secret-secret")
        #expect(header == "sha256=" + Self.opensslDigest)
    }

    static let opensslDigest = "fa345d5b654e6667128855e14a4938c54b5b813699e6b72c5c4f501aa493ba92"
}
