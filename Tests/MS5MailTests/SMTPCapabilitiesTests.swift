import Testing

@testable import MS5Mail

@Suite("EHLO capabilities")
struct SMTPCapabilitiesTests {
    @Test func keywordsAndAuthMechanisms() {
        let capabilities = SMTPCapabilities(ehloReply: SMTPReply(
            code: 250, lines: ["mx.plant.example greets you", "SIZE 1000", "8bitmime", "STARTTLS", "AUTH LOGIN PLAIN", "HELP"]))
        #expect(capabilities.offers("STARTTLS"))
        #expect(capabilities.offers("8BITMIME"))
        #expect(capabilities.allowsEightBit)
        #expect(capabilities.authMechanisms == ["LOGIN", "PLAIN"])
        #expect(!capabilities.offers("GREETS"))
    }

    @Test func oldAuthSyntaxAndSMTPUTF8() {
        let capabilities = SMTPCapabilities(ehloReply: SMTPReply(code: 250, lines: ["mx", "AUTH=PLAIN", "SMTPUTF8"]))
        #expect(capabilities.authMechanisms == ["PLAIN"])
        #expect(capabilities.allowsEightBit)
    }

    @Test func heloHasNothing() {
        #expect(SMTPCapabilities().authMechanisms.isEmpty)
        #expect(!SMTPCapabilities().allowsEightBit)
    }
}
