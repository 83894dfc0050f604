import HTTPTypes
import Hummingbird
import MS5Domain

extension APIRoutes {
    /// Badges and PINs, and signing in with them on a registered tablet.
    mutating func addBadgeRoutes(badges: BadgeService, devices: DeviceService, accounts: AccountService, signInLimiter: SignInRateLimiter) {
        let sessions = accounts.sessions
        var badgeLogin = APIOperation(
            method: .post, path: "/v1/auth/badge", operationId: "badgeLogin",
            summary: """
                Sign in on a registered shared tablet with badge number and PIN; answers as POST /v1/auth/login, and the session \
                records the tablet. Without the token of a registered, unrevoked tablet in 'X-Device-Token': 401 device-not-registered. \
                The tablet (something the user has at hand, which an administrator registered) and the PIN (something they know) are the \
                two factors, so no TOTP code is asked; roles that must have TOTP on still need it enrolled. Five wrong PINs in a row \
                (auth.pinAttempts) lock the badge for auth.pinLockoutMinutes (401 badge-locked); disabled accounts cannot sign in.
                """,
            tag: "Authentication", access: .anyone, parameters: [
                .init(name: "X-Device-Token", location: .header, schema: .string(maxLength: DeviceService.maximumTokenLength),
                      description: "The token the tablet got when it was registered (POST /v1/devices)."),
            ], rateLimited: true)
        badgeLogin.requestSchema = BadgeSignInRequest.schemaName
        badgeLogin.success = (.ok, LoginResponse.schemaName)
        schemasInclude(BadgeSignInRequest.self)
        schemasInclude(LoginResponse.self)
        // The tablet is checked before the body is read, so that without it nothing about a badge is told.
        addResponder(badgeLogin) { request, context in
            try signInLimiter.admit(context.remoteIP)
            let device = try await devices.device(presenting: request.headers[.deviceToken])
            let signIn = try await JSONBody.decode(BadgeSignInRequest.self, from: request)
            let user = try await badges.signIn(badge: signIn.badge, pin: signIn.pin)
            try await devices.recordSignIn(on: device)
            return try JSONBody.response(try await sessions.start(for: user, deviceId: device.id), status: .ok)
        }
        add(APIOperation(
            method: .put, path: "/v1/auth/pin", operationId: "changePIN",
            summary: "Change the signed-in account's badge PIN, with its password; 409 when the account has no badge.",
            tag: "Authentication", access: .signedIn, canConflict: true),
            input: PINChange.self
        ) { change, _, context in
            let user = try context.signedInUser
            try await accounts.requirePassword(change.currentPassword, of: user, field: "/currentPassword")
            return try await badges.changePIN(to: change.pin, of: user.id)
        }
        let tag = "Accounts"
        add(APIOperation(
            method: .get, path: "/v1/users/{id}/badge", operationId: "getBadge",
            summary: "The account's badge number and whether wrong PINs lock it; never the PIN.",
            tag: tag, access: .administrators, parameters: [.id("user")])
        ) { _, context in
            try await badges.badge(of: try context.pathID("user"))
        }
        add(APIOperation(
            method: .put, path: "/v1/users/{id}/badge", operationId: "setBadge",
            summary: """
                Give an account a badge number (unique) and PIN (4 to 8 digits, not trivial like 0000 or 1234) for signing in on \
                shared tablets, replacing any it had and lifting a PIN lockout.
                """,
            tag: tag, access: .administrators, parameters: [.id("user")]),
            input: BadgeInput.self
        ) { input, _, context in
            try await badges.set(input, of: try context.pathID("user"))
        }
        add(APIOperation(
            method: .delete, path: "/v1/users/{id}/badge", operationId: "removeBadge",
            summary: "Take an account's badge: it can no longer sign in by badge.",
            tag: tag, access: .administrators, parameters: [.id("user")])
        ) { _, context in
            try await badges.remove(of: try context.pathID("user"))
            return NoContent()
        }
    }
}
