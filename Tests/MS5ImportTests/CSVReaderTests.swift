import MS5Import
import MS5Domain
import Testing

@Suite("CSVReader")
struct CSVReaderTests {
    @Test func plainLFRecordsWithLineNumbers() {
        let document = CSVReader.read("a,b,c\n1,2,3\n")
        #expect(document.issues.isEmpty)
        #expect(document.records == [
            CSVRecord(line: 1, fields: ["a", "b", "c"]),
            CSVRecord(line: 2, fields: ["1", "2", "3"]),
        ])
    }

    @Test func crlfAndMissingFinalLineBreak() {
        let document = CSVReader.read("a,b\r\nc,d")
        #expect(document.records.map(\.fields) == [["a", "b"], ["c", "d"]])
        #expect(document.records.map(\.line) == [1, 2])
    }

    @Test func loneCarriageReturnEndsALine() {
        let document = CSVReader.read("a\rb\r\nc")
        #expect(document.records.map(\.fields) == [["a"], ["b"], ["c"]])
        #expect(document.records.map(\.line) == [1, 2, 3])
    }

    @Test func quotedFieldsWithDoubledQuotesAndCommas() {
        let document = CSVReader.read(#"x,"say ""hi"", ok","",last"# + "\r\n")
        #expect(document.issues.isEmpty)
        #expect(document.records.first?.fields == ["x", #"say "hi", ok"#, "", "last"])
    }

    @Test func lineBreaksInsideQuotesKeepStartingLine() {
        let text = "h1,h2\r\n\"two\r\nlines\",b\r\n\"three\nmore\nlines\",c\r\nlast,row\r\n"
        let document = CSVReader.read(text)
        #expect(document.issues.isEmpty)
        #expect(document.records.map(\.line) == [1, 2, 4, 7])
        #expect(document.records[1].fields == ["two\r\nlines", "b"])
        #expect(document.records[2].fields == ["three\nmore\nlines", "c"])
    }

    @Test func blankLinesAreSkippedButCounted() {
        let document = CSVReader.read("\r\n\r\na\r\n\r\nb\r\n")
        #expect(document.records == [
            CSVRecord(line: 3, fields: ["a"]),
            CSVRecord(line: 5, fields: ["b"]),
        ])
    }

    @Test func emptyFieldsAndTrailingComma() {
        let document = CSVReader.read(",a,,\n,\n")
        #expect(document.records.map(\.fields) == [["", "a", "", ""], ["", ""]])
    }

    @Test func byteOrderMarkIsIgnored() {
        let document = CSVReader.read("\u{FEFF}Tag,Description\n")
        #expect(document.records.first?.fields == ["Tag", "Description"])
    }

    @Test func quoteInsideUnquotedFieldIsLiteral() {
        let document = CSVReader.read("ab\"c,d\n")
        #expect(document.issues.isEmpty)
        #expect(document.records.first?.fields == ["ab\"c", "d"])
    }

    @Test func textAfterClosingQuoteDropsTheRecord() {
        let document = CSVReader.read("ok,1\n\"abc\"def,2\nok,3\n")
        #expect(document.records.map(\.line) == [1, 3])
        #expect(document.issues.count == 1)
        #expect(document.issues.first?.line == 2)
        #expect(document.issues.first?.message.contains("closing quote") == true)
    }

    @Test func unterminatedQuoteIsReportedAtItsStartLine() {
        let document = CSVReader.read("a,b\nc,\"never closed\nd,e\nf\n")
        #expect(document.records.map(\.fields) == [["a", "b"]])
        #expect(document.issues == [ImportIssue(line: 2, message: document.issues.first?.message ?? "")])
        #expect(document.issues.first?.message.contains("unterminated") == true)
    }

    @Test func emptyTextHasNothing() {
        let document = CSVReader.read("")
        #expect(document.records.isEmpty)
        #expect(document.issues.isEmpty)
    }

    @Test func unicodeSurvives() {
        let document = CSVReader.read("Größe,\"Ümlaut, ja\",日本\n")
        #expect(document.records.first?.fields == ["Größe", "Ümlaut, ja", "日本"])
    }

    @Test func realLogixFileLineNumbersMatchPhysicalLines() throws {
        // The Logix export has no line breaks inside quotes: 203 lines = 203 records.
        let text = try PLCTestData.text(PLCTestData.logixTags)
        let document = CSVReader.read(text)
        #expect(document.issues.isEmpty)
        #expect(document.records.count == 203)
        #expect(document.records.map(\.line) == Array(1...203))
    }
}
