/// The Identity object of a device, from ListIdentity or Get Attributes All (class 0x01).
public struct DeviceIdentity: Sendable, Equatable, CustomStringConvertible {
    /// Vendor id (1 = Rockwell Automation/Allen-Bradley).
    public var vendorID: UInt16
    /// Device type (14 = programmable logic controller).
    public var deviceType: UInt16
    /// Product code.
    public var productCode: UInt16
    /// Major firmware revision.
    public var revisionMajor: UInt8
    /// Minor firmware revision.
    public var revisionMinor: UInt8
    /// Status word.
    public var status: UInt16
    /// Serial number.
    public var serialNumber: UInt32
    /// Product name, e.g. "1756-L61/B LOGIX5561".
    public var productName: String
    /// Device state (ListIdentity only; 0xFF when unknown).
    public var state: UInt8

    /// Creates an identity.
    public init(vendorID: UInt16, deviceType: UInt16, productCode: UInt16, revisionMajor: UInt8, revisionMinor: UInt8, status: UInt16, serialNumber: UInt32, productName: String, state: UInt8 = 0xFF) {
        self.vendorID = vendorID
        self.deviceType = deviceType
        self.productCode = productCode
        self.revisionMajor = revisionMajor
        self.revisionMinor = revisionMinor
        self.status = status
        self.serialNumber = serialNumber
        self.productName = productName
        self.state = state
    }

    /// Get Attributes All reply data: the identity attributes 1–7.
    public func attributesAll() -> [UInt8] {
        var writer = WireWriter(capacity: 48)
        writeAttributes(into: &writer)
        return writer.bytes
    }

    private func writeAttributes(into writer: inout WireWriter) {
        writer.write(vendorID)
        writer.write(deviceType)
        writer.write(productCode)
        writer.write(revisionMajor)
        writer.write(revisionMinor)
        writer.write(status)
        writer.write(serialNumber)
        let name = Array(productName.utf8.prefix(255))
        writer.write(UInt8(name.count))
        writer.write(bytes: name)
    }

    /// ListIdentity item data: protocol version, socket address (big-endian), attributes, state.
    public func listIdentityItem(port: UInt16, address: UInt32) -> [UInt8] {
        var writer = WireWriter(capacity: 64)
        writer.write(UInt16(1))
        writer.write(bytes: [0x00, 0x02])  // sin_family AF_INET, big-endian
        writer.write(bytes: [UInt8(port >> 8), UInt8(port & 0xFF)])
        writer.write(bytes: [UInt8(address >> 24), UInt8((address >> 16) & 0xFF), UInt8((address >> 8) & 0xFF), UInt8(address & 0xFF)])
        writer.write(bytes: [UInt8](repeating: 0, count: 8))
        writeAttributes(into: &writer)
        writer.write(state)
        return writer.bytes
    }

    /// Decodes Get Attributes All data (a trailing state byte is accepted when present).
    public static func decodeAttributes(_ data: [UInt8]) throws(EtherNetIPError) -> DeviceIdentity {
        var reader = WireReader(data)
        return try decodeAttributes(from: &reader)
    }

    private static func decodeAttributes(from reader: inout WireReader) throws(EtherNetIPError) -> DeviceIdentity {
        let vendor = try reader.readUInt16("vendor")
        let deviceType = try reader.readUInt16("device type")
        let product = try reader.readUInt16("product code")
        let major = try reader.readUInt8("major revision")
        let minor = try reader.readUInt8("minor revision")
        let status = try reader.readUInt16("status")
        let serial = try reader.readUInt32("serial")
        let nameLength = Int(try reader.readUInt8("name length"))
        let name = String(decoding: try reader.readBytes(nameLength, "product name"), as: UTF8.self)
        let state = reader.isAtEnd ? 0xFF : try reader.readUInt8("state")
        return DeviceIdentity(vendorID: vendor, deviceType: deviceType, productCode: product, revisionMajor: major, revisionMinor: minor, status: status, serialNumber: serial, productName: name, state: state)
    }

    /// Decodes the identity item of a ListIdentity reply's data.
    public static func decodeListIdentity(_ data: [UInt8]) throws(EtherNetIPError) -> DeviceIdentity {
        var reader = WireReader(data)
        let packet = try CommonPacketFormat.decode(from: &reader)
        guard let item = packet.item(CommonPacketFormat.ItemType.identity) else { throw .malformed("ListIdentity reply without identity item") }
        var itemReader = WireReader(item.data)
        try itemReader.skip(2 + 16, "protocol version and socket address")
        return try decodeAttributes(from: &itemReader)
    }

    /// One-line summary.
    public var description: String {
        "\(productName) (vendor \(vendorID), type \(deviceType), product \(productCode), rev \(revisionMajor).\(revisionMinor), serial 0x\(String(serialNumber, radix: 16)))"
    }
}
