/// Publish request (Part 4, 5.13.5) acknowledging received notification messages.
struct PublishRequest: UARequest {
    typealias Response = PublishResponse
    static let encodingID: UInt32 = 826
    static let serviceName = "Publish"

    var acknowledgements: [SubscriptionAcknowledgement]

    func encodeParameters(to writer: inout UABinaryWriter) {
        writer.writeArray(acknowledgements)
    }
}

/// Publish response with its notification message decoded.
struct PublishResponse: UAResponse {
    static let encodingID: UInt32 = 829
    static let dataChangeNotificationID = NodeID(numeric: 811)
    static let statusChangeNotificationID = NodeID(numeric: 820)

    var result: PublishResult

    init(parameters reader: inout UABinaryReader) throws(UADecodingError) {
        let subscriptionID = try reader.readUInt32()
        _ = try reader.readArray { (reader: inout UABinaryReader) throws(UADecodingError) in try reader.readUInt32() }
        _ = try reader.readBool() // moreNotifications
        let sequenceNumber = try reader.readUInt32()
        let publishTime = try reader.readDate()
        let data = try reader.readArray(of: ExtensionObject.self)
        var notifications: [MonitoredItemNotification] = []
        var status: StatusCode?
        for object in data {
            guard var body = object.bodyReader() else { continue }
            if object.typeID == Self.dataChangeNotificationID {
                notifications += try body.readArray(of: MonitoredItemNotification.self)
            } else if object.typeID == Self.statusChangeNotificationID {
                status = try body.read(StatusCode.self)
            }
        }
        let acknowledgementResults = try reader.readArray(of: StatusCode.self)
        _ = try reader.readArray(of: DiagnosticInfo.self)
        result = PublishResult(
            subscriptionID: subscriptionID, sequenceNumber: sequenceNumber, publishTime: publishTime,
            notifications: notifications, subscriptionStatus: status, isKeepAlive: data.isEmpty,
            acknowledgementResults: acknowledgementResults
        )
    }
}
