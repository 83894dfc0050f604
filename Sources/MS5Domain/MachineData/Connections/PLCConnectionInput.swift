/// What a client sends to set an equipment's controller connection.
public struct PLCConnectionInput: Codable, Sendable, Equatable {
    public var host: String
    public var port: Int
    public var slot: Int
    public var `protocol`: PLCProtocol
    public var enabled: Bool
    /// User name for an MQTT broker or OPC UA server; nil or left out for anonymous.
    public var username: String?
    /// The password: left out keeps the one set before, empty removes it. Never shown back.
    public var password: String?
    /// TLS to an MQTT broker (false when left out).
    public var tls: Bool
    /// A PEM file on the ms5 host with the certificates to trust for TLS (a company CA).
    public var tlsCAFile: String?
    /// The path of an OPC UA endpoint (`/UA/Server`); nil for the server's root.
    public var endpointPath: String?

    /// Creates the input.
    public init(
        host: String, port: Int = 44818, slot: Int = 0, protocol: PLCProtocol, enabled: Bool = true, username: String? = nil,
        password: String? = nil, tls: Bool = false, tlsCAFile: String? = nil, endpointPath: String? = nil
    ) {
        self.host = host
        self.port = port
        self.slot = slot
        self.protocol = `protocol`
        self.enabled = enabled
        self.username = username
        self.password = password
        self.tls = tls
        self.tlsCAFile = tlsCAFile
        self.endpointPath = endpointPath
    }

    private enum CodingKeys: String, CodingKey {
        case host, port, slot, `protocol`, enabled, username, password, tls, tlsCAFile, endpointPath
    }

    /// Decodes the input; `tls` may be left out (false), as may every field added after the first release.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        host = try container.decode(String.self, forKey: .host)
        port = try container.decode(Int.self, forKey: .port)
        slot = try container.decode(Int.self, forKey: .slot)
        `protocol` = try container.decode(PLCProtocol.self, forKey: .protocol)
        enabled = try container.decode(Bool.self, forKey: .enabled)
        username = try container.decodeIfPresent(String.self, forKey: .username)
        password = try container.decodeIfPresent(String.self, forKey: .password)
        tls = try container.decodeIfPresent(Bool.self, forKey: .tls) ?? false
        tlsCAFile = try container.decodeIfPresent(String.self, forKey: .tlsCAFile)
        endpointPath = try container.decodeIfPresent(String.self, forKey: .endpointPath)
    }

    /// Refuses the input with every field at fault: credentials only where the protocol signs in,
    /// TLS only to MQTT brokers, an endpoint path only for OPC UA.
    public func validate() throws(DomainError) {
        var v = Validator()
        v.check(!host.isEmpty && host.count <= 253 && host.allSatisfy { $0.isASCII && ($0.isLetter || $0.isNumber || "-.:".contains($0)) },
                "host", "must be a host name or IP address")
        v.check((1...65_535).contains(port), "port", "must be from 1 to 65535")
        v.check(`protocol`.slots.contains(slot), "slot",
                "must be from \(`protocol`.slots.lowerBound) to \(`protocol`.slots.upperBound) for \(`protocol`.rawValue)")
        if let username {
            v.check(`protocol`.takesCredentials, "username", "is only for opcua, mqtt and sparkplug connections")
            v.check(!username.isEmpty && username.count <= 256 && !username.contains(where: \.isNewline), "username", "must be 1 to 256 characters on one line")
        }
        if let password, !password.isEmpty {
            v.check(username != nil, "password", "needs a username")
            v.check(password.count <= 256, "password", "must be at most 256 characters")
        }
        v.check(!tls || `protocol`.takesTLS, "tls", "is only for mqtt and sparkplug connections")
        if let tlsCAFile {
            v.check(tls, "tlsCAFile", "needs tls")
            v.check(tlsCAFile.hasPrefix("/") && tlsCAFile.count <= 1024, "tlsCAFile", "must be an absolute path on the ms5 host")
        }
        if let endpointPath {
            v.check(`protocol` == .opcua, "endpointPath", "is only for opcua connections")
            v.check(endpointPath.hasPrefix("/") && endpointPath.count <= 256 && !endpointPath.contains(where: \.isWhitespace),
                    "endpointPath", "must start with / and contain no spaces")
        }
        try v.finish()
    }
}
