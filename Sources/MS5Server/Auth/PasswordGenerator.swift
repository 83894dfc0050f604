/// Makes random passwords for new and reset accounts: 20 characters from an alphabet without
/// look-alikes (no 0/O, 1/l/I), easy to read off a screen and type on a tablet.
public enum PasswordGenerator {
    static let alphabet = Array("abcdefghijkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789")

    /// A new random password from the system's secure generator.
    public static func generate(length: Int = 20) -> String {
        var generator = SystemRandomNumberGenerator()
        return String((0..<length).map { _ in alphabet.randomElement(using: &generator)! })
    }
}
