/// The service extensions a server lists in its EHLO reply (RFC 5321 section 4.1.1.1).
struct SMTPCapabilities: Sendable, Equatable {
    /// Upper-cased keyword → its parameters, for example `"AUTH"` → `["PLAIN", "LOGIN"]`.
    private(set) var extensions: [String: [String]] = [:]

    /// No extensions, as after HELO.
    init() {}

    /// Reads the extensions from an EHLO reply; its first line is the server's greeting and is skipped.
    init(ehloReply: SMTPReply) {
        for line in ehloReply.lines.dropFirst() {
            let words = line.split(whereSeparator: { $0 == " " || $0 == "=" }).map { String($0).uppercased() }
            guard let keyword = words.first else { continue }
            extensions[keyword, default: []] += words.dropFirst()
        }
    }

    /// Whether the server offers `keyword`, for example `STARTTLS`.
    func offers(_ keyword: String) -> Bool { extensions[keyword.uppercased()] != nil }

    /// The SASL mechanisms listed after AUTH, upper-cased.
    var authMechanisms: [String] { extensions["AUTH"] ?? [] }

    /// Whether UTF-8 text may be sent without transfer encoding (8BITMIME, or SMTPUTF8 which implies it).
    var allowsEightBit: Bool { offers("8BITMIME") || offers("SMTPUTF8") }
}
