/// PCCC commands carried by Execute PCCC (service 0x4B to the PCCC object, class 0x67).
public enum PCCCMessage {
    /// Command byte of SLC protected typed logical commands.
    public static let typedCommand: UInt8 = 0x0F
    /// Protected typed logical read with three address fields.
    public static let readFunction: UInt8 = 0xA2
    /// Protected typed logical write with three address fields.
    public static let writeFunction: UInt8 = 0xAA
    /// Protected typed logical masked write with three address fields.
    public static let maskedWriteFunction: UInt8 = 0xAB

    /// A decoded PCCC request (server side) or the fields of one being built.
    public struct Request: Sendable, Equatable {
        /// Command byte (0x0F).
        public var command: UInt8
        /// Transaction number.
        public var transaction: UInt16
        /// Function code (0xA2, 0xAA, 0xAB).
        public var function: UInt8
        /// Byte size of the data to read or write.
        public var byteSize: UInt8
        /// File number.
        public var fileNumber: UInt16
        /// File type code.
        public var fileType: UInt8
        /// Element number.
        public var element: UInt16
        /// Sub-element number.
        public var subElement: UInt16
        /// AND mask for masked write (little-endian word).
        public var mask: [UInt8]
        /// Data to write.
        public var data: [UInt8]

        /// Creates a request.
        public init(command: UInt8 = PCCCMessage.typedCommand, transaction: UInt16, function: UInt8, byteSize: UInt8, fileNumber: UInt16, fileType: UInt8, element: UInt16, subElement: UInt16, mask: [UInt8] = [], data: [UInt8] = []) {
            self.command = command
            self.transaction = transaction
            self.function = function
            self.byteSize = byteSize
            self.fileNumber = fileNumber
            self.fileType = fileType
            self.element = element
            self.subElement = subElement
            self.mask = mask
            self.data = data
        }

        /// Encoded PCCC bytes: CMD, STS, TNS, FNC, size, file, type, element, sub-element, [mask], [data].
        public func encoded() -> [UInt8] {
            var writer = WireWriter(capacity: 16 + mask.count + data.count)
            writer.write(command)
            writer.write(UInt8(0))
            writer.write(transaction)
            writer.write(function)
            writer.write(byteSize)
            PCCCMessage.writeAddressField(fileNumber, into: &writer)
            writer.write(fileType)
            PCCCMessage.writeAddressField(element, into: &writer)
            PCCCMessage.writeAddressField(subElement, into: &writer)
            writer.write(bytes: mask)
            writer.write(bytes: data)
            return writer.bytes
        }

        /// Decodes PCCC request bytes.
        public static func decode(_ bytes: [UInt8]) throws(EtherNetIPError) -> Request {
            var reader = WireReader(bytes)
            let command = try reader.readUInt8("CMD")
            try reader.skip(1, "STS")
            let tns = try reader.readUInt16("TNS")
            let function = try reader.readUInt8("FNC")
            let size = try reader.readUInt8("byte size")
            let file = try PCCCMessage.readAddressField(&reader)
            let type = try reader.readUInt8("file type")
            let element = try PCCCMessage.readAddressField(&reader)
            let sub = try PCCCMessage.readAddressField(&reader)
            var mask: [UInt8] = []
            if function == PCCCMessage.maskedWriteFunction { mask = try reader.readBytes(Int(size), "mask") }
            return Request(command: command, transaction: tns, function: function, byteSize: size, fileNumber: file, fileType: type, element: element, subElement: sub, mask: mask, data: reader.readRest())
        }
    }

    /// A decoded PCCC reply.
    public struct Reply: Sendable, Equatable {
        /// Reply command byte (request command | 0x40).
        public var command: UInt8
        /// STS byte.
        public var status: UInt8
        /// Transaction number echoed from the request.
        public var transaction: UInt16
        /// EXT STS byte when STS is 0xF0.
        public var extendedStatus: UInt8?
        /// Reply data.
        public var data: [UInt8]

        /// Creates a reply.
        public init(command: UInt8, status: UInt8, transaction: UInt16, extendedStatus: UInt8? = nil, data: [UInt8] = []) {
            self.command = command
            self.status = status
            self.transaction = transaction
            self.extendedStatus = extendedStatus
            self.data = data
        }

        /// Encoded PCCC reply bytes.
        public func encoded() -> [UInt8] {
            var writer = WireWriter(capacity: 8 + data.count)
            writer.write(command)
            writer.write(status)
            writer.write(transaction)
            if let extendedStatus { writer.write(extendedStatus) }
            writer.write(bytes: data)
            return writer.bytes
        }

        /// Decodes PCCC reply bytes.
        public static func decode(_ bytes: [UInt8]) throws(EtherNetIPError) -> Reply {
            var reader = WireReader(bytes)
            let command = try reader.readUInt8("CMD")
            let status = try reader.readUInt8("STS")
            let tns = try reader.readUInt16("TNS")
            let extended = status == 0xF0 ? try reader.readUInt8("EXT STS") : nil
            return Reply(command: command, status: status, transaction: tns, extendedStatus: extended, data: reader.readRest())
        }

