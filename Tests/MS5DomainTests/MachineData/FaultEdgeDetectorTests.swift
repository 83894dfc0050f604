import Foundation
import MS5Domain
import Testing

@Suite("FaultEdgeDetector: edges, durations, words, uncatalogued, time")
struct FaultEdgeDetectorTests {
    let f001 = entry(0, 0, "F001")
    let w002 = entry(0, 1, "W002", kind: .warning)
    let f004 = entry(0, 3, "F004")
    let f100 = entry(1, 0, "F100")
    let f131 = entry(1, 31, "F131")

    var catalog: [FaultDefinition] { [f001, w002, f004, f100, f131] }

    @Test("raise and clear carry exact raisedAt and duration")
    func raiseAndClear() {
        var detector = FaultEdgeDetector(catalog: catalog)
        #expect(detector.ingest(word: 0, value: 0, at: t(0)).isEmpty)
        // bit 0 rises at 10 s; nothing else active, so it is first-out.
        #expect(detector.ingest(word: 0, value: 0b01, at: t(10)) == [raised(f001, at: t(10), firstOut: true)])
        // bit 1 (a warning) rises at 15 s; warnings are never first-out.
        #expect(detector.ingest(word: 0, value: 0b11, at: t(15)) == [raised(w002, at: t(15), firstOut: false)])
        #expect(detector.active.map(\.code) == ["F001", "W002"])
        #expect(detector.active.map(\.since) == [t(10), t(15)])
        // bit 0 falls at 25 s: 25 - 10 = 15 s, first-out flag repeated from the raise.
        #expect(
            detector.ingest(word: 0, value: 0b10, at: t(25))
                == [cleared(f001, at: t(25), raisedAt: t(10), duration: 15, firstOut: true)])
        // bit 1 falls at 40.5 s: 40.5 - 15 = 25.5 s.
        #expect(
            detector.ingest(word: 0, value: 0, at: t(40.5))
                == [cleared(w002, at: t(40.5), raisedAt: t(15), duration: 25.5, firstOut: false)])
        #expect(detector.active.isEmpty)
        #expect(detector.outOfOrderSamples == 0)
    }

    @Test("first sample of a word raises the bits already set at that sample's time")
    func firstSampleRaisesSetBits() {
        var detector = FaultEdgeDetector(catalog: catalog)
        // 0b1001 = bits 0 and 3, both faults; the lower one is first-out.
        #expect(
            detector.ingest(word: 0, value: 0b1001, at: t(100))
                == [raised(f001, at: t(100), firstOut: true), raised(f004, at: t(100), firstOut: false)])
        // Same value again: no edges.
        #expect(detector.ingest(word: 0, value: 0b1001, at: t(101)).isEmpty)
    }

    @Test("word 1 bits are global bits 32...63 and distinct from word 0")
    func wordOneBits() {
        var detector = FaultEdgeDetector(catalog: catalog)
        let value: UInt32 = 0x8000_0001  // bits 0 and 31
        #expect(
            detector.ingest(word: 1, value: value, at: t(2))
                == [raised(f100, at: t(2), firstOut: true), raised(f131, at: t(2), firstOut: false)])
        #expect(f100.address.globalBit == 32)
        #expect(f131.address.globalBit == 63)
        // The same bits in word 0: bit 0 is F001, bit 31 is uncatalogued. F100 is
        // already active, so neither is first-out.
        let uncatalogued = FaultDefinition.uncatalogued(word: 0, bit: 31, kind: .fault)
        #expect(
            detector.ingest(word: 0, value: value, at: t(3))
                == [
                    raised(f001, at: t(3), firstOut: false),
                    raised(uncatalogued, at: t(3), firstOut: false, uncatalogued: true),
                ])
        #expect(detector.active.map(\.code) == ["F001", "W0.B31", "F100", "F131"])
        // Word 1 bit 0 falls at 7 s: 7 - 2 = 5 s; word 0 is untouched.
        #expect(
            detector.ingest(word: 1, value: 0x8000_0000, at: t(7))
                == [cleared(f100, at: t(7), raisedAt: t(2), duration: 5, firstOut: true)])
        #expect(detector.active.map(\.code) == ["F001", "W0.B31", "F131"])
    }

    @Test("uncatalogued bits get a generated code and are flagged, not lost")
    func uncataloguedBits() {
        var detector = FaultEdgeDetector(catalog: [f001])
        let generated = FaultDefinition(
            word: 0, bit: 6, code: "W0.B6", text: "Uncatalogued bit 6 of fault word 0",
            severity: 3, kind: .fault, source: .internal)
        #expect(FaultDefinition.uncatalogued(word: 0, bit: 6, kind: .fault) == generated)
        #expect(
            detector.ingest(word: 0, value: 1 << 6, at: t(1))
                == [raised(generated, at: t(1), firstOut: true, uncatalogued: true)])
        #expect(detector.active.first?.isUncatalogued == true)
        // Falls at 4.25 s: 4.25 - 1 = 3.25 s.
        #expect(
            detector.ingest(word: 0, value: 0, at: t(4.25))
                == [cleared(generated, at: t(4.25), raisedAt: t(1), duration: 3.25, firstOut: true, uncatalogued: true)])
    }

    @Test("uncatalogued bits as warnings neither take nor block first-out")
    func uncataloguedAsWarning() {
        var detector = FaultEdgeDetector(catalog: [f001], uncataloguedKind: .warning)
        let generated = FaultDefinition.uncatalogued(word: 0, bit: 6, kind: .warning)
        #expect(
            detector.ingest(word: 0, value: 1 << 6, at: t(1))
                == [raised(generated, at: t(1), firstOut: false, uncatalogued: true)])
        #expect(
            detector.ingest(word: 0, value: 1 << 6 | 1, at: t(2)) == [raised(f001, at: t(2), firstOut: true)])
    }

    @Test("a timestamp going backwards is ignored and counted; equal timestamps are accepted")
    func outOfOrderSamples() {
        var detector = FaultEdgeDetector(catalog: catalog)
        #expect(detector.ingest(word: 0, value: 1, at: t(10)) == [raised(f001, at: t(10), firstOut: true)])
        // 9 s < 10 s: ignored, so the clear in it is not applied.
        #expect(detector.ingest(word: 0, value: 0, at: t(9)).isEmpty)
        #expect(detector.outOfOrderSamples == 1)
        // One clock for all words: word 1 at 9.5 s is also ignored.
        #expect(detector.ingest(word: 1, value: 1, at: t(9.5)).isEmpty)
        #expect(detector.outOfOrderSamples == 2)
        #expect(detector.active.map(\.code) == ["F001"])
        // Equal timestamp is fine (no change in word 1 -> no events, not counted).
        #expect(detector.ingest(word: 1, value: 0, at: t(10)).isEmpty)
        #expect(detector.outOfOrderSamples == 2)
        // The ignored sample did not update word 0's last value, so this clears: 12 - 10 = 2 s.
        #expect(
            detector.ingest(word: 0, value: 0, at: t(12))
                == [cleared(f001, at: t(12), raisedAt: t(10), duration: 2, firstOut: true)])
        #expect(detector.lastSampleAt == t(12))
    }

    @Test("negative word indexes are ignored and counted")
    func negativeWord() {
        var detector = FaultEdgeDetector(catalog: catalog)
        #expect(detector.ingest(word: -1, value: 1, at: t(1)).isEmpty)
        #expect(detector.invalidWordSamples == 1)
        #expect(detector.active.isEmpty)
    }

    @Test("clearAll closes every active fault and resets the words")
    func clearAll() {
        var detector = FaultEdgeDetector(catalog: catalog)
        detector.ingest(word: 0, value: 0b01, at: t(10))
        detector.ingest(word: 0, value: 0b11, at: t(12))
        // Durations: 20 - 10 = 10 s and 20 - 12 = 8 s.
        #expect(
            detector.clearAll(at: t(20)) == [
                cleared(f001, at: t(20), raisedAt: t(10), duration: 10, firstOut: true),
                cleared(w002, at: t(20), raisedAt: t(12), duration: 8, firstOut: false),
            ])
        #expect(detector.active.isEmpty)
        // Words were forgotten: the same value again is a first sample, raising again.
        #expect(detector.ingest(word: 0, value: 0b01, at: t(21)) == [raised(f001, at: t(21), firstOut: true)])
        // An older time is raised to the last sample time (21 s), so duration is 0, not negative.
        #expect(
            detector.clearAll(at: t(15))
                == [cleared(f001, at: t(21), raisedAt: t(21), duration: 0, firstOut: true)])
    }

    @Test("invalid and duplicate catalog entries are rejected; the first entry wins")
    func catalogValidation() {
        let duplicate = entry(0, 0, "DUP")
        let badBit = entry(0, 32, "BIT32")
        let badWord = entry(-1, 0, "NEGWORD")
        let badSeverity = entry(0, 2, "SEV6", severity: 6)
        let noCode = entry(0, 3, "")
        let detector = FaultEdgeDetector(catalog: [f001, duplicate, badBit, badWord, badSeverity, noCode])
        #expect(detector.rejectedDefinitions == [duplicate, badBit, badWord, badSeverity, noCode])
        #expect(detector.definition(word: 0, bit: 0) == f001)
        #expect(detector.definition(word: 0, bit: 2) == nil)
    }
}
