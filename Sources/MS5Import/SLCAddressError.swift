/// Why a text is not a valid SLC 500 address (returned by ``SLCAddress/parse(_:)``).
public struct SLCAddressError: Error, Sendable, Equatable, Hashable, CustomStringConvertible {
    /// The text that failed to parse.
    public let text: String
    /// What is wrong with it, e.g. `"bit 16 is out of range 0…15"`.
    public let reason: String

    /// Creates an error.
    public init(text: String, reason: String) {
        self.text = text
        self.reason = reason
    }

    /// `"'text': reason"`.
    public var description: String { "'\(text)': \(reason)" }
}
