/// What an administrator sends to give an account a badge number and PIN.
public struct BadgeInput: Codable, Sendable, Equatable {
    public var badge: String
    public var pin: String

    /// Creates the input.
    public init(badge: String, pin: String) {
        self.badge = badge
        self.pin = pin
    }

    /// Refuses the input with every field at fault: a badge number of 1–32 letters, digits, '-',
    /// '_' or '.', and a PIN the ``PINPolicy`` accepts.
    public func validate() throws(DomainError) {
        var v = Validator()
        v.code(badge, "badge")
        for reason in PINPolicy.problems(pin) { v.check(false, "pin", reason) }
        try v.finish()
    }
}
