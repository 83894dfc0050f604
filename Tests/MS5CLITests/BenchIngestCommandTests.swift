import Foundation
import Testing

@Suite("ms5 bench ingest")
struct BenchIngestCommandTests {
    @Test("Runs the pipeline, the COPY ceilings on PostgreSQL and the latency run, and prints each figure")
    func smallRun() async throws {
        var arguments = ["bench", "ingest", "--samples", "20000", "--batch", "2000", "--seconds", "1", "--metrics", "100"]
        let postgres = ProcessInfo.processInfo.environment["MS5_TEST_POSTGRES_URL"]
        if let postgres { arguments += ["--database", postgres] }
        let result = try await MS5Process.run(arguments, in: try MS5Process.temporaryFolder(), timeout: .seconds(300))
        #expect(result.status == 0, "\(result.stderr)")
        let lines = result.stdout.split(separator: "\n")
        let kind = postgres == nil ? "sqlite" : "postgres"
        #expect(lines.contains { $0.hasPrefix("pipeline into \(kind): 20000 samples in batches of 2000 from 4 senders") }, "\(result.stdout)")
        // 1 s at 10,000 samples/s in batches of 100: one timed batch per 10 ms.
        #expect(lines.contains { $0.hasPrefix("end to insight at 10000 samples/s") && $0.hasSuffix("over 100 batches") }, "\(result.stdout)")
        let ceilings = lines.filter { $0.hasPrefix("raw COPY of the same rows into ") }
        #expect(ceilings.count == (postgres == nil ? 0 : 2), "\(result.stdout)")
    }
}
