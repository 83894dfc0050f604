import NIOCore

/// A request handed to `ModbusClientHandler`, with the promise its response completes.
struct ModbusPendingRequest: Sendable {
    var request: ModbusRequest
    var unitId: UInt8
    var timeout: TimeAmount
    var promise: EventLoopPromise<ModbusResponse>
}
