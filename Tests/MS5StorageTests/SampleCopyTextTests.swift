import Foundation
import MS5Domain
@testable import MS5Storage
import NIOCore
import Testing

@Suite("COPY rows of samples")
struct SampleCopyTextTests {
    @Test("Rows keep each metric's samples together, in their order, metrics in order of first appearance")
    func groupedByMetric() throws {
        let (first, second, equipment) = (UUID(), UUID(), UUID())
        let start = Date(timeIntervalSince1970: 1_800_000_000)
        let samples = [
            TelemetrySample(metricId: first, timestamp: start, value: 1),
            TelemetrySample(metricId: second, timestamp: start, value: 2),
            TelemetrySample(metricId: first, timestamp: start.addingTimeInterval(1), value: 3),
            TelemetrySample(metricId: second, timestamp: start.addingTimeInterval(1), value: 4.5, quality: 0),
        ]
        let buffer = try #require(SampleCopyText.rows(samples, equipmentOf: [first: equipment, second: equipment]))
        let lines = String(buffer: buffer).split(separator: "\n").map { $0.split(separator: "\t").map(String.init) }
        let e = equipment.uuidString.lowercased()
        #expect(lines == [
            [e, first.uuidString.lowercased(), "2027-01-15 08:00:00.000000+00", "1.0", "192"],
            [e, first.uuidString.lowercased(), "2027-01-15 08:00:01.000000+00", "3.0", "192"],
            [e, second.uuidString.lowercased(), "2027-01-15 08:00:00.000000+00", "2.0", "192"],
            [e, second.uuidString.lowercased(), "2027-01-15 08:00:01.000000+00", "4.5", "0"],
        ])
    }
}
