import Foundation

/// A value of one of the OPC UA built-in types, or an array of them (the Variant, Part 6, 5.2.2.16).
public enum OPCUAValue: Sendable, Hashable {
    /// No value (the empty Variant).
    case null
    case boolean(Bool)
    case sbyte(Int8)
    case byte(UInt8)
    case int16(Int16)
    case uint16(UInt16)
    case int32(Int32)
    case uint32(UInt32)
    case int64(Int64)
    case uint64(UInt64)
    case float(Float)
    case double(Double)
    /// A String; the null string decodes as `.string("")`.
    case string(String)
    /// A DateTime; the "not set" value decodes as `.dateTime(nil)`.
    case dateTime(Date?)
    case guid(UUID)
    /// A ByteString; the null ByteString decodes as `.byteString([])`.
    case byteString([UInt8])
    case xmlElement(String)
    case nodeID(NodeID)
    case expandedNodeID(ExpandedNodeID)
    case statusCode(StatusCode)
    case qualifiedName(QualifiedName)
    case localizedText(LocalizedText)
    case extensionObject(ExtensionObject)
    /// A one-dimensional array whose elements all have `elementType` (multi-dimensional arrays are flattened).
    indirect case array(elementType: OPCUAVariantType, elements: [OPCUAValue])

    /// The built-in type of the value (of the elements, for an array); `nil` for `.null`.
    public var variantType: OPCUAVariantType? {
        switch self {
        case .null: nil
        case .boolean: .boolean
        case .sbyte: .sbyte
        case .byte: .byte
        case .int16: .int16
        case .uint16: .uint16
        case .int32: .int32
        case .uint32: .uint32
        case .int64: .int64
        case .uint64: .uint64
        case .float: .float
        case .double: .double
        case .string: .string
        case .dateTime: .dateTime
        case .guid: .guid
        case .byteString: .byteString
        case .xmlElement: .xmlElement
        case .nodeID: .nodeID
        case .expandedNodeID: .expandedNodeID
        case .statusCode: .statusCode
        case .qualifiedName: .qualifiedName
        case .localizedText: .localizedText
        case .extensionObject: .extensionObject
        case let .array(elementType, _): elementType
        }
    }

    /// The type name for display, e.g. `Int32` or `Double[]`.
    public var typeName: String {
        switch self {
        case .null: "Null"
        case let .array(elementType, _): "\(elementType)[]"
        default: variantType.map(\.description) ?? "Null"
        }
    }

    /// The value as a Double for numeric and Boolean scalars (true = 1), otherwise `nil`.
    public var doubleValue: Double? {
        switch self {
        case let .boolean(v): v ? 1 : 0
        case let .sbyte(v): Double(v)
        case let .byte(v): Double(v)
        case let .int16(v): Double(v)
        case let .uint16(v): Double(v)
        case let .int32(v): Double(v)
        case let .uint32(v): Double(v)
        case let .int64(v): Double(v)
        case let .uint64(v): Double(v)
        case let .float(v): Double(v)
        case let .double(v): v
        default: nil
        }
    }
}
