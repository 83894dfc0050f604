import Foundation
import HTTPTypes
import MS5Domain
import MS5Storage

extension APIRoutes {
    /// Signing in and out, and the signed-in account.
    mutating func addAuthRoutes(accounts: AccountService, signInLimiter: SignInRateLimiter) {
        let tag = "Authentication"
        add(APIOperation(
            method: .post, path: "/v1/auth/login", operationId: "login",
            summary: "Sign in with username and password; answers a bearer token. Five wrong passwords in a row lock the account.",
            tag: tag, access: .anyone, rateLimited: true),
            input: LoginRequest.self
        ) { login, _, context in
            try signInLimiter.admit(context.remoteIP)
            return try await accounts.signIn(username: login.username, password: login.password)
        }
        add(APIOperation(
            method: .post, path: "/v1/auth/logout", operationId: "logout", summary: "Revoke the token of this request.",
            tag: tag, access: .signedIn)
        ) { request, _ in
            try await accounts.signOut(request: request)
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
            summary: "Change the signed-in account's password; every token of the account is revoked, so sign in again.",
            tag: tag, access: .signedIn),
            input: PasswordChange.self, status: .ok
        ) { change, _, context in
            try await accounts.changePassword(of: try context.signedInUser, change)
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
