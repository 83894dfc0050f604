// Appends numbered samples to an edge queue file until stopped or killed, and reports on standard
// output, one line each, only what has been committed. The crash-safety tests SIGKILL it mid-run and
// check the queue file against its report.
//
//   edge-queue-writer append <queue-file> <samples-per-append> <appends>
//       Lines: "append <total samples committed>".
//   edge-queue-writer cycle <queue-file> <samples-per-append> <cycles> <batch-size>
//       Each cycle appends, forms a batch and acknowledges it, as the forwarder does.
//       Lines: "append <total>", "batch <sequence> <first value> <count>", "ack <sequence>".
//
// Sample n has value n, metric n % 3 of three fixed metrics and timestamp 2026-01-01 + n ms.
// It stops by itself after <appends>/<cycles> rounds or when its parent process exits.
import MS5Edge
import Foundation
import Logging

let arguments = CommandLine.arguments
guard arguments.count >= 5, ["append", "cycle"].contains(arguments[1]),
      let perAppend = Int(arguments[3]), let rounds = Int(arguments[4]), perAppend > 0
else {
    FileHandle.standardError.write(Data("usage: edge-queue-writer append|cycle <file> <per-append> <rounds> [batch-size]\n".utf8))
    exit(64)
}
let cycling = arguments[1] == "cycle"
let batchSize = arguments.count > 5 ? Int(arguments[5]) ?? perAppend : perAppend

/// The metrics samples rotate through, shared with the tests.
let metrics = [
    UUID(uuidString: "00000000-0000-4000-8000-000000000001")!,
    UUID(uuidString: "00000000-0000-4000-8000-000000000002")!,
    UUID(uuidString: "00000000-0000-4000-8000-000000000003")!,
]
let epochMilliseconds: Int64 = 1_767_225_600_000

func report(_ line: String) {
    FileHandle.standardOutput.write(Data((line + "\n").utf8))
}

do {
    var logger = Logger(label: "edge-queue-writer")
    logger.logLevel = .warning
    let queue = try await DiskQueue.open(path: arguments[2], logger: logger)
    var next = 0
    let parent = getppid()
    for _ in 0..<rounds {
        guard getppid() == parent else { break }  // the test runner is gone: stop
        let samples = (next..<next + perAppend).map { n in
            EdgeSample(metricId: metrics[n % metrics.count],
                       timestamp: ISO8601Milliseconds.date(fromMilliseconds: epochMilliseconds + Int64(n)),
                       value: Double(n), quality: 192)
        }
        try await queue.append(samples)
        next += perAppend
        report("append \(next)")
        if cycling, let batch = try await queue.nextBatch(maxSamples: batchSize) {
            report("batch \(batch.sequence) \(Int(batch.samples[0].value)) \(batch.samples.count)")
            try await queue.acknowledge(sequence: batch.sequence)
            report("ack \(batch.sequence)")
        }
    }
    try await queue.close()
} catch {
    FileHandle.standardError.write(Data("edge-queue-writer: \(error)\n".utf8))
    exit(1)
}
