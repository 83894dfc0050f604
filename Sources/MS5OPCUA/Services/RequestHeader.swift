import Foundation

/// Common parameters of every service request (Part 4, 7.33).
struct RequestHeader: Sendable, UABinaryEncodable {
    var authenticationToken: NodeID
    var timestamp: Date
    var requestHandle: UInt32
    var timeoutHint: UInt32

    func encode(to writer: inout UABinaryWriter) {
        writer.write(authenticationToken)
        writer.write(timestamp)
        writer.write(requestHandle)
        writer.write(UInt32(0)) // returnDiagnostics: none
        writer.write(String?.none) // auditEntryId
        writer.write(timeoutHint)
        writer.write(ExtensionObject.empty) // additionalHeader
    }
}
