/// A validated e-mail address with an optional display name.
///
/// Only plain ASCII addresses (`local@domain`, dot-atom local part, host-name domain) are accepted;
/// the display name may hold any text but no control characters, so nothing can inject header lines
/// or SMTP commands.
public struct MailAddress: Sendable, Hashable, CustomStringConvertible {
    /// The bare address (`addr-spec`), for example `andon@plant.example`.
    public let address: String
    /// The display name, for example `Line 3 Andon`, or `nil`.
    public let displayName: String?

    /// Creates an address from its parts.
    /// - Throws: ``SMTPError/invalidAddress(_:reason:)`` if either part is invalid.
    public init(address: String, displayName: String? = nil) throws(SMTPError) {
        try Self.validate(address: address)
        if let displayName {
            try Self.rejectControlCharacters(in: displayName, input: displayName)
        }
        self.address = address
        let trimmedName = displayName?.trimmingASCIIWhitespace()
        self.displayName = trimmedName?.isEmpty == false ? trimmedName : nil
    }

    /// Parses `a@b.c`, `<a@b.c>`, `Name <a@b.c>` or `"Name, Quoted" <a@b.c>`.
    /// - Throws: ``SMTPError/invalidAddress(_:reason:)`` for anything else, including any CR, LF or other
    ///   control character.
    public init(parsing text: String) throws(SMTPError) {
        try Self.rejectControlCharacters(in: text, input: text)
        let trimmed = text.trimmingASCIIWhitespace()
        guard let open = trimmed.lastIndex(of: "<") else {
            try self.init(address: trimmed)
            return
        }
        guard trimmed.hasSuffix(">") else {
            throw .invalidAddress(text, reason: "text after the closing '>'")
        }
        let address = String(trimmed[trimmed.index(after: open)..<trimmed.index(before: trimmed.endIndex)])
        let name = try Self.unquote(String(trimmed[..<open]).trimmingASCIIWhitespace(), input: text)
        try self.init(address: address, displayName: name)
    }

    /// The part after the `@`.
    public var domain: Substring { address[address.index(after: address.lastIndex(of: "@")!)...] }

    /// `Name <address>` or the bare address; for logs, not for headers (see the message formatter).
    public var description: String {
        displayName.map { "\($0) <\(address)>" } ?? address
    }

    private static func unquote(_ name: String, input: String) throws(SMTPError) -> String {
        guard name.hasPrefix("\"") else { return name }
        guard name.count >= 2, name.hasSuffix("\"") else {
            throw .invalidAddress(input, reason: "unterminated quoted display name")
        }
        var result = ""
        var escaped = false
        for character in name.dropFirst().dropLast() {
            if escaped {
                result.append(character)
                escaped = false
            } else if character == "\\" {
                escaped = true
            } else if character == "\"" {
                throw .invalidAddress(input, reason: "unescaped quote in display name")
            } else {
                result.append(character)
            }
        }
        guard !escaped else { throw .invalidAddress(input, reason: "dangling backslash in display name") }
        return result
    }

    private static func rejectControlCharacters(in text: String, input: String) throws(SMTPError) {
        if text.unicodeScalars.contains(where: { $0.value < 0x20 || $0.value == 0x7F }) {
            throw .invalidAddress(input, reason: "contains a line break or another control character")
        }
    }

    private static func validate(address: String) throws(SMTPError) {
        guard address.utf8.count <= 254 else { throw .invalidAddress(address, reason: "longer than 254 characters") }
        guard let at = address.lastIndex(of: "@") else { throw .invalidAddress(address, reason: "no '@'") }
        let local = address[..<at]
        let domain = address[address.index(after: at)...]
        guard !local.isEmpty, local.utf8.count <= 64 else {
            throw .invalidAddress(address, reason: "the local part must have 1 to 64 characters")
        }
        let localAtoms = local.split(separator: ".", omittingEmptySubsequences: false)
        guard localAtoms.allSatisfy({ !$0.isEmpty && $0.unicodeScalars.allSatisfy(isAtext) }) else {
            throw .invalidAddress(address, reason: "the local part is not a dot-atom of ASCII characters")
        }
        let labels = domain.split(separator: ".", omittingEmptySubsequences: false)
        guard !domain.isEmpty, domain.utf8.count <= 253, labels.allSatisfy(isHostLabel) else {
            throw .invalidAddress(address, reason: "the domain is not a valid host name")
        }
    }

    private static func isHostLabel(_ label: Substring) -> Bool {
        guard (1...63).contains(label.utf8.count), label.first != "-", label.last != "-" else { return false }
        return label.unicodeScalars.allSatisfy { $0.isASCII && ($0.properties.isAlphabetic || ("0"..."9").contains($0) || $0 == "-") }
    }

    /// RFC 5322 `atext`: letters, digits and ``!#$%&'*+-/=?^_`{|}~``.
    static func isAtext(_ scalar: Unicode.Scalar) -> Bool {
        guard scalar.isASCII else { return false }
        if ("a"..."z").contains(scalar) || ("A"..."Z").contains(scalar) || ("0"..."9").contains(scalar) { return true }
        return "!#$%&'*+-/=?^_`{|}~".unicodeScalars.contains(scalar)
    }
}
