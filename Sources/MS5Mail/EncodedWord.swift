import Foundation

/// RFC 2047 encoded words (`=?UTF-8?B?…?=`) for header text that is not plain ASCII.
enum EncodedWord {
    /// Most UTF-8 bytes in one word: 30 bytes become 40 base64 characters, 52 with the delimiters, so a
    /// header line holding one word stays under 76 characters even after a longish field name.
    static let maximumBytesPerWord = 30

    /// Encodes `text` as encoded words separated by single spaces. No word splits a Unicode scalar.
    static func encode(_ text: String) -> String {
        var words: [String] = []
        var chunk: [UInt8] = []
        for scalar in text.unicodeScalars {
            let bytes = Array(String(scalar).utf8)
            if chunk.count + bytes.count > maximumBytesPerWord {
                words.append(word(chunk))
                chunk = []
            }
            chunk += bytes
        }
        if !chunk.isEmpty || words.isEmpty {
            words.append(word(chunk))
        }
        return words.joined(separator: " ")
    }

    private static func word(_ bytes: [UInt8]) -> String {
        "=?UTF-8?B?" + Data(bytes).base64EncodedString() + "?="
    }
}
