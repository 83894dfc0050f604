import MS5Edge
import Foundation
import Testing

@Suite("Wire format: samples, batches, timestamps")
struct WireFormatTests {
    @Test("a sample encodes to the contract's JSON with a millisecond UTC timestamp")
    func sampleJSON() throws {
        let sample = EdgeSample(
            metricId: UUID(uuidString: "5F0C1D3E-8B7A-4C2D-9E1F-0A1B2C3D4E5F")!,
            timestamp: ISO8601Milliseconds.date(fromMilliseconds: 1_795_316_937_123), value: 61.5, quality: 192)
        let batch = EdgeBatch(source: "edge-line1", sequence: 42, samples: [sample])
        let object = try #require(try JSONSerialization.jsonObject(with: JSONEncoder().encode(batch)) as? [String: Any])
        #expect(object["source"] as? String == "edge-line1")
        #expect(object["sequence"] as? Int == 42)
        let encoded = try #require((object["samples"] as? [[String: Any]])?.first)
        #expect(encoded["metricId"] as? String == "5F0C1D3E-8B7A-4C2D-9E1F-0A1B2C3D4E5F")
        #expect(encoded["timestamp"] as? String == "2026-11-22T03:08:57.123Z")
        #expect(encoded["value"] as? Double == 61.5)
        #expect(encoded["quality"] as? Int == 192)
        #expect(try JSONDecoder().decode(EdgeBatch.self, from: JSONEncoder().encode(batch)) == batch)
    }

    @Test("timestamps format and parse across dates, offsets and rounding",
          arguments: [
              ("1970-01-01T00:00:00.000Z", Int64(0)),
              ("1969-12-31T23:59:59.999Z", Int64(-1)),
              ("2024-02-29T12:34:56.789Z", Int64(1_709_210_096_789)),
              ("2000-03-01T00:00:00.001Z", Int64(951_868_800_001)),
              ("2026-11-22T03:08:57.123Z", Int64(1_795_316_937_123)),
          ])
    func timestamps(text: String, milliseconds: Int64) {
        #expect(ISO8601Milliseconds.format(milliseconds: milliseconds) == text)
        #expect(ISO8601Milliseconds.parse(text) == milliseconds)
    }

    @Test("parsing accepts offsets and longer fractions, rejects malformed text")
    func parsingVariants() {
        #expect(ISO8601Milliseconds.parse("2026-11-22T05:08:57.123+02:00") == 1_795_316_937_123)
        #expect(ISO8601Milliseconds.parse("2026-11-22T03:08:57Z") == 1_795_316_937_000)
        #expect(ISO8601Milliseconds.parse("2026-11-22T03:08:57.1236Z") == 1_795_316_937_124)
        #expect(ISO8601Milliseconds.parse("2026-11-22T03:08:57.9996Z") == 1_795_316_938_000)
        #expect(ISO8601Milliseconds.parse("2026-11-22 03:08:57Z") == nil)
        #expect(ISO8601Milliseconds.parse("2026-13-22T03:08:57Z") == nil)
        #expect(ISO8601Milliseconds.parse("2026-11-22T03:08:57") == nil)
        #expect(ISO8601Milliseconds.parse("2026-11-22T03:08:57.Z") == nil)
        #expect(ISO8601Milliseconds.format(Date(timeIntervalSince1970: 0.0004999)) == "1970-01-01T00:00:00.000Z")
        #expect(ISO8601Milliseconds.format(Date(timeIntervalSince1970: 1.2226)) == "1970-01-01T00:00:01.223Z")
    }

    @Test("source names follow the contract")
    func sourceValidation() {
        #expect(ForwarderConfiguration.isValidSource("edge-line1"))
        #expect(ForwarderConfiguration.isValidSource("Line_2.edge-A"))
        #expect(ForwarderConfiguration.isValidSource(String(repeating: "a", count: 64)))
        #expect(!ForwarderConfiguration.isValidSource(String(repeating: "a", count: 65)))
        #expect(!ForwarderConfiguration.isValidSource(""))
        #expect(!ForwarderConfiguration.isValidSource("edge line1"))
        #expect(!ForwarderConfiguration.isValidSource("edge/line1"))
        #expect(!ForwarderConfiguration.isValidSource("edge-līne"))
        #expect(throws: ForwarderConfiguration.InvalidSource(source: "a b")) { try ForwarderConfiguration(source: "a b") }
    }
}
