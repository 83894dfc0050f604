import ArgumentParser
import Foundation
import Hummingbird
import MS5Server

/// `ms5 demo`: the server on its own SQLite file with a demo plant and an admin account.
struct DemoCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "demo",
        abstract: "Run MS5 with a demo plant (database sqlite:./ms5-data/demo.sqlite unless --database says otherwise).")

    @OptionGroup var options: ServerOptions

    func run() async throws {
        let config = try await options.load(defaults: ["database.url": "sqlite:./ms5-data/demo.sqlite", "simulator.enabled": "true"])
        let logger = LoggingSetup.bootstrap(config)
        let app = try await buildApplication(config, logger: logger) { database in
            let accounts = AccountService(database: database, bcryptCost: config.bcryptCost)
            try await DemoPlant.prepare(database: database, accounts: accounts, say: Console.say)
        } listening: { port in
            Console.say("MS5 demo: open http://\(config.host):\(port)/ and sign in as '\(DemoPlant.adminUsername)'.")
        }
        try await app.runService()
    }
}
