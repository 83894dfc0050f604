import Foundation
import HTTPTypes
import Hummingbird
import MS5Domain
import MS5Storage

extension APIRoutes {
    /// Signing in and out, and the signed-in account.
    mutating func addAuthRoutes(accounts: AccountService, signInLimiter: SignInRateLimiter) {
        let sessions = accounts.sessions
        let tag = "Authentication"
        add(APIOperation(
            method: .post, path: "/v1/auth/login", operationId: "login",
            summary: """
                Sign in with username and password; starts a session and answers a short-lived access token and a refresh token. \
                An account with TOTP also sends 'totp' (else 401 totp-required). Five wrong passwords or codes in a row lock the account.
                """,
            tag: tag, access: .anyone, rateLimited: true),
            input: LoginRequest.self
        ) { login, _, context in
            try signInLimiter.admit(context.remoteIP)
            if let totp = login.totp, totp.count > 32 {
                throw DomainError.invalid([FieldViolation(field: "/totp", reason: "must be at most 32 characters")])
            }
            let user = try await accounts.signIn(username: login.username, password: login.password, totp: login.totp)
            return try await sessions.start(for: user)
        }
        add(APIOperation(
            method: .post, path: "/v1/auth/refresh", operationId: "refreshSession",
            summary: """
                Exchange the refresh token for new tokens of the same session; each refresh token works once, and using one twice \
                ends the session. A session unused for auth.inactivityMinutes ends too.
                """,
            tag: tag, access: .anyone),
            input: RefreshRequest.self
        ) { refresh, _, _ in
            try await sessions.refresh(refresh.refreshToken)
        }
        add(APIOperation(
            method: .post, path: "/v1/auth/logout", operationId: "logout", summary: "End the session of this request's access token.",
            tag: tag, access: .signedIn)
        ) { _, context in
            if let session = context.sessionId { try await sessions.end(session, reason: .signedOut) }
            return NoContent()
        }
        add(APIOperation(
            method: .get, path: "/v1/auth/me", operationId: "currentUser", summary: "The signed-in account.",
            tag: tag, access: .signedIn)
        ) { _, context in
            try context.signedInUser
        }
        add(APIOperation(
            method: .post, path: "/v1/auth/password", operationId: "changePassword",
            summary: "Change the signed-in account's password; every session of the account ends, so sign in again.",
            tag: tag, access: .signedIn),
            input: PasswordChange.self, status: .ok
        ) { change, _, context in
            try await accounts.changePassword(of: try context.signedInUser, change)
        }
    }

    /// The TOTP second factor of the signed-in account.
    mutating func addTOTPRoutes(accounts: AccountService) {
        let tag = "Authentication"
        let secondFactor = accounts.secondFactor
        add(APIOperation(
            method: .post, path: "/v1/auth/totp/enrolment", operationId: "startTOTPEnrolment",
            summary: "Start turning TOTP on: answers a new secret and its otpauth:// URI for a QR code, pending until confirmed.",
            tag: tag, access: .signedIn, canConflict: true)
        ) { _, context in
            try await secondFactor.enrol(try context.signedInUser)
        }
        add(APIOperation(
            method: .post, path: "/v1/auth/totp/confirmation", operationId: "confirmTOTPEnrolment",
            summary: "Confirm the pending enrolment with a current code; TOTP is then on, and the answer holds 10 recovery codes, shown this once.",
            tag: tag, access: .signedIn, canConflict: true),
            input: TOTPConfirmation.self
        ) { confirmation, _, context in
            try await secondFactor.confirm(try context.signedInUser, code: confirmation.code)
        }
        add(APIOperation(
            method: .delete, path: "/v1/auth/totp", operationId: "removeTOTP",
            summary: "Turn TOTP off, with the account's password; its recovery codes are deleted.",
            tag: tag, access: .signedIn),
            input: TOTPRemoval.self
        ) { removal, _, context in
            let user = try context.signedInUser
            try await accounts.requirePassword(removal.password, of: user, field: "/password")
            try await secondFactor.remove(user)
            return NoContent()
        }
    }

