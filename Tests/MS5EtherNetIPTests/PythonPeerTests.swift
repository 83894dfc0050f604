import Foundation
import MS5EtherNetIP
import MS5EtherNetIPSimulator
import Testing

/// pycomm3 and pylogix against the Swift simulator; their values must match the Swift client's.
@Suite(.serialized) struct PythonPeerTests {
    static let definitions: [TagDefinition] = [
        TagDefinition(name: "Counter", dataType: "DINT"), TagDefinition(name: "Speed", dataType: "REAL"),
        TagDefinition(name: "Temp", dataType: "INT"), TagDefinition(name: "Running", dataType: "BOOL"),
        TagDefinition(name: "Big", dataType: "LINT"), TagDefinition(name: "Small", dataType: "SINT"),
        TagDefinition(name: "Arr", dataType: "REAL[1000]"), TagDefinition(name: "N7_0", dataType: "DINT[32]"),
        TagDefinition(name: "Fault", dataType: "BOOL[64]"), TagDefinition(name: "T4_0", dataType: "TIMER[32]"),
    ].compactMap { $0 }

    private static let script = PeerProcess.packageRoot.appendingPathComponent("scripts/enip/peer_check.py").path

    private func startServer() async throws -> (EtherNetIPServer, Int) {
        let table = SimulatedTagTable(Self.definitions)
        try table.setValue("Speed", .real(17.25))
        try table.setValue("Arr", .array((0..<1000).map { .real(Float($0) / 4) }))
        try table.setValue("N7_0[5]", .dint(-5))
        try table.setValue("Fault[40]", .bool(true))
        try table.setValue("T4_0[2].PRE", .dint(500))
        let server = EtherNetIPServer(tags: table)
        return (server, try await server.start(host: "127.0.0.1", port: 0))
    }

    private func peer(_ library: String, port: Int, writes: [String: Any], reads: [String]) throws -> [String: Any] {
        let writesJSON = String(decoding: try JSONSerialization.data(withJSONObject: writes), as: UTF8.self)
        let output = try PeerProcess.run([Self.script, library, "\(port)", writesJSON] + reads)
        return try #require(try JSONSerialization.jsonObject(with: Data(output.utf8)) as? [String: Any])
    }

    private func number(_ any: Any?) -> Double? {
        if let bool = any as? Bool, type(of: any!) == Bool.self { return bool ? 1 : 0 }
        return (any as? NSNumber)?.doubleValue
    }

    private func expectAgreement(_ peer: [String: Any], _ swift: [TagReading], _ name: String) {
        for reading in swift {
            let theirs = peer[reading.tag]
            guard let ours = reading.value else {
                Issue.record("\(name): Swift could not read \(reading.tag): \(String(describing: reading.error))")
                continue
            }
            if case .array(let elements) = ours {
                let list = theirs as? [Any] ?? []
                #expect(list.count == elements.count, "\(name) \(reading.tag) count")
                #expect(zip(list, elements).allSatisfy { number($0) == $1.doubleValue }, "\(name) \(reading.tag) elements")
            } else {
                #expect(number(theirs) == ours.doubleValue, "\(name) \(reading.tag): \(String(describing: theirs)) vs \(ours)")
            }
        }
    }

    @Test func pylogixAgreesWithSwiftClient() async throws {
        let (server, port) = try await startServer()
        defer { Task { await server.stop() } }
        let reads = ["Counter", "Speed", "Temp", "Running", "Big", "Small", "Arr[7]", "N7_0[5]", "N7_0[3]", "Fault[35]", "Fault[40]", "T4_0[2].PRE", "T4_0[1].ACC"]
        let peer = try peer("pylogix", port: port, writes: ["Counter": 1234, "Temp": -12, "Running": true, "N7_0[3]": 99, "Fault[35]": true, "T4_0[1].ACC": 42, "Small": -9], reads: reads + ["Arr{1000}"])
        let client = EtherNetIPClient()
        try await client.connect(host: "127.0.0.1", port: port, slot: 0)
        let swift = try await client.read(reads)
        #expect(swift.first?.value == .dint(1234))
        #expect(swift[9].value == .bool(true))
        expectAgreement(peer, swift, "pylogix")
        let array = try await client.readArray("Arr", count: 1000)
        expectAgreement(["Arr{1000}": peer["Arr{1000}"] as Any], [TagReading(tag: "Arr{1000}", result: .success(array))], "pylogix")
        await client.close()
    }

    @Test func pycomm3AgreesWithSwiftClient() async throws {
        let (server, port) = try await startServer()
        defer { Task { await server.stop() } }
        let reads = ["Counter", "Speed", "Temp", "Running", "Big", "Small", "N7_0[5]", "N7_0[3]"]
        let peer = try peer("pycomm3", port: port, writes: ["Counter": 4321, "Big": 123_456_789_012, "N7_0[3]": 77, "Speed": 2.5], reads: reads + ["Arr[0]{1000}"])
        let client = EtherNetIPClient()
        try await client.connect(host: "127.0.0.1", port: port, slot: 0)
        let swift = try await client.read(reads)
        #expect(swift.first?.value == .dint(4321))
        #expect(swift[4].value == .lint(123_456_789_012))
        expectAgreement(peer, swift, "pycomm3")
        let array = try await client.readArray("Arr", count: 1000)
        expectAgreement(["Arr[0]{1000}": peer["Arr[0]{1000}"] as Any], [TagReading(tag: "Arr[0]{1000}", result: .success(array))], "pycomm3")
        await client.close()
    }
}