        /// Throws the PCCC error unless STS is 0.
        public func check() throws(EtherNetIPError) {
            if status != 0 { throw .pccc(PCCCError(status: status, extendedStatus: extendedStatus)) }
        }
    }

    static func writeAddressField(_ value: UInt16, into writer: inout WireWriter) {
        if value < 0xFF { writer.write(UInt8(value)) } else {
            writer.write(UInt8(0xFF))
            writer.write(value)
        }
    }

    static func readAddressField(_ reader: inout WireReader) throws(EtherNetIPError) -> UInt16 {
        let first = try reader.readUInt8("address field")
        return first == 0xFF ? try reader.readUInt16("extended address field") : UInt16(first)
    }

    /// Wraps PCCC bytes in Execute PCCC: requestor id (length 7, vendor, serial), then the command.
    public static func executePCCC(_ pccc: [UInt8], vendorID: UInt16, serial: UInt32) -> CIPRequest {
        var writer = WireWriter(capacity: 7 + pccc.count)
        writer.write(UInt8(7))
        writer.write(vendorID)
        writer.write(serial)
        writer.write(bytes: pccc)
        return CIPRequest(service: CIPService.executePCCC, path: .pccc, data: writer.bytes)
    }

    /// Splits Execute PCCC data (request or reply) into the requestor id and the PCCC bytes.
    public static func splitRequestorID(_ data: [UInt8]) throws(EtherNetIPError) -> (requestorID: [UInt8], pccc: [UInt8]) {
        var reader = WireReader(data)
        let length = Int(try reader.readUInt8("requestor id length"))
        guard length >= 1 else { throw .malformed("requestor id length 0") }
        var requestor = [UInt8(length)]
        requestor += try reader.readBytes(length - 1, "requestor id")
        return (requestor, reader.readRest())
    }

    /// Typed read request for `address`.
    public static func read(_ address: PCCCAddress, transaction: UInt16) -> Request {
        Request(transaction: transaction, function: readFunction, byteSize: UInt8(address.byteSize), fileNumber: address.fileNumber, fileType: address.fileType.rawValue, element: address.element, subElement: address.subElement)
    }

    /// Typed write request of raw little-endian `data` at `address`.
    public static func write(_ address: PCCCAddress, data: [UInt8], transaction: UInt16) -> Request {
        Request(transaction: transaction, function: writeFunction, byteSize: UInt8(truncatingIfNeeded: data.count), fileNumber: address.fileNumber, fileType: address.fileType.rawValue, element: address.element, subElement: address.subElement, data: data)
    }

    /// Masked write setting or clearing `address.bit` in its word (mask selects the bit, data holds its value).
    public static func writeBit(_ address: PCCCAddress, value: Bool, transaction: UInt16) -> Request {
        let flag = UInt16(1) << UInt16(address.bit ?? 0)
        var mask = WireWriter(capacity: 2)
        mask.write(flag)
        var data = WireWriter(capacity: 2)
        data.write(value ? flag : 0)
        return Request(transaction: transaction, function: maskedWriteFunction, byteSize: 2, fileNumber: address.fileNumber, fileType: address.fileType.rawValue, element: address.element, subElement: address.subElement, mask: mask.bytes, data: data.bytes)
    }

    /// Decodes typed-read data for `address` into a value (BOOL for bits, REAL for F, INT words otherwise).
    public static func value(of address: PCCCAddress, from data: [UInt8]) throws(EtherNetIPError) -> CIPValue {
        var reader = WireReader(data)
        if let bit = address.bit {
            let word = try reader.readUInt16("word")
            return .bool(word & (1 << UInt16(bit)) != 0)
        }
        if address.fileType == .float { return .real(Float(bitPattern: try reader.readUInt32("float"))) }
        if address.isWholeStructure {
            return .array([.int(Int16(bitPattern: try reader.readUInt16("control"))), .int(Int16(bitPattern: try reader.readUInt16("PRE"))), .int(Int16(bitPattern: try reader.readUInt16("ACC")))])
        }
        return .int(Int16(bitPattern: try reader.readUInt16("word")))
    }

    /// Encodes a value for a typed write to `address` (not for bits: use ``writeBit(_:value:transaction:)``).
    public static func data(for value: CIPValue, at address: PCCCAddress) throws(EtherNetIPError) -> [UInt8] {
        if address.fileType == .float { return try CIPValueCoding.encode(value, as: .real) }
        if address.isWholeStructure {
            guard value.elements.count == 3 else { throw .typeMismatch("\(address) needs three words") }
            return try CIPValueCoding.encode(value, as: .int)
        }
        if let integer = value.integerValue, integer >= 0, integer <= 0xFFFF, integer > Int64(Int16.max) {
            return try CIPValueCoding.encode(.uint(UInt16(integer)), as: .uint)
        }
        return try CIPValueCoding.encode(value, as: .int)
    }
}
