import MS5Import
import MS5Domain
import Testing

@Suite("SLCSymbolExport on basketloader1-slc500-tags.csv")
struct SLCRealFileTests {
    let result: SLCSymbolImport

    init() throws {
        result = SLCSymbolExport.parse(try PLCTestData.text(PLCTestData.slcSymbols))
    }

    @Test func everyRecordIsAccountedFor() {
        // The file has 919 CRLF-terminated lines (`wc -l` = 919, every line ends in \r\n,
        // python csv.reader gives 919 records of 13 fields). The README's "918 rows" is one short.
        #expect(result.issues.isEmpty, "\(result.issues)")
        #expect(result.symbols.count + result.fileLabels.count == 919)
        // grep -c '^DFILE:' → 26 data file labels; grep -c '^U:' → 8 program file labels.
        #expect(result.fileLabels.filter { $0.kind == .dataFile }.count == 26)
        #expect(result.fileLabels.filter { $0.kind == .programFile }.count == 8)
        #expect(result.symbols.count == 885)
    }

    @Test func symbolCountsByFileType() {
        // cut -d, -f1 | grep -o '^[A-Z]*' | sort | uniq -c, without DFILE and U.
        #expect(result.countsByFileType == [
            .binary: 328, .status: 142, .input: 128, .timer: 101,
            .output: 96, .integer: 75, .string: 12, .float: 3,
        ])
        // awk -F, '$1 !~ /^(DFILE|U):/ && $3 != ""' | wc -l → 668 rows carry a symbol.
        #expect(result.symbols.filter(\.hasSymbol).count == 668)
        // grep -c '^T[0-9]*:[0-9]*/DN' → T4:44, T4:50, T23:1, T23:31.
        let named = result.symbols.filter { $0.address.subElement != nil }
        #expect(named.map(\.address.text) == ["T4:44/DN", "T4:50/DN", "T23:1/DN", "T23:31/DN"])
    }

    @Test func autoCycleAndManualModeBits() throws {
        let auto = try #require(result.symbol(at: "B3:0/8"))
        #expect(auto.line == 9)
        #expect(auto.symbol == "AUTO_CYCLE_IND")
        #expect(auto.description == "AUTO CYCLE INDICATION")
        #expect(auto.scope == 0)
        #expect(auto.address == SLCAddress(text: "B3:0/8", fileType: .binary, fileNumber: 3, element: 0, bit: 8))

        let manual = try #require(result.symbol(named: "manual_mode_ind"))
        #expect(manual.line == 3)
        #expect(manual.address.text == "B3:0/2")
        #expect(manual.address.bit == 2)
        #expect(manual.description == "MANUAL MODE INDICATION")
    }

    @Test func descriptionsJoinFiveLines() {
        #expect(result.symbol(at: "B3:0/12")?.description
                == "CALL FOR THE BREAD PUSHER TO PUSH THE ROW INTO THE PATTERN ON M5")
        // Leading space in the 4th part (" TO THE ON POSITIONS") is trimmed.
        #expect(result.symbol(at: "B3:3/15")?.description
                == "CHECK THE MOTOR DISCONNECTS ARE CONNECTED AND TURNED TO THE ON POSITIONS BEFORE ALLOWING RUN")
        // Quoted comma inside a description part (line 719).
        let floating = result.symbol(at: "S:34/2")
        #expect(floating?.line == 719)
        #expect(floating?.description == "Floating Point Math Flag Disable,Fl")
        #expect(floating?.symbol == "")
        #expect(floating?.address.resolvedFileNumber == 2)
    }

    @Test func timerDoneBitAndTimerElement() throws {
        let done = try #require(result.symbol(at: "T4:44/DN"))
        #expect(done.line == 830)
        #expect(done.address.fileType == .timer)
        #expect(done.address.fileNumber == 4)
        #expect(done.address.element == 44)
        #expect(done.address.subElement == .namedBit("DN"))
        #expect(done.address.bit == nil)
        #expect(done.symbol == "")
        #expect(result.symbol(at: "T4:44")?.symbol == "NO_BASKETS")
        #expect(result.symbol(at: "T4:50/DN")?.description == "60 sec timer")
    }

    @Test func ioAndOtherShapes() throws {
        let input = try #require(result.symbol(at: "I:7/30"))
        #expect(input.line == 458)
        #expect(input.address.fileNumber == nil)
        #expect(input.address.resolvedFileNumber == 1)
        #expect(input.address.element == 7)
        #expect(input.address.bit == 30)
        #expect(input.address.ioWordAndBit?.word == 1)
        #expect(input.address.ioWordAndBit?.bit == 14)
        #expect(result.symbol(at: "O:8/0")?.symbol == "U8_CN1_T31")
        #expect(result.symbol(at: "F8:1")?.description == "RESETTABLE VIA THE HMI")
        #expect(result.symbol(at: "ST24:0")?.address.fileType == .string)
        #expect(result.symbol(at: "N7:0")?.description
                == "0 = NO TURNING 1 = TURN 90 DEGREES 2 = TURN 180 DEGREES")
        #expect(result.symbol(at: "B22:0")?.address.bit == nil)
    }

    @Test func fileLabels() {
        let integer = result.fileLabels.first { $0.kind == .dataFile && $0.fileNumber == 7 }
        #expect(integer?.line == 901)
        #expect(integer?.title == "INTEGER")
        let recipe = result.fileLabels.first { $0.kind == .programFile && $0.fileNumber == 3 }
        #expect(recipe?.line == 886)
        #expect(recipe?.name == "RECIPE")
        #expect(result.fileLabels.filter { $0.kind == .programFile }.map(\.fileNumber) == Array(3...10))
        #expect(result.fileLabels.filter { $0.kind == .dataFile }.map(\.fileNumber) == Array(0...25))
    }
}

