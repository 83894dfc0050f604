/// An enumeration whose JSON form is one of a closed set of words; decoding any other word
/// fails with a message that lists the allowed ones, so the client sees what it may send.
public protocol ClosedSet: RawRepresentable, CaseIterable, Codable, Sendable where RawValue == String {}

extension ClosedSet {
    /// Decodes one of the allowed words, naming them all when the text is none of them.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        let text = try container.decode(String.self)
        guard let value = Self(rawValue: text) else {
            throw DecodingError.dataCorruptedError(
                in: container, debugDescription: "must be one of \(Self.allCases.map(\.rawValue).joined(separator: ", "))")
        }
        self = value
    }
}
