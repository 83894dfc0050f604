import Foundation

/// A child process the tests start and must end, also when a test fails: call ``kill(_:)`` in a
/// `defer`. Its standard output goes to a file the tests read.
final class ChildProcess: @unchecked Sendable {
    private let process = Process()
    let outputPath: String

    /// Starts `executable` with `arguments`, standard output into `outputPath`.
    init(executable: URL, arguments: [String], outputPath: String) throws {
        self.outputPath = outputPath
        _ = FileManager.default.createFile(atPath: outputPath, contents: nil)
        process.executableURL = executable
        process.arguments = arguments
        process.standardOutput = try FileHandle(forWritingTo: URL(fileURLWithPath: outputPath))
        process.standardInput = FileHandle.nullDevice
        try process.run()
    }

    var isRunning: Bool { process.isRunning }

    /// The process's output so far, as lines (a partly written last line is left out).
    var outputLines: [String] {
        let text = (try? String(contentsOfFile: outputPath, encoding: .utf8)) ?? ""
        var lines = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        lines.removeLast()
        return lines
    }

    /// Sends `signal` if the process still runs and waits until it has exited. Safe to call twice.
    func kill(_ signal: Int32 = SIGKILL) async {
        if process.isRunning {
            _ = Foundation.kill(process.processIdentifier, signal)
        }
        while process.isRunning {
            try? await Task.sleep(for: .milliseconds(10))
        }
    }

    /// The directory holding the test bundle and the package's executables.
    static var productsDirectory: URL {
        URL(fileURLWithPath: CommandLine.arguments[0]).resolvingSymlinksInPath().deletingLastPathComponent()
    }
}
