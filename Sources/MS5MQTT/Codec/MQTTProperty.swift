import NIOCore

/// One MQTT 5 property: an identifier and a value of the type that identifier requires.
public struct MQTTProperty: Sendable, Hashable {
    /// The property identifiers defined by MQTT 5.0 section 2.2.2.2.
    public enum Identifier: UInt8, Sendable, Hashable {
        /// Byte: 0 unspecified bytes, 1 UTF-8 payload.
        case payloadFormatIndicator = 0x01
        /// Four bytes: message lifetime in seconds.
        case messageExpiryInterval = 0x02
        /// String: MIME type of the payload.
        case contentType = 0x03
        /// String: topic for a response.
        case responseTopic = 0x08
        /// Binary: request/response correlation.
        case correlationData = 0x09
        /// Variable byte integer: identifier of the matching subscription.
        case subscriptionIdentifier = 0x0B
        /// Four bytes: seconds the session outlives the connection.
        case sessionExpiryInterval = 0x11
        /// String: client identifier chosen by the server.
        case assignedClientIdentifier = 0x12
        /// Two bytes: keep-alive the server wants.
        case serverKeepAlive = 0x13
        /// String: extended authentication method.
        case authenticationMethod = 0x15
        /// Binary: extended authentication data.
        case authenticationData = 0x16
        /// Byte: whether reason strings may be sent on failures.
        case requestProblemInformation = 0x17
        /// Four bytes: seconds to delay the will message.
        case willDelayInterval = 0x18
        /// Byte: whether the server should send response information.
        case requestResponseInformation = 0x19
        /// String: basis for response topics.
        case responseInformation = 0x1A
        /// String: another server to use.
        case serverReference = 0x1C
        /// String: human-readable diagnostic.
        case reasonString = 0x1F
        /// Two bytes: unacknowledged QoS 1/2 publishes the sender accepts.
        case receiveMaximum = 0x21
        /// Two bytes: highest topic alias accepted.
        case topicAliasMaximum = 0x22
        /// Two bytes: topic alias of this publish.
        case topicAlias = 0x23
        /// Byte: highest QoS the server supports.
        case maximumQoS = 0x24
        /// Byte: whether retained messages are supported.
        case retainAvailable = 0x25
        /// String pair: application-defined key and value.
        case userProperty = 0x26
        /// Four bytes: largest packet accepted.
        case maximumPacketSize = 0x27
        /// Byte: whether wildcard subscriptions are supported.
        case wildcardSubscriptionAvailable = 0x28
        /// Byte: whether subscription identifiers are supported.
        case subscriptionIdentifierAvailable = 0x29
        /// Byte: whether shared subscriptions are supported.
        case sharedSubscriptionAvailable = 0x2A
    }

    /// A property value in one of the wire types MQTT 5 defines.
    public enum Value: Sendable, Hashable {
        /// A single byte.
        case byte(UInt8)
        /// A big-endian two-byte integer.
        case twoByteInteger(UInt16)
        /// A big-endian four-byte integer.
        case fourByteInteger(UInt32)
        /// A variable byte integer.
        case variableByteInteger(Int)
        /// A UTF-8 string.
        case string(String)
        /// Binary data.
        case binary([UInt8])
        /// A UTF-8 key and value.
        case stringPair(String, String)
    }

    /// Which property this is.
    public let identifier: Identifier
    /// Its value.
    public let value: Value

    /// Creates a property; the value's wire type must be the one the identifier requires.
    public init(_ identifier: Identifier, _ value: Value) {
        self.identifier = identifier
        self.value = value
    }

    /// Appends the identifier and value to `buffer`.
    func write(to buffer: inout ByteBuffer) throws {
        buffer.writeInteger(identifier.rawValue)
        let field = "property \(identifier)"
        switch value {
        case .byte(let byte): buffer.writeInteger(byte)
        case .twoByteInteger(let integer): buffer.writeInteger(integer)
        case .fourByteInteger(let integer): buffer.writeInteger(integer)
        case .variableByteInteger(let integer): try MQTTVariableByteInteger.write(integer, to: &buffer)
        case .string(let string): try buffer.writeMQTTString(string, field: field)
        case .binary(let bytes): try buffer.writeMQTTBinary(bytes, field: field)
        case .stringPair(let key, let value):
            try buffer.writeMQTTString(key, field: field)
            try buffer.writeMQTTString(value, field: field)
        }
    }

    /// Reads one property (identifier and value) from `buffer`.
    static func read(from buffer: inout ByteBuffer) throws -> MQTTProperty {
        let rawIdentifier = try buffer.readMQTTInteger(UInt8.self, field: "property identifier")
        guard let identifier = Identifier(rawValue: rawIdentifier) else {
            throw MQTTCodecError.unknownProperty(rawIdentifier)
        }
        let field = "property \(identifier)"
        let value: Value
        switch identifier {
        case .payloadFormatIndicator, .requestProblemInformation, .requestResponseInformation, .maximumQoS,
            .retainAvailable, .wildcardSubscriptionAvailable, .subscriptionIdentifierAvailable,
            .sharedSubscriptionAvailable:
            value = .byte(try buffer.readMQTTInteger(UInt8.self, field: field))
        case .serverKeepAlive, .receiveMaximum, .topicAliasMaximum, .topicAlias:
            value = .twoByteInteger(try buffer.readMQTTInteger(UInt16.self, field: field))
        case .messageExpiryInterval, .sessionExpiryInterval, .willDelayInterval, .maximumPacketSize:
            value = .fourByteInteger(try buffer.readMQTTInteger(UInt32.self, field: field))
        case .subscriptionIdentifier:
            value = .variableByteInteger(try buffer.readMQTTVariableInteger(field: field))
        case .contentType, .responseTopic, .assignedClientIdentifier, .authenticationMethod, .responseInformation,
            .serverReference, .reasonString:
            value = .string(try buffer.readMQTTString(field: field))
        case .correlationData, .authenticationData:
            value = .binary(try buffer.readMQTTBinary(field: field))
        case .userProperty:
            value = .stringPair(try buffer.readMQTTString(field: field), try buffer.readMQTTString(field: field))
        }
        return MQTTProperty(identifier, value)
    }
}
