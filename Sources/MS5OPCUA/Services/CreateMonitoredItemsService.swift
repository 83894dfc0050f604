/// CreateMonitoredItems request (Part 4, 5.12.2) returning both timestamps.
struct CreateMonitoredItemsRequest: UARequest {
    typealias Response = CreateMonitoredItemsResponse
    static let encodingID: UInt32 = 751
    static let serviceName = "CreateMonitoredItems"

    var subscriptionID: UInt32
    var items: [MonitoredItemRequest]

    func encodeParameters(to writer: inout UABinaryWriter) {
        writer.write(subscriptionID)
        writer.write(Int32(2)) // timestampsToReturn: Both
        writer.writeArray(items)
    }
}

/// CreateMonitoredItems response.
struct CreateMonitoredItemsResponse: UAResponse {
    static let encodingID: UInt32 = 754

    var results: [MonitoredItemResult]

    init(parameters reader: inout UABinaryReader) throws(UADecodingError) {
        results = try reader.readArray(of: MonitoredItemResult.self)
        _ = try reader.readArray(of: DiagnosticInfo.self)
    }
}
