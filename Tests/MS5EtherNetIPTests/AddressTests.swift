import MS5EtherNetIP
import Testing

/// Logix tag address and SLC address parsing.
@Suite struct AddressTests {
    @Test func logixAddresses() throws {
        #expect(try LogixTagPath(parsing: "Tag").path == CIPPath([.symbol("Tag")]))
        #expect(try LogixTagPath(parsing: "Tag[3]").path == CIPPath([.symbol("Tag"), .element(3)]))
        #expect(try LogixTagPath(parsing: "Tag[1,2]").path == CIPPath([.symbol("Tag"), .element(1), .element(2)]))
        #expect(try LogixTagPath(parsing: "Program:MainProgram.Tag").path == CIPPath([.symbol("Program:MainProgram"), .symbol("Tag")]))
        #expect(try LogixTagPath(parsing: "Struct.Member.ACC").path == CIPPath([.symbol("Struct"), .symbol("Member"), .symbol("ACC")]))
        let bit = try LogixTagPath(parsing: "Fault[1].3")
        #expect(bit.bit == 3 && bit.path == CIPPath([.symbol("Fault"), .element(1)]))
        let boolArray = try #require(try LogixTagPath(parsing: "Fault[35]").boolArrayWord())
        #expect(boolArray.word.description == "Fault[1]" && boolArray.bit == 3)
        #expect(try LogixTagPath(parsing: "Local:1:I.Data").components.count == 2)
    }

    @Test func malformedLogixAddresses() {
        for text in ["", "Tag[", "Tag[1]]", "Tag[a]", "1Tag", "Tag..X", "Tag[1,2,3,4]", "Tag.64", "Ta g", "Program:.X", "Tag[-1]"] {
            #expect(throws: EtherNetIPError.self, "\(text)") { try LogixTagPath(parsing: text) }
        }
    }

    @Test func slcAddresses() throws {
        let n = try PCCCAddress(parsing: "N7:10")
        #expect(n.fileType == .integer && n.fileNumber == 7 && n.element == 10 && n.bit == nil)
        let b = try PCCCAddress(parsing: "B3:0/8")
        #expect(b.fileType == .bit && b.element == 0 && b.bit == 8)
        let bitOnly = try PCCCAddress(parsing: "B3/24")
        #expect(bitOnly.element == 1 && bitOnly.bit == 8)
        #expect(try PCCCAddress(parsing: "F8:2").byteSize == 4)
        let acc = try PCCCAddress(parsing: "T4:0.ACC")
        #expect(acc.subElement == 2 && acc.bit == nil)
        let done = try PCCCAddress(parsing: "T4:0/DN")
        #expect(done.subElement == 0 && done.bit == 13)
        #expect(try PCCCAddress(parsing: "C5:1.PRE").subElement == 1)
        let input = try PCCCAddress(parsing: "I:0/3")
        #expect(input.fileType == .input && input.fileNumber == 1 && input.bit == 3)
        let output = try PCCCAddress(parsing: "O:8/16")
        #expect(output.fileNumber == 0 && output.element == 8 && output.subElement == 1 && output.bit == 0)
        for text in ["X7:1", "N7", "N7:", "T4:0.XYZ", "F8:1/3", "N7:1/x"] {
            #expect(throws: EtherNetIPError.self, "\(text)") { try PCCCAddress(parsing: text) }
        }
    }
}
