import ArgumentParser
import Foundation
import Logging
import MS5Edge
import ServiceLifecycle
import UnixSignals

/// `ms5 edge`: runs at the line, collects samples and forwards them to a core ms5 through a
/// durable on-disk queue, so that an outage of the core or a restart of the edge loses nothing.
///
/// Its source of samples is the simulated bread line (the PLC connectors come with their
/// issues): it feeds the core's metrics bound to the connector `simulator` on SLC1, BAG1 and BSK1.
struct EdgeCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "edge", abstract: "Collect samples at the line and forward them to a core ms5 without loss.")

    @Option(help: "The core's base URL, e.g. http://core.plant:8080.")
    var core: String

    @Option(help: "An account allowed to send telemetry (engineer or admin); the edge signs in with it and again whenever its access token runs out.")
    var username: String?

    @Flag(help: "Read the account's password from the first line of standard input.")
    var passwordStdin = false

    @Option(help: "Instead of an account: a bearer token issued elsewhere (access tokens expire after minutes).")
    var token: String?

    @Option(help: "The edge's name; the core stores each (source, sequence) once.")
    var source = "edge"

    @Option(help: "The queue file; created with its folder when missing.")
    var queue = "./ms5-edge/queue.sqlite"

    @Option(help: "Most megabytes the queue may hold.")
    var maxQueueMb = 1024

    @Option(help: "At the budget: refuse-new (keep everything queued, raise an alarm) or drop-oldest.")
    var overflow = "refuse-new"

    @Option(help: "Seed of the simulated line.")
    var seed: UInt64 = 2026

    @Option(help: "Port of the edge's /status and /metrics on 127.0.0.1.")
    var statusPort = 8081

    @Option(help: "Log level: trace, debug, info, notice, warning, error, critical.")
    var logLevel = "info"

    func run() async throws {
        guard let coreURL = URL(string: core), coreURL.scheme == "http" || coreURL.scheme == "https" else {
            throw ValidationError("--core must be an http:// or https:// URL.")
        }
        guard let policy = ["refuse-new": OverflowPolicy.refuseNew, "drop-oldest": .dropOldest][overflow] else {
            throw ValidationError("--overflow must be refuse-new or drop-oldest.")
        }
        guard let level = Logger.Level(rawValue: logLevel) else { throw ValidationError("Unknown --log-level \(logLevel).") }
        let credentials: EdgeSignIn.Credentials
        switch (username, token) {
        case (let username?, nil):
            guard passwordStdin, let password = readLine(), !password.isEmpty else {
                throw ValidationError("--username needs --password-stdin and the password on the first line of standard input.")
            }
            credentials = .account(username: username, password: password)
        case (nil, let token?):
            credentials = .token(token)
        default:
            throw ValidationError("Give either --username (with --password-stdin) or --token.")
        }
        let signIn = EdgeSignIn(coreURL: coreURL, credentials: credentials)
        LoggingSystem.bootstrap { label in
            var handler = StreamLogHandler.standardError(label: label)
            handler.logLevel = level
            return handler
        }
        let logger = Logger(label: "ms5.edge")
        let configuration = try ForwarderConfiguration(source: source)
        try FileManager.default.createDirectory(
            at: URL(fileURLWithPath: queue).deletingLastPathComponent(), withIntermediateDirectories: true)
        let alarms: EdgeAlarmHandler = { alarm in logger.error("Edge alarm", metadata: ["alarm": "\(alarm)"]) }
        let diskQueue = try await DiskQueue.open(
            path: queue, configuration: .init(maximumBytes: Int64(maxQueueMb) << 20, overflowPolicy: policy), logger: logger,
            alarmHandler: alarms)
        let bindings = try await EdgeBindings.resolve(core: coreURL, signIn: signIn, cache: queue + ".bindings.json", logger: logger)
        let forwarder = Forwarder(
            queue: diskQueue, transport: URLSessionBatchTransport(coreURL: coreURL, signIn: signIn), configuration: configuration,
            logger: logger, alarmHandler: alarms)
        let collector = EdgeSimulatorSource(queue: diskQueue, bindings: bindings, seed: seed, logger: logger)
        let reporter = EdgeStatusReporter(forwarder: forwarder, queue: diskQueue, logger: logger)
        let status = EdgeStatusServer.application(forwarder: forwarder, host: "127.0.0.1", port: statusPort)
        let group = ServiceGroup(configuration: .init(
            services: [.init(service: forwarder), .init(service: collector), .init(service: reporter), .init(service: status)],
            gracefulShutdownSignals: [.sigterm, .sigint], logger: logger))
        try await group.run()
        try await diskQueue.close()
    }
}
