import NIOCore

/// Encodes and decodes Modbus TCP frames (7-byte MBAP header + PDU). Pure: no I/O.
public enum ModbusFrameCodec {
    /// Size of the MBAP header: transaction id, protocol id, length, unit id.
    public static let headerLength = 7
    /// Largest PDU the protocol allows.
    public static let maxPDULength = 253

    /// Appends `frame` to `buffer`.
    public static func encode(_ frame: ModbusFrame, into buffer: inout ByteBuffer) {
        buffer.writeMultipleIntegers(
            frame.transactionId,
            UInt16(0),
            UInt16(frame.pdu.readableBytes + 1),
            frame.unitId
        )
        buffer.writeImmutableBuffer(frame.pdu)
    }

    /// Reads one frame from the front of `buffer`, or returns nil (consuming nothing) when it is incomplete.
    ///
    /// - Throws: `ModbusError.malformedResponse` for a non-zero protocol id or an impossible length.
    public static func decode(from buffer: inout ByteBuffer) throws(ModbusError) -> ModbusFrame? {
        guard let (transactionId, protocolId, length, unitId) = buffer.getMultipleIntegers(
            at: buffer.readerIndex,
            as: (UInt16, UInt16, UInt16, UInt8).self
        ) else {
            return nil
        }
        guard protocolId == 0 else {
            throw .malformedResponse("protocol id \(protocolId) is not Modbus (0)")
        }
        let pduLength = Int(length) - 1
        guard (1...maxPDULength).contains(pduLength) else {
            throw .malformedResponse("MBAP length \(length) is out of range")
        }
        guard buffer.readableBytes >= headerLength + pduLength else {
            return nil
        }
        buffer.moveReaderIndex(forwardBy: headerLength)
        let pdu = buffer.readSlice(length: pduLength)!
        return ModbusFrame(transactionId: transactionId, unitId: unitId, pdu: pdu)
    }
}
