import Dispatch
import Foundation
import MS5ChildProcess

/// This executable started again in client mode, talked to line by line over pipes.
final class ClientProcess: Sendable {
    private let process: Process
    private let input: FileHandle
    private let lines: AsyncStream<String>

    init(arguments: [String]) throws {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/proc/self/exe")
        process.arguments = arguments
        let stdin = Pipe()
        let stdout = Pipe()
        process.standardInput = stdin
        process.standardOutput = stdout
        try process.run()
        self.process = process
        self.input = stdin.fileHandleForWriting
        let (lines, continuation) = AsyncStream.makeStream(of: String.self)
        self.lines = lines
        let output = stdout.fileHandleForReading
        DispatchQueue.global().async {
            var pending = ""
            while true {
                let data = output.availableData
                if data.isEmpty { break }
                pending += String(decoding: data, as: UTF8.self)
                while let newline = pending.firstIndex(of: "\n") {
                    continuation.yield(String(pending[..<newline]))
                    pending = String(pending[pending.index(after: newline)...])
                }
            }
            continuation.finish()
        }
    }

    var pid: Int32 { process.processIdentifier }

    /// The next line the client process printed, or `nil` once it exited.
    func nextLine() async -> String? {
        var iterator = lines.makeAsyncIterator()
        return await iterator.next()
    }

    func send(_ line: String) {
        input.write(Data((line + "\n").utf8))
    }

    func terminate() {
        if process.isRunning { process.terminate() }
        if !process.waitForExit(upTo: .seconds(5)) { process.killAndWait() }
    }
}
