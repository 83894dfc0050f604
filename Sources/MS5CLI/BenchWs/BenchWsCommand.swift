import ArgumentParser

/// `ms5 bench ws`: the live feed under load. A real ms5 runs the demo plant with its simulator
/// accelerated; a second process holds the WebSocket clients, all subscribed to the bread line.
struct BenchWsCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "ws",
        abstract: "Delivery latency, messages/s, CPU and memory of the live feed: WebSocket clients on the demo line, simulator accelerated.")

    @Option(help: "WebSocket clients, all subscribed to the bread line's topic.")
    var clients = 1000

    @Option(help: "Seconds of measurement after every client subscribed.")
    var duration = 20

    @Option(help: "How many times faster than real time the simulated line runs.")
    var speed = 20

    @Option(help: "Port of the ms5 under test.")
    var port = 18_090

    @Flag(help: .hidden)
    var clientsMode = false

    func run() async throws {
        if clientsMode {
            try await BenchWsClients(port: port, count: clients).run()
        } else {
            try await BenchWsServer(clients: clients, duration: duration, speed: speed, port: port).run()
        }
    }
}
