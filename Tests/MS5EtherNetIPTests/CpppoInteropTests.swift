import MS5EtherNetIP
import Testing

/// The Swift client against the cpppo EtherNet/IP simulator (a third-party Logix server).
@Suite(.serialized) struct CpppoInteropTests {
    @Test func everyTypeArraysFragmentedMultiAndIdentity() async throws {
        let port = try await PeerProcess.freePort()
        let server = try PeerProcess(arguments: ["-m", "cpppo.server.enip", "-a", "127.0.0.1:\(port)", "--no-config",
            "Counter=DINT", "Speed=REAL", "Faults=DINT[64]", "Running=BOOL", "Temp=INT", "Big=LINT", "Arr=REAL[1000]",
            "Small=SINT", "Byte=USINT", "Word=UINT", "Long=UDINT", "Huge=ULINT", "Precise=LREAL", "Name=STRING", "Short=SSTRING"])
        defer { server.stop() }
        try await PeerProcess.waitForListener(port: port)

        // cpppo, in Python, can take seconds to answer a large request on a loaded machine.
        let client = EtherNetIPClient(options: .init(requestTimeout: .seconds(30)))
        try await client.connect(host: "127.0.0.1", port: port, slot: 0)
        defer { Task { await client.close() } }

        let identity = try await client.listIdentity()
        #expect(identity.vendorID == 1)
        #expect(identity.productName.contains("1756"))
        let attributes = try await client.identify()
        #expect(attributes.productName == identity.productName)

        let values: [(tag: String, value: CIPValue)] = [
            ("Counter", .dint(-123_456)), ("Speed", .real(12.5)), ("Running", .bool(true)), ("Temp", .int(-321)),
            ("Big", .lint(9_000_000_000_123)), ("Small", .sint(-7)), ("Byte", .usint(200)), ("Word", .uint(65_000)),
            ("Long", .udint(4_000_000_000)), ("Huge", .ulint(18_000_000_000_000_000_000)), ("Precise", .lreal(3.141592653589793)),
            ("Faults[5]", .dint(0x55)), ("Arr[999]", .real(-1.25)), ("Name", .string("hello plc")), ("Short", .string("abc")),
        ]
        // One batched write (Multiple Service Packet), then one batched read.
        for outcome in try await client.write(values) {
            #expect(outcome.error == nil, "\(outcome.tag): \(String(describing: outcome.error))")
        }
        let readings = try await client.read(values.map(\.tag) + ["Faults[5].2", "Faults[5].1", "NoSuchTag"])
        for (entry, reading) in zip(values, readings) {
            #expect(reading.value == entry.value, "\(entry.tag)")
        }
        #expect(readings[values.count].value == .bool(true))
        #expect(readings[values.count + 1].value == .bool(false))
        if case .cip(.tagNotFound) = readings[values.count + 2].error {} else {
            Issue.record("expected tag not found, got \(String(describing: readings[values.count + 2].error))")
        }

        // Whole array: written fragmented, read back with Read Tag Fragmented.
        let array = CIPValue.array((0..<1000).map { .real(Float($0) * 0.5) })
        try await client.write("Arr", array)
        let readBack = try await client.readArray("Arr", count: 1000)
        #expect(readBack == array)
        let partial = try await client.readArray("Faults[0]", count: 64)
        #expect(partial.elements.count == 64)
        #expect(partial.elements[5] == .dint(0x55))
    }
}
