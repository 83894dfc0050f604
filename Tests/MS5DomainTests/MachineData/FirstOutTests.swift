import Foundation
import MS5Domain
import Testing

@Suite("FaultEdgeDetector: first-out")
struct FirstOutTests {
    let f001 = entry(0, 0, "F001")
    let w002 = entry(0, 1, "W002", kind: .warning)
    let s003 = entry(0, 2, "S003", kind: .status, source: .upstream)
    let f004 = entry(0, 3, "F004")
    let f006 = entry(0, 5, "F006")
    let f008 = entry(0, 7, "F008")
    let f010 = entry(0, 9, "F010")
    let f102 = entry(1, 2, "F102")

    var detector: FaultEdgeDetector {
        FaultEdgeDetector(catalog: [f001, w002, s003, f004, f006, f008, f010, f102])
    }

    @Test("first-out across a cascade, and a new cascade after all faults clear")
    func cascade() {
        var detector = self.detector
        // A warning and a status are active first: they do not block first-out.
        #expect(
            detector.ingest(word: 0, value: 0b0110, at: t(1))
                == [raised(w002, at: t(1), firstOut: false), raised(s003, at: t(1), firstOut: false)])
        #expect(detector.ingest(word: 0, value: 0b0111, at: t(5)) == [raised(f001, at: t(5), firstOut: true)])
        // F004 follows while F001 is active: not first-out.
        #expect(detector.ingest(word: 0, value: 0b1111, at: t(6)) == [raised(f004, at: t(6), firstOut: false)])
        // F001 clears (8 - 5 = 3 s); F004 is still active.
        #expect(
            detector.ingest(word: 0, value: 0b1110, at: t(8))
                == [cleared(f001, at: t(8), raisedAt: t(5), duration: 3, firstOut: true)])
        // F006 rises while F004 is still active: still the same cascade, not first-out.
        #expect(
            detector.ingest(word: 0, value: 0b10_1110, at: t(9)) == [raised(f006, at: t(9), firstOut: false)])
        #expect(detector.active.map(\.firstOut) == [false, false, false, false])
        // Everything clears at 12 s, in bit order: W002 (12-1), S003 (12-1), F004 (12-6), F006 (12-9).
        #expect(
            detector.ingest(word: 0, value: 0, at: t(12)) == [
                cleared(w002, at: t(12), raisedAt: t(1), duration: 11, firstOut: false),
                cleared(s003, at: t(12), raisedAt: t(1), duration: 11, firstOut: false),
                cleared(f004, at: t(12), raisedAt: t(6), duration: 6, firstOut: false),
                cleared(f006, at: t(12), raisedAt: t(9), duration: 3, firstOut: false),
            ])
        // A new cascade: F004 is first-out this time.
        #expect(detector.ingest(word: 0, value: 0b1000, at: t(20)) == [raised(f004, at: t(20), firstOut: true)])
    }

    @Test("several bits rising in one sample: the lowest bit is first-out")
    func simultaneousBits() {
        var detector = self.detector
        // Bits 5 and 7 rise together.
        #expect(
            detector.ingest(word: 0, value: 0b1010_0000, at: t(3))
                == [raised(f006, at: t(3), firstOut: true), raised(f008, at: t(3), firstOut: false)])
    }

    @Test("a lower warning bit rising together with a fault does not take first-out")
    func warningDoesNotWinTie() {
        var detector = self.detector
        #expect(
            detector.ingest(word: 0, value: 0b1010, at: t(0))
                == [raised(w002, at: t(0), firstOut: false), raised(f004, at: t(0), firstOut: true)])
    }

    @Test("across words in one sample the lowest (word, bit) wins, not the lowest bit")
    func simultaneousAcrossWords() {
        var detector = self.detector
        // Word 0 bit 9 (global 9) and word 1 bit 2 (global 34): word 0 wins though 9 > 2.
        #expect(
            detector.ingest(words: [1 << 9, 1 << 2], at: t(4))
                == [raised(f010, at: t(4), firstOut: true), raised(f102, at: t(4), firstOut: false)])
    }

    @Test("a clear and a raise in the same sample: clears come first, so the raise is first-out")
    func clearThenRaiseInOneSample() {
        var detector = self.detector
        #expect(detector.ingest(word: 0, value: 0b0001, at: t(1)) == [raised(f001, at: t(1), firstOut: true)])
        // F001 falls and F004 rises at 5 s: 5 - 1 = 4 s for F001; nothing else active for F004.
        #expect(
            detector.ingest(word: 0, value: 0b1000, at: t(5)) == [
                cleared(f001, at: t(5), raisedAt: t(1), duration: 4, firstOut: true),
                raised(f004, at: t(5), firstOut: true),
            ])
    }
}
