import Foundation
import MS5OPCUA

/// OPC UA values and timestamps as engineers read them.
enum OPCUAValueText {
    static func text(_ date: Date?) -> String {
        guard let date else { return "-" }
        return date.formatted(.iso8601.year().month().day().time(includingFractionalSeconds: true))
    }

    static func text(_ value: OPCUAValue) -> String {
        switch value {
        case .null: "null"
        case let .boolean(v): "\(v)"
        case let .sbyte(v): "\(v)"
        case let .byte(v): "\(v)"
        case let .int16(v): "\(v)"
        case let .uint16(v): "\(v)"
        case let .int32(v): "\(v)"
        case let .uint32(v): "\(v)"
        case let .int64(v): "\(v)"
        case let .uint64(v): "\(v)"
        case let .float(v): "\(v)"
        case let .double(v): "\(v)"
        case let .string(v): "\"\(v)\""
        case let .dateTime(v): text(v)
        case let .guid(v): v.uuidString.lowercased()
        case let .byteString(v): "0x" + v.map { String(format: "%02x", $0) }.joined()
        case let .xmlElement(v): v
        case let .nodeID(v): v.description
        case let .expandedNodeID(v): v.description
        case let .statusCode(v): v.description
        case let .qualifiedName(v): v.description
        case let .localizedText(v): "\"\(v)\""
        case let .extensionObject(v): "ExtensionObject(\(v.typeID), \(v.body?.count ?? 0) bytes)"
        case let .array(_, elements): "[" + elements.map(text).joined(separator: ", ") + "]"
        }
    }
}
