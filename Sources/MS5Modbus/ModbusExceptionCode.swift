/// An exception code sent by a Modbus server in place of a normal response.
public enum ModbusExceptionCode: Sendable, Hashable, CustomStringConvertible {
    /// 1: the server does not support the function code.
    case illegalFunction
    /// 2: the address range is not valid on the server.
    case illegalDataAddress
    /// 3: a value in the request is not allowed.
    case illegalDataValue
    /// 4: the server failed while performing the action.
    case serverDeviceFailure
    /// 5: the server accepted a long-running request and is still working on it.
    case acknowledge
    /// 6: the server is busy with a long-running command.
    case serverDeviceBusy
    /// 8: the server found a parity error in its memory.
    case memoryParityError
    /// 10 (0x0A): the gateway has no path to the target device.
    case gatewayPathUnavailable
    /// 11 (0x0B): the target device behind the gateway did not answer.
    case gatewayTargetFailedToRespond
    /// Any other code.
    case other(UInt8)

    /// Interprets a code byte from an exception response.
    public init(code: UInt8) {
        switch code {
        case 1: self = .illegalFunction
        case 2: self = .illegalDataAddress
        case 3: self = .illegalDataValue
        case 4: self = .serverDeviceFailure
        case 5: self = .acknowledge
        case 6: self = .serverDeviceBusy
        case 8: self = .memoryParityError
        case 10: self = .gatewayPathUnavailable
        case 11: self = .gatewayTargetFailedToRespond
        default: self = .other(code)
        }
    }

    /// The code byte as sent on the wire.
    public var code: UInt8 {
        switch self {
        case .illegalFunction: 1
        case .illegalDataAddress: 2
        case .illegalDataValue: 3
        case .serverDeviceFailure: 4
        case .acknowledge: 5
        case .serverDeviceBusy: 6
        case .memoryParityError: 8
        case .gatewayPathUnavailable: 10
        case .gatewayTargetFailedToRespond: 11
        case .other(let code): code
        }
    }

    /// A sentence naming the exception and its code.
    public var description: String {
        switch self {
        case .illegalFunction: "illegal function (1): the device does not support this function code"
        case .illegalDataAddress: "illegal data address (2): the address range does not exist on the device"
        case .illegalDataValue: "illegal data value (3): the device rejected a value in the request"
        case .serverDeviceFailure: "server device failure (4): the device failed while handling the request"
        case .acknowledge: "acknowledge (5): the device accepted the request and is still processing it"
        case .serverDeviceBusy: "server device busy (6): the device is busy, retry later"
        case .memoryParityError: "memory parity error (8): the device found a parity error in its memory"
        case .gatewayPathUnavailable: "gateway path unavailable (10): the gateway has no path to the target"
        case .gatewayTargetFailedToRespond: "gateway target failed to respond (11): the device behind the gateway did not answer"
        case .other(let code): "unknown exception code \(code)"
        }
    }
}
