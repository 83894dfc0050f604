import Foundation
import MS5ChildProcess
import MS5Kafka

/// kcat (Debian's `kcat` package), an independent Kafka client, as a peer in end-to-end tests.
public enum Kcat {
    /// A record as `kcat -C -J` prints it.
    public struct Record: Sendable, Hashable, Decodable {
        /// The topic.
        public var topic: String
        /// The partition.
        public var partition: Int32
        /// The offset.
        public var offset: Int64
        /// The key as text, `nil` for none.
        public var key: String?
        /// The value as text, `nil` for a null value.
        public var payload: String?
        /// The headers, in order (their values as kcat prints them, as text).
        public var headers: [KafkaHeader]

        private enum CodingKeys: String, CodingKey {
            case topic, partition, offset, key, payload, headers
        }

        /// Decodes kcat's JSON envelope, whose headers are a flat list of names and values.
        public init(from decoder: any Decoder) throws {
            let container = try decoder.container(keyedBy: CodingKeys.self)
            topic = try container.decode(String.self, forKey: .topic)
            partition = try container.decode(Int32.self, forKey: .partition)
            offset = try container.decode(Int64.self, forKey: .offset)
            key = try container.decodeIfPresent(String.self, forKey: .key)
            payload = try container.decodeIfPresent(String.self, forKey: .payload)
            let flat = try container.decodeIfPresent([String?].self, forKey: .headers) ?? []
            headers = stride(from: 0, to: flat.count - 1, by: 2).map { index in
                KafkaHeader(name: flat[index] ?? "", value: flat[index + 1] ?? "")
            }
        }
    }

    /// Reads up to `count` records of `topic` from the beginning (`kcat -C -J -e -c count`),
    /// stopping early at the end of the topic.
    public static func consume(bootstrapServers: [String], topic: String, count: Int) async throws -> [Record] {
        let output = try await run([
            "-b", bootstrapServers.joined(separator: ","), "-C", "-J", "-e", "-q", "-o", "beginning",
            "-c", "\(count)", "-t", topic,
        ])
        let decoder = JSONDecoder()
        return try output.split(separator: "\n").map { line in
            try decoder.decode(Record.self, from: Data(line.utf8))
        }
    }

    /// Produces one message per line, `key:value` (`kcat -P -K:`), in order, and waits until
    /// kcat has flushed them.
    public static func produce(
        bootstrapServers: [String],
        topic: String,
        lines: [(key: String, value: String)]
    ) async throws {
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("ms5-kcat-\(UUID().uuidString).txt")
        try lines.map { "\($0.key):\($0.value)\n" }.joined().write(to: file, atomically: true, encoding: .utf8)
        defer { try? FileManager.default.removeItem(at: file) }
        try await run(["-b", bootstrapServers.joined(separator: ","), "-P", "-K:", "-t", topic, "-l", file.path])
    }

    /// Runs kcat to completion (killing it after a minute) and returns its standard output.
    /// - Throws: ``KafkaTestSupportError`` when it fails or does not finish.
    @discardableResult
    private static func run(_ arguments: [String]) async throws -> String {
        let program = URL(fileURLWithPath: "/usr/bin/kcat")
        guard FileManager.default.isExecutableFile(atPath: program.path) else {
            throw KafkaTestSupportError.programNotFound(path: program.path, hint: "install Debian's kcat package")
        }
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("ms5-kcat-\(UUID().uuidString)")
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
        let exited = await waitOnOwnThread(for: process, upTo: .seconds(60))
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
}
