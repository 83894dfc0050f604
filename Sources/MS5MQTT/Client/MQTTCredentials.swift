/// User name and password sent in CONNECT.
public struct MQTTCredentials: Sendable, Hashable {
    /// The user name.
    public var username: String
    /// The password (sent as UTF-8 bytes).
    public var password: String

    /// Creates credentials.
    public init(username: String, password: String) {
        self.username = username
        self.password = password
    }
}
