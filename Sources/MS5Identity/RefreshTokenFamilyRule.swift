import Foundation

/// What the server stored about a presented refresh token.
public enum RefreshTokenState: Sendable, Hashable {
    /// The newest token of its family, not yet used.
    case active
    /// Already exchanged for a newer token of the same family.
    case rotated
    /// Revoked on its own (logout of that session).
    case revoked
    /// Past its expiry time.
    case expired
    /// Its whole family was revoked (after reuse was detected, or by an administrator).
    case familyRevoked
}

/// What to do with a presented refresh token.
public enum RefreshTokenDecision: Sendable, Hashable {
    /// Issue a new token in the same family and mark the presented one ``RefreshTokenState/rotated``.
    case rotate
    /// A rotated token came back: it was copied. Revoke the whole family and refuse.
    case revokeFamilyForReuse
    /// Refuse without further action; carries the state that caused it.
    case refuse(RefreshTokenState)
}

/// Refresh-token rotation with reuse detection (OAuth 2.0 Security BCP, RFC 9700 §4.14.2):
/// each token is used once; presenting a used token again revokes its family.
public enum RefreshTokenFamilyRule {
    /// Decides for a token in `state` whose expiry is `expiresAt`, presented at `now`.
    ///
    /// An active token past its expiry is refused as expired; a rotated token is reuse even
    /// after its expiry; nothing is done for tokens of an already revoked family.
    public static func decide(state: RefreshTokenState, expiresAt: Date, now: Date) -> RefreshTokenDecision {
        switch state {
        case .active:
            now < expiresAt ? .rotate : .refuse(.expired)
        case .rotated:
            .revokeFamilyForReuse
        case .revoked, .expired, .familyRevoked:
            .refuse(state)
        }
    }
}
