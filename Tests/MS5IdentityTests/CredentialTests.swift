import Crypto
import Foundation
import MS5Identity
import Testing

@Suite("Recovery codes, refresh tokens and common passwords")
struct CredentialTests {
    private func sha256Hex(_ text: String) -> String {
        SHA256.hash(data: Data(text.utf8)).map { String(format: "%02x", $0) }.joined()
    }

    @Test func recoveryCodesHaveTheDocumentedShape() {
        let codes = RecoveryCodes.generate()
        #expect(codes.count == 10)
        #expect(Set(codes.map(\.code)).count == 10)
        let alphabet = Set(RecoveryCodes.alphabet)
        for generated in codes {
            let parts = generated.code.split(separator: "-")
            #expect(parts.map(\.count) == [4, 4])
            #expect(parts.joined().allSatisfy(alphabet.contains))
            #expect(generated.hash == sha256Hex(parts.joined()))
        }
        #expect(RecoveryCodes.generate(count: 3).count == 3)
        #expect(!alphabet.contains("0") && !alphabet.contains("o") && !alphabet.contains("1") && !alphabet.contains("l"))
    }

    @Test func typedRecoveryCodesMatchTheirHash() {
        #expect(RecoveryCodes.hash("k7f3-9qpx") == sha256Hex("k7f39qpx"))
        let stored = [RecoveryCodes.hash("abcd-efgh"), RecoveryCodes.hash("k7f3-9qpx")]
        #expect(RecoveryCodes.match("K7F3 9QPX", against: stored) == stored[1])
        #expect(RecoveryCodes.match(" k7f39qpx ", against: stored) == stored[1])
        #expect(RecoveryCodes.match("k7f3-9qpy", against: stored) == nil)
        #expect(RecoveryCodes.match("k7f3-9qpx", against: []) == nil)
    }

    @Test func refreshTokenRuleDecidesEveryState() {
        let now = Date(timeIntervalSince1970: 1_000)
        let later = now.addingTimeInterval(60)
        #expect(RefreshTokenFamilyRule.decide(state: .active, expiresAt: later, now: now) == .rotate)
        #expect(RefreshTokenFamilyRule.decide(state: .active, expiresAt: now, now: now) == .refuse(.expired))
        #expect(RefreshTokenFamilyRule.decide(state: .rotated, expiresAt: later, now: now) == .revokeFamilyForReuse)
        #expect(RefreshTokenFamilyRule.decide(state: .rotated, expiresAt: now, now: later) == .revokeFamilyForReuse)
        #expect(RefreshTokenFamilyRule.decide(state: .revoked, expiresAt: later, now: now) == .refuse(.revoked))
        #expect(RefreshTokenFamilyRule.decide(state: .expired, expiresAt: later, now: now) == .refuse(.expired))
        #expect(RefreshTokenFamilyRule.decide(state: .familyRevoked, expiresAt: later, now: now) == .refuse(.familyRevoked))
    }

    @Test func opaqueTokensAre32RandomBytesStoredAsTheirHash() {
        let token = OpaqueToken.generate()
        #expect(token.value.count == 43)
        #expect(token.value.allSatisfy { $0.isLetter || $0.isNumber || $0 == "-" || $0 == "_" })
        #expect(token.hash == sha256Hex(token.value))
        #expect(OpaqueToken.hash(of: token.value) == token.hash)
        #expect(OpaqueToken.generate().value != token.value)
    }

    @Test func commonPasswordsAreFoundCaseInsensitively() {
        #expect(CommonPasswords.all.count == 10_000)
        #expect(CommonPasswords.contains("password"))
        #expect(CommonPasswords.contains("PassWord"))
        #expect(CommonPasswords.contains("123456"))
        #expect(CommonPasswords.contains("qwerty"))
        #expect(!CommonPasswords.contains("correct horse battery staple 7"))
        #expect(!CommonPasswords.contains(""))
    }
}
