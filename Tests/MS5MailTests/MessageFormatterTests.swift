import Foundation
import Testing

@testable import MS5Mail

@Suite("Message formatter")
struct MessageFormatterTests {
    private func message(subject: String, body: String) throws -> MailMessage {
        MailMessage(
            from: try MailAddress(parsing: "Andon Line 3 <andon@plant.example>"),
            to: [try MailAddress(parsing: "ops@plant.example"), try MailAddress(parsing: "\"Müller, Jörg\" <j.mueller@plant.example>")],
            cc: [try MailAddress(parsing: "Shift Lead <lead@plant.example>")],
            subject: subject,
            textBody: body,
            extraHeaders: [try MailHeader(name: "X-Andon-Line", value: "3")],
            messageID: "<id-1@plant.example>",
            date: Date(timeIntervalSince1970: 1_700_000_000)
        )
    }

    private let commonHeaders =
        "Date: Tue, 14 Nov 2023 22:13:20 +0000\r\n"
        + "From: Andon Line 3 <andon@plant.example>\r\n"
        + "To: ops@plant.example, =?UTF-8?B?TcO8bGxlciwgSsO2cmc=?=\r\n <j.mueller@plant.example>\r\n"
        + "Cc: Shift Lead <lead@plant.example>\r\n"

    @Test func asciiMessageIsSevenBit() throws {
        let formatted = try MessageFormatter.format(
            message(subject: "Line 3 stopped", body: "Station 7 stopped.\n.hidden line\nEnd"),
            eightBitAllowed: true
        )
        #expect(formatted.bodyEncoding == .sevenBit)
        #expect(String(decoding: formatted.bytes, as: UTF8.self) == commonHeaders
            + "Subject: Line 3 stopped\r\n"
            + "Message-ID: <id-1@plant.example>\r\n"
            + "MIME-Version: 1.0\r\n"
            + "Content-Type: text/plain; charset=utf-8\r\n"
            + "Content-Transfer-Encoding: 7bit\r\n"
            + "X-Andon-Line: 3\r\n"
            + "\r\n"
            + "Station 7 stopped.\r\n"
            + ".hidden line\r\n"
            + "End\r\n")
    }

    @Test func utf8MessageWithEightBitAllowed() throws {
        let formatted = try MessageFormatter.format(
            message(subject: "Störung Linie 3 – Anlage steht", body: "Grüße\r\naus Halle 2\n"),
            eightBitAllowed: true
        )
        #expect(formatted.bodyEncoding == .eightBit)
        #expect(String(decoding: formatted.bytes, as: UTF8.self) == commonHeaders
            + "Subject: =?UTF-8?B?U3TDtnJ1bmcgTGluaWUgMyDigJMgQW5sYWdlIHN0?= =?UTF-8?B?ZWh0?=\r\n"
            + "Message-ID: <id-1@plant.example>\r\n"
            + "MIME-Version: 1.0\r\n"
            + "Content-Type: text/plain; charset=utf-8\r\n"
            + "Content-Transfer-Encoding: 8bit\r\n"
            + "X-Andon-Line: 3\r\n"
            + "\r\n"
            + "Grüße\r\n"
            + "aus Halle 2\r\n")
    }

    @Test func utf8MessageWithoutEightBitIsQuotedPrintable() throws {
        let formatted = try MessageFormatter.format(
            message(subject: "Line 3 stopped", body: "Grüße = 100% \n.dot"),
            eightBitAllowed: false
        )
        #expect(formatted.bodyEncoding == .quotedPrintable)
        let text = String(decoding: formatted.bytes, as: UTF8.self)
        #expect(text.hasSuffix(
            "Content-Transfer-Encoding: quoted-printable\r\n"
                + "X-Andon-Line: 3\r\n"
                + "\r\n"
                + "Gr=C3=BC=C3=9Fe =3D 100%=20\r\n"
                + ".dot\r\n"))
    }

    @Test func subjectWithLineBreakCannotInjectHeaders() throws {
        let formatted = try MessageFormatter.format(
            message(subject: "Hi\r\nBcc: evil@x.example", body: "x"), eightBitAllowed: false)
        let text = String(decoding: formatted.bytes, as: UTF8.self)
        #expect(!text.contains("\r\nBcc:"))
        #expect(text.contains("Subject: =?UTF-8?B?SGkNCkJjYzogZXZpbEB4LmV4YW1wbGU=?=\r\n"))
    }

    @Test func plainSubjectLookingLikeAnEncodedWordIsEncoded() throws {
        let formatted = try MessageFormatter.format(message(subject: "=?x?=", body: "x"), eightBitAllowed: false)
        #expect(String(decoding: formatted.bytes, as: UTF8.self).contains("Subject: =?UTF-8?B?PT94Pz0=?=\r\n"))
    }

    @Test func displayNamesAreQuotedWhenNeeded() throws {
        #expect(MessageFormatter.mailbox(try MailAddress(parsing: "a@b.example")) == "a@b.example")
        #expect(MessageFormatter.mailbox(try MailAddress(parsing: "Dr. A. \"Al\" B <a@b.example>")) == #""Dr. A. \"Al\" B" <a@b.example>"#)
    }

    @Test func invalidMessageIDIsRejected() throws {
        var bad = try message(subject: "s", body: "b")
        bad.messageID = "<id\r\nBcc: x@y.example>"
        #expect(throws: SMTPError.self) { try MessageFormatter.format(bad, eightBitAllowed: false) }
    }

    @Test func reservedOrMalformedExtraHeadersAreRejected() {
        #expect(throws: SMTPError.self) { try MailHeader(name: "bcc", value: "x@y.example") }
        #expect(throws: SMTPError.self) { try MailHeader(name: "X-Bad Name", value: "v") }
        #expect(throws: SMTPError.self) { try MailHeader(name: "X-Bad:", value: "v") }
    }

    @Test func generatedMessageIDUsesSenderDomain() throws {
        let message = MailMessage(from: try MailAddress(parsing: "a@plant.example"), to: [], subject: "s", textBody: "")
        #expect(message.messageID.hasPrefix("<"))
        #expect(message.messageID.hasSuffix("@plant.example>"))
    }

    @Test func recipientsAreDeduplicatedInOrder() throws {
        let a = try MailAddress(parsing: "a@plant.example")
        let b = try MailAddress(parsing: "B <B@plant.example>")
        let message = MailMessage(from: a, to: [b, a], cc: [try MailAddress(parsing: "b@plant.example")], subject: "", textBody: "")
        #expect(message.recipients == [b, a])
    }
}
