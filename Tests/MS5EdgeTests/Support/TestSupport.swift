import MS5Edge
import Foundation
import Logging
import Synchronization

/// A fresh directory under the system's temporary directory; call ``remove()`` when done.
struct TemporaryDirectory: Sendable {
    let url: URL

    init() throws {
        url = FileManager.default.temporaryDirectory.appendingPathComponent("edge-tests-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    }

    func path(_ name: String) -> String { url.appendingPathComponent(name).path }

    func remove() { try? FileManager.default.removeItem(at: url) }
}

/// Collects alarms raised by the queue or forwarder.
final class AlarmRecorder: Sendable {
    private let recorded = Mutex<[EdgeAlarm]>([])

    var alarms: [EdgeAlarm] { recorded.withLock { $0 } }

    var handler: EdgeAlarmHandler {
        { alarm in self.recorded.withLock { $0.append(alarm) } }
    }
}

/// The fixed metrics tests use; the writer executable uses the same three.
enum Fixture {
    static let metrics = [
        UUID(uuidString: "00000000-0000-4000-8000-000000000001")!,
        UUID(uuidString: "00000000-0000-4000-8000-000000000002")!,
        UUID(uuidString: "00000000-0000-4000-8000-000000000003")!,
    ]
    static let poisonMetric = UUID(uuidString: "DEADBEEF-0000-4000-8000-000000000000")!
    static let epochMilliseconds: Int64 = 1_767_225_600_000

    /// Sample n: value n, metric n % 3, timestamp 2026-01-01 + n ms.
    static func samples(_ range: Range<Int>) -> [EdgeSample] {
        range.map { n in
            EdgeSample(metricId: metrics[n % metrics.count],
                       timestamp: ISO8601Milliseconds.date(fromMilliseconds: epochMilliseconds + Int64(n)),
                       value: Double(n), quality: 192)
        }
    }

    static let quietLogger = Logger(label: "edge-tests") { _ in SwiftLogNoOpLogHandler() }

    static func openQueue(_ path: String, _ configuration: DiskQueue.Configuration = .init(firstSequence: 1),
                          alarms: AlarmRecorder? = nil) async throws -> DiskQueue {
        try await DiskQueue.open(path: path, configuration: configuration, logger: quietLogger,
                                 alarmHandler: alarms?.handler)
    }

    /// Forms and acknowledges batches until the queue is empty; returns them in order.
    static func drain(_ queue: DiskQueue, maxSamples: Int = 10_000) async throws -> [QueuedBatch] {
        var batches: [QueuedBatch] = []
        while let batch = try await queue.nextBatch(maxSamples: maxSamples) {
            batches.append(batch)
            try await queue.acknowledge(sequence: batch.sequence)
        }
        return batches
    }
}

/// Thrown when a condition awaited by ``eventually(_:timeout:_:)`` never came true.
struct TimedOut: Error, CustomStringConvertible {
    let what: String
    var description: String { "Timed out waiting for \(what)" }
}

/// Polls `condition` until it holds; fails after `timeout`, a generous guard against hangs and not
/// a measurement.
func eventually(_ what: String, timeout: Duration = .seconds(90),
                _ condition: () async throws -> Bool) async throws {
    let deadline = ContinuousClock.now + timeout
    while try await !condition() {
        guard ContinuousClock.now < deadline else { throw TimedOut(what: what) }
        try await Task.sleep(for: .milliseconds(20))
    }
}
