import Foundation
import MS5EtherNetIP
import MS5EtherNetIPSimulator
import Testing

/// PCCC command formats (DF1 protocol manual, SLC typed logical commands) and client-vs-simulator access.
@Suite struct PCCCTests {
    @Test func typedReadAndWriteFrames() throws {
        // CMD 0x0F, STS 0, TNS 0x1234, FNC 0xA2, 2 bytes, file 7, type N (0x89), element 10, sub-element 0.
        #expect(PCCCMessage.read(try PCCCAddress(parsing: "N7:10"), transaction: 0x1234).encoded() == [0x0F, 0x00, 0x34, 0x12, 0xA2, 0x02, 0x07, 0x89, 0x0A, 0x00])
        // Float: 4 bytes, type F (0x8A).
        #expect(PCCCMessage.read(try PCCCAddress(parsing: "F8:2"), transaction: 1).encoded() == [0x0F, 0x00, 0x01, 0x00, 0xA2, 0x04, 0x08, 0x8A, 0x02, 0x00])
        // Timer accumulator: type T (0x86), sub-element 2.
        #expect(PCCCMessage.read(try PCCCAddress(parsing: "T4:0.ACC"), transaction: 1).encoded() == [0x0F, 0x00, 0x01, 0x00, 0xA2, 0x02, 0x04, 0x86, 0x00, 0x02])
        // Element above 254: 0xFF then a 16-bit element number.
        #expect(PCCCMessage.read(try PCCCAddress(parsing: "N7:300"), transaction: 1).encoded() == [0x0F, 0x00, 0x01, 0x00, 0xA2, 0x02, 0x07, 0x89, 0xFF, 0x2C, 0x01, 0x00])
        // Typed write 0xAA of N7:1 = 0x0102.
        #expect(PCCCMessage.write(try PCCCAddress(parsing: "N7:1"), data: [0x02, 0x01], transaction: 5).encoded() == [0x0F, 0x00, 0x05, 0x00, 0xAA, 0x02, 0x07, 0x89, 0x01, 0x00, 0x02, 0x01])
        // Masked write 0xAB setting B3:0/8: mask 0x0100, data 0x0100.
        #expect(PCCCMessage.writeBit(try PCCCAddress(parsing: "B3:0/8"), value: true, transaction: 6).encoded() == [0x0F, 0x00, 0x06, 0x00, 0xAB, 0x02, 0x03, 0x85, 0x00, 0x00, 0x00, 0x01, 0x00, 0x01])
        // Execute PCCC: service 0x4B to class 0x67 instance 1, requestor id length 7, vendor, serial.
        let execute = PCCCMessage.executePCCC([0x0F], vendorID: 0x1337, serial: 0x0403_0201).encoded()
        #expect(execute == [0x4B, 0x02, 0x20, 0x67, 0x24, 0x01, 0x07, 0x37, 0x13, 0x01, 0x02, 0x03, 0x04, 0x0F])
    }

    @Test func replyStatus() throws {
        // Reply CMD 0x4F, STS 0xF0, TNS, EXT STS 0x06 (address does not point to something usable).
        let reply = try PCCCMessage.Reply.decode([0x4F, 0xF0, 0x34, 0x12, 0x06])
        #expect(reply.transaction == 0x1234 && reply.extendedStatus == 0x06)
        #expect(throws: EtherNetIPError.pccc(PCCCError(status: 0xF0, extendedStatus: 0x06))) { try reply.check() }
        #expect(PCCCError(status: 0x10).statusMeaning == "illegal command or format")
    }

    @Test func clientAgainstSimulator() async throws {
        let files = SimulatedDataFiles([
            .init(type: .integer, number: 7, elements: 300), .init(type: .bit, number: 3, elements: 4), .init(type: .float, number: 8, elements: 4),
            .init(type: .timer, number: 4, elements: 4), .init(type: .counter, number: 5, elements: 4), .init(type: .input, number: 1, elements: 4),
            .init(type: .output, number: 0, elements: 4),
        ])
        try files.setValue("I:1/3", .bool(true))
        let server = EtherNetIPServer(tags: SimulatedTagTable(), files: files)
        let port = try await server.start(host: "127.0.0.1", port: 0)
        let client = EtherNetIPClient()
        try await client.connect(host: "127.0.0.1", port: port, slot: nil)
        let writes: [(address: String, value: CIPValue)] = [
            ("N7:10", .int(-1234)), ("N7:299", .int(77)), ("B3:0/8", .bool(true)), ("B3:0/2", .bool(true)), ("F8:2", .real(3.5)),
            ("T4:0.PRE", .int(100)), ("T4:0.ACC", .int(42)), ("C5:1.PRE", .int(9)), ("C5:1/DN", .bool(true)), ("O:0/1", .bool(true)),
        ]
        for outcome in try await client.writeSLC(writes) { #expect(outcome.error == nil, "\(outcome.tag)") }
        try await client.writeSLC([("B3:0/2", .bool(false))]).forEach { #expect($0.error == nil) }
        let readings = try await client.readSLC(["N7:10", "N7:299", "B3:0/8", "B3:0/2", "B3:0", "F8:2", "T4:0.ACC", "T4:0", "C5:1.PRE", "C5:1/DN", "I:1/3", "O:0/1", "N7:500"])
        let values = readings.map(\.value)
        #expect(values[0] == .int(-1234))
        #expect(values[1] == .int(77))
        #expect(values[2] == .bool(true))
        #expect(values[3] == .bool(false))
        #expect(values[4] == .int(256))
        #expect(values[5] == .real(3.5))
        #expect(values[6] == .int(42))
        #expect(values[7] == .array([.int(0), .int(100), .int(42)]))
        #expect(values[8] == .int(9))
        #expect(values[9] == .bool(true))
        #expect(values[10] == .bool(true))
        #expect(values[11] == .bool(true))
        #expect(readings[12].error == .pccc(PCCCError(status: 0xF0, extendedStatus: 0x06)))
        #expect(try files.value("N7:10") == .int(-1234))
        await client.close()
        await server.stop()
    }

    @Test func exportReaders() throws {
        let exports = PeerProcess.packageRoot.appendingPathComponent("../shared/data/plc").standardized
        let slc = try String(contentsOf: exports.appendingPathComponent("basketloader1-slc500-tags.csv"), encoding: .utf8)
        let files = PLCExportReader.slcFiles(csv: slc)
        #expect(files.contains { $0.type == .bit && $0.number == 3 })
        #expect(files.contains { $0.type == .timer && $0.number == 4 })
        #expect(files.contains { $0.type == .integer && $0.number == 7 && $0.elements > 200 })
        let logix = try String(contentsOf: exports.appendingPathComponent("bagger1-logix5000-tags.csv"), encoding: .utf8)
        let tags = PLCExportReader.logixTags(csv: logix)
        #expect(tags.contains { $0.name == "Fault" && $0.kind == .boolArray && $0.dimensions == [64] })
        #expect(tags.contains { $0.name == "Count_Blade_PEC" && $0.kind == .structure(.counter) })
        #expect(tags.contains { $0.name == "Recipe" && $0.dimensions == [6, 8] })
    }
}
