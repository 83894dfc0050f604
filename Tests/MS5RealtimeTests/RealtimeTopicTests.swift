import Foundation
import Testing

@testable import MS5Realtime

@Suite struct RealtimeTopicTests {
    let id = UUID()

    @Test func parsesEveryKind() throws {
        #expect(try RealtimeTopic(parsing: "plant") == .plant)
        #expect(try RealtimeTopic(parsing: "andon") == .andon)
        #expect(try RealtimeTopic(parsing: "line:\(id.uuidString)") == .line(id))
        #expect(try RealtimeTopic(parsing: "equipment:\(id.uuidString.lowercased())") == .equipment(id))
        #expect(try RealtimeTopic(parsing: "oee:\(id.uuidString)") == .oee(id))
    }

    @Test func rendersLowerCaseCanonicalForm() {
        #expect(RealtimeTopic.line(id).description == "line:\(id.uuidString.lowercased())")
        #expect(RealtimeTopic.plant.description == "plant")
    }

    @Test func rejectsMalformedTopics() {
        #expect(throws: RealtimeTopicError.unknownKind("shift:1")) { try RealtimeTopic(parsing: "shift:1") }
        #expect(throws: RealtimeTopicError.missingIdentifier("line")) { try RealtimeTopic(parsing: "line") }
        #expect(throws: RealtimeTopicError.invalidIdentifier("line:42")) { try RealtimeTopic(parsing: "line:42") }
        #expect(throws: RealtimeTopicError.unexpectedIdentifier("plant:1")) { try RealtimeTopic(parsing: "plant:1") }
        #expect(throws: RealtimeTopicError.unknownKind("")) { try RealtimeTopic(parsing: "") }
    }
}
