import MS5Domain

/// Who may call an operation: every route declares one, and the API description shows it.
enum Access: Sendable, Equatable {
    /// Anyone, without signing in: health probes, the API description, signing in itself.
    case anyone
    /// Any signed-in account.
    case signedIn
    /// A signed-in account with one of these roles.
    case roles(Set<Role>)

    /// Changing the plant model: administrators and engineers.
    static let plantEditors = Access.roles([.admin, .engineer])
    /// Managing accounts: administrators.
    static let administrators = Access.roles([.admin])
    /// Those who run the floor's production: start and complete orders, enter planned downtime,
    /// correct counts, split stops.
    static let floorLeads = Access.roles([.admin, .manager, .engineer, .supervisor, .operator])
    /// Those who lead shifts: assign operators to orders, and move assignments on for them.
    static let shiftLeads = Access.roles([.admin, .manager, .engineer, .supervisor])
    /// Everyone who works on the floor, not viewers: code stops.
    static let floorStaff = Access.roles(Set(Role.allCases).subtracting([.viewer]))

    /// Whether `role` is allowed; `anyone` and `signedIn` allow every role.
    func allows(_ role: Role) -> Bool {
        if case .roles(let roles) = self { return roles.contains(role) }
        return true
    }
}
