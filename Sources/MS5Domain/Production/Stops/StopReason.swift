/// A leaf of the reason tree: one reason an operator can give for a stop.
public struct StopReason: Sendable, Equatable, Hashable, Codable {
    /// Unique code, e.g. "MECH-JAM".
    public var code: String
    /// Text shown to operators.
    public var name: String

    /// Creates a reason.
    public init(code: String, name: String) {
        self.code = code
        self.name = name
    }
}
