import ArgumentParser

/// `ms5`: the factory-floor server and its administration tools.
@main
struct MS5Command: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "ms5",
        abstract: "MS5: machine data, OEE and floor workflows for a plant.",
        subcommands: [ServeCommand.self, DemoCommand.self, MigrateCommand.self, UserCommand.self, AuditCommand.self, ImportCommand.self, PLCCommand.self, ModbusCommand.self, OPCUACommand.self, SimulateCommand.self, BenchCommand.self, EdgeCommand.self, EventsCommand.self, VersionCommand.self]
    )
}
