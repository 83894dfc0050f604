/// Conversion of ``CIPValue``s to and from the bytes of a given ``CIPDataType``.
public enum CIPValueCoding {
    /// Decodes `count` elements of `type` from `bytes` (a scalar when `count` is 1).
    public static func decode(_ type: CIPDataType, bytes: [UInt8], count: Int = 1) throws(EtherNetIPError) -> CIPValue {
        var reader = WireReader(bytes)
        if count <= 1 { return try decodeElement(type, from: &reader) }
        var values: [CIPValue] = []
        values.reserveCapacity(count)
        for _ in 0..<count { values.append(try decodeElement(type, from: &reader)) }
        return .array(values)
    }

    /// Decodes as many whole elements of `type` as `bytes` holds.
    public static func decodeAll(_ type: CIPDataType, bytes: [UInt8]) throws(EtherNetIPError) -> [CIPValue] {
        guard let size = type.elementSize, size > 0 else { return [try decode(type, bytes: bytes)] }
        var reader = WireReader(bytes)
        var values: [CIPValue] = []
        values.reserveCapacity(bytes.count / size)
        while reader.remaining >= size { values.append(try decodeElement(type, from: &reader)) }
        return values
    }

    /// Decodes one element.
    public static func decodeElement(_ type: CIPDataType, from reader: inout WireReader) throws(EtherNetIPError) -> CIPValue {
        switch type {
        case .bool: return .bool(try reader.readUInt8("BOOL") != 0)
        case .sint: return .sint(Int8(bitPattern: try reader.readUInt8("SINT")))
        case .usint: return .usint(try reader.readUInt8("USINT"))
        case .int: return .int(Int16(bitPattern: try reader.readUInt16("INT")))
        case .uint: return .uint(try reader.readUInt16("UINT"))
        case .dint: return .dint(Int32(bitPattern: try reader.readUInt32("DINT")))
        case .udint: return .udint(try reader.readUInt32("UDINT"))
        case .dword: return .dword(try reader.readUInt32("DWORD"))
        case .lint: return .lint(Int64(bitPattern: try reader.readUInt64("LINT")))
        case .ulint: return .ulint(try reader.readUInt64("ULINT"))
        case .real: return .real(Float(bitPattern: try reader.readUInt32("REAL")))
        case .lreal: return .lreal(Double(bitPattern: try reader.readUInt64("LREAL")))
        case .string:
            let length = Int(try reader.readUInt16("STRING length"))
            let text = String(decoding: try reader.readBytes(length, "STRING data"), as: UTF8.self)
            if length % 2 == 1, reader.remaining > 0 { try reader.skip(1, "STRING pad") }
            return .string(text)
        case .shortString:
            let length = Int(try reader.readUInt8("SHORT_STRING length"))
            return .string(String(decoding: try reader.readBytes(length, "SHORT_STRING data"), as: UTF8.self))
        case .logixString:
            let start = reader.position
            let declared = Int(Int32(bitPattern: try reader.readUInt32("STRING LEN")))
            let length = min(max(declared, 0), CIPDataType.logixStringCapacity, reader.remaining)
            let text = String(decoding: try reader.readBytes(length, "STRING DATA"), as: UTF8.self)
            let consumed = reader.position - start
            try reader.skip(min(CIPDataType.logixStringSize - consumed, reader.remaining))
            return .string(text)
        case .structure(let handle):
            return .structure(handle: handle, bytes: reader.readRest())
        case .unknown(let code):
            throw .unsupported("data type 0x" + String(code, radix: 16))
        }
    }

    /// Encodes `value` (scalar or array) as elements of `type`, converting numbers when they fit.
    public static func encode(_ value: CIPValue, as type: CIPDataType) throws(EtherNetIPError) -> [UInt8] {
        var writer = WireWriter(capacity: (type.elementSize ?? 8) * max(value.elements.count, 1))
        for element in value.elements { try encodeElement(element, as: type, into: &writer) }
        return writer.bytes
    }

