import Foundation
import Testing

@testable import MS5Mail

@Suite("Header encoding, folding and dates")
struct HeaderEncodingTests {
    @Test func encodedWordForShortText() {
        #expect(EncodedWord.encode("Müller, Jörg") == "=?UTF-8?B?TcO8bGxlciwgSsO2cmc=?=")
    }

    @Test func encodedWordsSplitBetweenCharactersAt30Bytes() {
        // "Störung Linie 3 – Anlage st" is exactly 30 UTF-8 bytes; "eht" goes into a second word.
        #expect(EncodedWord.encode("Störung Linie 3 – Anlage steht")
            == "=?UTF-8?B?U3TDtnJ1bmcgTGluaWUgMyDigJMgQW5sYWdlIHN0?= =?UTF-8?B?ZWh0?=")
    }

    @Test func encodedWordNeverSplitsAScalar() {
        // 29 ASCII bytes, then "ä" (2 bytes) would make 31: it must start the second word.
        let words = EncodedWord.encode(String(repeating: "a", count: 29) + "ä").split(separator: " ")
        #expect(words == ["=?UTF-8?B?YWFhYWFhYWFhYWFhYWFhYWFhYWFhYWFhYWFhYWE=?=", "=?UTF-8?B?w6Q=?="])
    }

    @Test func shortFieldIsNotFolded() {
        #expect(HeaderFolding.fold(name: "Subject", value: "Line 3 stopped") == "Subject: Line 3 stopped")
    }

    @Test func longFieldIsFoldedBeforeWhitespace() {
        let value = "ops@plant.example, =?UTF-8?B?TcO8bGxlciwgSsO2cmc=?= <j.mueller@plant.example>"
        #expect(HeaderFolding.fold(name: "To", value: value)
            == "To: ops@plant.example, =?UTF-8?B?TcO8bGxlciwgSsO2cmc=?=\r\n <j.mueller@plant.example>")
    }

    @Test func foldingKeepsEveryLineWithin78WhenPossible() {
        let value = Array(repeating: "word", count: 40).joined(separator: " ")
        let folded = HeaderFolding.fold(name: "Subject", value: value)
        let lines = folded.components(separatedBy: "\r\n")
        #expect(lines.count == 3)
        #expect(lines.allSatisfy { $0.utf8.count <= 78 })
        #expect(lines.dropFirst().allSatisfy { $0.hasPrefix(" word") })
        #expect(folded.replacingOccurrences(of: "\r\n", with: "") == "Subject: " + value)
    }

    @Test func noBlankContinuationLineFromTrailingOrRepeatedSpaces() {
        let value = String(repeating: "x", count: 70) + "      " + String(repeating: "y", count: 20) + "   "
        let folded = HeaderFolding.fold(name: "Subject", value: value)
        #expect(folded == "Subject: " + String(repeating: "x", count: 70) + "\r\n      "
            + String(repeating: "y", count: 20) + "   ")
    }

    @Test func rfc5322Dates() {
        #expect(RFC5322Date.format(Date(timeIntervalSince1970: 0)) == "Thu, 1 Jan 1970 00:00:00 +0000")
        #expect(RFC5322Date.format(Date(timeIntervalSince1970: 1_700_000_000)) == "Tue, 14 Nov 2023 22:13:20 +0000")
    }
}
