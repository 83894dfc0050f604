/// The rules a badge PIN must meet: 4 to 8 digits, and not trivially guessed.
public enum PINPolicy {
    /// Fewest digits a PIN may have.
    public static let minimumLength = 4
    /// Most digits a PIN may have.
    public static let maximumLength = 8

    /// Every rule `pin` breaks, in words; empty when it is acceptable. Refused as trivial: one
    /// digit repeated (`0000`) and a run up or down (`1234`, `4321`, `8901`).
    public static func problems(_ pin: String) -> [String] {
        let digits = pin.unicodeScalars.compactMap { $0.isASCII ? Int(String($0)) : nil }
        guard digits.count == pin.unicodeScalars.count, (minimumLength...maximumLength).contains(digits.count) else {
            return ["must be \(minimumLength) to \(maximumLength) digits"]
        }
        if Set(digits).count == 1 { return ["must not be one digit repeated"] }
        let steps = Set(zip(digits, digits.dropFirst()).map { ($1 - $0 + 10) % 10 })
        if steps == [1] || steps == [9] { return ["must not be a run of digits up or down, like 1234 or 4321"] }
        return []
    }
}
