import MS5EtherNetIP
import MS5EtherNetIPSimulator
import Testing

/// The Swift client against the Swift simulator: members, BOOL arrays, bit writes, batching, errors.
@Suite struct SimulatorTests {
    private func makeServer() async throws -> (EtherNetIPServer, Int) {
        var definitions = [
            TagDefinition(name: "Fault", dataType: "BOOL[64]"), TagDefinition(name: "Count_Blade_PEC", dataType: "COUNTER"),
            TagDefinition(name: "T4_0", dataType: "TIMER[32]"), TagDefinition(name: "Recipe", dataType: "INT[6,8]"),
            TagDefinition(name: "Word", dataType: "DINT"), TagDefinition(name: "Label", dataType: "STRING"),
            TagDefinition(name: "Program:MainProgram.Step", dataType: "DINT"),
        ].compactMap { $0 }
        definitions += (0..<200).compactMap { TagDefinition(name: "Tag\($0)", dataType: $0 % 2 == 0 ? "DINT" : "REAL") }
        let table = SimulatedTagTable(definitions)
        for index in 0..<200 { try table.setValue("Tag\(index)", index % 2 == 0 ? .dint(Int32(index)) : .real(Float(index) + 0.5)) }
        let server = EtherNetIPServer(tags: table)
        return (server, try await server.start(host: "127.0.0.1", port: 0))
    }

    @Test func membersBitsAndStrings() async throws {
        let (server, port) = try await makeServer()
        let client = EtherNetIPClient()
        try await client.connect(host: "127.0.0.1", port: port, slot: 0)
        guard case .connected(_, let size, let large)? = await client.messagingMode else { Issue.record("not connected messaging"); return }
        #expect(size == 4002 && large)
        let writes = try await client.write([
            ("Count_Blade_PEC.ACC", .dint(1500)), ("Count_Blade_PEC.DN", .bool(true)), ("T4_0[3].PRE", .dint(250)),
            ("Fault[35]", .bool(true)), ("Fault[2]", .bool(true)), ("Word.4", .bool(true)), ("Recipe[2,5]", .int(-8)),
            ("Label", .string("Wholemeal 800g")), ("Program:MainProgram.Step", .dint(3)), ("Missing", .dint(1)),
        ])
        #expect(writes.dropLast().allSatisfy { $0.error == nil }, "\(writes)")
        #expect(writes.last?.error == .cip(.tagNotFound(general: 0x04)))
        try await client.write("Fault[2]", .bool(false))
        let readings = try await client.read(["Count_Blade_PEC.ACC", "Count_Blade_PEC.DN", "T4_0[3].PRE", "Fault[35]", "Fault[2]", "Fault[1]", "Word", "Word.4", "Recipe[2,5]", "Label", "Program:MainProgram.Step", "Nope[3]", "Recipe[9,9]"])
        let values = readings.map(\.value)
        #expect(values[0] == .dint(1500))
        #expect(values[1] == .bool(true))
        #expect(values[2] == .dint(250))
        #expect(values[3] == .bool(true))
        #expect(values[4] == .bool(false))
        #expect(values[5] == .bool(false))
        #expect(values[6] == .dint(16))
        #expect(values[7] == .bool(true))
        #expect(values[8] == .int(-8))
        #expect(values[9] == .string("Wholemeal 800g"))
        #expect(values[10] == .dint(3))
        #expect(readings[11].error == .cip(.tagNotFound(general: 0x04)))
        #expect(readings[12].error == .cip(.beyondEndOfTag))
        #expect(try server.tags.value("Count_Blade_PEC.ACC") == .dint(1500))
        try server.tags.setValue("Fault[63]", .bool(true))
        #expect(try await client.read("Fault[63]") == .bool(true))
        let symbols = try await client.listTags()
        #expect(symbols.contains { $0.name == "Fault" && $0.typeDescription == "DWORD[64]" })
        #expect(symbols.count == 207)
        await client.close()
        await server.stop()
    }

    @Test func batchingAcrossPacketsAndUnconnectedRouting() async throws {
        let (server, port) = try await makeServer()
        let tags = (0..<200).map { "Tag\($0)" }
        let expected: [CIPValue] = (0..<200).map { $0 % 2 == 0 ? .dint(Int32($0)) : .real(Float($0) + 0.5) }
        for options in [SessionStateMachine.Configuration(), SessionStateMachine.Configuration(largeConnectionSize: 0), SessionStateMachine.Configuration(useConnectedMessaging: false)] {
            let client = EtherNetIPClient(options: .init(session: options))
            try await client.connect(host: "127.0.0.1", port: port, slot: 0)
            let readings = try await client.read(tags + ["Tag0.40"])
            #expect(readings.prefix(200).map(\.value) == expected)
            #expect(readings.last?.error != nil)
            #expect(try await client.identify().productName == EtherNetIPServer.defaultIdentity.productName)
            await client.close()
        }
        await server.stop()
    }

    @Test func refusedConnectionFallsBackToUnconnectedSend() async throws {
        let table = SimulatedTagTable([TagDefinition(name: "Speed", dataType: "REAL")].compactMap { $0 })
        try table.setValue("Speed", .real(7.5))
        let server = EtherNetIPServer(tags: table, acceptsConnections: false)
        let port = try await server.start(host: "127.0.0.1", port: 0)
        let client = EtherNetIPClient()
        try await client.connect(host: "127.0.0.1", port: port, slot: 2)
        #expect(await client.messagingMode == .unconnected)
        #expect(try await client.read("Speed") == .real(7.5))
        try await client.write("Speed", .real(8.25))
        #expect(try table.value("Speed") == .real(8.25))
        await client.close()
        await server.stop()
    }

    @Test func unknownServiceKeepsTheSession() async throws {
        let (server, port) = try await makeServer()
        let client = EtherNetIPClient()
        try await client.connect(host: "127.0.0.1", port: port, slot: 0)
        let unknown = try await client.send(CIPRequest(service: 0x33, path: CIPPath([.symbol("Word")])))
        #expect(unknown.error == .serviceNotSupported)
        let unknownClass = try await client.send(CIPRequest(service: 0x01, path: .object(classID: 0x99, instance: 1)))
        #expect(unknownClass.error == .tagNotFound(general: 0x05))
        #expect(try await client.read("Tag2") == .dint(2))
        await client.close()
        await server.stop()
    }
}
