import Foundation

/// Common parameters of every service response (Part 4, 7.34).
struct ResponseHeader: Sendable, UABinaryDecodable {
    var timestamp: Date?
    var requestHandle: UInt32
    var serviceResult: StatusCode

    init(from reader: inout UABinaryReader) throws(UADecodingError) {
        timestamp = try reader.readDate()
        requestHandle = try reader.readUInt32()
        serviceResult = try reader.read()
        _ = try reader.read(DiagnosticInfo.self)
        _ = try reader.readArray { (reader: inout UABinaryReader) throws(UADecodingError) in try reader.readString() }
        _ = try reader.read(ExtensionObject.self)
    }
}
