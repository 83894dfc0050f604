import Foundation

/// How MS5 reaches the controller, broker or server of one equipment. A password is kept but
/// never shown back: ``hasPassword`` says whether one is set.
public struct PLCConnection: Codable, Sendable, Equatable {
    public var equipmentId: UUID
    /// Host name or IP address of the controller (or its EtherNet/IP module), broker or server.
    public var host: String
    public var port: Int
    /// Backplane slot of a Logix controller, or the unit id of a Modbus device; 0 for the others.
    public var slot: Int
    public var `protocol`: PLCProtocol
    /// Polling stops while false, without losing the configuration.
    public var enabled: Bool
    /// The user name an MQTT broker or OPC UA server is signed in to with; nil for anonymous.
    public var username: String?
    /// Whether a password is set for ``username``.
    public var hasPassword: Bool
    /// Whether an MQTT broker is reached over TLS.
    public var tls: Bool
    /// A PEM file on the ms5 host with the certificates to trust for TLS instead of the system's.
    public var tlsCAFile: String?
    /// The path of an OPC UA endpoint, e.g. `/UA/Server` in `opc.tcp://host:4840/UA/Server`.
    public var endpointPath: String?
    public var updatedAt: Date

    /// Creates a connection record.
    public init(
        equipmentId: UUID, host: String, port: Int, slot: Int, protocol: PLCProtocol, enabled: Bool, username: String? = nil,
        hasPassword: Bool = false, tls: Bool = false, tlsCAFile: String? = nil, endpointPath: String? = nil, updatedAt: Date
    ) {
        self.equipmentId = equipmentId
        self.host = host
        self.port = port
        self.slot = slot
        self.protocol = `protocol`
        self.enabled = enabled
        self.username = username
        self.hasPassword = hasPassword
        self.tls = tls
        self.tlsCAFile = tlsCAFile
        self.endpointPath = endpointPath
        self.updatedAt = updatedAt
    }
}
