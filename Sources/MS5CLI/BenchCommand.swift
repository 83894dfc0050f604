import ArgumentParser

/// `ms5 bench`: benchmark programs that print their figures.
struct BenchCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "bench", abstract: "Measure MS5 on this machine and print the figures.", subcommands: [BenchIngestCommand.self, BenchOeeCommand.self, BenchEnipCommand.self, BenchWsCommand.self, BenchEventsCommand.self])
}
