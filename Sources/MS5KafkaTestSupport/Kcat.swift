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
        try await consume(bootstrapServers: bootstrapServers, topic: topic, from: "beginning", count: count, waiting: false)
    }

    /// Reads `count` records of `topic` from `offset` (`beginning` or a number), waiting up to a
    /// minute for those not produced yet, and for the topic itself: a broker creates a topic with
    /// its first record, and kcat gives up on one that does not exist, so it is asked again
    /// every 200 ms until the topic is there.
    public static func awaitRecords(bootstrapServers: [String], topic: String, from offset: String = "beginning", count: Int) async throws -> [Record] {
        let deadline = ContinuousClock.now + .seconds(60)
        while true {
            do {
                return try await consume(bootstrapServers: bootstrapServers, topic: topic, from: offset, count: count, waiting: true)
            } catch KafkaTestSupportError.peerFailed(let status, let output) where output.contains("Unknown topic or partition") {
                guard ContinuousClock.now < deadline else { throw KafkaTestSupportError.peerFailed(status: status, output: output) }
                try await Task.sleep(for: .milliseconds(200))
            }
        }
    }

    private static func consume(bootstrapServers: [String], topic: String, from offset: String, count: Int, waiting: Bool) async throws -> [Record] {
        let output = try await run(
            ["-b", bootstrapServers.joined(separator: ","), "-C", "-J"] + (waiting ? [] : ["-e"])
                + ["-q", "-o", offset, "-c", "\(count)", "-t", topic])
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
    @discardableResult
    private static func run(_ arguments: [String]) async throws -> String {
        try await ToolRun.run(URL(fileURLWithPath: "/usr/bin/kcat"), arguments, hint: "install Debian's kcat package")
    }
}
