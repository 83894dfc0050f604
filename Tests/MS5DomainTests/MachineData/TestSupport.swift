import Foundation
import MS5Domain

/// All test times are seconds after this epoch: 2024-01-01T00:00:00Z.
/// Offsets are multiples of 0.25 s so all date arithmetic is exact in Double.
let epoch = Date(timeIntervalSince1970: 1_704_067_200)

/// The date `seconds` after ``epoch``.
func t(_ seconds: Double) -> Date {
    epoch.addingTimeInterval(seconds)
}

/// A catalog entry with a default text and severity.
func entry(
    _ word: Int, _ bit: Int, _ code: String,
    kind: FaultKind = .fault, source: FaultSource = .internal, severity: Int = 3
) -> FaultDefinition {
    FaultDefinition(
        word: word, bit: bit, code: code, text: "\(code) text",
        severity: severity, kind: kind, source: source)
}

/// An active fault of the given kind and source, as fed to a ``StateDeriver``.
func activeFault(_ code: String, _ kind: FaultKind, _ source: FaultSource, bit: Int = 0) -> ActiveFault {
    ActiveFault(definition: entry(0, bit, code, kind: kind, source: source), since: t(0), firstOut: false)
}

/// A raise event as the detector should produce it.
func raised(_ definition: FaultDefinition, at time: Date, firstOut: Bool, uncatalogued: Bool = false) -> FaultEvent {
    FaultEvent(
        definition: definition, edge: .raised, at: time, raisedAt: time,
        duration: nil, firstOut: firstOut, isUncatalogued: uncatalogued)
}

/// A clear event as the detector should produce it.
func cleared(
    _ definition: FaultDefinition, at time: Date, raisedAt: Date, duration: TimeInterval,
    firstOut: Bool, uncatalogued: Bool = false
) -> FaultEvent {
    FaultEvent(
        definition: definition, edge: .cleared, at: time, raisedAt: raisedAt,
        duration: duration, firstOut: firstOut, isUncatalogued: uncatalogued)
}

/// Deterministic generator (SplitMix64) so "random" sequences are reproducible.
struct SplitMix64: RandomNumberGenerator {
    private var state: UInt64

    init(seed: UInt64) {
        state = seed
    }

    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}
