import Foundation
import MS5OPCUA
import Testing

@Suite("NodeID text form and status codes")
struct NodeIDTests {
    @Test(arguments: [
        "ns=2;s=Line1.Counter", "ns=3;i=1001", "i=85", "ns=1;g=09087e75-8e5e-499b-954f-f2a9603db28a",
        "ns=1;b=M/RbKBsRVkePCePcx24oRA==", "s=Plain", "ns=65535;i=4294967295", "ns=2;s=a;b=c",
    ])
    func parsesAndPrintsBackTheSameText(text: String) throws {
        #expect(try NodeID(parsing: text).description == text)
    }

    @Test func parsesParts() throws {
        #expect(try NodeID(parsing: "ns=2;s=Line1.Counter") == NodeID(namespace: 2, string: "Line1.Counter"))
        #expect(try NodeID(parsing: "i=85") == NodeID(numeric: 85))
        #expect(try NodeID(parsing: "ns=0;i=85").description == "i=85")
        #expect(try NodeID(parsing: "ns=1;b=AAEC") == NodeID(namespace: 1, .opaque([0, 1, 2])))
        let guid = try NodeID(parsing: "g=09087E75-8E5E-499B-954F-F2A9603DB28A")
        #expect(guid.description == "g=09087e75-8e5e-499b-954f-f2a9603db28a")
    }

    @Test(arguments: [
        ("ns=2", NodeIDParseError.missingSeparator("ns=2")),
        ("ns=70000;i=1", .invalidNamespace("ns=70000;i=1")),
        ("x=1", .missingIdentifierType("x=1")),
        ("Line1", .missingIdentifierType("Line1")),
        ("i=-1", .invalidNumeric("i=-1")),
        ("ns=2;s=", .emptyString("ns=2;s=")),
        ("g=nope", .invalidGuid("g=nope")),
        ("b=!!", .invalidOpaque("b=!!")),
    ])
    func rejectsMalformedText(text: String, error: NodeIDParseError) {
        #expect(throws: error) { try NodeID(parsing: text) }
        #expect(error.description.contains("'\(text)'"))
    }

    @Test func statusCodesHaveNamesAndMessages() {
        #expect(StatusCode.badNodeIdUnknown.description
            == "BadNodeIdUnknown (0x80340000): the node id refers to a node that does not exist in the server address space")
        let names: [(UInt32, String)] = [
            (0x8035_0000, "BadAttributeIdInvalid"), (0x8074_0000, "BadTypeMismatch"), (0x801F_0000, "BadUserAccessDenied"),
            (0x803B_0000, "BadNotWritable"), (0x8025_0000, "BadSessionIdInvalid"), (0x8022_0000, "BadSecureChannelIdInvalid"),
            (0x8010_0000, "BadTooManyOperations"), (0x800A_0000, "BadTimeout"),
        ]
        for (code, name) in names {
            #expect(StatusCode(rawValue: code).name == name)
        }
        #expect(StatusCode(rawValue: 0x8034_0400).name == "BadNodeIdUnknown")
        #expect(StatusCode(rawValue: 0x4092_0000).isUncertain)
        #expect(StatusCode(rawValue: 0x80FF_0000).description == "Bad status 0x80FF0000")
        #expect(OPCUAError.status(.badNotWritable, operation: "Write ns=2;s=x").description
            == "Write ns=2;s=x failed: BadNotWritable (0x803B0000): the access level does not allow writing to the node")
    }
}
