import Foundation
import MS5Domain
@testable import MS5Storage
import NIOCore
import Testing

@Suite("COPY rows of samples")
struct SampleCopyTextTests {
    @Test("Rows hold each sample's metric key, time to the microsecond, value and quality, in the samples' order")
    func rowsInOrder() throws {
        let (first, second) = (UUID(), UUID())
        let start = Date(timeIntervalSince1970: 1_800_000_000)
        let samples = [
            TelemetrySample(metricId: first, timestamp: start, value: 1),
            TelemetrySample(metricId: second, timestamp: start, value: 2),
            TelemetrySample(metricId: first, timestamp: start.addingTimeInterval(1.25), value: 3),
            TelemetrySample(metricId: second, timestamp: start.addingTimeInterval(1), value: 4.5, quality: 0),
        ]
        let buffer = try #require(SampleCopyText.rows(samples, sampleKeys: [first: 7, second: 1_234_567]))
        let lines = String(buffer: buffer).split(separator: "\n").map { $0.split(separator: "\t").map(String.init) }
        #expect(lines == [
            ["7", "2027-01-15 08:00:00.000000+00", "1.0", "192"],
            ["1234567", "2027-01-15 08:00:00.000000+00", "2.0", "192"],
            ["7", "2027-01-15 08:00:01.250000+00", "3.0", "192"],
            ["1234567", "2027-01-15 08:00:01.000000+00", "4.5", "0"],
        ])
        // A metric without a key cannot be copied: the caller binds the samples instead.
        #expect(SampleCopyText.rows(samples, sampleKeys: [first: 7]) == nil)
    }
}
