import MS5Import
import MS5Domain
import Testing

@Suite("SLCAddress")
struct SLCAddressTests {
    @Test func bitAddress() throws {
        let address = try #require(SLCAddress(parsing: "B3:0/8"))
        #expect(address.fileType == .binary)
        #expect(address.fileNumber == 3)
        #expect(address.element == 0)
        #expect(address.bit == 8)
        #expect(address.subElement == nil)
        #expect(address.word == nil)
        #expect(address.canonicalText == "B3:0/8")
    }

    @Test func wordMembersAndNamedBits() throws {
        let acc = try #require(SLCAddress(parsing: "T4:0.ACC"))
        #expect(acc.subElement == .word("ACC"))
        #expect(acc.subElement?.description == ".ACC")
        #expect(SLCAddress(parsing: "C5:3.PRE")?.subElement == .word("PRE"))
        #expect(SLCAddress(parsing: "R6:1/FD")?.subElement == .namedBit("FD"))
        let done = try #require(SLCAddress(parsing: " t4:44/dn "))
        #expect(done.text == " t4:44/dn ", "original text is kept")
        #expect(done.subElement == .namedBit("DN"))
        #expect(done.subElement?.name == "DN")
        #expect(done.canonicalText == "T4:44/DN")
        #expect(SLCAddress(parsing: "T4:0.ACC/3")?.bit == 3)
    }

    @Test func ioAndStatusShorthand() throws {
        let input = try #require(SLCAddress(parsing: "I:1.0/3"))
        #expect(input.fileType == .input)
        #expect(input.fileNumber == nil)
        #expect(input.resolvedFileNumber == 1)
        #expect(input.element == 1)
        #expect(input.word == 0)
        #expect(input.bit == 3)
        #expect(input.canonicalText == "I:1.0/3")
        #expect(SLCAddress(parsing: "I1:1/3")?.resolvedFileNumber == 1)
        #expect(SLCAddress(parsing: "O:2")?.resolvedFileNumber == 0)
        #expect(SLCAddress(parsing: "S:1/15")?.resolvedFileNumber == 2)
        #expect(SLCAddress(parsing: "I:7/31")?.ioWordAndBit?.word == 1)
        #expect(SLCAddress(parsing: "I:1.1/2")?.ioWordAndBit?.word == 1)
        #expect(SLCAddress(parsing: "N7:0/3")?.ioWordAndBit == nil)
    }

    @Test func otherFileTypes() {
        #expect(SLCAddress(parsing: "N7:10")?.fileType == .integer)
        #expect(SLCAddress(parsing: "F8:2")?.fileType == .float)
        #expect(SLCAddress(parsing: "ST24:11")?.fileType == .string)
        #expect(SLCAddress(parsing: "L9:0/31")?.bit == 31)
        #expect(SLCAddress(parsing: "MG10:0")?.fileType == .message)
        #expect(SLCAddress(parsing: "A12:1")?.fileType == .ascii)
        #expect(SLCAddress(parsing: "D13:0")?.fileType == .bcd)
        #expect(SLCAddress(parsing: "PD14:0")?.fileType == .pid)
    }

    @Test func bitFileShorthandIsNormalised() throws {
        let address = try #require(SLCAddress(parsing: "B3/37"))
        #expect(address.element == 2)
        #expect(address.bit == 5)
        #expect(address.canonicalText == "B3:2/5")
    }

    @Test(arguments: [
        ("", "empty address"),
        ("3:0", "does not start with a file type letter"),
        ("Q3:0", "unknown file type 'Q'"),
        ("N:0", "needs a file number"),
        ("N7", "missing ':'"),
        ("N7:", "missing element number"),
        ("N7:256", "element 256 out of range"),
        ("N256:0", "file number out of range"),
        ("S3:1", "always file 2"),
        ("B3:0/16", "bit 16 out of range 0…15"),
        ("I:1.0/16", "bit 16 out of range 0…15"),
        ("I:1/512", "bit 512 out of range 0…511"),
        ("F8:0/1", "no addressable bits"),
        ("N7:0.1", "only valid for I/O"),
        ("N7:0.ACC", "not a member of N files"),
        ("T4:0/CU", "not a named bit of T files"),
        ("T4:0.ACC/DN", "cannot follow a word member"),
        ("T4:0/", "missing bit after '/'"),
        ("T4:0.", "missing word or member"),
        ("N7:0 junk", "unexpected"),
        ("N7:99999999999999999999999", "out of range 0…255"),
        ("B3/", "bit-file shorthand"),
        ("DFILE:00001", "unknown file type 'DFILE'"),
    ])
    func malformedAddressesExplainWhy(text: String, reason: String) {
        #expect(SLCAddress(parsing: text) == nil)
        switch SLCAddress.parse(text) {
        case .success(let address):
            Issue.record("'\(text)' unexpectedly parsed as \(address)")
        case .failure(let error):
            #expect(error.text == text)
            #expect(error.reason.contains(reason), "reason was: \(error.reason)")
        }
    }
}
