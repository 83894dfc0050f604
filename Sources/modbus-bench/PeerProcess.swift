import Foundation
import MS5ChildProcess

/// A child process started by the benchmark and stopped by its PID.
final class PeerProcess {
    private let process = Process()
    private let output = Pipe()

    /// Starts `executable` with `arguments`; standard output is collected.
    init(executable: String, arguments: [String]) throws {
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = arguments
        process.standardOutput = output
        process.standardError = FileHandle.nullDevice
        try process.run()
    }

    /// Waits for the process to exit by itself and returns its standard output.
    func waitForOutput() -> String {
        let data = output.fileHandleForReading.readDataToEndOfFile()
        process.waitForExit()
        return String(decoding: data, as: UTF8.self)
    }

    /// Sends SIGTERM to the process if it is still running, then reaps it.
    func stop() {
        if process.isRunning {
            kill(process.processIdentifier, SIGTERM)
        }
        if !process.waitForExit(upTo: .seconds(5)) { process.killAndWait() }
    }
}
