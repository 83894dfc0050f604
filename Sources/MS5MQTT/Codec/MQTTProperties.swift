import NIOCore

/// The property list of an MQTT 5 packet (always empty on MQTT 3.1.1).
public struct MQTTProperties: Sendable, Hashable, ExpressibleByArrayLiteral {
    /// The properties in wire order.
    public var properties: [MQTTProperty]

    /// Creates a list from properties in wire order.
    public init(_ properties: [MQTTProperty] = []) {
        self.properties = properties
    }

    /// Creates a list from an array literal.
    public init(arrayLiteral elements: MQTTProperty...) {
        self.properties = elements
    }

    /// The first value with `identifier`, if present.
    public subscript(identifier: MQTTProperty.Identifier) -> MQTTProperty.Value? {
        properties.first { $0.identifier == identifier }?.value
    }

    /// The server's human-readable diagnostic, if it sent one.
    public var reasonString: String? {
        if case .string(let text) = self[.reasonString] { return text }
        return nil
    }

    /// The session expiry interval in seconds, if present.
    public var sessionExpiryInterval: UInt32? {
        if case .fourByteInteger(let seconds) = self[.sessionExpiryInterval] { return seconds }
        return nil
    }

    /// The keep-alive the server imposes in seconds, if present.
    public var serverKeepAlive: UInt16? {
        if case .twoByteInteger(let seconds) = self[.serverKeepAlive] { return seconds }
        return nil
    }

    /// The client identifier the server assigned, if present.
    public var assignedClientIdentifier: String? {
        if case .string(let identifier) = self[.assignedClientIdentifier] { return identifier }
        return nil
    }

    /// Appends the property length and the properties to `buffer`.
    func write(to buffer: inout ByteBuffer) throws {
        var body = ByteBuffer()
        for property in properties {
            try property.write(to: &body)
        }
        try MQTTVariableByteInteger.write(body.readableBytes, to: &buffer)
        buffer.writeImmutableBuffer(body)
    }

    /// Reads a property length and that many bytes of properties.
    static func read(from buffer: inout ByteBuffer) throws -> MQTTProperties {
        let length = try buffer.readMQTTVariableInteger(field: "property length")
        guard var slice = buffer.readSlice(length: length) else {
            throw MQTTCodecError.malformedPacket("properties are truncated")
        }
        var properties: [MQTTProperty] = []
        while slice.readableBytes > 0 {
            properties.append(try MQTTProperty.read(from: &slice))
        }
        return MQTTProperties(properties)
    }
}
