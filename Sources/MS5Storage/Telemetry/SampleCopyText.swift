import Foundation
import MS5Domain
import NIOCore

/// Samples as the rows of PostgreSQL's `COPY … FROM STDIN` text format
/// (`equipment_id, metric_id, ts, value, quality`, tab-separated), written straight into a buffer.
///
/// Times are cut to whole microseconds exactly as PostgresNIO binds a `Date`, so a sample copied
/// and the same sample inserted are the same row.
enum SampleCopyText {
    private static let postgresEpoch = Date(timeIntervalSince1970: 946_684_800)
    /// Microseconds from 1970 to 2000 (PostgreSQL's epoch).
    private static let epochOffset: Int64 = 946_684_800_000_000

    /// The rows of `samples`, each metric's together (in their order), so that the key's index
    /// (metric, time) takes a metric's rows of a batch on one page; or nil when a time lies outside
    /// the years 1970–9999 or a quality outside 0–255, which this writer does not format (the
    /// caller then binds the samples instead).
    static func rows(_ samples: [TelemetrySample], equipmentOf: [UUID: UUID]) -> ByteBuffer? {
        var buffer = ByteBuffer()
        buffer.reserveCapacity(samples.count * 130)
        for sample in groupedByMetric(samples) {
            guard let equipmentId = equipmentOf[sample.metricId] else { return nil }
            let offset = sample.timestamp.timeIntervalSince(postgresEpoch) * 1_000_000
            guard offset > -9.4e17, offset < 2.5e17 else { return nil }
            let micros = Int64(offset) + epochOffset
            guard micros >= 0, (0...255).contains(sample.quality) else { return nil }
            let value = sample.value.description
            buffer.writeWithUnsafeMutableBytes(minimumWritableBytes: 120 + value.utf8.count) { raw in
                var row = RowWriter(base: raw.baseAddress!.assumingMemoryBound(to: UInt8.self))
                row.uuid(equipmentId)
                row.byte(UInt8(ascii: "\t"))
                row.uuid(sample.metricId)
                row.byte(UInt8(ascii: "\t"))
                row.timestamp(microsecondsSince1970: micros)
                row.byte(UInt8(ascii: "\t"))
                for byte in value.utf8 { row.byte(byte) }
                row.byte(UInt8(ascii: "\t"))
                row.digits(Int64(sample.quality), count: sample.quality >= 100 ? 3 : sample.quality >= 10 ? 2 : 1)
                row.byte(UInt8(ascii: "\n"))
                return row.count
            }
        }
        return buffer
    }

    /// `samples` with each metric's samples together, metrics in order of first appearance.
    private static func groupedByMetric(_ samples: [TelemetrySample]) -> [TelemetrySample] {
        var groupOf: [UUID: Int] = [:]
        var groups: [[TelemetrySample]] = []
        for sample in samples {
            if let group = groupOf[sample.metricId] {
                groups[group].append(sample)
            } else {
                groupOf[sample.metricId] = groups.count
                groups.append([sample])
            }
        }
        return groups.count == samples.count ? samples : groups.flatMap { $0 }
    }
}

/// Writes one row's bytes into memory the caller reserved.
private struct RowWriter {
    let base: UnsafeMutablePointer<UInt8>
    var count = 0

    mutating func byte(_ value: UInt8) {
        base[count] = value
        count += 1
    }

    mutating func hex(_ value: UInt8) {
        byte(value < 10 ? UInt8(ascii: "0") + value : UInt8(ascii: "a") + value - 10)
    }

    mutating func uuid(_ id: UUID) {
        withUnsafeBytes(of: id.uuid) { bytes in
            for index in 0..<16 {
                if index == 4 || index == 6 || index == 8 || index == 10 { byte(UInt8(ascii: "-")) }
                hex(bytes[index] >> 4)
                hex(bytes[index] & 0x0F)
            }
        }
    }

    /// `YYYY-MM-DD HH:MM:SS.ffffff+00`, from the civil date of the day count (Howard Hinnant's
    /// days-to-civil algorithm).
    mutating func timestamp(microsecondsSince1970 micros: Int64) {
        let days = micros / 86_400_000_000
        var rest = micros % 86_400_000_000
        let z = days + 719_468
        let era = z / 146_097
        let dayOfEra = z - era * 146_097
        let yearOfEra = (dayOfEra - dayOfEra / 1460 + dayOfEra / 36_524 - dayOfEra / 146_096) / 365
        let dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100)
        let monthIndex = (5 * dayOfYear + 2) / 153
        let day = dayOfYear - (153 * monthIndex + 2) / 5 + 1
        let month = monthIndex < 10 ? monthIndex + 3 : monthIndex - 9
        let year = yearOfEra + era * 400 + (month <= 2 ? 1 : 0)
        digits(year, count: 4)
        byte(UInt8(ascii: "-"))
        digits(month, count: 2)
        byte(UInt8(ascii: "-"))
        digits(day, count: 2)
        byte(UInt8(ascii: " "))
        digits(rest / 3_600_000_000, count: 2)
        rest %= 3_600_000_000
        byte(UInt8(ascii: ":"))
        digits(rest / 60_000_000, count: 2)
        rest %= 60_000_000
        byte(UInt8(ascii: ":"))
        digits(rest / 1_000_000, count: 2)
        byte(UInt8(ascii: "."))
        digits(rest % 1_000_000, count: 6)
        byte(UInt8(ascii: "+"))
        byte(UInt8(ascii: "0"))
        byte(UInt8(ascii: "0"))
    }

    /// `value` in exactly `count` decimal digits, zero-padded.
    mutating func digits(_ value: Int64, count digitCount: Int) {
        var value = value
        for position in stride(from: digitCount - 1, through: 0, by: -1) {
            base[count + position] = UInt8(ascii: "0") + UInt8(value % 10)
            value /= 10
        }
        count += digitCount
    }
}
