/// A CIP / Logix data type as it appears in the type field of Read Tag replies and Write Tag requests.
public enum CIPDataType: Sendable, Hashable, CustomStringConvertible {
    /// BOOL (0xC1), one byte 0x00 / 0x01 (0xFF from some controllers).
    case bool
    /// SINT (0xC2), signed 8-bit.
    case sint
    /// INT (0xC3), signed 16-bit.
    case int
    /// DINT (0xC4), signed 32-bit.
    case dint
    /// LINT (0xC5), signed 64-bit.
    case lint
    /// USINT (0xC6), unsigned 8-bit.
    case usint
    /// UINT (0xC7), unsigned 16-bit.
    case uint
    /// UDINT (0xC8), unsigned 32-bit.
    case udint
    /// ULINT (0xC9), unsigned 64-bit.
    case ulint
    /// REAL (0xCA), IEEE 754 single.
    case real
    /// LREAL (0xCB), IEEE 754 double.
    case lreal
    /// DWORD (0xD3): 32 packed bits; Logix BOOL arrays travel as DWORD words.
    case dword
    /// CIP STRING (0xD0): UINT length then characters.
    case string
    /// CIP SHORT_STRING (0xDA): USINT length then characters.
    case shortString
    /// Logix STRING structure (0x02A0, handle 0x0FCE): DINT LEN, SINT[82] DATA, 2 pad bytes.
    case logixString
    /// Any other structure, identified by its structure handle.
    case structure(handle: UInt16)
    /// A type code this library does not interpret.
    case unknown(code: UInt16)

    /// Type field value marking a structure (followed by a 2-byte handle).
    public static let structureMarker: UInt16 = 0x02A0
    /// Structure handle of the Logix STRING type.
    public static let logixStringHandle: UInt16 = 0x0FCE
    /// Characters in a Logix STRING's DATA member.
    public static let logixStringCapacity = 82
    /// Bytes of a Logix STRING structure (LEN + DATA + pad).
    public static let logixStringSize = 88

    /// The atomic type code, or 0x02A0 for structures.
    public var code: UInt16 {
        switch self {
        case .bool: 0xC1
        case .sint: 0xC2
        case .int: 0xC3
        case .dint: 0xC4
        case .lint: 0xC5
        case .usint: 0xC6
        case .uint: 0xC7
        case .udint: 0xC8
        case .ulint: 0xC9
        case .real: 0xCA
        case .lreal: 0xCB
        case .dword: 0xD3
        case .string: 0xD0
        case .shortString: 0xDA
        case .logixString, .structure: Self.structureMarker
        case .unknown(let code): code
        }
    }

    /// Creates an atomic type from its code (structures need ``decode(from:)``).
    public init(code: UInt16) {
        switch code {
        case 0xC1: self = .bool
        case 0xC2: self = .sint
        case 0xC3: self = .int
        case 0xC4: self = .dint
        case 0xC5: self = .lint
        case 0xC6: self = .usint
        case 0xC7: self = .uint
        case 0xC8: self = .udint
        case 0xC9: self = .ulint
        case 0xCA: self = .real
        case 0xCB: self = .lreal
        case 0xD3: self = .dword
        case 0xD0: self = .string
        case 0xDA: self = .shortString
        default: self = .unknown(code: code)
        }
    }

    /// Creates a type from its Logix name (BOOL, DINT, STRING, …), or nil if not atomic or STRING.
    public init?(name: String) {
        switch name.uppercased() {
        case "BOOL": self = .bool
        case "SINT": self = .sint
        case "INT": self = .int
        case "DINT": self = .dint
        case "LINT": self = .lint
        case "USINT": self = .usint
        case "UINT": self = .uint
        case "UDINT": self = .udint
        case "ULINT": self = .ulint
        case "REAL": self = .real
        case "LREAL": self = .lreal
        case "DWORD": self = .dword
        case "STRING": self = .logixString
        case "SSTRING", "SHORT_STRING": self = .shortString
        default: return nil
        }
    }

    /// Size of one element in bytes, or nil for variable-size types (CIP strings, unknown).
    public var elementSize: Int? {
        switch self {
        case .bool, .sint, .usint: 1
        case .int, .uint: 2
        case .dint, .udint, .real, .dword: 4
        case .lint, .ulint, .lreal: 8
        case .logixString: Self.logixStringSize
        case .string, .shortString, .structure, .unknown: nil
        }
    }

    /// Whether the type is an integer type whose bits can be addressed (`Tag.3`).
    public var isBitAddressable: Bool {
        switch self {
        case .sint, .int, .dint, .lint, .usint, .uint, .udint, .ulint, .dword: true
        default: false
        }
    }

    /// Bytes of the type field on the wire (2, or 4 for structures).
    public var wireTypeSize: Int { code == Self.structureMarker ? 4 : 2 }

    /// Appends the type field (code, plus handle for structures).
    public func encode(into writer: inout WireWriter) {
        writer.write(code)
        switch self {
        case .logixString: writer.write(Self.logixStringHandle)
        case .structure(let handle): writer.write(handle)
        default: break
        }
    }

    /// Decodes a type field.
    public static func decode(from reader: inout WireReader) throws(EtherNetIPError) -> CIPDataType {
        let code = try reader.readUInt16("data type")
        guard code == structureMarker else { return CIPDataType(code: code) }
        let handle = try reader.readUInt16("structure handle")
        return handle == logixStringHandle ? .logixString : .structure(handle: handle)
    }

    /// The Logix name of the type.
    public var description: String {
        switch self {
        case .bool: "BOOL"
        case .sint: "SINT"
        case .int: "INT"
        case .dint: "DINT"
        case .lint: "LINT"
        case .usint: "USINT"
        case .uint: "UINT"
        case .udint: "UDINT"
        case .ulint: "ULINT"
        case .real: "REAL"
        case .lreal: "LREAL"
        case .dword: "DWORD"
        case .string: "STRING(CIP)"
        case .shortString: "SHORT_STRING"
        case .logixString: "STRING"
        case .structure(let handle): "STRUCT(0x" + String(handle, radix: 16) + ")"
        case .unknown(let code): "TYPE(0x" + String(code, radix: 16) + ")"
        }
    }
}