    /// Signing in through the OpenID provider's pages; without a configured provider and redirect
    /// URI these answer 404.
    mutating func addOIDCRoutes(_ browser: OIDCBrowserSignIn?) {
        let tag = "Authentication"
        let unavailable = Problem(.notFound, code: "not-found", detail: "Signing in through an identity provider is not configured (oidc.redirectURI).")
        var start = APIOperation(
            method: .get, path: "/v1/auth/oidc/start", operationId: "startOIDCSignIn",
            summary: "Redirect (302) to the identity provider's sign-in page, with state, nonce and PKCE kept here for 10 minutes.",
            tag: tag, access: .anyone)
        start.success = (.found, nil)
        addResponder(start) { _, _ in
            guard let browser else { throw unavailable }
            return Response(status: .found, headers: [.location: try await browser.start().absoluteString])
        }
        var callback = APIOperation(
            method: .get, path: "/v1/auth/oidc/callback", operationId: "finishOIDCSignIn",
            summary: "Where the identity provider sends the browser back; redirects (302) to /#/signed-in/{code} with a one-time code.",
            tag: tag, access: .anyone, parameters: [
                .init(name: "code", location: .query, schema: .string(maxLength: 2048), description: "The provider's authorization code."),
                .init(name: "state", location: .query, schema: .string(maxLength: 256), description: "The state of the sign-in started here."),
            ])
        callback.success = (.found, nil)
        addResponder(callback) { request, _ in
            guard let browser else { throw unavailable }
            guard let code = request.uri.queryParameters["code"], let state = request.uri.queryParameters["state"],
                  (1...2048).contains(code.count), (1...256).contains(state.count)
            else {
                throw DomainError.invalid([FieldViolation(field: "/code", reason: "and state must both be given")])
            }
            let handoff = try await browser.finish(code: String(code), state: String(state))
            return Response(status: .found, headers: [.location: "/#/signed-in/\(handoff)"])
        }
        add(APIOperation(
            method: .post, path: "/v1/auth/oidc/session", operationId: "createOIDCSession",
            summary: "Swap the one-time code of a provider sign-in (valid one minute, once) for the tokens of a new session.",
            tag: tag, access: .anyone),
            input: OIDCHandoff.self
        ) { handoff, _, _ in
            guard let browser else { throw unavailable }
            return try await browser.session(forHandoff: handoff.code)
        }
    }

    /// Account administration.
    mutating func addUserRoutes(accounts: AccountService, users: UserRepository) {
        let tag = "Accounts"
        add(APIOperation(
            method: .get, path: "/v1/users", operationId: "listUsers", summary: "List accounts, ordered by username.",
            tag: tag, access: .administrators, parameters: APIOperation.Parameter.paging)
        ) { request, _ in
            try await users.list(try request.pageRequest())
        }
        add(APIOperation(
            method: .get, path: "/v1/users/{id}", operationId: "getUser", summary: "Read one account.",
            tag: tag, access: .administrators, parameters: [.id("user")])
        ) { _, context in
            try await users.get(try context.pathID("user"))
        }
        add(APIOperation(
            method: .post, path: "/v1/users", operationId: "createUser",
            summary: "Create an account with a temporary password the user must change at first sign-in.",
            tag: tag, access: .administrators, canConflict: true),
            input: UserInput.self, status: .created
        ) { input, _, _ in
            try await accounts.create(input, temporary: true)
        }
        add(APIOperation(
            method: .post, path: "/v1/users/{id}/unlock", operationId: "unlockUser",
            summary: "Lift the lock five wrong passwords put on an account, before its time runs out.",
            tag: tag, access: .administrators, parameters: [.id("user")])
        ) { _, context in
            let id = try context.pathID("user")
            _ = try await users.get(id)
            try await accounts.unlock(id)
            return NoContent()
        }
    }
}
