import Foundation
import HTTPTypes
import MS5Domain
import MS5Identity
import MS5Storage

/// Shared tablets: registering one hands out its device token once (256 random bits, base64url;
/// only its SHA-256 hash is kept), revoking one stops its token and ends the sessions started on
/// it, and a badge sign-in must present the token of a registered, unrevoked tablet.
struct DeviceService: Sendable {
    let store: DeviceStore
    let sessions: SessionService

    /// The longest device token read; longer ones are refused unread.
    static let maximumTokenLength = 128

    /// Registers a tablet and answers it with its token, shown this once.
    func register(_ input: DeviceInput) async throws -> DeviceRegistration {
        let token = OpaqueToken.generate()
        return DeviceRegistration(device: try await store.register(input, tokenHash: token.hash), token: token.value)
    }

    /// Every registered tablet, revoked ones too.
    func list() async throws -> [Device] {
        try await store.list()
    }

    /// Revokes the tablet `id` and ends every session started on it.
    func revoke(_ id: UUID) async throws {
        _ = try await store.revoke(id, at: sessions.policy.now())
        try await sessions.endAll(onDevice: id, reason: .deviceRevoked)
    }

    /// The registered, unrevoked tablet whose token is `presented`, or a 401 problem that says
    /// nothing else.
    func device(presenting presented: String?) async throws -> Device {
        guard let presented, (1...Self.maximumTokenLength).contains(presented.utf8.count),
              let device = try await store.active(tokenHash: OpaqueToken.hash(of: presented))
        else {
            throw Problem(.unauthorized, code: "device-not-registered", detail: """
                Signing in by badge works only on a registered tablet: send its token as 'X-Device-Token' \
                (an administrator registers tablets with POST /v1/devices).
                """)
        }
        return device
    }

    /// Records that someone signed in on `device` just now.
    func recordSignIn(on device: Device) async throws {
        try await store.recordSignIn(on: device.id, at: sessions.policy.now())
    }
}

extension HTTPField.Name {
    /// `X-Device-Token`: the token of the registered shared tablet a badge sign-in comes from.
    static let deviceToken = HTTPField.Name("X-Device-Token")!
}
