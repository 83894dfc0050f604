import ArgumentParser
import Foundation
import MS5Domain
import MS5Server
import MS5Storage

/// `ms5 user`: account administration from the shell.
struct UserCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "user", abstract: "Create, reset and list accounts.",
        subcommands: [Create.self, ResetPassword.self, List.self, Sites.self])

    /// How a command gets the new password: typed on standard input, or generated and shown once.
    struct PasswordSource: ParsableArguments {
        @Flag(help: "Read the password from the first line of standard input instead of generating one.")
        var passwordStdin = false

        /// The password, and whether it was generated (and so is temporary).
        func password() throws -> (value: String, generated: Bool) {
            guard passwordStdin else { return (PasswordGenerator.generate(), true) }
            guard let line = readLine(strippingNewline: true), !line.isEmpty else {
                throw ValidationError("--password-stdin was given but standard input held no password.")
            }
            return (line, false)
        }
    }

    struct Create: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Create an account. A generated password is temporary: the first sign-in must change it.")

        @Argument(help: "The sign-in name (letters, digits, '-', '_', '.').")
        var username: String

        @Option(help: "The role: \(Role.allCases.map(\.rawValue).joined(separator: ", ")).")
        var role: String

        @Option(help: "The name shown in the app (defaults to the username).")
        var displayName: String?

        @Option(name: .customLong("site"), help: "A site code the account works at (repeat for several; none: every site).")
        var sites: [String] = []

        @OptionGroup var source: PasswordSource
        @OptionGroup var options: ServerOptions

        func run() async throws {
            guard let role = Role(rawValue: role) else {
                throw ValidationError("Unknown role '\(role)'; use one of \(Role.allCases.map(\.rawValue).joined(separator: ", ")).")
            }
            let (password, generated) = try source.password()
            let config = try await options.load()
            try await withDatabase(config) { database in
                let siteIds = try await Sites.ids(of: sites, in: SiteAccessStore(database: database))
                let input = UserInput(username: username, displayName: displayName ?? username, role: role, password: password)
                let user = try await AccountService(database: database, bcryptCost: config.bcryptCost).create(input, temporary: generated)
                if !siteIds.isEmpty { _ = try await SiteAccessStore(database: database).setSites(siteIds, of: user.id) }
                print("Created \(user.username) (\(user.role.rawValue))\(sites.isEmpty ? "" : ", working at \(sites.sorted().joined(separator: ", "))").")
                if generated { print("password: \(password)\nIt is temporary: the first sign-in must change it.") }
            }
        }
    }

    struct ResetPassword: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "reset-password",
            abstract: "Set a new password and sign the account out everywhere. A generated one is temporary.")

        @Argument(help: "The account's sign-in name.")
        var username: String

        @OptionGroup var source: PasswordSource
        @OptionGroup var options: ServerOptions

        func run() async throws {
            let (password, generated) = try source.password()
            let config = try await options.load()
            try await withAccounts(config) { accounts in
                let user = try await accounts.resetPassword(username: username, to: password, temporary: generated)
                print("Reset the password of \(user.username).")
                if generated { print("password: \(password)\nIt is temporary: the next sign-in must change it.") }
            }
        }
    }

    struct List: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "List every account.")

        @OptionGroup var options: ServerOptions

        func run() async throws {
            let config = try await options.load()
            try await withAccounts(config) { accounts in
                print(["USERNAME", "ROLE", "STATE", "DISPLAY NAME"].joined(separator: "\t"))
                var page = try await accounts.list(PageRequest(limit: PageRequest.maximumLimit))
                while true {
                    for user in page.items {
                        let state = user.disabled ? "disabled" : (user.mustChangePassword ? "must-change-password" : "active")
                        print([user.username, user.role.rawValue, state, user.displayName].joined(separator: "\t"))
                    }
                    guard let next = page.nextCursor.flatMap(PageCursor.init(encoded:)) else { break }
                    page = try await accounts.list(PageRequest(limit: PageRequest.maximumLimit, after: next))
                }
            }
        }
    }
}

/// Opens the database, brings its schema up to date, and runs `body` with the account service.
private func withAccounts(_ config: AppConfig, _ body: @Sendable (AccountService) async throws -> Void) async throws {
    try await withDatabase(config) { database in
        try await body(AccountService(database: database, bcryptCost: config.bcryptCost))
    }
}

/// Opens the database, brings its schema up to date, and runs `body` with it; refusals of the
/// plant's rules become the command's error message.
func withDatabase(_ config: AppConfig, _ body: @Sendable (Database) async throws -> Void) async throws {
    let logger = LoggingSetup.bootstrap(config)
    do {
        try await Database.withOpen(config.database, logger: logger) { database in
            try await Migrator(database: database).migrate()
            try await body(database)
        }
    } catch let error as DomainError {
        let fields = error.violations.map { "\($0.field.dropFirst()) \($0.reason)" }.joined(separator: "; ")
        throw CommandFailure(fields.isEmpty ? error.message : "\(error.message) \(fields).")
    }
}
