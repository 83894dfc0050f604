/// Packs and unpacks bits the Modbus way: first bit in the least significant bit of the first byte.
enum ModbusBitPacking {
    /// Packs bits into `(count + 7) / 8` bytes.
    static func pack(_ bits: [Bool]) -> [UInt8] {
        var bytes = [UInt8](repeating: 0, count: (bits.count + 7) / 8)
        for (index, bit) in bits.enumerated() where bit {
            bytes[index / 8] |= 1 << UInt8(index % 8)
        }
        return bytes
    }

    /// Unpacks the first `count` bits of `bytes`.
    static func unpack(_ bytes: [UInt8], count: Int) -> [Bool] {
        (0..<count).map { index in
            bytes[index / 8] & (1 << UInt8(index % 8)) != 0
        }
    }
}
