// swift-tools-version:6.1
import PackageDescription

/// Settings every MS5 target shares: Swift 6 language mode with strict concurrency,
/// explicit existentials, and no implicit re-exports of imports.
let strictSettings: [SwiftSetting] = [
    .enableUpcomingFeature("ExistentialAny"),
    .enableUpcomingFeature("MemberImportVisibility"),
]

let package = Package(
    name: "ms5",
    platforms: [.macOS(.v15)],
    products: [
        .executable(name: "ms5", targets: ["MS5CLI"]),
        // Benchmarks of the protocol clients and the live feed against their peers (BENCHMARKS.md).
        .executable(name: "modbus-bench", targets: ["modbus-bench"]),
        .executable(name: "opcua-bench", targets: ["opcua-bench"]),
        .executable(name: "mqtt-bench", targets: ["mqtt-bench"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser.git", from: "1.8.2"),
        .package(url: "https://github.com/apple/swift-configuration.git", from: "1.4.0"),
        .package(url: "https://github.com/apple/swift-crypto.git", from: "3.12.3"),
        .package(url: "https://github.com/apple/swift-http-types.git", from: "1.8.0"),
        .package(url: "https://github.com/apple/swift-log.git", from: "1.16.2"),
        .package(url: "https://github.com/apple/swift-nio.git", from: "2.101.2"),
        .package(url: "https://github.com/apple/swift-system.git", from: "1.8.1"),
        .package(url: "https://github.com/apple/swift-protobuf.git", from: "1.39.0"),
        .package(url: "https://github.com/apple/swift-nio-ssl.git", from: "2.37.6"),
        .package(url: "https://github.com/hummingbird-project/hummingbird.git", from: "2.28.1"),
        .package(url: "https://github.com/hummingbird-project/hummingbird-auth.git", from: "2.5.0"),
        .package(url: "https://github.com/hummingbird-project/hummingbird-websocket.git", from: "2.8.1"),
        .package(url: "https://github.com/swift-server/swift-prometheus.git", from: "2.4.1"),
        .package(url: "https://github.com/swift-server/swift-service-lifecycle.git", from: "2.13.0"),
        .package(url: "https://github.com/vapor/postgres-kit.git", from: "2.17.0"),
        .package(url: "https://github.com/vapor/postgres-nio.git", from: "1.33.2"),
        .package(url: "https://github.com/vapor/sql-kit.git", from: "3.36.0"),
        .package(url: "https://github.com/vapor/sqlite-kit.git", from: "4.5.2"),
        .package(url: "https://github.com/vapor/sqlite-nio.git", from: "1.13.2"),
    ],
    targets: [
        // Pure types and rules of the plant: no I/O.
        .target(
            name: "MS5Domain",
            dependencies: ["MS5JSON"],
            swiftSettings: strictSettings
        ),
        // Tokens (own and OIDC), TOTP, recovery codes, refresh-token rules, the audit hash chain,
        // common passwords: identity building blocks with no I/O of their own but HTTP fetching.
        .target(
            name: "MS5Identity",
            dependencies: [
                "MS5JSON",
                .product(name: "Crypto", package: "swift-crypto"),
                .product(name: "_CryptoExtras", package: "swift-crypto"),
            ],
            resources: [.copy("Resources/common-passwords.txt")],
            swiftSettings: strictSettings
        ),
        // One query layer over SQLite and PostgreSQL, migrations, repositories.
        .target(
            name: "MS5Storage",
            dependencies: [
                "MS5Retry",
                "MS5Domain",
                "MS5Identity",
                "MS5JSON",
                .product(name: "SQLKit", package: "sql-kit"),
                .product(name: "SQLiteKit", package: "sqlite-kit"),
                .product(name: "PostgresKit", package: "postgres-kit"),
                .product(name: "PostgresNIO", package: "postgres-nio"),
                .product(name: "NIOPosix", package: "swift-nio"),
                .product(name: "NIOSSL", package: "swift-nio-ssl"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
            ],
            swiftSettings: strictSettings
        ),
        // Readers of the files plants already have: RSLogix 5000/500 exports, fault-message CSVs.
        .target(
            name: "MS5Import",
            dependencies: ["MS5Domain"],
            swiftSettings: strictSettings
        ),
        // A deterministic simulated bread line producing the tag values real PLCs would.
        .target(
            name: "MS5Simulator",
            dependencies: ["MS5Domain"],
            swiftSettings: strictSettings
        ),
        // The way samples enter: batches stored once, then fault events, states and the event bus.
        .target(
            name: "MS5Ingest",
            dependencies: [
                "MS5Domain",
                "MS5Storage",
                "MS5Simulator",
                .product(name: "Logging", package: "swift-log"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
            ],
            swiftSettings: strictSettings
        ),
        // The line side of `ms5 edge`: a durable on-disk queue and the forwarder to the core.
        .target(
            name: "MS5Edge",
            dependencies: [
                "MS5Retry",
                "MS5Domain",
                .product(name: "SQLiteNIO", package: "sqlite-nio"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
                .product(name: "Logging", package: "swift-log"),
            ],
            swiftSettings: strictSettings
        ),
        // Test helper: appends numbered samples to a queue file until killed (crash-safety test).
        .executableTarget(
            name: "edge-queue-writer",
            dependencies: ["MS5Edge", .product(name: "Logging", package: "swift-log")],
            swiftSettings: strictSettings
        ),
        // Allen-Bradley EtherNet/IP: encapsulation, CIP, Logix tag services, PCCC, the async client
        // and the drift-free poller. No dependency on the rest of MS5.
        .target(
            name: "MS5EtherNetIP",
            dependencies: [
                "MS5Retry",
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOPosix", package: "swift-nio"),
                .product(name: "Logging", package: "swift-log"),
            ],
            swiftSettings: strictSettings
        ),
        // An EtherNet/IP server serving the tags of an RSLogix 5000 export and the data files of an
        // RSLogix 500 export: `ms5 simulate plc`.
        .target(
            name: "MS5EtherNetIPSimulator",
            dependencies: [
                "MS5EtherNetIP",
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOPosix", package: "swift-nio"),
                .product(name: "Logging", package: "swift-log"),
            ],
            swiftSettings: strictSettings
        ),
        // PLC connectors: each configured controller polled, its samples fed to the ingest pipeline.
        // Modbus TCP client: addresses, request planning, value decoding, a poller.
        .target(
            name: "MS5Modbus",
            dependencies: [
                "MS5Retry",
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOPosix", package: "swift-nio"),
                .product(name: "Logging", package: "swift-log"),
            ],
            swiftSettings: strictSettings
        ),
        // OPC UA client (opc.tcp, SecurityPolicy None): browse, read, write, subscriptions.
        .target(
            name: "MS5OPCUA",
            dependencies: [
                "MS5Retry",
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOPosix", package: "swift-nio"),
                .product(name: "Logging", package: "swift-log"),
            ],
            swiftSettings: strictSettings
        ),
        // A JSON document as a value, shared by the live feed and the MQTT payload bindings.
        .target(name: "MS5JSON", swiftSettings: strictSettings),
        // Waiting for child processes (peers, benchmark clients) without Foundation's run-loop wait.
        .target(name: "MS5ChildProcess", swiftSettings: strictSettings),
        // The live feed: topics, per-client queues with coalescing, replay on resume, WebSocket endpoint.
        .target(
            name: "MS5Realtime",
            dependencies: [
                "MS5JSON",
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "HummingbirdWebSocket", package: "hummingbird-websocket"),
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOWebSocket", package: "swift-nio"),
                .product(name: "Logging", package: "swift-log"),
            ],
            swiftSettings: strictSettings
        ),
        // MQTT 3.1.1/5 client, JSON topic bindings and a Sparkplug B 3.0 host application.
        .target(
            name: "MS5MQTT",
            dependencies: [
                "MS5Retry",
                "MS5JSON",
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOPosix", package: "swift-nio"),
                .product(name: "NIOSSL", package: "swift-nio-ssl"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "SwiftProtobuf", package: "swift-protobuf"),
            ],
            exclude: ["Sparkplug/sparkplug_b.proto"],
            swiftSettings: strictSettings
        ),
        // A private mosquitto broker and paho-mqtt peers for the MQTT tests.
        .target(
            name: "MS5MQTTTestSupport",
            dependencies: [
                "MS5ChildProcess",
                "MS5MQTT",
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOPosix", package: "swift-nio"),
            ],
            swiftSettings: strictSettings
        ),
        // The one retry schedule: exponential backoff with jitter and an optional retry limit.
        .target(name: "MS5Retry", swiftSettings: strictSettings),
        // An SMTP client for e-mail notifications (STARTTLS, implicit TLS, AUTH PLAIN/LOGIN).
        .target(
            name: "MS5Mail",
            dependencies: [
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOPosix", package: "swift-nio"),
                .product(name: "NIOSSL", package: "swift-nio-ssl"),
                .product(name: "Logging", package: "swift-log"),
            ],
            swiftSettings: strictSettings
        ),
        // librdkafka from Debian's librdkafka-dev, with its mock cluster for tests.
        .systemLibrary(name: "CRdKafka", pkgConfig: "rdkafka", providers: [.apt(["librdkafka-dev"])]),
        // An Apache Kafka client on librdkafka: an idempotent producer awaiting each delivery,
        // a consumer group member with explicit commits, and the mock cluster.
        .target(name: "MS5Kafka", dependencies: ["CRdKafka"], swiftSettings: strictSettings),
        // A separate Kafka-protocol broker (noida-db) and kcat, for end-to-end tests.
        .target(name: "MS5KafkaTestSupport", dependencies: ["MS5ChildProcess", "MS5Kafka"], swiftSettings: strictSettings),
        // The event backbone: following the outbox for each consumer under a lease held by one
        // instance at a time, relaying it to Kafka and delivering it to subscribed (signed) webhooks.
        .target(
            name: "MS5Events",
            dependencies: [
                "MS5Retry",
                "MS5Andon",
                "MS5Domain",
                "MS5Storage",
                "MS5Kafka",
                .product(name: "Logging", package: "swift-log"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
            ],
            swiftSettings: strictSettings
        ),
        // Andon: escalation timers, the notification outbox and the rules that raise calls.
        .target(
            name: "MS5Andon",
            dependencies: [
                "MS5Retry",
                "MS5Domain",
                "MS5Storage",
                "MS5Workflows",
                "MS5Mail",
                .product(name: "Crypto", package: "swift-crypto"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
            ],
            swiftSettings: strictSettings
        ),
        // The durable workflow core at work: fires due timers through the handlers registered per
        // purpose, and escalates overdue human tasks.
        .target(
            name: "MS5Workflows",
            dependencies: [
                "MS5Domain",
                "MS5Storage",
                .product(name: "Logging", package: "swift-log"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
            ],
            swiftSettings: strictSettings
        ),
        .target(
            name: "MS5Connectors",
            dependencies: [
                "MS5Domain",
                "MS5Storage",
                "MS5Ingest",
                "MS5EtherNetIP",
                "MS5Modbus",
                "MS5OPCUA",
                "MS5MQTT",
                .product(name: "Logging", package: "swift-log"),
                .product(name: "NIOSSL", package: "swift-nio-ssl"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
            ],
            swiftSettings: strictSettings
        ),
        // For tests only: the databases storage tests run on (SQLite, and PostgreSQL when configured),
        // and a real HTTP receiver for webhooks.
        .target(
            name: "MS5TestSupport",
            dependencies: [
                "MS5ChildProcess",
                "MS5Domain",
                "MS5Storage",
                .product(name: "Logging", package: "swift-log"),
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOHTTP1", package: "swift-nio"),
                .product(name: "NIOPosix", package: "swift-nio"),
                .product(name: "SQLKit", package: "sql-kit"),
            ],
            swiftSettings: strictSettings
        ),
        // HTTP API, authentication, OpenAPI document, health and metrics.
        .target(
            name: "MS5Server",
            dependencies: [
                "MS5Domain",
                "MS5Identity",
                "MS5Storage",
                "MS5Import",
                "MS5Ingest",
                "MS5Simulator",
                "MS5Connectors",
                "MS5Andon",
                "MS5Events",
                "MS5JSON",
                "MS5Kafka",
                "MS5Mail",
                "MS5Realtime",
                "MS5Workflows",
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "HummingbirdCore", package: "hummingbird"),
                .product(name: "HummingbirdTLS", package: "hummingbird"),
                .product(name: "HummingbirdWebSocket", package: "hummingbird-websocket"),
                .product(name: "HummingbirdBcrypt", package: "hummingbird-auth"),
                .product(name: "NIOSSL", package: "swift-nio-ssl"),
                .product(name: "Crypto", package: "swift-crypto"),
                .product(name: "Configuration", package: "swift-configuration"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "Prometheus", package: "swift-prometheus"),
                .product(name: "NIOPosix", package: "swift-nio"),
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOFoundationEssentialsCompat", package: "swift-nio"),
                .product(name: "HTTPTypes", package: "swift-http-types"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
            ],
            // The floor app (plain HTML, CSS and JavaScript modules), served at `/`.
            resources: [.copy("Web")],
            swiftSettings: strictSettings
        ),
        // The `ms5` command.
        .executableTarget(
            name: "MS5CLI",
            dependencies: [
                "MS5ChildProcess",
                "MS5Domain",
                "MS5Identity",
                "MS5Storage",
                "MS5Import",
                "MS5Ingest",
                "MS5Edge",
                "MS5Events",
                "MS5Kafka",
                "MS5Simulator",
                "MS5EtherNetIP",
                "MS5EtherNetIPSimulator",
                "MS5Modbus",
                "MS5OPCUA",
                .product(name: "NIOPosix", package: "swift-nio"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
                .product(name: "UnixSignals", package: "swift-service-lifecycle"),
                .product(name: "SQLKit", package: "sql-kit"),
                "MS5Server",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
                .product(name: "Configuration", package: "swift-configuration"),
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "HummingbirdWSClient", package: "hummingbird-websocket"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "SystemPackage", package: "swift-system"),
            ],
            swiftSettings: strictSettings
        ),
        .testTarget(name: "MS5DomainTests", dependencies: ["MS5Domain"], swiftSettings: strictSettings),
        .testTarget(name: "MS5RetryTests", dependencies: ["MS5Domain", "MS5Retry"], swiftSettings: strictSettings),
        .testTarget(
            name: "MS5IdentityTests",
            dependencies: [
                "MS5Identity",
                "MS5JSON",
                "MS5TestSupport",
                .product(name: "Crypto", package: "swift-crypto"),
                .product(name: "_CryptoExtras", package: "swift-crypto"),
            ],
            swiftSettings: strictSettings
        ),
        .testTarget(
            name: "MS5ConnectorsTests",
            dependencies: [
                "MS5Connectors", "MS5Domain", "MS5EtherNetIP", "MS5EtherNetIPSimulator", "MS5Ingest", "MS5Storage", "MS5TestSupport",
                "MS5MQTT", "MS5MQTTTestSupport",
                .product(name: "SwiftProtobuf", package: "swift-protobuf"),
                .product(name: "NIOSSL", package: "swift-nio-ssl"),
                .product(name: "Logging", package: "swift-log"),
            ],
            swiftSettings: strictSettings
        ),
        .testTarget(
            name: "MS5EtherNetIPTests",
            dependencies: [
                "MS5ChildProcess",
                "MS5EtherNetIP",
                "MS5EtherNetIPSimulator",
                "MS5Retry",
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOEmbedded", package: "swift-nio"),
                .product(name: "NIOPosix", package: "swift-nio"),
            ],
            swiftSettings: strictSettings
        ),
        .testTarget(name: "MS5ImportTests", dependencies: ["MS5Domain", "MS5Import"], swiftSettings: strictSettings),
        .testTarget(name: "MS5SimulatorTests", dependencies: ["MS5Domain", "MS5Simulator"], swiftSettings: strictSettings),
        .testTarget(
            name: "MS5EdgeTests",
            dependencies: [
                "MS5Domain",
                "MS5Edge",
                "MS5Retry",
                "edge-queue-writer",
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
                .product(name: "ServiceLifecycleTestKit", package: "swift-service-lifecycle"),
                .product(name: "Logging", package: "swift-log"),
            ],
            resources: [.copy("Resources/telemetry_server.py")],
            swiftSettings: strictSettings
        ),
        .testTarget(
            name: "MS5IngestTests",
            dependencies: ["MS5Domain", "MS5Storage", "MS5Ingest", "MS5TestSupport", .product(name: "Logging", package: "swift-log")],
            swiftSettings: strictSettings
        ),
        .testTarget(
            name: "MS5ModbusTests",
            dependencies: [
                "MS5ChildProcess",
                "MS5Modbus",
                "MS5Retry",
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOPosix", package: "swift-nio"),
                .product(name: "NIOEmbedded", package: "swift-nio"),
                .product(name: "Logging", package: "swift-log"),
            ],
            swiftSettings: strictSettings
        ),
        .testTarget(
            name: "MS5OPCUATests",
            dependencies: [
                "MS5ChildProcess",
                "MS5OPCUA",
                "MS5Retry",
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOPosix", package: "swift-nio"),
                .product(name: "NIOEmbedded", package: "swift-nio"),
                .product(name: "Logging", package: "swift-log"),
            ],
            swiftSettings: strictSettings
        ),
        .testTarget(
            name: "MS5RealtimeTests",
            dependencies: [
                "MS5Realtime",
                "MS5JSON",
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "HummingbirdTesting", package: "hummingbird"),
                .product(name: "HummingbirdWebSocket", package: "hummingbird-websocket"),
                .product(name: "HummingbirdWSClient", package: "hummingbird-websocket"),
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOWebSocket", package: "swift-nio"),
                .product(name: "Logging", package: "swift-log"),
            ],
            swiftSettings: strictSettings
        ),
        .testTarget(
            name: "MS5MQTTTests",
            dependencies: [
                "MS5MQTT",
                "MS5MQTTTestSupport",
                "MS5Retry",
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOPosix", package: "swift-nio"),
                .product(name: "NIOSSL", package: "swift-nio-ssl"),
                .product(name: "SwiftProtobuf", package: "swift-protobuf"),
            ],
            swiftSettings: strictSettings
        ),
        .testTarget(
            name: "MS5MailTests",
            dependencies: [
                "MS5ChildProcess",
                "MS5Mail", "MS5TestSupport",
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOPosix", package: "swift-nio"),
                .product(name: "Logging", package: "swift-log"),
            ],
            swiftSettings: strictSettings
        ),
        .testTarget(name: "MS5KafkaTests", dependencies: ["MS5Kafka", "MS5KafkaTestSupport"], swiftSettings: strictSettings),
        .testTarget(
            name: "MS5EventsTests",
            dependencies: [
                "MS5Andon", "MS5Domain", "MS5Events", "MS5Identity", "MS5Kafka", "MS5KafkaTestSupport", "MS5Retry", "MS5Storage", "MS5TestSupport",
                .product(name: "Logging", package: "swift-log"),
            ],
            swiftSettings: strictSettings
        ),
        .testTarget(
            name: "MS5AndonTests",
            dependencies: [
                "MS5Andon", "MS5Domain", "MS5Mail", "MS5Retry", "MS5Storage", "MS5TestSupport", "MS5Workflows",
                .product(name: "Logging", package: "swift-log"),
                .product(name: "SQLKit", package: "sql-kit"),
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOPosix", package: "swift-nio"),
                .product(name: "NIOHTTP1", package: "swift-nio"),
            ],
            swiftSettings: strictSettings
        ),
        .testTarget(
            name: "MS5WorkflowsTests",
            dependencies: [
                "MS5Domain", "MS5Storage", "MS5TestSupport", "MS5Workflows",
                .product(name: "Logging", package: "swift-log"),
                .product(name: "SQLKit", package: "sql-kit"),
            ],
            swiftSettings: strictSettings
        ),
        .testTarget(
            name: "MS5StorageTests",
            dependencies: [
                "MS5Domain",
                "MS5Storage",
                "MS5Identity",
                "MS5JSON",
                "MS5TestSupport",
                .product(name: "SQLKit", package: "sql-kit"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "NIOCore", package: "swift-nio"),
            ],
            swiftSettings: strictSettings
        ),
        .testTarget(
            name: "MS5ServerTests",
            dependencies: [
                "MS5Andon",
                "MS5ChildProcess",
                "MS5Domain",
                "MS5Identity",
                "MS5Ingest",
                "MS5JSON",
                "MS5Simulator",
                "MS5Server",
                "MS5Connectors",
                "MS5Events",
                "MS5Kafka",
                "MS5KafkaTestSupport",
                "MS5Storage",
                "MS5Realtime",
                "MS5TestSupport",
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "HummingbirdTesting", package: "hummingbird"),
                .product(name: "HummingbirdWSClient", package: "hummingbird-websocket"),
                .product(name: "HTTPTypes", package: "swift-http-types"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOFoundationEssentialsCompat", package: "swift-nio"),
                .product(name: "NIOSSL", package: "swift-nio-ssl"),
                .product(name: "NIOWebSocket", package: "swift-nio"),
                .product(name: "Configuration", package: "swift-configuration"),
                .product(name: "SQLKit", package: "sql-kit"),
            ],
            resources: [.copy("Resources/event-schemas")],
            swiftSettings: strictSettings
        ),
        .executableTarget(
            name: "modbus-bench",
            dependencies: [
                "MS5ChildProcess",
                "MS5Modbus",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOPosix", package: "swift-nio"),
            ],
            swiftSettings: strictSettings
        ),
        .executableTarget(
            name: "opcua-bench",
            dependencies: [
                "MS5ChildProcess",
                "MS5OPCUA",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
                .product(name: "Logging", package: "swift-log"),
            ],
            swiftSettings: strictSettings
        ),
        .executableTarget(
            name: "mqtt-bench",
            dependencies: [
                "MS5MQTT",
                "MS5MQTTTestSupport",
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ],
            swiftSettings: strictSettings
        ),
        // Runs the built `ms5` binary as a person would.
        .testTarget(
            name: "MS5CLITests",
            dependencies: [
                "MS5ChildProcess",
                "MS5TestSupport", "MS5Storage", "MS5Domain", "MS5Kafka", "MS5KafkaTestSupport",
                .product(name: "Logging", package: "swift-log"),
                .product(name: "SQLKit", package: "sql-kit"),
            ],
            swiftSettings: strictSettings
        ),
    ],
    swiftLanguageModes: [.v6]
)
