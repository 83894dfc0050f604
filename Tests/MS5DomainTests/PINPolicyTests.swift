import MS5Domain
import Testing

@Suite("PIN policy")
struct PINPolicyTests {
    @Test("4 to 8 digits are accepted unless one digit repeats or they run up or down", arguments: [
        ("2580", true), ("7391", true), ("13579", true), ("12345678", false), ("87654321", false), ("9012", false),
        ("1111", false), ("0000000", false), ("123", false), ("123456789", false), ("12a4", false), ("", false), ("١٢٣٤", false),
    ])
    func accepts(pin: String, acceptable: Bool) {
        #expect(PINPolicy.problems(pin).isEmpty == acceptable)
    }
}
