import Foundation
import MS5Domain
import Testing

@Suite("Stop confirm, reclassify, split, comment")
struct StopEditingTests {
    /// A stop 09:00–10:30 with a break 09:30–09:45 inside it (planned time 75 min = 4500 s).
    let stop = Stop(
        id: "EQ1@1",
        equipmentId: "EQ1",
        plannedSpans: TimeSpanSet([
            Fixtures.span("2026-03-02T09:00:00Z", "2026-03-02T09:30:00Z"),
            Fixtures.span("2026-03-02T09:45:00Z", "2026-03-02T10:30:00Z"),
        ]),
        initialState: .held,
        firstOutFaultCode: "F12",
        proposedReasonCode: "MECH-JAM",
        comments: [StopComment(author: "anna", text: "jammed again", at: Fixtures.at("2026-03-02T09:05:00Z"))])

    func fields(_ error: any Error) -> [String] { (error as? DomainError)?.violations.map(\.field) ?? [] }

    @Test("confirming takes the proposal, or a reason from the tree")
    func confirm() throws {
        let confirmed = try stop.confirmed(at: Fixtures.at("2026-03-02T10:40:00Z"), tree: Fixtures.tree)
        #expect(confirmed.reasonCode == "MECH-JAM")
        #expect(confirmed.codingStatus == .confirmed)
        #expect(confirmed.codedAt == Fixtures.at("2026-03-02T10:40:00Z"))
        let chosen = try stop.confirmed(reasonCode: "MAT-SHORT", at: Fixtures.at("2026-03-02T10:40:00Z"), tree: Fixtures.tree)
        #expect(chosen.reasonCode == "MAT-SHORT")
    }

    @Test("confirm validation")
    func confirmValidation() throws {
        var uncoded = stop
        uncoded.proposedReasonCode = nil
        #expect { try uncoded.confirmed(at: Fixtures.at("2026-03-02T10:40:00Z"), tree: Fixtures.tree) } throws: { fields($0) == ["/reasonCode"] }
        #expect {
            try stop.confirmed(reasonCode: "NOPE", at: Fixtures.at("2026-03-02T08:00:00Z"), tree: Fixtures.tree)
        } throws: { fields($0) == ["/reasonCode", "/at"] }
        let confirmed = try stop.confirmed(at: Fixtures.at("2026-03-02T10:40:00Z"), tree: Fixtures.tree)
        #expect {
            try confirmed.confirmed(at: Fixtures.at("2026-03-02T10:41:00Z"), tree: Fixtures.tree)
        } throws: { ($0 as? DomainError)?.code == .conflict }
    }

    @Test("reclassifying keeps the first coding time and refuses the same reason")
    func reclassify() throws {
        let confirmed = try stop.confirmed(at: Fixtures.at("2026-03-02T10:40:00Z"), tree: Fixtures.tree)
        let changed = try confirmed.reclassified(as: "MECH-MOTOR", at: Fixtures.at("2026-03-02T11:00:00Z"), tree: Fixtures.tree)
        #expect(changed.reasonCode == "MECH-MOTOR")
        #expect(changed.codedAt == Fixtures.at("2026-03-02T10:40:00Z"))
        #expect {
            try changed.reclassified(as: "MECH-MOTOR", at: Fixtures.at("2026-03-02T11:00:00Z"), tree: Fixtures.tree)
        } throws: { fields($0) == ["/reasonCode"] }
        #expect {
            try changed.reclassified(as: "UNKNOWN", at: Fixtures.at("2026-03-02T11:00:00Z"), tree: Fixtures.tree)
        } throws: { fields($0) == ["/reasonCode"] }
    }

    @Test("splitting keeps all planned time; the second part starts uncoded")
    func split() throws {
        let (first, second) = try stop.splitting(at: Fixtures.at("2026-03-02T10:00:00Z"))
        // First 09:00–09:30 + 09:45–10:00 = 1800 + 900 = 2700 s; second 10:00–10:30 = 1800 s; 2700 + 1800 = 4500.
        #expect(first.duration == 2700)
        #expect(second.duration == 1800)
        #expect(first.id == "EQ1@1")
        #expect(first.end == Fixtures.at("2026-03-02T10:00:00Z"))
        #expect(first.proposedReasonCode == "MECH-JAM")
        #expect(first.comments.count == 1)
        #expect(second.id == Stop.identifier(equipmentId: "EQ1", start: Fixtures.at("2026-03-02T10:00:00Z")))
        #expect(second.codingStatus == .uncoded)
        #expect(second.comments.isEmpty)
    }

    @Test("splitting inside the break trims both parts to planned time")
    func splitInBreak() throws {
        let (first, second) = try stop.splitting(at: Fixtures.at("2026-03-02T09:40:00Z"))
        // First 09:00–09:30 (1800 s); second starts after the break at 09:45 (2700 s).
        #expect(first.span == Fixtures.span("2026-03-02T09:00:00Z", "2026-03-02T09:30:00Z"))
        #expect(second.span == Fixtures.span("2026-03-02T09:45:00Z", "2026-03-02T10:30:00Z"))
        #expect(first.duration + second.duration == 4500)
    }

    @Test("split validation: the time must lie strictly inside the stop")
    func splitValidation() {
        for text in ["2026-03-02T09:00:00Z", "2026-03-02T10:30:00Z", "2026-03-02T08:00:00Z"] {
            #expect { try stop.splitting(at: Fixtures.at(text)) } throws: { fields($0) == ["/at"] }
        }
    }

    @Test("comments are trimmed and validated")
    func comment() throws {
        let commented = try stop.commented("  waiting for fitter \n", by: "ben", at: Fixtures.at("2026-03-02T09:10:00Z"))
        #expect(commented.comments.last == StopComment(author: "ben", text: "waiting for fitter", at: Fixtures.at("2026-03-02T09:10:00Z")))
        #expect { try stop.commented("   ", by: "", at: Fixtures.at("2026-03-02T09:10:00Z")) } throws: { fields($0) == ["/text", "/author"] }
        #expect {
            try stop.commented(String(repeating: "x", count: 1001), by: "ben", at: Fixtures.at("2026-03-02T09:10:00Z"))
        } throws: { fields($0) == ["/text"] }
    }

    @Test("reason tree validation finds duplicate codes")
    func treeValidation() {
        let tree = StopReasonTree(categories: Fixtures.tree.categories + [
            StopReasonCategory(code: "MECH", name: "Again", planning: .unplanned, loss: .breakdown, reasons: [StopReason(code: "MECH-JAM", name: "Jam")])
        ])
        #expect { try tree.validated() } throws: { fields($0) == ["/categories/4/code", "/categories/4/reasons/0/code"] }
        #expect(throws: Never.self) { try Fixtures.tree.validated() }
        #expect(Fixtures.tree.categories(.planned).map(\.code) == ["SETUP", "CLEAN"])
    }
}
