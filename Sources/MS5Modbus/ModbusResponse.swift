import NIOCore

/// The decoded data of a normal (non-exception) response.
public enum ModbusResponse: Sendable, Hashable {
    /// Bits answered to a read of coils or discrete inputs, exactly as many as requested.
    case bits([Bool])
    /// Registers answered to a read of holding or input registers.
    case registers([UInt16])
    /// The echo of a write request: the address and the value (single writes) or quantity (multiple writes).
    case written(address: UInt16, valueOrQuantity: UInt16)

    /// Decodes a response PDU and checks it answers `request`.
    ///
    /// - Throws: `ModbusError.exception` for an exception response, `.malformedResponse`
    ///   when the PDU does not fit the request.
    public static func decode(pdu: ByteBuffer, for request: ModbusRequest) throws(ModbusError) -> ModbusResponse {
        var pdu = pdu
        guard let function: UInt8 = pdu.readInteger() else {
            throw .malformedResponse("empty PDU")
        }
        if function == request.functionCode | 0x80 {
            guard let code: UInt8 = pdu.readInteger() else {
                throw .malformedResponse("exception response without a code")
            }
            throw .exception(functionCode: request.functionCode, ModbusExceptionCode(code: code))
        }
        guard function == request.functionCode else {
            throw .malformedResponse("function code \(function) answers a request with function code \(request.functionCode)")
        }
        switch request {
        case .read(let table, _, let quantity):
            return try decodeRead(&pdu, table: table, quantity: Int(quantity))
        case .writeSingleCoil(let address, let value):
            return try decodeEcho(&pdu, address: address, expected: value ? 0xFF00 : 0x0000)
        case .writeSingleRegister(let address, let value):
            return try decodeEcho(&pdu, address: address, expected: value)
        case .writeMultipleCoils(let start, let values):
            return try decodeEcho(&pdu, address: start, expected: UInt16(values.count))
        case .writeMultipleRegisters(let start, let values):
            return try decodeEcho(&pdu, address: start, expected: UInt16(values.count))
        }
    }

    private static func decodeRead(_ pdu: inout ByteBuffer, table: ModbusTable, quantity: Int) throws(ModbusError) -> ModbusResponse {
        guard let byteCount: UInt8 = pdu.readInteger() else {
            throw .malformedResponse("read response without a byte count")
        }
        let expected = table.holdsBits ? (quantity + 7) / 8 : quantity * 2
        guard Int(byteCount) == expected, let bytes = pdu.readBytes(length: expected) else {
            throw .malformedResponse("expected \(expected) data bytes, byte count says \(byteCount) and \(pdu.readableBytes) remain")
        }
        if table.holdsBits {
            return .bits(ModbusBitPacking.unpack(bytes, count: quantity))
        }
        return .registers((0..<quantity).map { UInt16(bytes[2 * $0]) << 8 | UInt16(bytes[2 * $0 + 1]) })
    }

    private static func decodeEcho(_ pdu: inout ByteBuffer, address: UInt16, expected: UInt16) throws(ModbusError) -> ModbusResponse {
        guard let (echoAddress, echoValue) = pdu.readMultipleIntegers(as: (UInt16, UInt16).self) else {
            throw .malformedResponse("write response shorter than 5 bytes")
        }
        guard echoAddress == address, echoValue == expected else {
            throw .malformedResponse("write echo \(echoAddress)/\(echoValue) differs from request \(address)/\(expected)")
        }
        return .written(address: echoAddress, valueOrQuantity: echoValue)
    }
}
