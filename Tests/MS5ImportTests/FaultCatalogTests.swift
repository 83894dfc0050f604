import MS5Import
import MS5Domain
import Testing

@Suite("FaultCatalogCSV on bagger1-fault-messages.csv")
struct FaultCatalogRealFileTests {
    let result: FaultCatalogImport

    init() throws {
        result = FaultCatalogCSV.parse(try PLCTestData.text(PLCTestData.faultCatalog))
    }

    @Test func issuesForMalformedAndDuplicateRows() {
        // 57 physical lines (the last has no line break): header + 56 rows.
        // grep -n 'Fault\[Error\]' → line 10. Fault[0] and Fault[1] appear again on lines 50, 51.
        #expect(result.issues.map(\.line) == [10, 50, 51])
        #expect(result.issues[0].message.contains("Fault[Error]"))
        #expect(result.issues[1].message.contains("duplicate bit 0 (also on line 2)"))
        #expect(result.issues[2].message.contains("duplicate bit 1 (also on line 3)"))
    }

    @Test func unusedBits() {
        // grep -n 'not defined' → Fault[53], [54], [55], [46], [33], [26], [30].
        #expect(result.unused == [26, 30, 33, 46, 53, 54, 55])
        #expect(result.faults.allSatisfy { !$0.text.lowercased().contains("not defined") })
    }

    @Test func countsByKind() {
        // 56 rows - 1 malformed - 2 duplicates - 7 unused = 46 defined bits.
        #expect(result.faults.count == 46)
        // status: 29 OK To Press Reset, 47 Batch Complete, 57 OK To Press Start,
        //         58 OK To Start Slicer, 59 Machine Running.
        #expect(result.faults(ofKind: .status).map(\.bitIndex) == [29, 47, 57, 58, 59])
        // warning: 7/8 "Low …", 22 Close The Guard, 25 Release Emergency Stop Button,
        //          28/32/41/50 "Check …", 37 Remove Front Product, 38 Wicket Change-Over,
        //          43 Re-Start Bagger, 45 Manually Change Wicket, 48 Turn Off Or Reset Batch Count.
        #expect(result.faults(ofKind: .warning).map(\.bitIndex)
                == [7, 8, 22, 25, 28, 32, 37, 38, 41, 43, 45, 48, 50])
        // fault: the remaining 28.
        #expect(result.faults(ofKind: .fault).count == 28)
        #expect(result.faults(ofKind: .fault).map(\.bitIndex) == [
            0, 1, 2, 3, 4, 5, 6, 12, 13, 14, 15, 16, 17, 18, 19, 20,
            23, 24, 27, 31, 34, 35, 36, 39, 40, 42, 44, 49,
        ])
        #expect(result.faults.allSatisfy { $0.source == .internal })
    }

    @Test func machineRunningIsStatusInWordOne() throws {
        let running = try #require(result.fault(bit: 59))
        #expect(running.line == 9)
        #expect(running.tag == "Fault")
        #expect(running.operand == "Fault[59]")
        #expect(running.bitIndex == 59)
        #expect(running.word == 1)
        #expect(running.bit == 27)
        #expect(running.code == "F59")
        #expect(running.text == "Machine Running")
        #expect(running.source == .internal)
        #expect(running.kind == .status)
    }

    @Test func laterDuplicateWins() throws {
        let flusher = try #require(result.fault(bit: 1))
        #expect(flusher.line == 51)
        #expect(flusher.text == "Flusher Inverter / Circuit Breaker Fault")
        #expect(flusher.kind == .fault)
        #expect(result.fault(bit: 31)?.word == 0)
        #expect(result.fault(bit: 32)?.word == 1)
        #expect(result.fault(bit: 32)?.bit == 0)
        #expect(result.fault(bit: 7)?.line == 57, "last line without a line break is read")
    }

    @Test func unlistedBits() {
        #expect(result.bitCount == 64)
        #expect(result.unlisted == [9, 10, 11, 21, 51, 52, 56, 60, 61, 62, 63])
    }
}

@Suite("FaultCatalogCSV edge cases")
struct FaultCatalogEdgeCaseTests {
    @Test func badRowsBecomeIssues() {
        let text = """
        Tag,Description,Source
        Fault[0],Good,upstream
        Fault[1],Bad source,sideways
        Fault[64],Out of range,internal
        Message[2],Other tag,internal
        Fault[3],,internal
        Fault[4],Too,many,fields
        Fault[-1],Negative,internal
        Fault[5],Downstream blocked,DOWNSTREAM
        """
        let result = FaultCatalogCSV.parse(text)
        #expect(result.faults.map(\.bitIndex) == [0, 5])
        #expect(result.faults.map(\.source) == [.upstream, .downstream])
        #expect(result.issues.map(\.line) == [3, 4, 5, 6, 7, 8])
        #expect(result.issues[0].message.contains("unknown Source 'sideways'"))
        #expect(result.issues[1].message.contains("outside Fault (0…63)"))
        #expect(result.issues[2].message.contains("not a bit of Fault"))
        #expect(result.issues[3].message.contains("empty description"))
        #expect(result.issues[4].message.contains("found 4"))
        #expect(result.issues[5].message.contains("numeric bit index"))
    }

    @Test func customTagAndMissingHeader() {
        let result = FaultCatalogCSV.parse("Alarm[40],Hopper Empty,upstream\n", tag: "Alarm", bitCount: 96)
        #expect(result.issues.count == 1)
        #expect(result.issues.first?.message.contains("missing header") == true)
        let fault = result.faults.first
        #expect(fault?.operand == "Alarm[40]")
        #expect(fault?.word == 1)
        #expect(fault?.bit == 8)
        #expect(result.unlisted.count == 95)
    }

    @Test func duplicateUnusedReplacesDefinition() {
        let text = "Tag,Description,Source\nFault[3],Jam,internal\nFault[3],Not Defined,internal\n"
        let result = FaultCatalogCSV.parse(text)
        #expect(result.faults.isEmpty)
        #expect(result.unused == [3])
        #expect(result.issues.map(\.line) == [3])
    }

    @Test(arguments: [
        ("Machine Running", FaultKind.status),
        ("Batch Complete", .status),
        ("OK To Start Slicer", .status),
        ("ok to press reset", .status),
        ("Infeed Ready", .status),
        ("Check Slicer Frames", .warning),
        ("Check / Replace Discharge Roller", .warning),
        ("Low Main Air Pressure", .warning),
        ("Slicer Low Oil Pressure", .warning),
        ("Wicket Change-Over", .warning),
        ("Turn Off Or Reset Batch Count", .warning),
        ("Close The Guard", .warning),
        ("Bagger Emergency Stop Active", .fault),
        ("Blockage At Scoops", .fault),
        ("Below Minimum Speed", .fault),
        ("", .fault),
    ])
    func classification(text: String, expected: FaultKind) {
        #expect(FaultKind.classify(text) == expected)
    }
}
