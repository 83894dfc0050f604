import ArgumentParser
import Hummingbird
import MS5Server

/// `ms5 serve`: runs the server until SIGTERM or SIGINT, then shuts down gracefully.
struct ServeCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "serve", abstract: "Run the MS5 server (default database sqlite:./ms5-data/ms5.sqlite).")

    @OptionGroup var options: ServerOptions

    func run() async throws {
        let config = try await options.load()
        let logger = LoggingSetup.bootstrap(config)
        let app = try await buildApplication(config, logger: logger)
        try await app.runService()
    }
}
