import Foundation

/// Lines for the person at the terminal, written at once (not buffered) to standard output.
enum Console {
    /// Writes `line` and a newline to standard output immediately.
    @Sendable static func say(_ line: String) {
        FileHandle.standardOutput.write(Data((line + "\n").utf8))
    }
}
