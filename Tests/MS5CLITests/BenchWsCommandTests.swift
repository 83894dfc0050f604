import Foundation
import Testing

@Suite("ms5 bench ws")
struct BenchWsCommandTests {
    @Test("Runs a real ms5 with the simulator accelerated and reports what its WebSocket clients received")
    func smallRun() async throws {
        let result = try await MS5Process.run(
            ["bench", "ws", "--clients", "20", "--duration", "3", "--speed", "10", "--port", "18391"], in: try MS5Process.temporaryFolder())
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.contains("all 20 clients subscribed to the bread line"))
        let values = result.stdout.split(separator: "\n").first { $0.hasPrefix("latest values") }.map(String.init) ?? ""
        let received = values.split(separator: ":").dropFirst().first?.split(separator: " ").first.flatMap { Int($0) } ?? 0
        #expect(received > 0, "no latest values reached the clients: \(result.stdout)")
        #expect(result.stdout.contains("ms5 memory: VmRSS"))
    }
}
