import MS5Modbus
import Testing

@Suite struct AddressTests {
    @Test(arguments: [
        ("40001", ModbusTable.holdingRegisters, UInt16(0)),
        ("30001", .inputRegisters, 0),
        ("00001", .coils, 0),
        ("10001", .discreteInputs, 0),
        ("49999", .holdingRegisters, 9998),
        ("400001", .holdingRegisters, 0),
        ("465536", .holdingRegisters, 65535),
        ("300010", .inputRegisters, 9),
        ("hr:0", .holdingRegisters, 0),
        ("IR:7", .inputRegisters, 7),
        ("co:65535", .coils, 65535),
        ("di:3", .discreteInputs, 3),
    ])
    func parsesTableAndOffset(text: String, table: ModbusTable, offset: UInt16) throws {
        let address = try ModbusAddress(parsing: text)
        #expect(address.table == table)
        #expect(address.offset == offset)
        #expect(address.dataType == (table.holdsBits ? .bool : .uint16))
    }

    @Test func parsesTypeAndOrderSuffixes() throws {
        let float = try ModbusAddress(parsing: "40001:float32")
        #expect(float.dataType == .float32)
        #expect(float.order == .abcd)
        let int = try ModbusAddress(parsing: "hr:10:int32:cdab")
        #expect(int.offset == 10 && int.dataType == .int32 && int.order == .cdab)
        let swapped = try ModbusAddress(parsing: "30005:DCBA:float64")
        #expect(swapped.table == .inputRegisters && swapped.dataType == .float64 && swapped.order == .dcba)
    }

    @Test func defaultOrderIsASeparateOption() throws {
        #expect(try ModbusAddress(parsing: "hr:0:float32", defaultOrder: .cdab).order == .cdab)
        #expect(try ModbusAddress(parsing: "hr:0:float32:badc", defaultOrder: .cdab).order == .badc)
    }

    @Test(arguments: ["40001", "hr:10:int32", "hr:10:int32:cdab", "30002:float64:dcba", "co:4", "10010", "400100:uint32:badc", "hr:1:int16:badc"])
    func descriptionRoundTrips(text: String) throws {
        let address = try ModbusAddress(parsing: text)
        #expect(try ModbusAddress(parsing: address.description) == address)
    }

    @Test func descriptionIsExplicit() throws {
        #expect(try ModbusAddress(parsing: "40011:int32:cdab").description == "hr:10:int32:cdab")
        #expect(try ModbusAddress(parsing: "00001").description == "co:0")
        #expect(try ModbusAddress(parsing: "hr:3:int16:cdab").description == "hr:3:int16")
    }

    @Test(arguments: [
        ("", "empty"),
        ("4001", "5 digits"),
        ("4000001", "5 digits"),
        ("20001", "start with 0"),
        ("40000", "count from 1"),
        ("hr", "followed by"),
        ("hr:-1", "not a number"),
        ("hr:70000", "not a number"),
        ("xx:1", "Modicon number"),
        ("40001:float16", "not a type"),
        ("40001:int32:int16", "not a type"),
        ("co:1:float32", "hold single bits"),
        ("hr:1:bool", "only for coils"),
        ("co:1:cdab", "makes no sense"),
        ("hr:65535:float32", "runs past"),
        ("40001:int32:cdab:x", "too many"),
    ])
    func rejectsWithReason(text: String, reasonFragment: String) {
        #expect {
            _ = try ModbusAddress(parsing: text)
        } throws: { error in
            guard let error = error as? ModbusAddressError else { return false }
            return error.input == text && error.reason.contains(reasonFragment)
        }
    }
}
