import NIOCore

/// One Modbus TCP application data unit: MBAP header fields and the PDU.
public struct ModbusFrame: Sendable, Hashable {
    /// Matches a response to its request.
    public var transactionId: UInt16
    /// The unit (slave) id addressed behind the TCP endpoint.
    public var unitId: UInt8
    /// Function code and data.
    public var pdu: ByteBuffer

    /// Creates a frame.
    public init(transactionId: UInt16, unitId: UInt8, pdu: ByteBuffer) {
        self.transactionId = transactionId
        self.unitId = unitId
        self.pdu = pdu
    }
}
