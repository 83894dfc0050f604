/// What a person does in the plant; a later layer maps roles to permissions.
public enum Role: String, Codable, Sendable, CaseIterable, Equatable {
    case admin, manager, engineer, supervisor, `operator`, maintenance, quality, viewer

    /// Decodes a role, naming the allowed values when the text is none of them.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        let text = try container.decode(String.self)
        guard let role = Role(rawValue: text) else {
            throw DecodingError.dataCorruptedError(
                in: container,
                debugDescription: "must be one of \(Role.allCases.map(\.rawValue).joined(separator: ", "))")
        }
        self = role
    }
}
