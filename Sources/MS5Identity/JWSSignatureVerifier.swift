import Crypto
import Foundation
import _CryptoExtras

/// Checks the signature of an externally issued JWS against a JWK Set, for RS256 and ES256 only.
///
/// `none` and every HMAC algorithm are refused before any key is looked at, so a token MACed
/// with a provider's public key as secret (HS/RS key confusion) can never pass.
public enum JWSSignatureVerifier {
    /// The algorithms accepted from external issuers.
    public static let acceptedAlgorithms: Set<String> = ["RS256", "ES256"]

    /// Verifies the signature of `jwt` with the key its `kid` names in `keys`.
    ///
    /// Throws ``JWTError/unsupportedAlgorithm(_:)``, ``JWTError/unknownKeyID(_:)`` (also for a
    /// token without `kid`), ``JWTError/keyAlgorithmMismatch`` or ``JWTError/invalidSignature``.
    public static func verify(_ jwt: CompactJWT, with keys: JSONWebKeySet) throws(JWTError) {
        let algorithm = jwt.header.algorithm
        guard acceptedAlgorithms.contains(algorithm) else { throw .unsupportedAlgorithm(algorithm) }
        guard let keyID = jwt.header.keyID, let key = keys.key(withID: keyID) else {
            throw .unknownKeyID(jwt.header.keyID)
        }
        guard key.canVerify(algorithm: algorithm) else { throw .keyAlgorithmMismatch }
        guard isValid(jwt.signature, of: jwt.signingInput, with: key.material) else { throw .invalidSignature }
    }

    private static func isValid(_ signature: Data, of signingInput: Data, with material: JSONWebKey.Material) -> Bool {
        switch material {
        case .rsa(let publicKey):
            return publicKey.isValidSignature(
                _RSA.Signing.RSASignature(rawRepresentation: signature),
                for: SHA256.hash(data: signingInput),
                padding: .insecurePKCS1v1_5)
        case .p256(let point):
            // JWS carries ES256 signatures as the raw 32-byte r followed by the 32-byte s.
            guard signature.count == 64,
                let publicKey = try? P256.Signing.PublicKey(rawRepresentation: point),
                let ecdsaSignature = try? P256.Signing.ECDSASignature(rawRepresentation: signature)
            else { return false }
            return publicKey.isValidSignature(ecdsaSignature, for: signingInput)
        }
    }
}
