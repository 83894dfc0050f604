import MS5Modbus
import Testing

/// The client against the pymodbus simulator seeded by scripts/peer_server.py.
@Suite(.timeLimit(.minutes(2))) struct PymodbusPeerTests {
    /// Starts a peer on a free port, runs `body` with a connected client, and always stops the peer.
    private func withPeer(_ body: (ModbusClient) async throws -> Void) async throws {
        let port = try await PeerProcess.freePort()
        let peer = try PeerProcess.pymodbus(port: port)
        defer { peer.stop() }
        try await peer.waitUntilAccepting(port: port)
        let client = try await ModbusClient.connect(host: "127.0.0.1", port: port, requestTimeout: .seconds(5))
        do {
            try await body(client)
        } catch {
            await client.close()
            throw error
        }
        await client.close()
    }

    static let seeded: [(String, ModbusValue)] = [
        ("40001", .uint16(0x1234)),
        ("30001", .uint16(0x4321)),
        ("hr:1:int16", .int16(-1234)),
        ("hr:2:int16:badc", .int16(-1234)),
        ("ir:2:int16:dcba", .int16(-1234)),
        ("hr:10:int32", .int32(-123_456_789)),
        ("hr:12:int32:cdab", .int32(-123_456_789)),
        ("hr:14:int32:badc", .int32(-123_456_789)),
        ("hr:16:int32:dcba", .int32(-123_456_789)),
        ("400021:uint32", .uint32(3_000_000_000)),
        ("hr:22:uint32:cdab", .uint32(3_000_000_000)),
        ("hr:24:uint32:badc", .uint32(3_000_000_000)),
        ("hr:26:uint32:dcba", .uint32(3_000_000_000)),
        ("40031:float32", .float32(123.456)),
        ("hr:32:float32:cdab", .float32(123.456)),
        ("hr:34:float32:badc", .float32(123.456)),
        ("hr:36:float32:dcba", .float32(123.456)),
        ("ir:30:float32", .float32(123.456)),
        ("hr:40:float64", .float64(-9876.54321)),
        ("hr:44:float64:cdab", .float64(-9876.54321)),
        ("hr:48:float64:badc", .float64(-9876.54321)),
        ("30053:float64:dcba", .float64(-9876.54321)),
        ("00001", .bool(true)),
        ("co:1", .bool(false)),
        ("co:63", .bool(true)),
        ("10001", .bool(false)),
        ("di:1", .bool(true)),
        ("di:62", .bool(false)),
    ]

    @Test func everyTypeAndOrderReadsBackAsSeeded() async throws {
        try await withPeer { client in
            let addresses = try Self.seeded.map { try ModbusAddress(parsing: $0.0) }
            let result = await client.read(addresses, unitId: 1)
            for (address, (text, expected)) in zip(addresses, Self.seeded) {
                #expect(try result.values[address]?.get() == expected, "\(text)")
            }
            // hr 0…55 in one request; ir 0…2, 30…31 and 52…55 are more than 8 apart; co and di one each.
            #expect(result.requestCount == 6)
            for (address, (_, expected)) in zip(addresses, Self.seeded) {
                #expect(try await client.read(address, unitId: 1) == expected)
            }
        }
    }

    @Test func writesReadBack() async throws {
        try await withPeer { client in
            try await client.writeRegisters(start: 100, values: [1, 2, 3], unitId: 1)
            #expect(try await client.readRegisters(.holdingRegisters, start: 100, quantity: 3, unitId: 1) == [1, 2, 3])
            try await client.writeRegisters(start: 103, values: [0xBEEF], unitId: 1)
            #expect(try await client.readRegisters(.holdingRegisters, start: 103, quantity: 1, unitId: 1) == [0xBEEF])

            let targets: [(String, ModbusValue)] = [
                ("hr:110:float32:cdab", .float32(-1.5)),
                ("hr:112:float64:dcba", .float64(2.25e10)),
                ("hr:116:int32:badc", .int32(-7)),
                ("hr:118:uint32", .uint32(4_000_000_000)),
                ("hr:120:int16:badc", .int16(-300)),
            ]
            for (text, value) in targets {
                let address = try ModbusAddress(parsing: text)
                try await client.write(value, to: address, unitId: 1)
                #expect(try await client.read(address, unitId: 1) == value, "\(text)")
            }

            try await client.writeCoils(start: 40, values: [true, true, false, true], unitId: 1)
            #expect(try await client.readBits(.coils, start: 40, quantity: 4, unitId: 1) == [true, true, false, true])
            try await client.writeCoils(start: 41, values: [false], unitId: 1)
            try await client.write(.bool(false), to: try ModbusAddress(parsing: "co:0"), unitId: 1)
            #expect(try await client.readBits(.coils, start: 40, quantity: 2, unitId: 1) == [true, false])
            #expect(try await client.read(try ModbusAddress(parsing: "00001"), unitId: 1) == .bool(false))
        }
    }

    @Test func exceptionMarksOnlyTheBadAddresses() async throws {
        try await withPeer { client in
            let good = ["40001", "hr:10:int32", "hr:195", "co:0", "di:1"]
            let bad = ["hr:205", "co:70"]
            let addresses = try (good + bad).map { try ModbusAddress(parsing: $0) }
            let planner = ModbusRequestPlanner(maxRegisterGap: 250, maxBitGap: 100)
            let result = await client.read(addresses, unitId: 1, planner: planner)
            // hr 0…11, hr 195…205 (split at 125 registers), co 0…70 and di 1; the two merged
            // requests that fail are retried as four single reads.
            #expect(result.requestCount == 4 + 4)
            for text in good {
                #expect((try? result.values[try ModbusAddress(parsing: text)]?.get()) != nil, "\(text)")
            }
            #expect(try result.values[try ModbusAddress(parsing: "hr:205")] == .failure(.exception(functionCode: 3, .illegalDataAddress)))
            #expect(try result.values[try ModbusAddress(parsing: "co:70")] == .failure(.exception(functionCode: 1, .illegalDataAddress)))

            await #expect(throws: ModbusError.exception(functionCode: 16, .illegalDataAddress)) {
                try await client.writeRegisters(start: 300, values: [1, 2], unitId: 1)
            }
        }
    }
}
