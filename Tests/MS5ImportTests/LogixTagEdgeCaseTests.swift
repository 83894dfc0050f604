import MS5Import
import MS5Domain
import Testing

@Suite("LogixTagExport edge cases")
struct LogixTagEdgeCaseTests {
    static let header = "remark,\"CSV-Import-Export\"\r\n0.3\r\nTYPE,SCOPE,NAME,DESCRIPTION,DATATYPE,SPECIFIER,ATTRIBUTES\r\n"

    @Test func programScopeAndQualifiedPolling() throws {
        let text = Self.header
            + "TAG,MainProgram,Speed,\"line speed\",\"REAL\",\"\",\"(RADIX := Float)\"\r\n"
            + "TAG,MainProgram,Cnt,\"\",\"COUNTER\",\"\",\"\"\r\n"
        let result = LogixTagExport.parse(text)
        #expect(result.issues.isEmpty)
        let speed = try #require(result.tag(named: "Speed", scope: "MainProgram"))
        #expect(speed.line == 4)
        #expect(speed.scope == "MainProgram")
        #expect(speed.qualifiedName == "Program:MainProgram.Speed")
        #expect(speed.pollableMembers == ["Program:MainProgram.Speed"])
        #expect(result.tag(named: "Speed") == nil, "controller scope has no Speed")
        #expect(result.tag(named: "Cnt", scope: "MainProgram")?.pollableMembers
                == ["Program:MainProgram.Cnt.ACC", "Program:MainProgram.Cnt.PRE"])
    }

    @Test func multiDimensionalTimerArrayEnumeratesRowMajor() {
        let text = Self.header + "TAG,,T,\"\",\"TIMER[2,2]\",\"\",\"\"\r\n"
        let tag = LogixTagExport.parse(text).tags.first
        #expect(tag?.dimensions == [2, 2])
        #expect(tag?.pollableMembers == [
            "T[0,0].ACC", "T[0,0].PRE", "T[0,1].ACC", "T[0,1].PRE",
            "T[1,0].ACC", "T[1,0].PRE", "T[1,1].ACC", "T[1,1].PRE",
        ])
    }

    @Test func malformedRowsBecomeOneIssueEach() {
        let text = Self.header
            + "TAG,,Good,\"\",\"DINT\",\"\",\"\"\r\n"           // line 4 ok
            + "TAG,,NoType,\"\",\"\",\"\",\"\"\r\n"             // 5 empty DATATYPE
            + "TAG,,BadDims,\"\",\"INT[x]\",\"\",\"\"\r\n"      // 6 malformed DATATYPE
            + "TAG,,ZeroDim,\"\",\"INT[0]\",\"\",\"\"\r\n"      // 7 zero dimension
            + "TAG,,\"\",\"\",\"INT\",\"\",\"\"\r\n"            // 8 empty NAME
            + "ALIAS,,A1,\"\",\"\",\"\",\"\"\r\n"               // 9 alias without target
            + "COMMENT,,Good,\"text\",\r\n"                     // 10 too few fields
            + "TAG,,Extra,\"\",\"INT\",\"\",\"\",\"surplus\"\r\n" // 11 too many fields
            + "RCOMMENT,,X,\"\",\"\",\"\",\"\"\r\n"              // 12 unknown row type
            + "TAG,,good,\"\",\"INT\",\"\",\"\"\r\n"             // 13 duplicate (case-insensitive)
            + "TAG,,Short\r\n"                                   // 14 too few fields
        let result = LogixTagExport.parse(text)
        #expect(result.tags.map(\.name) == ["Good"])
        #expect(result.issues.map(\.line) == [5, 6, 7, 8, 9, 10, 11, 12, 13, 14])
        #expect(result.issues[0].message.contains("empty DATATYPE"))
        #expect(result.issues[1].message.contains("malformed DATATYPE"))
        #expect(result.issues[4].message.contains("alias target"))
        #expect(result.issues[5].message.contains("expected at least 6"))
        #expect(result.issues[6].message.contains("the header has 7"))
        #expect(result.issues[7].message.contains("unknown row type 'RCOMMENT'"))
        #expect(result.issues[8].message.contains("first on line 4"))
    }

    @Test func missingHeaderIsReportedOnceAndRowsStillRead() {
        let text = "TAG,,A,\"\",\"BOOL\",\"\",\"\"\nTAG,,B,\"\",\"INT[4]\",\"\",\"\"\n"
        let result = LogixTagExport.parse(text)
        #expect(result.tags.map(\.name) == ["A", "B"])
        #expect(result.issues.count == 1)
        #expect(result.issues.first?.line == 1)
        #expect(result.issues.first?.message.contains("header") == true)
    }

    @Test func reorderedHeaderColumnsAreHonoured() {
        let text = "TYPE,NAME,DATATYPE,SCOPE,DESCRIPTION,SPECIFIER\nTAG,Speed,REAL,,fast,\n"
        let tag = LogixTagExport.parse(text).tags.first
        #expect(tag?.name == "Speed")
        #expect(tag?.dataType == "REAL")
        #expect(tag?.description == "fast")
    }

    @Test func dataTypeSplitting() {
        #expect(LogixTagExport.splitDataType("BOOL[32]")?.base == "BOOL")
        #expect(LogixTagExport.splitDataType("BOOL[32]")?.dimensions == [32])
        #expect(LogixTagExport.splitDataType("INT[6,8]")?.dimensions == [6, 8])
        #expect(LogixTagExport.splitDataType("AB:1769_DI32:I:0")?.base == "AB:1769_DI32:I:0")
        #expect(LogixTagExport.splitDataType("AB:1769_DI32:I:0")?.dimensions == [])
        #expect(LogixTagExport.splitDataType("") == nil)
        #expect(LogixTagExport.splitDataType("INT[") == nil)
        #expect(LogixTagExport.splitDataType("INT]") == nil)
        #expect(LogixTagExport.splitDataType("[4]") == nil)
        #expect(LogixTagExport.splitDataType("INT[1,2,3,4]") == nil)
        #expect(LogixTagExport.splitDataType("INT[-1]") == nil)
        #expect(LogixTagExport.splitDataType("INT[99999999999999999999]") == nil)
        #expect(LogixTagExport.splitDataType("INT[4096,4096]") == nil, "too many elements")
    }

    @Test func nonNumericTypesAreNotPollable() {
        let text = Self.header
            + "TAG,,M,\"\",\"MESSAGE\",\"\",\"\"\r\n"
            + "TAG,,U,\"\",\"UDT_Motion_Instructions\",\"\",\"\"\r\n"
            + "TAG,,L,\"\",\"lint\",\"\",\"\"\r\n"
        let tags = LogixTagExport.parse(text).tags
        #expect(tags.map(\.pollableMembers) == [[], [], ["L"]])
    }
}
