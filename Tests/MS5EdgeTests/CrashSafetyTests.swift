import MS5Edge
import Foundation
import Testing

/// Runs the `edge-queue-writer` executable, SIGKILLs it mid-run and checks the queue file against
/// what it reported committed.
@Suite("DiskQueue survives kill -9")
struct CrashSafetyTests {
    /// Starts the writer and kills it with SIGKILL once `enough` says its report went far enough.
    private func runWriterUntilKilled(_ arguments: [String], directory: TemporaryDirectory,
                                      enough: @escaping @Sendable ([String]) -> Bool) async throws -> [String] {
        let executable = ChildProcess.productsDirectory.appendingPathComponent("edge-queue-writer")
        try #require(FileManager.default.isExecutableFile(atPath: executable.path), "build edge-queue-writer first")
        let writer = try ChildProcess(executable: executable, arguments: arguments, outputPath: directory.path("writer.out"))
        do {
            try await eventually("the writer to report enough progress") {
                guard writer.isRunning else { return true }
                return enough(writer.outputLines)
            }
        } catch {
            await writer.kill()
            throw error
        }
        #expect(writer.isRunning, "the writer must still be running when it is killed")
        await writer.kill(SIGKILL)
        return writer.outputLines
    }

    @Test("every sample reported committed is there exactly once, in order, after SIGKILL")
    func appendKilled() async throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let path = directory.path("queue.sqlite")
        let perAppend = 7
        let report = try await runWriterUntilKilled(["append", path, "\(perAppend)", "200000"], directory: directory) {
            $0.count >= 400
        }
        let committed = try #require(report.last.flatMap { Int($0.split(separator: " ")[1]) })
        #expect(committed >= 400 * perAppend)

        let queue = try await Fixture.openQueue(path)
        let backlog = await queue.backlog
        #expect(backlog.samples >= committed, "nothing reported committed is lost")
        #expect(backlog.samples <= committed + perAppend, "at most the one append in flight was committed unreported")
        #expect(backlog.samples % perAppend == 0, "an append is all or nothing")
        let delivered = try await Fixture.drain(queue).flatMap(\.samples)
        #expect(delivered == Fixture.samples(0..<backlog.samples), "all there, once each, in order, no gaps")
        try await queue.append(Fixture.samples(backlog.samples..<backlog.samples + 3))
        #expect(try await Fixture.drain(queue).flatMap(\.samples) == Fixture.samples(backlog.samples..<backlog.samples + 3))
        try await queue.close()
    }

    @Test("a batch formed before SIGKILL comes back identical; acknowledged ones never return")
    func cycleKilled() async throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let path = directory.path("queue.sqlite")
        let perAppend = 5, batchSize = 7
        let report = try await runWriterUntilKilled(
            ["cycle", path, "\(perAppend)", "200000", "\(batchSize)"], directory: directory
        ) { lines in lines.count(where: { $0.hasPrefix("ack") }) >= 150 }

        var reportedAppended = 0
        var reportedBatches: [(sequence: Int64, values: Range<Int>)] = []
        var acknowledged = Set<Int64>()
        for line in report {
            let fields = line.split(separator: " ").map(String.init)
            switch fields[0] {
            case "append": reportedAppended = Int(fields[1])!
            case "batch":
                let first = Int(fields[2])!
                reportedBatches.append((Int64(fields[1])!, first..<first + Int(fields[3])!))
            default: acknowledged.insert(Int64(fields[1])!)
            }
        }
        let reportedSequences = reportedBatches.map(\.sequence)
        #expect(zip(reportedSequences, reportedSequences.dropFirst()).allSatisfy { $0 < $1 })

        let queue = try await Fixture.openQueue(path)
        let remaining = try await Fixture.drain(queue, maxSamples: batchSize)
        try await queue.close()

        var delivered = reportedBatches.filter { acknowledged.contains($0.sequence) }.flatMap { Array($0.values) }
        if let last = reportedBatches.last, !acknowledged.contains(last.sequence) {
            if let first = remaining.first, first.sequence == last.sequence {
                #expect(first.samples == Fixture.samples(last.values), "the formed batch is returned unchanged")
            } else {
                // Its acknowledgement committed just before the kill, unreported.
                delivered += Array(last.values)
            }
        }
        let remainingSequences = remaining.map(\.sequence)
        #expect(remainingSequences.dropFirst().allSatisfy { $0 > (reportedSequences.last ?? 0) })
        #expect(remainingSequences.allSatisfy { $0 >= (reportedSequences.last ?? 0) }, "no sequence is reused")
        #expect(zip(remainingSequences, remainingSequences.dropFirst()).allSatisfy { $0 < $1 })
        delivered += remaining.flatMap(\.samples).map { Int($0.value) }
        #expect(delivered == Array(0..<delivered.count), "every sample exactly once, in order")
        #expect(delivered.count >= reportedAppended)
        #expect(delivered.count % perAppend == 0)
    }
}
