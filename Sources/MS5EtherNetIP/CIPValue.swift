/// A value read from or written to a tag.
public enum CIPValue: Sendable, Hashable, CustomStringConvertible {
    /// BOOL, or one bit of an integer / BOOL array.
    case bool(Bool)
    /// SINT.
    case sint(Int8)
    /// INT.
    case int(Int16)
    /// DINT.
    case dint(Int32)
    /// LINT.
    case lint(Int64)
    /// USINT.
    case usint(UInt8)
    /// UINT.
    case uint(UInt16)
    /// UDINT.
    case udint(UInt32)
    /// ULINT.
    case ulint(UInt64)
    /// REAL.
    case real(Float)
    /// LREAL.
    case lreal(Double)
    /// DWORD (32 packed bits).
    case dword(UInt32)
    /// Any string type.
    case string(String)
    /// A structure's raw bytes with its handle.
    case structure(handle: UInt16, bytes: [UInt8])
    /// Several elements.
    case array([CIPValue])

    /// The natural data type of the value (element type for arrays; Logix STRING for strings).
    public var dataType: CIPDataType? {
        switch self {
        case .bool: .bool
        case .sint: .sint
        case .int: .int
        case .dint: .dint
        case .lint: .lint
        case .usint: .usint
        case .uint: .uint
        case .udint: .udint
        case .ulint: .ulint
        case .real: .real
        case .lreal: .lreal
        case .dword: .dword
        case .string: .logixString
        case .structure(let handle, _): .structure(handle: handle)
        case .array(let elements): elements.first?.dataType
        }
    }

    /// Elements of the value (itself for scalars).
    public var elements: [CIPValue] {
        if case .array(let elements) = self { return elements }
        return [self]
    }

    /// The value as a signed integer, when it is an integer or BOOL.
    public var integerValue: Int64? {
        switch self {
        case .bool(let value): value ? 1 : 0
        case .sint(let value): Int64(value)
        case .int(let value): Int64(value)
        case .dint(let value): Int64(value)
        case .lint(let value): value
        case .usint(let value): Int64(value)
        case .uint(let value): Int64(value)
        case .udint(let value): Int64(value)
        case .ulint(let value): Int64(exactly: value)
        case .dword(let value): Int64(value)
        default: nil
        }
    }

    /// The value as a double, when it is numeric or BOOL.
    public var doubleValue: Double? {
        switch self {
        case .real(let value): Double(value)
        case .lreal(let value): value
        case .ulint(let value): Double(value)
        default: integerValue.map(Double.init)
        }
    }

    /// Text form: numbers plainly, strings quoted, arrays bracketed.
    public var description: String {
        switch self {
        case .bool(let value): value ? "1" : "0"
        case .real(let value): "\(value)"
        case .lreal(let value): "\(value)"
        case .ulint(let value): "\(value)"
        case .string(let value): "\"\(value)\""
        case .structure(let handle, let bytes): "struct 0x\(String(handle, radix: 16)) \(bytes.count) bytes"
        case .array(let elements): "[" + elements.map(\.description).joined(separator: ", ") + "]"
        default: integerValue.map { "\($0)" } ?? "?"
        }
    }
}
