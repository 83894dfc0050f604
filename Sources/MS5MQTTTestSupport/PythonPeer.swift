import Foundation

/// paho-mqtt peer programs run from the package's `.venv-peers` virtual environment.
///
/// The interpreter is `$MS5_MQTT_PYTHON` when set, otherwise `.venv-peers/bin/python`
/// at the package root (created by `scripts/test.sh`).
public enum PythonPeer {
    /// The Python interpreter that has paho-mqtt installed.
    public static func interpreter() throws -> URL {
        if let configured = ProcessInfo.processInfo.environment["MS5_MQTT_PYTHON"] {
            return URL(fileURLWithPath: configured)
        }
        let packageRoot = URL(fileURLWithPath: #filePath)
            .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        let venv = packageRoot.appendingPathComponent(".venv-peers/bin/python")
        guard FileManager.default.isExecutableFile(atPath: venv.path) else {
            throw TestSupportError.programNotFound(venv.path)
        }
        return venv
    }

    /// Publishes `payloads` to `topic` in order and returns after the broker acknowledged them (QoS 1)
    /// or they were written (QoS 0).
    public static func publish(
        port: Int, topic: String, payloads: [String], qos: Int = 1, retain: Bool = false
    ) async throws {
        let arguments = ["-c", PeerScripts.publish, "\(port)", topic, "\(qos)", retain ? "1" : "0"] + payloads
        try await ChildProcess.run(try interpreter(), arguments: arguments)
    }

    /// Publishes `count` small JSON messages as fast as paho allows.
    public static func flood(port: Int, topic: String, count: Int, qos: Int) async throws {
        try await ChildProcess.run(
            try interpreter(), arguments: ["-c", PeerScripts.flood, "\(port)", topic, "\(count)", "\(qos)"])
    }

    /// Starts a paho subscriber that counts messages on `filter` until `count` arrived or it was idle
    /// for `idleSeconds`; it writes `ready` to `readyFile` once subscribed. With `count` 0 it exits
    /// right after subscribing, which prepares a persistent session (`persistent` with a fixed `clientID`).
    /// - Returns: the running process; read its result with ``subscriberResult(_:)``.
    public static func startCountingSubscriber(
        port: Int, filter: String, qos: Int, count: Int, readyFile: URL, resultFile: URL, idleSeconds: Double = 5,
        clientID: String = "", persistent: Bool = false
    ) throws -> Process {
        let process = Process()
        process.executableURL = try interpreter()
        process.arguments = [
            "-c", PeerScripts.countingSubscriber, "\(port)", filter, "\(qos)", "\(count)", readyFile.path,
            resultFile.path, "\(idleSeconds)", clientID, persistent ? "1" : "0",
        ]
        try process.run()
        return process
    }

    /// Reads `received elapsedSeconds` written by the counting subscriber.
    public static func subscriberResult(_ resultFile: URL) throws -> (received: Int, seconds: Double) {
        let fields = try String(contentsOf: resultFile, encoding: .utf8).split(separator: " ")
        guard fields.count == 2, let received = Int(fields[0]), let seconds = Double(fields[1]) else {
            throw TestSupportError.peerFailed(status: 0, output: "unreadable subscriber result")
        }
        return (received, seconds)
    }
}
