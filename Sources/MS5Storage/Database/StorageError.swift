/// A failure of the storage layer that is not a rule of the plant: a bad URL, a schema that does
/// not match this binary, a database that cannot be reached.
public struct StorageError: Error, Sendable, Equatable, CustomStringConvertible {
    /// What went wrong.
    public enum Code: String, Sendable, Equatable {
        /// The database URL cannot be used.
        case badURL
        /// The database was written by a newer ms5.
        case schemaTooNew
        /// The database needs migrations this process was told not to apply.
        case schemaBehind
        /// Something the server stored for itself cannot be read back.
        case corrupt
    }

    public let code: Code
    /// A sentence an administrator can act on.
    public let message: String

    /// Creates a storage error.
    public init(_ code: Code, _ message: String) {
        self.code = code
        self.message = message
    }

    static func badURL(_ url: String, _ reason: String) -> StorageError {
        StorageError(.badURL, "The database URL '\(url)' is not usable: \(reason).")
    }

    public var description: String { message }
}
