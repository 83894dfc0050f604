import Foundation
import MS5Identity
import Testing

@Suite("TOTP and Base32")
struct TOTPTests {
    static let rfcSecret = Data("12345678901234567890".utf8)

    /// RFC 6238 Appendix B, SHA-1 rows: Unix time and 8-digit code.
    @Test(arguments: [
        (59, "94287082"), (1_111_111_109, "07081804"), (1_111_111_111, "14050471"),
        (1_234_567_890, "89005924"), (2_000_000_000, "69279037"), (20_000_000_000, "65353130"),
    ] as [(Double, String)])
    func matchesTheRFC6238Vectors(time: Double, code: String) {
        let totp = TOTP(secret: Self.rfcSecret, digits: 8)
        #expect(totp.code(at: Date(timeIntervalSince1970: time)) == code)
        let sixDigits = TOTP(secret: Self.rfcSecret)
        #expect(sixDigits.code(at: Date(timeIntervalSince1970: time)) == String(code.suffix(6)))
    }

    /// RFC 4226 Appendix D: HOTP values for counters 0 and 9 of the same secret.
    @Test func matchesTheRFC4226Counters() {
        let totp = TOTP(secret: Self.rfcSecret)
        #expect(totp.code(forTimeStep: 0) == "755224")
        #expect(totp.code(forTimeStep: 9) == "520489")
    }

    @Test func verifyAcceptsOneStepEitherSideAndReturnsTheStep() {
        let totp = TOTP(secret: Self.rfcSecret)
        let now = Date(timeIntervalSince1970: 1_111_111_111)
        let step = totp.timeStep(at: now)
        #expect(step == 37_037_037)
        #expect(totp.verify(totp.code(forTimeStep: step), at: now) == step)
        #expect(totp.verify(totp.code(forTimeStep: step - 1), at: now) == step - 1)
        #expect(totp.verify(totp.code(forTimeStep: step + 1), at: now) == step + 1)
        #expect(totp.verify(totp.code(forTimeStep: step - 2), at: now) == nil)
        #expect(totp.verify(totp.code(forTimeStep: step + 2), at: now) == nil)
        #expect(totp.verify("000000", at: now) == nil)
        #expect(totp.verify("081 804", at: Date(timeIntervalSince1970: 1_111_111_109)) == 37_037_036)
    }

    @Test func provisioningURIIsPercentEncoded() {
        let totp = TOTP(secret: Self.rfcSecret)
        #expect(totp.provisioningURI(issuer: "MS5 Plant", account: "alice@example.com") ==
            "otpauth://totp/MS5%20Plant:alice%40example.com?secret=GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ"
            + "&issuer=MS5%20Plant&algorithm=SHA1&digits=6&period=30")
    }

    @Test func generatedSecretsAre20RandomBytes() {
        let first = TOTP.generateSecret()
        #expect(first.count == 20)
        #expect(first != TOTP.generateSecret())
    }

    /// RFC 4648 §10 test vectors, written without padding and read with or without it.
    @Test(arguments: [
        ("", ""), ("f", "MY======"), ("fo", "MZXQ===="), ("foo", "MZXW6==="), ("foob", "MZXW6YQ="),
        ("fooba", "MZXW6YTB"), ("foobar", "MZXW6YTBOI======"),
    ])
    func base32MatchesRFC4648(plain: String, encoded: String) {
        let unpadded = encoded.replacingOccurrences(of: "=", with: "")
        #expect(Base32.encode(Data(plain.utf8)) == unpadded)
        #expect(Base32.decode(encoded) == Data(plain.utf8))
        #expect(Base32.decode(unpadded) == Data(plain.utf8))
        #expect(Base32.decode(unpadded.lowercased()) == Data(plain.utf8))
    }

    @Test func base32RefusesForeignCharactersAndImpossibleLengths() {
        #expect(Base32.decode("MZXW1") == nil)
        #expect(Base32.decode("MZXW6Y!B") == nil)
        #expect(Base32.decode("M") == nil)
        #expect(Base32.decode("MZX") == nil)
        #expect(Base32.decode("GEZD GNBV") == Base32.decode("GEZDGNBV"))
    }
}
