import MS5Modbus
import Testing

/// The client against libmodbus's example random-test-server (fixed port 1502, one connection).
@Suite(.serialized, .timeLimit(.minutes(2))) struct LibmodbusPeerTests {
    @Test func writesReadBackAndExceptionsDecode() async throws {
        let server = try PeerProcess.libmodbus()
        defer { server.stop() }
        let client = try await connectWhenReady(port: 1502)
        do {
            try await client.writeRegisters(start: 10, values: [11, 22, 33, 44, 55], unitId: 1)
            #expect(try await client.readRegisters(.holdingRegisters, start: 10, quantity: 5, unitId: 1) == [11, 22, 33, 44, 55])
            try await client.writeRegisters(start: 12, values: [0xABCD], unitId: 1)
            #expect(try await client.readRegisters(.holdingRegisters, start: 10, quantity: 5, unitId: 1) == [11, 22, 0xABCD, 44, 55])

            let bits = (0..<37).map { $0 % 3 == 1 }
            try await client.writeCoils(start: 100, values: bits, unitId: 1)
            #expect(try await client.readBits(.coils, start: 100, quantity: 37, unitId: 1) == bits)
            try await client.writeCoils(start: 100, values: [true], unitId: 1)
            #expect(try await client.readBits(.coils, start: 100, quantity: 2, unitId: 1) == [true, true])

            let values: [(String, ModbusValue)] = [
                ("hr:200:float32:cdab", .float32(123.456)),
                ("hr:202:float64:badc", .float64(-9876.54321)),
                ("hr:206:int32:dcba", .int32(-123_456_789)),
                ("400210:uint32", .uint32(3_000_000_000)),
            ]
            for (text, value) in values {
                let address = try ModbusAddress(parsing: text)
                try await client.write(value, to: address, unitId: 1)
            }
            let result = await client.read(try values.map { try ModbusAddress(parsing: $0.0) } + [try ModbusAddress(parsing: "hr:600")], unitId: 1)
            for (text, value) in values {
                #expect(try result.values[try ModbusAddress(parsing: text)]?.get() == value, "\(text)")
            }
            #expect(try result.values[try ModbusAddress(parsing: "hr:600")] == .failure(.exception(functionCode: 3, .illegalDataAddress)))
            await #expect(throws: ModbusError.invalidRequest("a read of holdingRegisters takes 1 to 125 items, not 200")) {
                _ = try await client.send(.read(.holdingRegisters, start: 0, quantity: 200), unitId: 1)
            }
        } catch {
            await client.close()
            throw error
        }
        await client.close()
    }
}
