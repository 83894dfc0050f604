import Foundation
import MS5Domain
import NIOCore

/// Samples as the rows of PostgreSQL's `COPY … FROM STDIN` text format
/// (`metric_key, ts, value, quality`, tab-separated), written straight into a buffer.
///
/// Times are cut to whole microseconds exactly as PostgresNIO binds a `Date`, so a sample copied
/// and the same sample inserted are the same row.
enum SampleCopyText {
    private static let postgresEpoch = Date(timeIntervalSince1970: 946_684_800)
    /// Microseconds from 1970 to 2000 (PostgreSQL's epoch).
    private static let epochOffset: Int64 = 946_684_800_000_000

    /// The rows of `samples`, in their order; or nil when a metric has no key in `sampleKeys`, a
    /// time lies outside the years 1970–9999 or a quality outside 0–255, which this writer does
    /// not format (the caller then binds the samples instead).
    static func rows(_ samples: [TelemetrySample], sampleKeys: [UUID: Int32]) -> ByteBuffer? {
        var buffer = ByteBuffer()
        buffer.reserveCapacity(samples.count * 64)
        for sample in samples {
            guard let key = sampleKeys[sample.metricId], key >= 0 else { return nil }
            let offset = sample.timestamp.timeIntervalSince(postgresEpoch) * 1_000_000
            guard offset > -9.4e17, offset < 2.5e17 else { return nil }
            let micros = Int64(offset) + epochOffset
            guard micros >= 0, (0...255).contains(sample.quality) else { return nil }
            let value = sample.value.description
            buffer.writeWithUnsafeMutableBytes(minimumWritableBytes: 64 + value.utf8.count) { raw in
                var row = RowWriter(base: raw.baseAddress!.assumingMemoryBound(to: UInt8.self))
                row.number(Int64(key))
                row.byte(UInt8(ascii: "\t"))
                row.timestamp(microsecondsSince1970: micros)
                row.byte(UInt8(ascii: "\t"))
                for byte in value.utf8 { row.byte(byte) }
                row.byte(UInt8(ascii: "\t"))
                row.number(Int64(sample.quality))
                row.byte(UInt8(ascii: "\n"))
                return row.count
            }
        }
        return buffer
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

    /// A non-negative `value` in as many decimal digits as it needs.
    mutating func number(_ value: Int64) {
        var digitCount = 1
        var rest = value / 10
        while rest > 0 {
            digitCount += 1
            rest /= 10
        }
        digits(value, count: digitCount)
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
