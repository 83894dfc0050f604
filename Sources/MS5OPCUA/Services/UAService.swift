/// A service request: its binary encoding id and its parameters after the RequestHeader.
protocol UARequest: Sendable {
    associatedtype Response: UAResponse
    /// Numeric id (namespace 0) of the request's DefaultBinary encoding.
    static var encodingID: UInt32 { get }
    /// Name used in error messages, e.g. `Read`.
    static var serviceName: String { get }
    /// Writes the parameters that follow the RequestHeader.
    func encodeParameters(to writer: inout UABinaryWriter)
}

/// A service response: its binary encoding id and its parameters after the ResponseHeader.
protocol UAResponse: Sendable {
    /// Numeric id (namespace 0) of the response's DefaultBinary encoding.
    static var encodingID: UInt32 { get }
    /// Reads the parameters that follow the ResponseHeader.
    init(parameters reader: inout UABinaryReader) throws(UADecodingError)
}

/// Encoding id of ServiceFault, which a server sends instead of any response when a service fails.
let serviceFaultEncodingID: UInt32 = 397
