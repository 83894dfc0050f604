@testable import MS5Modbus
import NIOCore
import NIOEmbedded
import Testing

/// Transaction matching, queueing, timeouts and close handling of the channel handler, on an EmbeddedChannel.
@Suite struct ClientHandlerTests {
    private let channel: EmbeddedChannel

    init() {
        channel = EmbeddedChannel()
    }

    private func setUp(maxInFlight: Int) throws {
        try channel.pipeline.syncOperations.addHandler(ModbusClientHandler(maxInFlight: maxInFlight))
    }

    private func send(_ request: ModbusRequest, unit: UInt8 = 1, timeout: TimeAmount = .seconds(1)) -> EventLoopFuture<ModbusResponse> {
        let promise = channel.eventLoop.makePromise(of: ModbusResponse.self)
        channel.writeAndFlush(ModbusPendingRequest(request: request, unitId: unit, timeout: timeout, promise: promise), promise: nil)
        return promise.futureResult
    }

    private func outcome(_ future: EventLoopFuture<ModbusResponse>) -> Result<ModbusResponse, any Error>? {
        var result: Result<ModbusResponse, any Error>?
        future.assumeIsolated().whenComplete { result = $0 }
        return result
    }

    private func respond(to frame: ModbusFrame, unit: UInt8? = nil, _ pdu: [UInt8]) throws {
        try channel.writeInbound(ModbusFrame(transactionId: frame.transactionId, unitId: unit ?? frame.unitId, pdu: ByteBuffer(bytes: pdu)))
    }

    @Test func matchesResponsesOutOfOrderByTransactionId() throws {
        try setUp(maxInFlight: 4)
        let first = send(.read(.holdingRegisters, start: 0, quantity: 1))
        let second = send(.read(.inputRegisters, start: 5, quantity: 1))
        let frame1 = try #require(try channel.readOutbound(as: ModbusFrame.self))
        let frame2 = try #require(try channel.readOutbound(as: ModbusFrame.self))
        #expect(frame1.transactionId != frame2.transactionId)

        try respond(to: frame2, [0x04, 0x02, 0x00, 0x02])
        #expect(outcome(first) == nil)
        #expect(try outcome(second)?.get() == .registers([2]))
        try respond(to: frame2, [0x04, 0x02, 0x00, 0x09])
        try respond(to: frame1, [0x03, 0x02, 0x00, 0x01])
        #expect(try outcome(first)?.get() == .registers([1]))
        #expect(try outcome(second)?.get() == .registers([2]))
    }

    @Test func queuesBeyondTheInFlightLimit() throws {
        try setUp(maxInFlight: 1)
        let first = send(.read(.coils, start: 0, quantity: 3))
        let second = send(.writeSingleRegister(address: 7, value: 9))
        let frame1 = try #require(try channel.readOutbound(as: ModbusFrame.self))
        #expect(try channel.readOutbound(as: ModbusFrame.self) == nil)
        try respond(to: frame1, [0x01, 0x01, 0b101])
        #expect(try outcome(first)?.get() == .bits([true, false, true]))
        let frame2 = try #require(try channel.readOutbound(as: ModbusFrame.self))
        try respond(to: frame2, [0x06, 0x00, 0x07, 0x00, 0x09])
        #expect(try outcome(second)?.get() == .written(address: 7, valueOrQuantity: 9))
    }

    @Test func timesOutAndIgnoresTheLateResponse() throws {
        try setUp(maxInFlight: 1)
        let request = send(.read(.holdingRegisters, start: 0, quantity: 1), timeout: .milliseconds(500))
        let frame = try #require(try channel.readOutbound(as: ModbusFrame.self))
        channel.embeddedEventLoop.advanceTime(by: .milliseconds(499))
        #expect(outcome(request) == nil)
        channel.embeddedEventLoop.advanceTime(by: .milliseconds(1))
        #expect(throws: ModbusError.timeout) { try outcome(request)?.get() }
        try respond(to: frame, [0x03, 0x02, 0x00, 0x01])
        #expect(throws: ModbusError.timeout) { try outcome(request)?.get() }
    }

    @Test func rejectsAResponseFromAnotherUnit() throws {
        try setUp(maxInFlight: 1)
        let request = send(.read(.holdingRegisters, start: 0, quantity: 1), unit: 3)
        let frame = try #require(try channel.readOutbound(as: ModbusFrame.self))
        #expect(frame.unitId == 3)
        try respond(to: frame, unit: 4, [0x03, 0x02, 0x00, 0x01])
        #expect(throws: ModbusError.self) { try outcome(request)?.get() }
    }

    @Test func closingFailsEveryWaitingRequest() throws {
        try setUp(maxInFlight: 1)
        let sent = send(.read(.holdingRegisters, start: 0, quantity: 1))
        let queued = send(.read(.holdingRegisters, start: 1, quantity: 1))
        channel.close(promise: nil)
        #expect(throws: ModbusError.connectionClosed) { try outcome(sent)?.get() }
        #expect(throws: ModbusError.connectionClosed) { try outcome(queued)?.get() }
    }
}