@Suite("SLCSymbolExport edge cases")
struct SLCSymbolEdgeCaseTests {
    @Test func malformedRowsAreIssuesWithLines() {
        let text = [
            "B3:0/0,0,OK,\"A\",\"\",\"  B  \",\"\",\"\",0,,,0,",     // 1 ok
            "B3:0/16,0,BAD_BIT,\"\",\"\",\"\",\"\",\"\",0,,,0,",     // 2 bit out of range
            "X9:0,0,BAD_TYPE,\"\",\"\",\"\",\"\",\"\",0,,,0,",       // 3 unknown file type
            "N7:1,zero,BAD_SCOPE,\"\",\"\",\"\",\"\",\"\",0,,,0,",   // 4 scope not a number
            "N7:2,0,SHORT",                                          // 5 too few fields
            "b3:0/0,0,DUP,\"\",\"\",\"\",\"\",\"\",0,,,0,",          // 6 duplicate of line 1
            "DFILE:abc,0,,\"X\",\"\",\"\",\"\",\"\",0,,,0,",         // 7 bad file label number
            ",0,EMPTY,\"\",\"\",\"\",\"\",\"\",0,,,0,",              // 8 empty address
        ].joined(separator: "\n")
        let result = SLCSymbolExport.parse(text)
        #expect(result.symbols.map(\.symbol) == ["OK"])
        #expect(result.symbols.first?.description == "A B")
        #expect(result.issues.map(\.line) == [2, 3, 4, 5, 6, 7, 8])
        #expect(result.issues[0].message.contains("bit 16 out of range 0…15"))
        #expect(result.issues[1].message.contains("unknown file type 'X'"))
        #expect(result.issues[2].message.contains("scope"))
        #expect(result.issues[3].message.contains("found 3"))
        #expect(result.issues[4].message.contains("duplicate address B3:0/0 (first on line 1)"))
    }

    @Test func lfOnlyAndBlankLines() {
        let text = "\nN7:0,0,A,\"\",\"\",\"\",\"\",\"\"\n\nN7:1,0,B,\"\",\"\",\"\",\"\",\"\""
        let result = SLCSymbolExport.parse(text)
        #expect(result.issues.isEmpty)
        #expect(result.symbols.map(\.line) == [2, 4])
    }
}
