import Foundation

/// Runs programs as child processes without blocking Swift concurrency threads.
public enum ChildProcess {
    /// Finds `name` on `PATH` or in the system binary folders.
    public static func locate(_ name: String) throws -> URL {
        let path = ProcessInfo.processInfo.environment["PATH"] ?? ""
        let folders = path.split(separator: ":").map(String.init) + ["/usr/sbin", "/usr/bin", "/usr/local/sbin", "/sbin"]
        for folder in folders {
            let candidate = URL(fileURLWithPath: folder).appendingPathComponent(name)
            if FileManager.default.isExecutableFile(atPath: candidate.path) { return candidate }
        }
        throw TestSupportError.programNotFound(name)
    }

    /// Runs `executable` to completion and returns its combined standard output and error.
    /// - Throws: ``TestSupportError/peerFailed(status:output:)`` on a non-zero exit status.
    @discardableResult
    public static func run(_ executable: URL, arguments: [String]) async throws -> String {
        let process = Process()
        process.executableURL = executable
        process.arguments = arguments
        let outputFile = FileManager.default.temporaryDirectory
            .appendingPathComponent("ms5-mqtt-\(UUID().uuidString).out")
        _ = FileManager.default.createFile(atPath: outputFile.path, contents: nil)
        defer { try? FileManager.default.removeItem(at: outputFile) }
        let handle = try FileHandle(forWritingTo: outputFile)
        process.standardOutput = handle
        process.standardError = handle
        let status: Int32 = try await withCheckedThrowingContinuation { continuation in
            process.terminationHandler = { finished in continuation.resume(returning: finished.terminationStatus) }
            do { try process.run() } catch { continuation.resume(throwing: error) }
        }
        try handle.close()
        let output = (try? String(contentsOf: outputFile, encoding: .utf8)) ?? ""
        guard status == 0 else { throw TestSupportError.peerFailed(status: status, output: output) }
        return output
    }
}
