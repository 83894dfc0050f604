import Foundation
import MS5ChildProcess

/// Runs a command-line tool of the tests (kcat, a Python check) to completion.
enum ToolRun {
    /// Runs `program` with `arguments`, killing it after `limit`, and returns its standard output.
    /// - Throws: ``KafkaTestSupportError`` when it is not installed (saying `hint`), fails or does
    ///   not finish.
    @discardableResult
    static func run(_ program: URL, _ arguments: [String], hint: String, upTo limit: Duration = .seconds(60)) async throws -> String {
        guard FileManager.default.isExecutableFile(atPath: program.path) else {
            throw KafkaTestSupportError.programNotFound(path: program.path, hint: hint)
        }
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("ms5-tool-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let outputURL = folder.appendingPathComponent("stdout")
        let errorURL = folder.appendingPathComponent("stderr")
        _ = FileManager.default.createFile(atPath: outputURL.path, contents: nil)
        _ = FileManager.default.createFile(atPath: errorURL.path, contents: nil)
        let output = try FileHandle(forWritingTo: outputURL)
        let error = try FileHandle(forWritingTo: errorURL)
        let process = Process()
        process.executableURL = program
        process.arguments = arguments
        process.standardOutput = output
        process.standardError = error
        try process.run()
        try output.close()
        try error.close()
        let exited = await waitOnOwnThread(for: process, upTo: limit)
        let text = (try? String(contentsOf: outputURL, encoding: .utf8)) ?? ""
        let errors = (try? String(contentsOf: errorURL, encoding: .utf8)) ?? ""
        guard exited else {
            process.killAndWait()
            throw KafkaTestSupportError.peerTimedOut(output: text + errors)
        }
        guard process.terminationStatus == 0 else {
            throw KafkaTestSupportError.peerFailed(status: process.terminationStatus, output: text + errors)
        }
        return text
    }

    /// Waits for `process` to exit on a thread of its own, leaving Swift concurrency threads free.
    private static func waitOnOwnThread(for process: Process, upTo limit: Duration) async -> Bool {
        await withCheckedContinuation { continuation in
            Thread { continuation.resume(returning: process.waitForExit(upTo: limit)) }.start()
        }
    }

    /// The package's root folder, where the test script makes its virtual environments.
    static let packageRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
}
