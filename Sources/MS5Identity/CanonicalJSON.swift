import Foundation
import MS5JSON

/// The JSON Canonicalization Scheme (RFC 8785) for ``JSONValue``: one byte string per value.
///
/// - Object members are sorted by the UTF-16 code units of their names.
/// - No whitespace between tokens.
/// - Strings escape only `"`, `\` and U+0000–U+001F (`\b \t \n \f \r` short forms, else `\u00xx`
///   in lower-case hex); every other character is written as UTF-8.
/// - Numbers are written as ECMAScript's `Number.prototype.toString` does: integers without a
///   fraction, other values in the shortest form that reads back to the same double, exponent
///   form (`1e+21`, `1e-7`) outside 1e-6 ≤ |x| < 1e21, negative zero as `0`.
public enum CanonicalJSON {
    /// Why a value has no canonical form.
    public enum EncodingError: Error, Equatable, Sendable {
        /// NaN and the infinities are not JSON numbers.
        case nonFiniteNumber
    }

    /// The canonical UTF-8 bytes of the value.
    public static func encode(_ value: JSONValue) throws(EncodingError) -> Data {
        var output = ""
        try write(value, to: &output)
        return Data(output.utf8)
    }

    /// The canonical text of the value.
    public static func string(_ value: JSONValue) throws(EncodingError) -> String {
        var output = ""
        try write(value, to: &output)
        return output
    }

    /// The SHA-256 (lowercase hex) of the value's canonical bytes: what an electronic signature
    /// binds a record by.
    public static func sha256(_ value: JSONValue) throws(EncodingError) -> String {
        HexEncoding.sha256(try encode(value))
    }

    /// Canonical bytes of a value this library built from finite numbers only.
    static func encodeFinite(_ value: JSONValue) -> Data {
        do {
            return try encode(value)
        } catch {
            preconditionFailure("a value built from finite numbers has a canonical form")
        }
    }

    private static func write(_ value: JSONValue, to output: inout String) throws(EncodingError) {
        switch value {
        case .null:
            output += "null"
        case .bool(let flag):
            output += flag ? "true" : "false"
        case .number(let number):
            output += try ECMAScriptNumber.format(number)
        case .string(let text):
            writeString(text, to: &output)
        case .array(let elements):
            output += "["
            for (index, element) in elements.enumerated() {
                if index > 0 { output += "," }
                try write(element, to: &output)
            }
            output += "]"
        case .object(let members):
            output += "{"
            let sorted = members.sorted { $0.key.utf16.lexicographicallyPrecedes($1.key.utf16) }
            for (index, member) in sorted.enumerated() {
                if index > 0 { output += "," }
                writeString(member.key, to: &output)
                output += ":"
                try write(member.value, to: &output)
            }
            output += "}"
        }
    }

    private static func writeString(_ text: String, to output: inout String) {
        output += "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": output += "\\\""
            case "\\": output += "\\\\"
            case "\u{08}": output += "\\b"
            case "\t": output += "\\t"
            case "\n": output += "\\n"
            case "\u{0C}": output += "\\f"
            case "\r": output += "\\r"
            case "\u{00}"..."\u{1F}":
                let hex = String(scalar.value, radix: 16)
                output += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
            default:
                output.unicodeScalars.append(scalar)
            }
        }
        output += "\""
    }
}
