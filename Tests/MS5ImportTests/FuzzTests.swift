import MS5Import
import MS5Domain
import Testing

/// Garbage inputs: every parser must return (never trap) and account for the junk as issues.
@Suite("Garbage input")
struct FuzzTests {
    static let garbage: [String] = [
        "",
        "\r\n\r\n\n",
        "\u{0}\u{1}\u{2}\u{FFFD}\u{7F},,,\"\u{0}",
        "\"unterminated,quote\nstill open\r\n",
        "a,b,c\n\"x\"y,z\n",
        ",,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,\n",
        String(repeating: "\"\"", count: 500),
        "TAG\nALIAS,,\nCOMMENT\nTYPE\nTYPE\n",
        "Fault[\nFault[]],x,internal\n]Fault[1,a,b\n",
        "B3:0/0\nDFILE:\nU:\n%$#@!,0,x,\"\",\"\",\"\",\"\",\"\"\n",
        String(decoding: (0..<512).map { UInt8(truncatingIfNeeded: $0 &* 37) }, as: UTF8.self),
    ]

    @Test(arguments: garbage.indices)
    func parsersSurvive(index: Int) {
        let text = Self.garbage[index]
        let csv = CSVReader.read(text)
        let logix = LogixTagExport.parse(text)
        let slc = SLCSymbolExport.parse(text)
        let faults = FaultCatalogCSV.parse(text)
        // Every non-blank record is either read or reported.
        #expect(slc.symbols.count + slc.fileLabels.count + slc.issues.count
                == csv.records.count + csv.issues.count)
        for issue in logix.issues + slc.issues + faults.issues + csv.issues {
            #expect(issue.line >= 1)
            #expect(!issue.message.isEmpty)
        }
    }

    @Test func specificGarbageIsReported() {
        #expect(CSVReader.read(Self.garbage[3]).issues.map(\.line) == [1])
        let slc = SLCSymbolExport.parse(Self.garbage[9])
        #expect(slc.symbols.isEmpty)
        #expect(slc.issues.map(\.line) == [1, 2, 3, 4])
        let logix = LogixTagExport.parse(Self.garbage[7])
        #expect(logix.tags.isEmpty)
        // line 1 "TAG": no-header notice + too few fields; 2, 3: too few fields;
        // 4: header lacking columns; 5: second header.
        #expect(logix.issues.map(\.line) == [1, 1, 2, 3, 4, 5])
        #expect(logix.issues[4].message.contains("no SCOPE column"))
        #expect(FaultCatalogCSV.parse(Self.garbage[8]).faults.isEmpty)
        #expect(FaultCatalogCSV.parse("").issues.isEmpty)
        #expect(LogixTagExport.parse("").tags.isEmpty)
    }
}
