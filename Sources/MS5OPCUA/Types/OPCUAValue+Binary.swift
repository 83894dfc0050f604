extension OPCUAValue: UABinaryCodable {
    public func encode(to writer: inout UABinaryWriter) {
        switch self {
        case .null:
            writer.write(UInt8(0))
        case let .array(elementType, elements):
            writer.write(elementType.rawValue | 0x80)
            writer.writeArray(elements) { writer, element in element.encodeBody(to: &writer) }
        default:
            writer.write(variantType?.rawValue ?? 0)
            encodeBody(to: &writer)
        }
    }

    /// Writes the value without the Variant encoding byte.
    private func encodeBody(to writer: inout UABinaryWriter) {
        switch self {
        case .null: break
        case let .boolean(v): writer.write(v)
        case let .sbyte(v): writer.write(v)
        case let .byte(v): writer.write(v)
        case let .int16(v): writer.write(v)
        case let .uint16(v): writer.write(v)
        case let .int32(v): writer.write(v)
        case let .uint32(v): writer.write(v)
        case let .int64(v): writer.write(v)
        case let .uint64(v): writer.write(v)
        case let .float(v): writer.write(v)
        case let .double(v): writer.write(v)
        case let .string(v): writer.write(v)
        case let .dateTime(v): writer.write(v)
        case let .guid(v): writer.write(v)
        case let .byteString(v): writer.writeByteString(v)
        case let .xmlElement(v): writer.write(v)
        case let .nodeID(v): writer.write(v)
        case let .expandedNodeID(v): writer.write(v)
        case let .statusCode(v): writer.write(v)
        case let .qualifiedName(v): writer.write(v)
        case let .localizedText(v): writer.write(v)
        case let .extensionObject(v): writer.write(v)
        case .array: encode(to: &writer)
        }
    }

    public init(from reader: inout UABinaryReader) throws(UADecodingError) {
        let encoding = try reader.readUInt8()
        let typeID = encoding & 0x3F
        guard typeID != 0 else {
            self = .null
            return
        }
        guard let type = OPCUAVariantType(rawValue: typeID) else {
            throw .invalidValue(field: "Variant type", value: Int(typeID))
        }
        if encoding & 0x80 != 0 {
            let elements = try reader.readArray { (reader: inout UABinaryReader) throws(UADecodingError) in
                try OPCUAValue(decoding: type, from: &reader)
            }
            if encoding & 0x40 != 0 {
                _ = try reader.readArray { (reader: inout UABinaryReader) throws(UADecodingError) in try reader.readInt32() }
            }
            self = .array(elementType: type, elements: elements)
        } else {
            self = try OPCUAValue(decoding: type, from: &reader)
        }
    }

    /// Reads one value of `type` without a Variant encoding byte.
    private init(decoding type: OPCUAVariantType, from reader: inout UABinaryReader) throws(UADecodingError) {
        switch type {
        case .boolean: self = .boolean(try reader.readBool())
        case .sbyte: self = .sbyte(try reader.readInt8())
        case .byte: self = .byte(try reader.readUInt8())
        case .int16: self = .int16(try reader.readInt16())
        case .uint16: self = .uint16(try reader.readUInt16())
        case .int32: self = .int32(try reader.readInt32())
        case .uint32: self = .uint32(try reader.readUInt32())
        case .int64: self = .int64(try reader.readInt64())
        case .uint64: self = .uint64(try reader.readUInt64())
        case .float: self = .float(try reader.readFloat())
        case .double: self = .double(try reader.readDouble())
        case .string: self = .string(try reader.readString() ?? "")
        case .dateTime: self = .dateTime(try reader.readDate())
        case .guid: self = .guid(try reader.readGuid())
        case .byteString: self = .byteString(try reader.readByteString() ?? [])
        case .xmlElement: self = .xmlElement(try reader.readString() ?? "")
        case .nodeID: self = .nodeID(try reader.read())
        case .expandedNodeID: self = .expandedNodeID(try reader.read())
        case .statusCode: self = .statusCode(try reader.read())
        case .qualifiedName: self = .qualifiedName(try reader.read())
        case .localizedText: self = .localizedText(try reader.read())
        case .extensionObject: self = .extensionObject(try reader.read())
        case .dataValue: self = try reader.read(DataValue.self).value
        case .variant: self = try reader.read(OPCUAValue.self)
        case .diagnosticInfo:
            _ = try reader.read(DiagnosticInfo.self)
            self = .null
        }
    }
}
