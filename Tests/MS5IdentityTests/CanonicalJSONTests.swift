import Foundation
import MS5Identity
import MS5JSON
import Testing

@Suite("Canonical JSON (RFC 8785)")
struct CanonicalJSONTests {
    /// RFC 8785 Appendix B: IEEE 754 bit patterns and their canonical text.
    static let appendixB: [(UInt64, String)] = [
        (0x0000_0000_0000_0000, "0"),
        (0x8000_0000_0000_0000, "0"),
        (0x0000_0000_0000_0001, "5e-324"),
        (0x8000_0000_0000_0001, "-5e-324"),
        (0x7fef_ffff_ffff_ffff, "1.7976931348623157e+308"),
        (0xffef_ffff_ffff_ffff, "-1.7976931348623157e+308"),
        (0x4340_0000_0000_0000, "9007199254740992"),
        (0xc340_0000_0000_0000, "-9007199254740992"),
        (0x4430_0000_0000_0000, "295147905179352830000"),
        (0x44b5_2d02_c7e1_4af5, "9.999999999999997e+22"),
        (0x44b5_2d02_c7e1_4af6, "1e+23"),
        (0x44b5_2d02_c7e1_4af7, "1.0000000000000001e+23"),
        (0x444b_1ae4_d6e2_ef4e, "999999999999999700000"),
        (0x444b_1ae4_d6e2_ef4f, "999999999999999900000"),
        (0x444b_1ae4_d6e2_ef50, "1e+21"),
        (0x3eb0_c6f7_a0b5_ed8c, "9.999999999999997e-7"),
        (0x3eb0_c6f7_a0b5_ed8d, "0.000001"),
        (0x41b3_de43_5555_5553, "333333333.3333332"),
        (0x41b3_de43_5555_5554, "333333333.33333325"),
        (0x41b3_de43_5555_5555, "333333333.3333333"),
        (0x41b3_de43_5555_5556, "333333333.3333334"),
        (0x41b3_de43_5555_5557, "333333333.33333343"),
        (0xbecb_f647_612f_3696, "-0.0000033333333333333333"),
        (0x4314_3ff3_c1cb_0959, "1424953923781206.2"),
    ]

    @Test func numbersFollowAppendixB() throws {
        for (bits, expected) in Self.appendixB {
            #expect(try CanonicalJSON.string(.number(Double(bitPattern: bits))) == expected, "bits \(bits)")
        }
    }

    @Test func integersAndSmallFractionsHaveNoExponent() throws {
        let cases: [(Double, String)] = [
            (1, "1"), (-42, "-42"), (1e20, "100000000000000000000"), (1e21, "1e+21"), (0.5, "0.5"),
            (1e-6, "0.000001"), (1e-7, "1e-7"), (123.456, "123.456"), (1_750_000_000, "1750000000"),
        ]
        for (value, expected) in cases {
            #expect(try CanonicalJSON.string(.number(value)) == expected)
        }
    }

    @Test func nonFiniteNumbersHaveNoCanonicalForm() {
        for value in [Double.nan, .infinity, -.infinity] {
            #expect(throws: CanonicalJSON.EncodingError.nonFiniteNumber) { try CanonicalJSON.encode(.number(value)) }
        }
    }

    /// RFC 8785 §3.2.2: the example input and its canonical output.
    @Test func theRFCExampleCanonicalizes() throws {
        let input = #"""
            {
              "numbers": [333333333.33333329, 1E30, 4.50, 2e-3, 0.000000000000000000000000001],
              "string": "\u20ac$\u000F\u000aA'\u0042\u0022\u005c\\\"\/",
              "literals": [null, true, false]
            }
            """#
        let value = try JSONDecoder().decode(JSONValue.self, from: Data(input.utf8))
        let expected = #"{"literals":[null,true,false],"numbers":[333333333.3333333,1e+30,4.5,0.002,1e-27],"#
            + #""string":"€$\u000f\nA'B\"\\\\\"/"}"#
        #expect(try CanonicalJSON.string(value) == expected)
        #expect(try CanonicalJSON.encode(value) == Data(expected.utf8))
    }

    /// RFC 8785 §3.2.3: member names sorted by UTF-16 code units (the emoji's surrogates sort
    /// before U+FB33).
    @Test func keysSortByUTF16CodeUnits() throws {
        let value: JSONValue = [
            "\u{20ac}": "Euro Sign",
            "\r": "Carriage Return",
            "\u{fb33}": "Hebrew Letter Dalet With Dagesh",
            "1": "One",
            "\u{1f600}": "Emoji: Grinning Face",
            "\u{0080}": "Control",
            "\u{00f6}": "Latin Small Letter O With Diaeresis",
        ]
        let expected = "{\"\\r\":\"Carriage Return\",\"1\":\"One\",\"\u{0080}\":\"Control\","
            + "\"\u{00f6}\":\"Latin Small Letter O With Diaeresis\",\"\u{20ac}\":\"Euro Sign\","
            + "\"\u{1f600}\":\"Emoji: Grinning Face\",\"\u{fb33}\":\"Hebrew Letter Dalet With Dagesh\"}"
        #expect(try CanonicalJSON.string(value) == expected)
    }

    @Test func stringsEscapeOnlyWhatTheRFCRequires() throws {
        let value: JSONValue = .string("\u{08}\t\n\u{0C}\r\u{01}\u{1F}\"\\/\u{7F}\u{2028}é")
        #expect(try CanonicalJSON.string(value) == "\"\\b\\t\\n\\f\\r\\u0001\\u001f\\\"\\\\/\u{7F}\u{2028}é\"")
    }

    @Test func nestedValuesHaveNoWhitespace() throws {
        let value: JSONValue = ["b": [1, ["d": nil, "c": false]], "a": [:], "": []]
        #expect(try CanonicalJSON.string(value) == #"{"":[],"a":{},"b":[1,{"c":false,"d":null}]}"#)
    }
}
