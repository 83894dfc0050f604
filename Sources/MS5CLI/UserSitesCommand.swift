import ArgumentParser
import Foundation
import MS5Domain
import MS5Server
import MS5Storage

extension UserCommand {
    /// `ms5 user sites`: shows or sets the sites an account works at.
    struct Sites: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Show the sites an account works at, or set them with --site (or --every-site).")

        @Argument(help: "The account's sign-in name.")
        var username: String

        @Option(name: .customLong("site"), help: "A site code the account works at (repeat for several).")
        var sites: [String] = []

        @Flag(help: "Let the account work at every site (the default for a plant of one site).")
        var everySite = false

        @OptionGroup var options: ServerOptions

        func validate() throws {
            if everySite, !sites.isEmpty { throw ValidationError("Give --site codes or --every-site, not both.") }
        }

        func run() async throws {
            let config = try await options.load()
            try await withDatabase(config) { database in
                guard let user = try await UserRepository(database: database).credentials(username: username)?.user else {
                    throw CommandFailure("No account is named '\(username)'.")
                }
                let access = SiteAccessStore(database: database)
                if everySite || !sites.isEmpty {
                    let ids = try await Self.ids(of: sites, in: access)
                    _ = try await access.setSites(ids, of: user.id)
                }
                let codes = try await access.codes(of: try await access.siteIds(of: user.id))
                print("\(user.username) works at \(codes.isEmpty ? "every site" : codes.joined(separator: ", ")).")
            }
        }

        /// The ids of the sites `codes`, refusing codes of no site with the known ones.
        static func ids(of codes: [String], in access: SiteAccessStore) async throws -> [UUID] {
            let found = try await access.siteIds(codes: codes)
            let unknown = codes.filter { found[$0] == nil }
            guard unknown.isEmpty else {
                throw CommandFailure("No site has the code \(unknown.map { "'\($0)'" }.joined(separator: ", ")).")
            }
            return codes.compactMap { found[$0] }
        }
    }
}
