import MS5Modbus
import Testing

@Suite struct PlannerTests {
    private func addresses(_ texts: String...) throws -> [ModbusAddress] {
        try texts.map { try ModbusAddress(parsing: $0) }
    }

    @Test func mergesNearbyAddressesOfOneTable() throws {
        let plans = ModbusRequestPlanner(maxRegisterGap: 8).plan(try addresses("hr:0", "hr:10:int32", "hr:5:float64"))
        #expect(plans.count == 1)
        #expect(plans[0].request == .read(.holdingRegisters, start: 0, quantity: 12))
        #expect(plans[0].addresses.map(\.description) == ["hr:0", "hr:5:float64", "hr:10:int32"])
    }

    @Test func splitsWhenTheGapIsTooLarge() throws {
        let plans = ModbusRequestPlanner(maxRegisterGap: 8).plan(try addresses("hr:0", "hr:9", "hr:19"))
        #expect(plans.map(\.request) == [
            .read(.holdingRegisters, start: 0, quantity: 10),
            .read(.holdingRegisters, start: 19, quantity: 1),
        ])
    }

    @Test func splitsAtTheRegisterLimit() throws {
        let plans = ModbusRequestPlanner(maxRegisterGap: 200).plan(try addresses("hr:0", "hr:124", "hr:125", "hr:200:float32"))
        #expect(plans.map(\.request) == [
            .read(.holdingRegisters, start: 0, quantity: 125),
            .read(.holdingRegisters, start: 125, quantity: 77),
        ])
    }

    @Test func splitsAtTheBitLimit() throws {
        let plans = ModbusRequestPlanner(maxBitGap: 5000).plan(try addresses("co:0", "co:1999", "co:2000"))
        #expect(plans.map(\.request) == [
            .read(.coils, start: 0, quantity: 2000),
            .read(.coils, start: 2000, quantity: 1),
        ])
    }

    @Test func keepsTablesApartAndReadsDuplicatesOnce() throws {
        let plans = ModbusRequestPlanner().plan(try addresses("40001", "hr:0", "30001", "00001", "10001", "co:3"))
        #expect(plans.map(\.request) == [
            .read(.coils, start: 0, quantity: 4),
            .read(.discreteInputs, start: 0, quantity: 1),
            .read(.inputRegisters, start: 0, quantity: 1),
            .read(.holdingRegisters, start: 0, quantity: 1),
        ])
    }

    @Test func overlappingAddressesShareARequest() throws {
        let plans = ModbusRequestPlanner(maxRegisterGap: 0).plan(try addresses("hr:10:float64", "hr:11", "hr:12:int32:cdab"))
        #expect(plans.map(\.request) == [.read(.holdingRegisters, start: 10, quantity: 4)])
    }

    @Test func planPicksValuesOutOfTheResponse() throws {
        let plan = ModbusRequestPlanner().plan(try addresses("hr:0", "hr:1:float32:cdab", "hr:3:int16"))[0]
        let values = try plan.values(from: .registers([7, 0xE979, 0x42F6, 0xFB2E]))
        #expect(values[try ModbusAddress(parsing: "hr:0")] == .uint16(7))
        #expect(values[try ModbusAddress(parsing: "hr:1:float32:cdab")] == .float32(123.456))
        #expect(values[try ModbusAddress(parsing: "hr:3:int16")] == .int16(-1234))
        #expect(throws: ModbusError.self) { try plan.values(from: .registers([1, 2])) }
    }
}
