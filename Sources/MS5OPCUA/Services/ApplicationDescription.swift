/// Description of an OPC UA application (Part 4, 7.2).
public struct ApplicationDescription: Sendable, Hashable, UABinaryCodable {
    /// Globally unique application URI.
    public var applicationURI: String
    /// Product URI.
    public var productURI: String
    /// Human-readable name.
    public var applicationName: LocalizedText
    /// 0 server, 1 client, 2 client and server, 3 discovery server.
    public var applicationType: Int32
    /// Discovery URLs of the application.
    public var discoveryURLs: [String]

    /// Creates a description.
    public init(applicationURI: String, productURI: String, applicationName: String, applicationType: Int32) {
        self.applicationURI = applicationURI
        self.productURI = productURI
        self.applicationName = LocalizedText(applicationName)
        self.applicationType = applicationType
        self.discoveryURLs = []
    }

    public func encode(to writer: inout UABinaryWriter) {
        writer.write(applicationURI)
        writer.write(productURI)
        writer.write(applicationName)
        writer.write(applicationType)
        writer.write(String?.none) // gatewayServerUri
        writer.write(String?.none) // discoveryProfileUri
        writer.writeArray(discoveryURLs) { writer, url in writer.write(url) }
    }

    public init(from reader: inout UABinaryReader) throws(UADecodingError) {
        applicationURI = try reader.readString() ?? ""
        productURI = try reader.readString() ?? ""
        applicationName = try reader.read()
        applicationType = try reader.readInt32()
        _ = try reader.readString()
        _ = try reader.readString()
        discoveryURLs = try reader.readArray { (reader: inout UABinaryReader) throws(UADecodingError) in try reader.readString() ?? "" }
    }
}
