/// The user identity a session is activated with.
public enum OPCUACredentials: Sendable, Hashable {
    /// Anonymous user.
    case anonymous
    /// User name and password, sent in plain text as the server's user token policy None allows.
    case userName(String, password: String)
}
