/// Comparison whose running time does not depend on where two byte strings first differ.
enum ConstantTime {
    /// True when both byte strings are equal; inspects every byte of equal-length inputs.
    static func equals(_ left: some Collection<UInt8>, _ right: some Collection<UInt8>) -> Bool {
        guard left.count == right.count else { return false }
        var difference: UInt8 = 0
        for (leftByte, rightByte) in zip(left, right) {
            difference |= leftByte ^ rightByte
        }
        return difference == 0
    }
}
