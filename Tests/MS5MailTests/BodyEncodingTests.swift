import Testing

@testable import MS5Mail

@Suite("Body encoding and dot-stuffing")
struct BodyEncodingTests {
    private func qp(_ text: String) -> String {
        String(decoding: QuotedPrintable.encode(line: Array(text.utf8)), as: UTF8.self)
    }

    @Test func quotedPrintableEscapesNonASCIIEqualsAndTrailingBlank() {
        #expect(qp("Grüße = 100% ") == "Gr=C3=BC=C3=9Fe =3D 100%=20")
        #expect(qp("tab\t") == "tab=09")
        #expect(qp("") == "")
    }

    @Test func quotedPrintableSoftBreakKeepsLinesAt76() {
        #expect(qp(String(repeating: "a", count: 80))
            == String(repeating: "a", count: 75) + "=\r\n" + String(repeating: "a", count: 5))
        #expect(qp(String(repeating: "a", count: 76)) == String(repeating: "a", count: 76))
    }

    @Test func quotedPrintableNeverSplitsAnEscape() {
        #expect(qp(String(repeating: "a", count: 74) + "é")
            == String(repeating: "a", count: 74) + "=\r\n=C3=A9")
    }

    @Test func lineSplittingAcceptsEveryLineEnding() {
        let lines = MessageFormatter.lines(of: "a\r\nb\rc\nd\n\ne\n").map { String(decoding: $0, as: UTF8.self) }
        #expect(lines == ["a", "b", "c", "d", "", "e"])
        #expect(MessageFormatter.lines(of: "").isEmpty)
    }

    @Test func encodingChoice() {
        let ascii = [Array("plain".utf8)]
        let utf8 = [Array("Grüße".utf8)]
        let long = [[UInt8](repeating: UInt8(ascii: "a"), count: 999)]
        #expect(BodyEncoding.choose(for: ascii, eightBitAllowed: false) == .sevenBit)
        #expect(BodyEncoding.choose(for: utf8, eightBitAllowed: true) == .eightBit)
        #expect(BodyEncoding.choose(for: utf8, eightBitAllowed: false) == .quotedPrintable)
        #expect(BodyEncoding.choose(for: long, eightBitAllowed: true) == .quotedPrintable)
        #expect(BodyEncoding.choose(for: [[0x41, 0x00]], eightBitAllowed: true) == .quotedPrintable)
    }

    @Test func dotStuffing() {
        let stuffed = DotStuffing.apply(to: Array("A\r\n.hidden\r\n..two\r\nend".utf8))
        #expect(String(decoding: stuffed, as: UTF8.self) == "A\r\n..hidden\r\n...two\r\nend\r\n.\r\n")
    }

    @Test func dotStuffingFirstLineAndTerminatorAfterCRLF() {
        let stuffed = DotStuffing.apply(to: Array(".\r\n".utf8))
        #expect(String(decoding: stuffed, as: UTF8.self) == "..\r\n.\r\n")
    }
}
