import Foundation
import Testing

@Suite("ms5 bench oee")
struct BenchOeeCommandTests {
    @Test("Runs two simulated days into SQLite, stores the one whole local day's parts and times every query")
    func smallRun() async throws {
        let result = try await MS5Process.run(
            ["bench", "oee", "--days", "2", "--queries", "1"], in: try MS5Process.temporaryFolder(), timeout: .seconds(300))
        #expect(result.status == 0, "\(result.stderr)")
        // The history runs 2025-01-01 01:00 – 01-03 01:00 Berlin: one whole local day, three machines.
        #expect(result.stdout.contains("day parts: 3 equipment-days computed and stored"), "\(result.stdout)")
        let oee = result.stdout.split(separator: "\n").first { $0.hasPrefix("whole history: OEE ") }
            .flatMap { $0.dropFirst("whole history: OEE ".count).split(separator: " ").first }.flatMap { Double($0) }
        #expect(oee.map { $0 > 0 && $0 <= 100 } == true, "\(result.stdout)")
        let timed = result.stdout.split(separator: "\n").filter { $0.contains(": p50 ") && $0.hasSuffix(" runs") }
        #expect(timed.count == 11, "\(result.stdout)")
    }
}
