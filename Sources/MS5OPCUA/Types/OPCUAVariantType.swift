/// The built-in type ids used in Variant encoding (Part 6, 5.1.2).
public enum OPCUAVariantType: UInt8, Sendable, Hashable, CaseIterable, CustomStringConvertible {
    case boolean = 1, sbyte, byte, int16, uint16, int32, uint32, int64, uint64, float, double
    case string, dateTime, guid, byteString, xmlElement, nodeID, expandedNodeID, statusCode
    case qualifiedName, localizedText, extensionObject, dataValue, variant, diagnosticInfo

    /// The type name as the specification spells it, e.g. `UInt16`.
    public var description: String {
        switch self {
        case .boolean: "Boolean"
        case .sbyte: "SByte"
        case .byte: "Byte"
        case .int16: "Int16"
        case .uint16: "UInt16"
        case .int32: "Int32"
        case .uint32: "UInt32"
        case .int64: "Int64"
        case .uint64: "UInt64"
        case .float: "Float"
        case .double: "Double"
        case .string: "String"
        case .dateTime: "DateTime"
        case .guid: "Guid"
        case .byteString: "ByteString"
        case .xmlElement: "XmlElement"
        case .nodeID: "NodeId"
        case .expandedNodeID: "ExpandedNodeId"
        case .statusCode: "StatusCode"
        case .qualifiedName: "QualifiedName"
        case .localizedText: "LocalizedText"
        case .extensionObject: "ExtensionObject"
        case .dataValue: "DataValue"
        case .variant: "Variant"
        case .diagnosticInfo: "DiagnosticInfo"
        }
    }
}
