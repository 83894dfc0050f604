/// The Common Packet Format carried by SendRRData / SendUnitData / ListIdentity: a counted list of typed items.
public struct CommonPacketFormat: Sendable, Equatable {
    /// Item type identifiers.
    public enum ItemType {
        /// Null address item (unconnected messaging).
        public static let nullAddress: UInt16 = 0x0000
        /// ListIdentity reply item.
        public static let identity: UInt16 = 0x000C
        /// Connected address item: a 4-byte connection identifier.
        public static let connectedAddress: UInt16 = 0x00A1
        /// Connected data item: a 2-byte sequence count and a CIP message.
        public static let connectedData: UInt16 = 0x00B1
        /// Unconnected data item: a CIP message.
        public static let unconnectedData: UInt16 = 0x00B2
    }

    /// One item: type identifier and data.
    public struct Item: Sendable, Equatable {
        /// Item type identifier.
        public var typeID: UInt16
        /// Item data.
        public var data: [UInt8]

        /// Creates an item.
        public init(typeID: UInt16, data: [UInt8] = []) {
            self.typeID = typeID
            self.data = data
        }
    }

    /// The items, in order.
    public var items: [Item]

    /// Creates a packet from items.
    public init(items: [Item]) { self.items = items }

    /// An unconnected message: null address + unconnected data.
    public static func unconnected(_ message: [UInt8]) -> CommonPacketFormat {
        CommonPacketFormat(items: [Item(typeID: ItemType.nullAddress), Item(typeID: ItemType.unconnectedData, data: message)])
    }

    /// A connected message: connected address + connected data with its sequence count.
    public static func connected(connectionID: UInt32, sequence: UInt16, message: [UInt8]) -> CommonPacketFormat {
        var address = WireWriter(capacity: 4)
        address.write(connectionID)
        var data = WireWriter(capacity: message.count + 2)
        data.write(sequence)
        data.write(bytes: message)
        return CommonPacketFormat(items: [Item(typeID: ItemType.connectedAddress, data: address.bytes), Item(typeID: ItemType.connectedData, data: data.bytes)])
    }

    /// Appends the item count and items.
    public func encode(into writer: inout WireWriter) {
        writer.write(UInt16(items.count))
        for item in items {
            writer.write(item.typeID)
            writer.write(UInt16(truncatingIfNeeded: item.data.count))
            writer.write(bytes: item.data)
        }
    }

    /// Decodes the item count and items from `reader`.
    public static func decode(from reader: inout WireReader) throws(EtherNetIPError) -> CommonPacketFormat {
        let count = try reader.readUInt16("CPF item count")
        var items: [Item] = []
        items.reserveCapacity(Int(count))
        for _ in 0..<count {
            let type = try reader.readUInt16("CPF item type")
            let length = Int(try reader.readUInt16("CPF item length"))
            items.append(Item(typeID: type, data: try reader.readBytes(length, "CPF item data")))
        }
        return CommonPacketFormat(items: items)
    }

    /// The first item of a given type.
    public func item(_ typeID: UInt16) -> Item? { items.first { $0.typeID == typeID } }
}

/// The data of a SendRRData or SendUnitData command: interface handle, timeout and a Common Packet Format.
public struct MessagingEnvelope: Sendable, Equatable {
    /// Interface handle (0 for CIP).
    public var interfaceHandle: UInt32
    /// Timeout in seconds (0 for SendUnitData).
    public var timeout: UInt16
    /// The carried items.
    public var packet: CommonPacketFormat

    /// Creates an envelope.
    public init(interfaceHandle: UInt32 = 0, timeout: UInt16 = 0, packet: CommonPacketFormat) {
        self.interfaceHandle = interfaceHandle
        self.timeout = timeout
        self.packet = packet
    }

    /// Serializes the envelope.
    public func encoded() -> [UInt8] {
        var writer = WireWriter(capacity: 16 + packet.items.reduce(0) { $0 + $1.data.count + 4 })
        writer.write(interfaceHandle)
        writer.write(timeout)
        packet.encode(into: &writer)
        return writer.bytes
    }

    /// Decodes an envelope.
    public static func decode(_ bytes: [UInt8]) throws(EtherNetIPError) -> MessagingEnvelope {
        var reader = WireReader(bytes)
        let handle = try reader.readUInt32("interface handle")
        let timeout = try reader.readUInt16("timeout")
        return MessagingEnvelope(interfaceHandle: handle, timeout: timeout, packet: try CommonPacketFormat.decode(from: &reader))
    }

    /// For a connected message: the connection identifier, sequence count and CIP message.
    public func connectedMessage() throws(EtherNetIPError) -> (connectionID: UInt32, sequence: UInt16, message: [UInt8]) {
        guard let address = packet.item(CommonPacketFormat.ItemType.connectedAddress),
              let data = packet.item(CommonPacketFormat.ItemType.connectedData)
        else { throw .malformed("SendUnitData without connected address and data items") }
        var addressReader = WireReader(address.data)
        let id = try addressReader.readUInt32("connection id")
        var dataReader = WireReader(data.data)
        let sequence = try dataReader.readUInt16("sequence count")
        return (id, sequence, dataReader.readRest())
    }

    /// For an unconnected message: the CIP message.
    public func unconnectedMessage() throws(EtherNetIPError) -> [UInt8] {
        guard let data = packet.item(CommonPacketFormat.ItemType.unconnectedData) else {
            throw .malformed("SendRRData without an unconnected data item")
        }
        return data.data
    }
}
