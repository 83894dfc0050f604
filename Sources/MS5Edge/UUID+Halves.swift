import Foundation

extension UUID {
    /// The UUID's 16 bytes as two big-endian 64-bit integers, stored as two SQLite integers.
    var halves: (high: Int64, low: Int64) {
        withUnsafeBytes(of: uuid) { raw in
            var high: UInt64 = 0
            var low: UInt64 = 0
            for index in 0..<8 {
                high = high << 8 | UInt64(raw[index])
                low = low << 8 | UInt64(raw[index + 8])
            }
            return (Int64(bitPattern: high), Int64(bitPattern: low))
        }
    }

    /// Rebuilds a UUID from the two integers of ``halves``.
    init(high: Int64, low: Int64) {
        var bytes: uuid_t = (0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0)
        withUnsafeMutableBytes(of: &bytes) { raw in
            let high = UInt64(bitPattern: high)
            let low = UInt64(bitPattern: low)
            for index in 0..<8 {
                raw[index] = UInt8(truncatingIfNeeded: high >> (56 - 8 * UInt64(index)))
                raw[index + 8] = UInt8(truncatingIfNeeded: low >> (56 - 8 * UInt64(index)))
            }
        }
        self.init(uuid: bytes)
    }
}
