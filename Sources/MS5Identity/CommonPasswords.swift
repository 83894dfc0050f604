import Foundation

/// The 10,000 most common passwords (from zxcvbn 4.5.0, MIT licence; see the resource file's
/// header), for refusing them as new passwords.
public enum CommonPasswords {
    /// All entries, lower case, loaded from the bundled resource on first use.
    public static let all: Set<String> = load()

    /// True when `password`, compared case-insensitively, is one of the common passwords.
    public static func contains(_ password: String) -> Bool {
        all.contains(password.lowercased())
    }

    private static func load() -> Set<String> {
        guard let url = Bundle.module.url(forResource: "common-passwords", withExtension: "txt"),
            let text = try? String(contentsOf: url, encoding: .utf8)
        else { preconditionFailure("the common-passwords.txt resource is bundled with MS5Identity") }
        return Set(text.split(separator: "\n").filter { !$0.hasPrefix("#") }.map { $0.lowercased() })
    }
}
