/// What a manager sends to create or change a team.
public struct TeamInput: Codable, Sendable, Equatable {
    public var code: String
    public var name: String
    /// Usernames of existing accounts; up to 200, each once.
    public var members: [String]

    /// Creates the input.
    public init(code: String, name: String, members: [String]) {
        self.code = code
        self.name = name
        self.members = members
    }

    /// Checks the fields: a code, a name, and up to 200 distinct usernames.
    public func validate() throws(DomainError) {
        var v = Validator()
        v.code(code)
        v.text(name, "name", maxLength: PlantLimits.name)
        v.check(members.count <= 200, "members", "must have at most 200 members")
        v.check(Set(members).count == members.count, "members", "must name each member once")
        for (index, member) in members.enumerated() {
            v.text(member, "members/\(index)", maxLength: 64)
        }
        try v.finish()
    }
}
