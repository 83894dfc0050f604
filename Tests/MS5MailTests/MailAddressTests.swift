import Testing

@testable import MS5Mail

@Suite("Mail addresses")
struct MailAddressTests {
    @Test func bareAddress() throws {
        let address = try MailAddress(parsing: "  andon@plant.example ")
        #expect(address.address == "andon@plant.example")
        #expect(address.displayName == nil)
        #expect(address.domain == "plant.example")
    }

    @Test func nameAndAngleAddress() throws {
        let address = try MailAddress(parsing: "Line 3 Andon <andon+line3@plant.example>")
        #expect(address.address == "andon+line3@plant.example")
        #expect(address.displayName == "Line 3 Andon")
        #expect(address.description == "Line 3 Andon <andon+line3@plant.example>")
    }

    @Test func quotedNameWithCommaAndEscape() throws {
        let address = try MailAddress(parsing: #""Müller, Jörg \"JM\"" <j.mueller@plant.example>"#)
        #expect(address.displayName == #"Müller, Jörg "JM""#)
        #expect(address.address == "j.mueller@plant.example")
    }

    @Test func angleAddressWithoutName() throws {
        let address = try MailAddress(parsing: "<ops@plant-1.example>")
        #expect(address.displayName == nil)
        #expect(address.address == "ops@plant-1.example")
    }

    @Test(arguments: [
        "andon@plant.example\r\nRCPT TO:<evil@x.example>",
        "Evil\r\nBcc: x@y.example <a@b.example>",
        "a@b.example\n",
        "no-at-sign",
        "@plant.example",
        "a@",
        "a..b@plant.example",
        ".a@plant.example",
        "a b@plant.example",
        "a@-plant.example",
        "a@plant..example",
        "a@plant_example.com",
        "Name <a@b.example> trailing",
        "Name <a@b.example",
        #""Unterminated <a@b.example>"#,
        "a@b@c.example",
        "jörg@plant.example",
    ])
    func rejected(text: String) {
        #expect(throws: SMTPError.self) { try MailAddress(parsing: text) }
    }

    @Test func displayNameWithLineBreakIsRejected() {
        #expect(throws: SMTPError.self) { try MailAddress(address: "a@b.example", displayName: "x\ny") }
    }
}
