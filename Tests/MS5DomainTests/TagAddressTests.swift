import MS5Domain
import Testing

@Suite("Tag addresses by connector")
struct TagAddressTests {
    @Test("Addresses each connector can read are accepted", arguments: [
        (ConnectorType.logix, "Count_Blade_PEC.ACC"), (.logix, "Fault[1].3"), (.logix, "Program:MainProgram.Speed"), (.logix, "Recipe[2,3]"),
        (.slc, "N7:10"), (.slc, "B3:0/8"), (.slc, "B3/8"), (.slc, "F8:2"), (.slc, "T4:0.ACC"), (.slc, "T4:44/DN"), (.slc, "I:1.0/3"),
        (.opcua, "ns=2;s=Line1.Counter"), (.opcua, "ns=3;i=1001"), (.opcua, "i=2258"),
        (.mqtt, "plant/line1/bagger/speed"), (.mqtt, "plant/line1/bagger#$.speed.value"), (.mqtt, "plant/x#$.items[0].v"),
        (.modbus, "hr:100"), (.modbus, "ir:5:int32:cdab"), (.modbus, "co:3"), (.modbus, "di:65535"), (.modbus, "40001:float32"),
        (.modbus, "400001"), (.modbus, "10001"), (.modbus, "hr:0:dcba:float64"),
        (.sparkplug, "Bakery/Line1Edge/Bagger1:Count"), (.sparkplug, "Bakery/Line1Edge:Node Control/Rebirth"),
        (.simulator, "B3:0/8"), (.push, ""),
    ])
    func accepted(connector: ConnectorType, address: String) {
        #expect(TagAddress.problem(address, for: connector) == nil)
    }

    @Test("Addresses a connector cannot read are refused with the reason", arguments: [
        (ConnectorType.logix, "3Bad", "is not a Logix tag path"), (.logix, "Tag..ACC", "is not a Logix tag path"),
        (.slc, "B3:0:8", "is not an SLC 500 address"), (.slc, "X9:1", "is not an SLC 500 address"),
        (.opcua, "Line1.Counter", "is not an OPC UA node id"), (.opcua, "ns=2;q=1", "is not an OPC UA node id"),
        (.mqtt, "plant/+/speed", "must be an MQTT topic without wildcards"), (.mqtt, "plant/x#speed", "has a JSON path"),
        (.modbus, "hr:70000", "has an offset above 65535"), (.modbus, "hr:1@3", "is not a Modbus address"),
        (.modbus, "40000", "has a Modicon number out of range"), (.modbus, "hr:1:float32:int16", "has a suffix"),
        (.modbus, "co:1:int32", "reads a single bit"), (.modbus, "20001", "is not a Modbus address"),
        (.modbus, "holding:1", "is not a Modbus address"), (.sparkplug, "Bakery:Count", "is not a Sparkplug B metric"),
        (.sparkplug, "Bakery/+/Bagger1:Count", "is not a Sparkplug B metric"), (.logix, "", "must not be empty for logix"),
    ])
    func refused(connector: ConnectorType, address: String, reason: String) {
        #expect(TagAddress.problem(address, for: connector)?.hasPrefix(reason) == true, "\(TagAddress.problem(address, for: connector) ?? "nil")")
    }

    @Test("A fault word needs its index; other roles must not have one")
    func faultWordIndex() {
        var input = MetricInput(key: "faults", name: "Faults", role: .faultWord, connector: .logix, address: "Fault", dataType: "DINT")
        let missing = #expect(throws: DomainError.self) { try input.validate() }
        #expect(missing?.violations.map(\.field) == ["/faultWordIndex"])
        input.faultWordIndex = 1
        #expect(throws: Never.self) { try input.validate() }
        input.role = .speed
        #expect((try? input.validate()) == nil)
        #expect(MetricInput.key(forAddress: "Program:Main.B3:0/8") == "Program_Main.B3_0_8")
    }
}
