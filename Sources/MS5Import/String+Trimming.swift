extension StringProtocol {
    /// The text without leading and trailing whitespace (spaces, tabs, line breaks, NBSP …).
    var trimmed: String {
        guard let start = firstIndex(where: { !$0.isWhitespace }),
              let end = lastIndex(where: { !$0.isWhitespace })
        else { return "" }
        return String(self[start...end])
    }

    /// The text as a non-negative decimal integer made only of ASCII digits, or nil.
    ///
    /// Unlike `Int(_:)` this rejects signs and values that do not fit, never traps, and accepts
    /// leading zeros (`"00012"` → 12).
    var asciiNonNegativeInt: Int? {
        guard !isEmpty else { return nil }
        var value = 0
        for scalar in unicodeScalars {
            guard scalar.value >= 48, scalar.value <= 57 else { return nil }
            let (times, overflow1) = value.multipliedReportingOverflow(by: 10)
            let (sum, overflow2) = times.addingReportingOverflow(Int(scalar.value - 48))
            if overflow1 || overflow2 { return nil }
            value = sum
        }
        return value
    }
}
