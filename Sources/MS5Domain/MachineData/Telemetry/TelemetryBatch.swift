import Foundation

/// Samples sent together by one source, numbered so that a retried batch is stored once.
public struct TelemetryBatch: Codable, Sendable, Equatable {
    /// Who sent it: an edge, a connector, the simulator (1–64 letters, digits, `-`, `_`, `.`).
    public var source: String
    /// The source's running number of this batch; the pair (source, sequence) is stored once.
    public var sequence: Int64
    public var samples: [TelemetrySample]

    /// Most samples one batch may carry.
    public static let maximumSamples = 10_000

    /// Creates a batch.
    public init(source: String, sequence: Int64, samples: [TelemetrySample]) {
        self.source = source
        self.sequence = sequence
        self.samples = samples
    }

    /// Refuses the batch with every field at fault (the first ten samples at fault are named).
    public func validate() throws(DomainError) {
        var v = Validator()
        v.check(!source.isEmpty && source.count <= 64 && source.allSatisfy { $0.isASCII && ($0.isLetter || $0.isNumber || "-_.".contains($0)) },
                "source", "must be 1–64 letters, digits, '-', '_' or '.'")
        v.check(sequence >= 0, "sequence", "must be 0 or more")
        v.check((1...Self.maximumSamples).contains(samples.count), "samples", "must hold 1 to \(Self.maximumSamples) samples")
        var named = 0
        for (index, sample) in samples.enumerated() where named < 10 {
            if !sample.value.isFinite {
                v.check(false, "samples/\(index)/value", "must be a finite number")
                named += 1
            }
            if !(0...255).contains(sample.quality) {
                v.check(false, "samples/\(index)/quality", "must be from 0 to 255")
                named += 1
            }
        }
        try v.finish()
    }
}
