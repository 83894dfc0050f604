import Crypto
import Foundation
import MS5Identity
import MS5JSON
import Testing

@Suite("Audit hash chain")
struct AuditChainTests {
    static func draft(_ sequence: Int64, actor: String = "user-1", after: JSONValue? = nil) -> AuditEntry {
        AuditEntry(
            sequence: sequence, occurredAt: "2025-03-01T06:00:0\(sequence % 10).250Z", actor: actor,
            action: sequence == 1 ? "create" : "update", recordType: "downtime", recordId: "D-17",
            before: sequence == 1 ? nil : ["minutes": .number(Double(sequence))],
            after: after ?? ["minutes": .number(Double(sequence + 1))],
            reason: sequence == 3 ? "corrected after review" : nil)
    }

    static func chain(_ sequences: [Int64], actor: String = "user-1") -> [AuditEntry] {
        var previous = AuditChain.genesisHash
        return sequences.map { sequence in
            let sealed = AuditChain.seal(draft(sequence, actor: actor), after: previous)
            previous = sealed.recordHash
            return sealed
        }
    }

    @Test func hashCoversTheCanonicalFieldsFollowedByThePreviousHash() throws {
        let entry = AuditChain.seal(
            AuditEntry(sequence: 1, occurredAt: "2025-03-01T06:00:00.250Z", actor: "system", action: "create",
                       recordType: "line", recordId: "L1", after: ["name": "Line 1"]),
            after: AuditChain.genesisHash)
        let zeros = String(repeating: "0", count: 64)
        let bytes = #"{"action":"create","actor":"system","after":{"name":"Line 1"},"occurredAt":"2025-03-01T06:00:00.250Z","#
            + #""prevHash":""# + zeros + #"","recordId":"L1","recordType":"line","sequence":1}"# + zeros
        let expected = SHA256.hash(data: Data(bytes.utf8)).map { String(format: "%02x", $0) }.joined()
        #expect(entry.prevHash == zeros)
        #expect(entry.recordHash == expected)
        #expect(AuditChain.hash(of: entry, previous: zeros) == expected)
        #expect(AuditChain.genesisHash == zeros)
    }

    @Test func timestampsAreUTCWithMilliseconds() {
        #expect(AuditEntry.timestamp(Date(timeIntervalSince1970: 1_740_808_800.25)) == "2025-03-01T06:00:00.250Z")
    }

    @Test func anIntactChainVerifies() {
        let entries = Self.chain([1, 2, 3, 4, 5])
        #expect(AuditChain.verify(entries) == nil)
        #expect(entries[1].prevHash == entries[0].recordHash)
    }

    @Test func anEditedFieldIsCaught() {
        var entries = Self.chain([1, 2, 3, 4, 5])
        entries[2].actor = "mallory"
        #expect(AuditChain.verify(entries) == .edited(sequence: 3))
        entries = Self.chain([1, 2, 3, 4, 5])
        entries[3].after = ["minutes": 0]
        #expect(AuditChain.verify(entries) == .edited(sequence: 4))
    }

    @Test func aDeletedEntryBreaksTheLink() {
        var entries = Self.chain([1, 2, 3, 4, 5])
        entries.remove(at: 2)
        #expect(AuditChain.verify(entries) == .linkBroken(sequence: 4))
        #expect(AuditChain.verify(Array(Self.chain([1, 2, 3]).dropFirst())) == .linkBroken(sequence: 2))
    }

    @Test func anInsertedEntryBreaksTheLinkAfterIt() {
        var entries = Self.chain([1, 2, 3, 4, 5])
        let forged = AuditChain.seal(Self.draft(3, actor: "mallory"), after: entries[1].recordHash)
        entries.insert(forged, at: 2)
        #expect(AuditChain.verify(entries) == .linkBroken(sequence: 3))
    }

    @Test func skippedSequenceNumbersAreAGap() {
        #expect(AuditChain.verify(Self.chain([1, 2, 4, 5])) == .gap(after: 2, next: 4))
        #expect(AuditChain.verify(Self.chain([1, 2, 2])) == .gap(after: 2, next: 2))
    }

    @Test func aRewrittenChainIsCaughtByAnAnchor() {
        let original = Self.chain([1, 2, 3, 4, 5])
        let anchor = AuditChainHead(sequence: 3, hash: original[2].recordHash)
        let rewritten = Self.chain([1, 2, 3, 4, 5], actor: "mallory")
        #expect(AuditChain.verify(rewritten) == nil)
        #expect(AuditChain.verify(rewritten, anchors: [anchor]) == .anchorMismatch(sequence: 3))
        #expect(AuditChain.verify(original, anchors: [anchor]) == nil)
    }

    @Test func aCutOffTailIsCaughtByAnAnchor() {
        let original = Self.chain([1, 2, 3, 4, 5])
        let anchor = AuditChainHead(sequence: 5, hash: original[4].recordHash)
        #expect(AuditChain.verify(original.prefix(3), anchors: [anchor]) == .missingAnchoredEntry(sequence: 5))
    }

    @Test func pagesVerifyWithCarriedState() {
        let entries = Self.chain(Array(1...7))
        var verifier = AuditChainVerifier(anchors: [AuditChainHead(sequence: 6, hash: entries[5].recordHash)])
        for page in stride(from: 0, to: entries.count, by: 3) {
            #expect(verifier.verify(entries[page..<min(page + 3, entries.count)]) == nil)
        }
        #expect(verifier.finish() == nil)
        #expect(verifier.head == AuditChainHead(sequence: 7, hash: entries[6].recordHash))

        let resumed = AuditChainHead(sequence: 4, hash: entries[3].recordHash)
        #expect(AuditChain.verify(entries[4...], startingAfter: resumed) == nil)
        let wrongStart = AuditChainHead(sequence: 4, hash: entries[2].recordHash)
        #expect(AuditChain.verify(entries[4...], startingAfter: wrongStart) == .linkBroken(sequence: 5))
        #expect(AuditChain.verify(entries[5...], startingAfter: resumed) == .linkBroken(sequence: 6))
    }

    @Test func theVerifierStopsAtTheFirstProblemAndKeepsTheLastGoodHead() {
        var entries = Self.chain([1, 2, 3, 4])
        entries[2].reason = "rewritten"
        var verifier = AuditChainVerifier()
        #expect(verifier.verify(entries) == .edited(sequence: 3))
        #expect(verifier.head == AuditChainHead(sequence: 2, hash: entries[1].recordHash))
    }
}
