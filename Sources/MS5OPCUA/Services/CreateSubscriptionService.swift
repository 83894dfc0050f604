/// CreateSubscription request (Part 4, 5.13.2).
struct CreateSubscriptionRequest: UARequest {
    typealias Response = CreateSubscriptionResponse
    static let encodingID: UInt32 = 787
    static let serviceName = "CreateSubscription"

    var parameters: SubscriptionParameters

    func encodeParameters(to writer: inout UABinaryWriter) {
        writer.write(parameters.publishingInterval)
        writer.write(parameters.lifetimeCount)
        writer.write(parameters.maxKeepAliveCount)
        writer.write(UInt32(0)) // maxNotificationsPerPublish: no limit
        writer.write(true) // publishingEnabled
        writer.write(UInt8(0)) // priority
    }
}

/// CreateSubscription response.
struct CreateSubscriptionResponse: UAResponse {
    static let encodingID: UInt32 = 790

    var revised: SubscriptionParameters

    init(parameters reader: inout UABinaryReader) throws(UADecodingError) {
        let id = try reader.readUInt32()
        let interval = try reader.readDouble()
        let lifetime = try reader.readUInt32()
        let keepAlive = try reader.readUInt32()
        revised = SubscriptionParameters(subscriptionID: id, publishingInterval: interval, lifetimeCount: lifetime, maxKeepAliveCount: keepAlive)
    }
}
