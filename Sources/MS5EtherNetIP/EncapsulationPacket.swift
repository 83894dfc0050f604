/// One encapsulation packet: the 24-byte little-endian header and its data.
public struct EncapsulationPacket: Sendable, Equatable {
    /// Size of the fixed header in bytes.
    public static let headerSize = 24
    /// Largest data length accepted when decoding (the header allows 65,511).
    public static let maximumDataLength = 65_511

    /// Raw command code (see ``EncapsulationCommand``).
    public var command: UInt16
    /// Session handle obtained from RegisterSession (0 before).
    public var sessionHandle: UInt32
    /// Encapsulation status (0 = success).
    public var status: UInt32
    /// Eight bytes echoed back by the target, used to correlate replies.
    public var senderContext: UInt64
    /// Options flags (always 0).
    public var options: UInt32
    /// Command-specific data.
    public var data: [UInt8]

    /// Creates a packet.
    public init(command: EncapsulationCommand, sessionHandle: UInt32 = 0, status: UInt32 = 0, senderContext: UInt64 = 0, options: UInt32 = 0, data: [UInt8] = []) {
        self.init(rawCommand: command.rawValue, sessionHandle: sessionHandle, status: status, senderContext: senderContext, options: options, data: data)
    }

    /// Creates a packet with a raw command code (possibly unknown).
    public init(rawCommand: UInt16, sessionHandle: UInt32, status: UInt32, senderContext: UInt64, options: UInt32, data: [UInt8]) {
        self.command = rawCommand
        self.sessionHandle = sessionHandle
        self.status = status
        self.senderContext = senderContext
        self.options = options
        self.data = data
    }

    /// The command as a known enum value, if it is one.
    public var knownCommand: EncapsulationCommand? { EncapsulationCommand(rawValue: command) }

    /// Serializes the header and data.
    public func encoded() -> [UInt8] {
        var writer = WireWriter(capacity: Self.headerSize + data.count)
        encode(into: &writer)
        return writer.bytes
    }

    /// Appends the header and data to `writer`.
    public func encode(into writer: inout WireWriter) {
        writer.write(command)
        writer.write(UInt16(truncatingIfNeeded: data.count))
        writer.write(sessionHandle)
        writer.write(status)
        writer.write(senderContext)
        writer.write(options)
        writer.write(bytes: data)
    }

    /// Decodes a complete packet (header plus exactly `length` data bytes).
    public static func decode(_ bytes: [UInt8]) throws(EtherNetIPError) -> EncapsulationPacket {
        var reader = WireReader(bytes)
        let command = try reader.readUInt16("command")
        let length = Int(try reader.readUInt16("length"))
        let session = try reader.readUInt32("session handle")
        let status = try reader.readUInt32("status")
        let context = try reader.readUInt64("sender context")
        let options = try reader.readUInt32("options")
        let data = try reader.readBytes(length, "encapsulation data")
        return EncapsulationPacket(rawCommand: command, sessionHandle: session, status: status, senderContext: context, options: options, data: data)
    }
}
