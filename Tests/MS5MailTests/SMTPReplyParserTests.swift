import Testing

@testable import MS5Mail

@Suite("SMTP reply parser")
struct SMTPReplyParserTests {
    private func parseAll(_ text: String) throws -> [SMTPReply] {
        var parser = SMTPReplyParser()
        parser.append(Array(text.utf8))
        var replies: [SMTPReply] = []
        while let reply = try parser.nextReply() { replies.append(reply) }
        return replies
    }

    @Test func singleLine() throws {
        #expect(try parseAll("220 mail.plant.example ESMTP ready\r\n")
            == [SMTPReply(code: 220, lines: ["mail.plant.example ESMTP ready"])])
    }

    @Test func multiLineReply() throws {
        let text = "250-mail.plant.example\r\n250-8BITMIME\r\n250-AUTH PLAIN LOGIN\r\n250 HELP\r\n"
        let reply = try #require(try parseAll(text).first)
        #expect(reply == SMTPReply(code: 250, lines: ["mail.plant.example", "8BITMIME", "AUTH PLAIN LOGIN", "HELP"]))
        #expect(reply.text == "mail.plant.example 8BITMIME AUTH PLAIN LOGIN HELP")
    }

    @Test func codeWithoutTextAndBareLF() throws {
        #expect(try parseAll("250\n354 Go ahead\n") == [
            SMTPReply(code: 250, lines: [""]), SMTPReply(code: 354, lines: ["Go ahead"]),
        ])
    }

    @Test func bytesArrivingOneByOne() throws {
        var parser = SMTPReplyParser()
        var replies: [SMTPReply] = []
        for byte in "250-first\r\n250 second\r\n221 Bye\r\n".utf8 {
            parser.append([byte])
            while let reply = try parser.nextReply() { replies.append(reply) }
        }
        #expect(replies == [SMTPReply(code: 250, lines: ["first", "second"]), SMTPReply(code: 221, lines: ["Bye"])])
        #expect(!parser.hasBufferedInput)
    }

    @Test func incompleteReplyIsHeldBack() throws {
        var parser = SMTPReplyParser()
        parser.append(Array("250-first\r\n250 sec".utf8))
        #expect(try parser.nextReply() == nil)
        #expect(parser.hasBufferedInput)
        parser.append(Array("ond\r\n".utf8))
        #expect(try parser.nextReply() == SMTPReply(code: 250, lines: ["first", "second"]))
    }

    @Test(arguments: ["hello\r\n", "25 x\r\n", "250x\r\n", "250-a\r\n251 b\r\n"])
    func malformedLines(text: String) {
        #expect(throws: SMTPError.self) { try parseAll(text) }
    }

    @Test func overlongLineIsRejected() {
        var parser = SMTPReplyParser()
        parser.append([UInt8](repeating: UInt8(ascii: "5"), count: SMTPReplyParser.maximumLineLength + 1))
        #expect(throws: SMTPError.self) { try parser.nextReply() }
    }

    @Test func descriptionShowsCodeAndText() {
        #expect(SMTPReply(code: 550, lines: ["5.1.1 No such", "user"]).description == "550 5.1.1 No such user")
    }
}
