import NIOCore
import NIOPosix

/// An asynchronous Modbus TCP client over one connection.
///
/// Requests may be sent concurrently: each gets its own transaction id and the responses
/// are matched back, so they are pipelined on the connection.
public final class ModbusClient: Sendable {
    /// Timeout applied to each request unless a call gives its own.
    public let requestTimeout: Duration
    /// Most requests on the wire at once; more wait their turn. 1 sends one at a time.
    public let maxRequestsInFlight: Int
    /// Runs tasks on the connection's event-loop thread.
    ///
    /// Loops that send many requests run faster under
    /// `withTaskExecutorPreference(client.taskExecutor) { … }`: each request and its
    /// response then stay on one thread instead of hopping between two.
    public let taskExecutor: any TaskExecutor
    private let channel: any Channel

    private init(channel: any Channel, requestTimeout: Duration, maxRequestsInFlight: Int) {
        self.channel = channel
        self.taskExecutor = ModbusEventLoopExecutor(eventLoop: channel.eventLoop)
        self.requestTimeout = requestTimeout
        self.maxRequestsInFlight = maxRequestsInFlight
    }

    /// Opens a TCP connection to a Modbus server.
    ///
    /// - Parameters:
    ///   - host: name or IP address of the server.
    ///   - port: TCP port, 502 by default.
    ///   - connectTimeout: how long to wait for the TCP handshake.
    ///   - requestTimeout: default time allowed for each response.
    ///   - maxRequestsInFlight: how many requests may be pipelined on the connection. The default, 1,
    ///     suits servers (pymodbus among them) and devices that answer one request at a time.
    ///   - eventLoopGroup: where the connection runs.
    /// - Throws: `ModbusError.connectionFailed` with the reason.
    public static func connect(
        host: String,
        port: Int = 502,
        connectTimeout: Duration = .seconds(5),
        requestTimeout: Duration = .seconds(2),
        maxRequestsInFlight: Int = 1,
        eventLoopGroup: any EventLoopGroup = MultiThreadedEventLoopGroup.singleton
    ) async throws(ModbusError) -> ModbusClient {
        let bootstrap = ClientBootstrap(group: eventLoopGroup)
            .connectTimeout(TimeAmount(connectTimeout))
            .channelOption(.socketOption(.tcp_nodelay), value: 1)
            .channelInitializer { channel in
                channel.eventLoop.makeCompletedFuture {
                    try channel.pipeline.syncOperations.addHandlers(
                        ByteToMessageHandler(ModbusFrameDecoder()),
                        MessageToByteHandler(ModbusFrameEncoder()),
                        ModbusClientHandler(maxInFlight: maxRequestsInFlight)
                    )
                }
            }
        do {
            let channel = try await bootstrap.connect(host: host, port: port).get()
            return ModbusClient(channel: channel, requestTimeout: requestTimeout, maxRequestsInFlight: max(1, maxRequestsInFlight))
        } catch {
            throw .connectionFailed("\(host):\(port): \(error)")
        }
    }

    /// Whether the connection is still open.
    public var isConnected: Bool {
        channel.isActive
    }

    /// Sends one request and waits for its response.
    ///
    /// - Throws: `ModbusError.exception` for an exception response, `.timeout`,
    ///   `.connectionClosed`, `.malformedResponse` or `.invalidRequest`.
    public func send(_ request: ModbusRequest, unitId: UInt8, timeout: Duration? = nil) async throws(ModbusError) -> ModbusResponse {
        try request.validate()
        let promise = channel.eventLoop.makePromise(of: ModbusResponse.self)
        let pending = ModbusPendingRequest(
            request: request,
            unitId: unitId,
            timeout: TimeAmount(timeout ?? requestTimeout),
            promise: promise
        )
        channel.writeAndFlush(pending).whenFailure { _ in
            promise.fail(ModbusError.connectionClosed)
        }
        do {
            return try await promise.futureResult.get()
        } catch let error as ModbusError {
            throw error
        } catch {
            throw .connectionClosed
        }
    }

    /// Reads `quantity` raw registers from the holding or input registers.
    public func readRegisters(_ table: ModbusTable, start: UInt16, quantity: UInt16, unitId: UInt8) async throws(ModbusError) -> [UInt16] {
        guard !table.holdsBits else {
            throw .invalidRequest("\(table) hold bits, use readBits")
        }
        guard case .registers(let registers) = try await send(.read(table, start: start, quantity: quantity), unitId: unitId) else {
            throw .malformedResponse("expected registers")
        }
        return registers
    }

    /// Reads `quantity` bits from the coils or discrete inputs.
    public func readBits(_ table: ModbusTable, start: UInt16, quantity: UInt16, unitId: UInt8) async throws(ModbusError) -> [Bool] {
        guard table.holdsBits else {
            throw .invalidRequest("\(table) hold registers, use readRegisters")
        }
        guard case .bits(let bits) = try await send(.read(table, start: start, quantity: quantity), unitId: unitId) else {
            throw .malformedResponse("expected bits")
        }
        return bits
    }

