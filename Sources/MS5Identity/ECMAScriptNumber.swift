/// Number to text as ECMAScript's `Number.prototype.toString` (ECMA-262 §6.1.6.1.20), which
/// RFC 8785 §3.2.2.3 prescribes.
enum ECMAScriptNumber {
    /// The ECMAScript text of a finite double; throws for NaN and the infinities.
    static func format(_ value: Double) throws(CanonicalJSON.EncodingError) -> String {
        guard value.isFinite else { throw .nonFiniteNumber }
        if value == 0 { return "0" }
        let (digits, pointPosition) = shortestDigits(of: value.magnitude)
        let sign = value < 0 ? "-" : ""
        return sign + layout(digits: digits, pointPosition: pointPosition)
    }

    /// The shortest round-trip decimal digits `d1…dk` (no leading or trailing zeros) and `n`
    /// such that the value is `0.d1…dk × 10^n`, read off Swift's shortest round-trip description.
    private static func shortestDigits(of magnitude: Double) -> (digits: [Character], pointPosition: Int) {
        let description = magnitude.description
        let parts = description.split(separator: "e")
        let mantissa = parts[0]
        let exponent = parts.count > 1 ? Int(parts[1])! : 0
        let integerPart = mantissa.split(separator: ".", omittingEmptySubsequences: false)[0]
        var digits = Array(mantissa.filter { $0 != "." })
        var pointPosition = integerPart.count + exponent
        while digits.first == "0" {
            digits.removeFirst()
            pointPosition -= 1
        }
        while digits.last == "0" {
            digits.removeLast()
        }
        return (digits, pointPosition)
    }

    /// Places the decimal point or exponent as ECMA-262 steps 6–10 say.
    private static func layout(digits: [Character], pointPosition n: Int) -> String {
        let k = digits.count
        let text = String(digits)
        if k <= n && n <= 21 {
            return text + String(repeating: "0", count: n - k)
        }
        if 0 < n && n <= 21 {
            return String(digits[..<n]) + "." + String(digits[n...])
        }
        if -6 < n && n <= 0 {
            return "0." + String(repeating: "0", count: -n) + text
        }
        let exponent = n - 1
        let exponentText = exponent < 0 ? "e-\(-exponent)" : "e+\(exponent)"
        if k == 1 { return text + exponentText }
        return String(digits[0]) + "." + String(digits[1...]) + exponentText
    }
}
