import ArgumentParser
import Foundation

/// Measures the hub under load: 1,000 WebSocket clients on 10 lines, 200 events/s.
@main
struct RealtimeBench: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "realtime-bench",
        abstract: "Load-test the MS5 real-time hub over real WebSocket connections."
    )

    @Option(help: "Number of WebSocket clients.")
    var clients = 1000

    @Option(help: "Number of lines; clients are spread evenly, each subscribed to one line.")
    var lines = 10

    @Option(help: "Events published per second across all lines.")
    var rate = 200

    @Option(help: "Seconds of measured publishing.")
    var duration = 20

    @Option(help: "Approximate size of each event's JSON data, in bytes.")
    var payloadBytes = 200

    @Flag(help: "Run as the client process (started by the server side; reads STOP from stdin).")
    var clientsMode = false

    @Option(help: "Server port (client process only).")
    var port = 0

    func run() async throws {
        if clientsMode {
            try await BenchClients(port: port, count: clients, lines: lines).run()
        } else {
            try await BenchServer(
                clients: clients,
                lines: lines,
                rate: rate,
                duration: duration,
                payloadBytes: payloadBytes
            ).run()
        }
    }
}

/// The deterministic id of line `index`, shared by server and client processes.
func benchLineID(_ index: Int) -> UUID {
    let hex = String(index, radix: 16)
    return UUID(uuidString: "00000000-0000-4000-8000-" + String(repeating: "0", count: 12 - hex.count) + hex)!
}

/// Wall-clock nanoseconds, comparable between the two processes.
func wallClockNanoseconds() -> UInt64 {
    UInt64(Date().timeIntervalSince1970 * 1_000_000_000)
}