    /// Writes holding registers: one with function code 6, several with function code 16.
    public func writeRegisters(start: UInt16, values: [UInt16], unitId: UInt8) async throws(ModbusError) {
        if values.count == 1 {
            _ = try await send(.writeSingleRegister(address: start, value: values[0]), unitId: unitId)
        } else {
            _ = try await send(.writeMultipleRegisters(start: start, values: values), unitId: unitId)
        }
    }

    /// Writes coils: one with function code 5, several with function code 15.
    public func writeCoils(start: UInt16, values: [Bool], unitId: UInt8) async throws(ModbusError) {
        if values.count == 1 {
            _ = try await send(.writeSingleCoil(address: start, value: values[0]), unitId: unitId)
        } else {
            _ = try await send(.writeMultipleCoils(start: start, values: values), unitId: unitId)
        }
    }

    /// Reads the value at one address.
    public func read(_ address: ModbusAddress, unitId: UInt8) async throws(ModbusError) -> ModbusValue {
        let plan = ModbusReadPlan(single: address)
        let response = try await send(plan.request, unitId: unitId)
        guard let value = try plan.values(from: response)[address] else {
            throw .malformedResponse("no value for \(address)")
        }
        return value
    }

    /// Writes a value to a holding register or coil address, encoded with the address's type and order.
    ///
    /// - Throws: `ModbusError.invalidValue` when the value's type differs from the address's
    ///   or the table is read-only, plus any error of `send`.
    public func write(_ value: ModbusValue, to address: ModbusAddress, unitId: UInt8) async throws(ModbusError) {
        guard address.table.isWritable else {
            throw .invalidValue("\(address.table) are read-only")
        }
        guard value.dataType == address.dataType else {
            throw .invalidValue("\(address) holds \(address.dataType), not \(value.dataType)")
        }
        if case .bool(let bit) = value {
            try await writeCoils(start: address.offset, values: [bit], unitId: unitId)
        } else {
            try await writeRegisters(start: address.offset, values: try ModbusValueCodec.encode(value, order: address.order), unitId: unitId)
        }
    }

    /// Reads many addresses with as few requests as `planner` allows; the requests are
    /// pipelined up to `maxRequestsInFlight`.
    ///
    /// When a merged request gets an exception response, each of its addresses is read
    /// again on its own, so only the addresses that really fail carry the error.
    public func read(
        _ addresses: some Sequence<ModbusAddress>,
        unitId: UInt8,
        planner: ModbusRequestPlanner = ModbusRequestPlanner()
    ) async -> ModbusReadResult {
        var result = ModbusReadResult()
        var retries: [ModbusReadPlan] = []
        for (plan, outcome) in await execute(planner.plan(addresses), unitId: unitId, into: &result) {
            if case .failure(.exception) = outcome, plan.addresses.count > 1 {
                retries += plan.addresses.map(ModbusReadPlan.init(single:))
            } else {
                record(plan, outcome, into: &result)
            }
        }
        for (plan, outcome) in await execute(retries, unitId: unitId, into: &result) {
            record(plan, outcome, into: &result)
        }
        return result
    }

    /// Closes the connection; requests still waiting fail with `.connectionClosed`.
    public func close() async {
        try? await channel.close()
    }

    /// Returns once the connection has closed, from either side.
    public func waitUntilClosed() async {
        try? await channel.closeFuture.get()
    }

    private func execute(
        _ plans: [ModbusReadPlan],
        unitId: UInt8,
        into result: inout ModbusReadResult
    ) async -> [(ModbusReadPlan, Result<[ModbusAddress: ModbusValue], ModbusError>)] {
        result.requestCount += plans.count
        let outcomes = await withTaskGroup(of: (ModbusReadPlan, Result<[ModbusAddress: ModbusValue], ModbusError>).self) { group in
            var outcomes: [(ModbusReadPlan, Result<[ModbusAddress: ModbusValue], ModbusError>)] = []
            for plan in plans {
                group.addTask {
                    do throws(ModbusError) {
                        let response = try await self.send(plan.request, unitId: unitId)
                        return (plan, .success(try plan.values(from: response)))
                    } catch {
                        return (plan, .failure(error))
                    }
                }
            }
            for await outcome in group {
                outcomes.append(outcome)
            }
            return outcomes
        }
        result.answeredCount += outcomes.count { (try? $0.1.get()) != nil }
        return outcomes
    }

    private func record(
        _ plan: ModbusReadPlan,
        _ outcome: Result<[ModbusAddress: ModbusValue], ModbusError>,
        into result: inout ModbusReadResult
    ) {
        for address in plan.addresses {
            result.values[address] = outcome.flatMap { values in
                values[address].map(Result.success) ?? .failure(.malformedResponse("no value for \(address)"))
            }
        }
    }
}
