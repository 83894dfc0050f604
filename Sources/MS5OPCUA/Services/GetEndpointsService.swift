/// GetEndpoints request (Part 4, 5.4.4).
struct GetEndpointsRequest: UARequest {
    typealias Response = GetEndpointsResponse
    static let encodingID: UInt32 = 428
    static let serviceName = "GetEndpoints"

    var endpointURL: String

    func encodeParameters(to writer: inout UABinaryWriter) {
        writer.write(endpointURL)
        writer.writeArray([String]()) { writer, locale in writer.write(locale) }
        writer.writeArray([String]()) { writer, profile in writer.write(profile) }
    }
}

/// GetEndpoints response.
struct GetEndpointsResponse: UAResponse {
    static let encodingID: UInt32 = 431

    var endpoints: [EndpointDescription]

    init(parameters reader: inout UABinaryReader) throws(UADecodingError) {
        endpoints = try reader.readArray(of: EndpointDescription.self)
    }
}