    /// Encodes one element.
    public static func encodeElement(_ value: CIPValue, as type: CIPDataType, into writer: inout WireWriter) throws(EtherNetIPError) {
        switch type {
        case .bool: writer.write(UInt8(try integer(value, type, min: 0, max: 1) != 0 ? 1 : 0))
        case .sint: writer.write(UInt8(bitPattern: Int8(try integer(value, type, min: Int64(Int8.min), max: Int64(Int8.max)))))
        case .usint: writer.write(UInt8(try integer(value, type, min: 0, max: Int64(UInt8.max))))
        case .int: writer.write(UInt16(bitPattern: Int16(try integer(value, type, min: Int64(Int16.min), max: Int64(Int16.max)))))
        case .uint: writer.write(UInt16(try integer(value, type, min: 0, max: Int64(UInt16.max))))
        case .dint: writer.write(UInt32(bitPattern: Int32(try integer(value, type, min: Int64(Int32.min), max: Int64(Int32.max)))))
        case .udint, .dword: writer.write(UInt32(try integer(value, type, min: 0, max: Int64(UInt32.max))))
        case .lint: writer.write(UInt64(bitPattern: try integer(value, type, min: Int64.min, max: Int64.max)))
        case .ulint:
            if case .ulint(let raw) = value { writer.write(raw) } else { writer.write(UInt64(try integer(value, type, min: 0, max: Int64.max))) }
        case .real: writer.write(Float(try double(value, type)).bitPattern)
        case .lreal: writer.write(try double(value, type).bitPattern)
        case .string, .shortString, .logixString:
            guard case .string(let text) = value else { throw .typeMismatch("\(value) is not a string for \(type)") }
            try encodeString(text, as: type, into: &writer)
        case .structure(let handle):
            guard case .structure(let valueHandle, let bytes) = value, valueHandle == handle else {
                throw .typeMismatch("\(value) is not a structure with handle 0x\(String(handle, radix: 16))")
            }
            writer.write(bytes: bytes)
        case .unknown(let code):
            throw .unsupported("writing data type 0x" + String(code, radix: 16))
        }
    }

    private static func encodeString(_ text: String, as type: CIPDataType, into writer: inout WireWriter) throws(EtherNetIPError) {
        let bytes = Array(text.utf8)
        switch type {
        case .string:
            guard bytes.count <= Int(UInt16.max) else { throw .typeMismatch("string too long") }
            writer.write(UInt16(bytes.count))
            writer.write(bytes: bytes)
            if bytes.count % 2 == 1 { writer.write(UInt8(0)) }
        case .shortString:
            guard bytes.count <= Int(UInt8.max) else { throw .typeMismatch("string longer than 255 for SHORT_STRING") }
            writer.write(UInt8(bytes.count))
            writer.write(bytes: bytes)
        default:
            guard bytes.count <= CIPDataType.logixStringCapacity else {
                throw .typeMismatch("string longer than \(CIPDataType.logixStringCapacity) characters for STRING")
            }
            writer.write(UInt32(bytes.count))
            writer.write(bytes: bytes)
            writer.write(bytes: [UInt8](repeating: 0, count: CIPDataType.logixStringSize - 4 - bytes.count))
        }
    }

    private static func integer(_ value: CIPValue, _ type: CIPDataType, min: Int64, max: Int64) throws(EtherNetIPError) -> Int64 {
        let candidate: Int64?
        switch value {
        case .real(let float): candidate = float.isFinite && float == float.rounded() ? Int64(exactly: float) : nil
        case .lreal(let double): candidate = double.isFinite && double == double.rounded() ? Int64(exactly: double) : nil
        case .ulint(let raw) where type == .lint: candidate = Int64(bitPattern: raw)
        default: candidate = value.integerValue
        }
        guard let integer = candidate, integer >= min, integer <= max else {
            throw .typeMismatch("\(value) does not fit \(type)")
        }
        return integer
    }

    private static func double(_ value: CIPValue, _ type: CIPDataType) throws(EtherNetIPError) -> Double {
        guard let double = value.doubleValue else { throw .typeMismatch("\(value) is not a number for \(type)") }
        return double
    }

    /// Parses command-line text into a value of `type` (`1`/`0`/`true`/`false` for BOOL, quotes optional for strings).
    public static func parse(_ text: String, as type: CIPDataType) throws(EtherNetIPError) -> CIPValue {
        let trimmed = text.trimmingCharacters(in: .whitespaces)
        switch type {
        case .bool:
            switch trimmed.lowercased() {
            case "1", "true", "on": return .bool(true)
            case "0", "false", "off": return .bool(false)
            default: throw .typeMismatch("'\(text)' is not a BOOL")
            }
        case .real, .lreal:
            guard let double = Double(trimmed) else { throw .typeMismatch("'\(text)' is not a number") }
            return type == .real ? .real(Float(double)) : .lreal(double)
        case .ulint:
            guard let raw = UInt64(trimmed) else { throw .typeMismatch("'\(text)' is not a ULINT") }
            return .ulint(raw)
        case .string, .shortString, .logixString:
            var unquoted = Substring(trimmed)
            if unquoted.count >= 2, unquoted.first == "\"", unquoted.last == "\"" { unquoted = unquoted.dropFirst().dropLast() }
            return .string(String(unquoted))
        default:
            guard let integer = Int64(trimmed) else { throw .typeMismatch("'\(text)' is not an integer") }
            let bytes = try encode(.lint(integer), as: type)
            return try decode(type, bytes: bytes)
        }
    }
}

extension String {
    /// Removes characters from both ends while they match `set` (avoids a Foundation dependency).
    func trimmingCharacters(in set: TrimSet) -> String {
        String(drop { set.contains($0) }.reversed().drop { set.contains($0) }.reversed())
    }
}

/// Character sets for ``String/trimmingCharacters(in:)``.
struct TrimSet {
    /// Spaces, tabs and line breaks.
    static let whitespaces = TrimSet()

    func contains(_ character: Character) -> Bool { character.isWhitespace }
}
