import Foundation
import MS5ChildProcess

/// A child process whose standard output is read line by line; killed by PID when stopped.
final class BenchProcess: @unchecked Sendable {
    private let process = Process()
    private let output = Pipe()

    private init() {}

    /// Starts `executable` with `arguments`.
    static func start(_ executable: String, _ arguments: [String]) throws -> BenchProcess {
        let child = BenchProcess()
        child.process.executableURL = URL(fileURLWithPath: executable)
        child.process.arguments = arguments
        child.process.standardOutput = child.output
        child.process.standardError = FileHandle.nullDevice
        try child.process.run()
        return child
    }

    /// Returns the first output line starting with `prefix`, failing after `limit` or when the process exits.
    @discardableResult
    func waitForLine(_ prefix: String, upTo limit: Duration) async throws -> String {
        let handle = output.fileHandleForReading
        let reader = Task.detached { () -> String? in
            var pending = Data()
            while true {
                let chunk = handle.availableData
                if chunk.isEmpty { return nil }
                pending.append(chunk)
                while let newline = pending.firstIndex(of: UInt8(ascii: "\n")) {
                    let line = String(decoding: pending[pending.startIndex..<newline], as: UTF8.self)
                    pending.removeSubrange(pending.startIndex...newline)
                    if line.hasPrefix(prefix) { return line }
                }
            }
        }
        let timeout = Task {
            try await Task.sleep(for: limit)
            self.stop()
        }
        defer { timeout.cancel() }
        guard let line = await reader.value else {
            throw BenchError("\(process.executableURL?.path ?? "child") \(process.arguments?.first ?? "") ended without printing '\(prefix)…'")
        }
        return line
    }

    /// Kills the process by PID and waits for it.
    func stop() {
        process.killAndWait()
    }

    /// User plus system CPU seconds used by this process so far.
    static func cpuSeconds() -> Double {
        var time = timespec()
        clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &time)
        return Double(time.tv_sec) + Double(time.tv_nsec) / 1e9
    }
}

/// A benchmark setup failure.
struct BenchError: Error, CustomStringConvertible {
    var description: String
    init(_ description: String) { self.description = description }
}
