import Foundation
import Hummingbird
import HummingbirdCore
import HummingbirdTLS
import HummingbirdWebSocket
import Logging
import MS5Andon
import MS5Connectors
import MS5Events
import MS5Identity
import MS5Ingest
import MS5Mail
import MS5Realtime
import MS5Storage
import MS5Workflows
import NIOCore
import Prometheus
import ServiceLifecycle

/// Builds the ms5 server: database, migrations, routes and background services, ready to run.
///
/// `prepare` runs once the schema is current and before the server accepts requests (the demo
/// uses it to create its plant); `listening` runs once the port accepts connections, with the
/// port bound (the one asked for, or the one the system picked for port 0): the demo prints its
/// address then. Tests call this with an in-memory or test database, and with
/// a `clock` of their own to time sessions and tokens.
public func buildApplication(
    _ config: AppConfig,
    logger: Logger,
    prepare: @escaping @Sendable (Database) async throws -> Void = { _ in },
    listening: @escaping @Sendable (_ port: Int) async -> Void = { _ in },
    clock: @escaping @Sendable () -> Date = { Date() }
) async throws -> some ApplicationProtocol {
    let database = try await Database.open(config.database, logger: logger)
    let pipeline = IngestPipeline(database: database, bus: EventBus(), logger: logger)
    let connectors = PLCConnectorService(database: database, pipeline: pipeline, logger: logger)
    let live = RealtimeHub(relay: database.sharesNotifications ? PostgresRealtimeRelay(database: database, logger: logger) : nil, logger: logger)
    // Names this process as the holder of outbox consumers' leases.
    let instance = "\(ProcessInfo.processInfo.hostName)/\(ProcessInfo.processInfo.processIdentifier)/\(UUID().uuidString.prefix(8))"
    let backbone = try EventBackbone.make(database: database, settings: config.kafka, holder: instance, logger: logger)
    let events = backbone.log
    let router = try buildRouter(
        config, database: database, pipeline: pipeline, plcLinks: connectors.links, live: live, events: backbone, clock: clock)
    var services: [any Service] = [
        connectors,
        ProductionStopPublisher(
            follower: OutboxFollower(
                log: events, lease: ConsumerLease(database: database, consumer: ProductionStopPublisher.consumer, holder: instance), logger: logger),
            log: events, outbox: Outbox(database: database), bus: pipeline.bus, reports: ProductionReports(database: database), logger: logger),
        Housekeeping(database: database, retention: config.retention, interval: .seconds(3600), logger: logger),
        AggregateFlusher(aggregator: pipeline.aggregator, interval: config.aggregateFlushInterval, logger: logger),
        LiveFeed(bus: pipeline.bus, hub: live, database: database, logger: logger),
        LiveOEE(database: database, hub: live, logger: logger),
    ]
    var timerHandlers = TimerHandlers()
    try AndonEscalation.register(in: &timerHandlers, logger: logger)
    services += [
        AndonRuleEngine(calls: AndonCallStore(database: database), database: database, logger: logger),
        AndonNotifier(
            notifications: AndonNotificationStore(database: database), webhooks: WebhookEndpointStore(database: database),
            mail: try config.mail.map { SMTPMailTransport(configuration: $0, from: try MailAddress(parsing: config.mailFrom), logger: logger) },
            logger: logger),
        WorkflowEngine(database: database, handlers: timerHandlers, logger: logger),
        WorkflowSignalFollower(database: database, holder: instance, logger: logger),
    ]
    services.append(EventWebhookService(
        database: database,
        sender: EventWebhookSender(webhooks: WebhookEndpointStore(database: database), render: { try JSONBody.encoder.encode(EventDocument($0)) }),
        holder: instance, logger: logger))
    if database.sharesNotifications {
        services.append(OutboxCommitListener(log: events, logger: logger))
    }
    if let relay = backbone.kafka?.relay {
        services.append(relay)
    }
    if let erpOrders = backbone.erpOrders {
        services.append(erpOrders)
    }
    if config.simulatorEnabled {
        services.append(SimulatorFeed(
            pipeline: pipeline, database: database, seed: config.simulatorSeed, speed: Double(config.simulatorSpeed), logger: logger))
    }
    let background = AfterSchemaIsCurrent(services, logger: logger)
    let plain = HTTPServerBuilder.http1WebSocketUpgrade(webSocketRouter: router)
    var app = Application(
        router: router,
        server: try config.tls.map { try HTTPServerBuilder.tls(plain, tlsConfiguration: try $0.serverConfiguration()) } ?? plain,
        configuration: .init(address: .hostname(config.host, port: config.port), serverName: "ms5"),
        services: [database, background],
        onServerRunning: { channel in
            let port = channel.localAddress?.port ?? config.port
            logger.notice("ms5 ready", metadata: [
                "database": "\(database.url)", "address": "\(config.host):\(port)", "tls": "\(config.tls == nil ? "off" : "on")",
            ])
            await listening(port)
        },
        logger: logger
    )
    app.beforeServerStarts {
        let migrator = Migrator(database: database)
        if config.migrate {
            try await migrator.migrate { step in
                logger.notice("Applied migration", metadata: ["version": "\(step.version)", "name": "\(step.name)"])
            }
        } else {
            try await migrator.requireCurrent()
        }
        let recovered = try await pipeline.aggregator.recover()
        if recovered.batches > 0 {
            logger.notice("Rebuilt the rollups of batches an earlier run had not aggregated", metadata: [
                "batches": "\(recovered.batches)", "minuteBuckets": "\(recovered.minuteBuckets)", "hourBuckets": "\(recovered.hourBuckets)",
            ])
        }
        try await prepare(database)
        background.open()
    }
    return app
}

/// The router with every route and middleware, in the order a request passes them.
func buildRouter(
    _ config: AppConfig, database: Database, pipeline: IngestPipeline, plcLinks: PLCLinks, live: RealtimeHub,
    events: EventBackbone? = nil, clock: @escaping @Sendable () -> Date = { Date() }
) throws -> Router<AppContext> {
    let events = events ?? EventBackbone(log: EventLog(database: database), kafka: nil, erpOrders: nil)
    let router = Router(context: AppContext.self)
    let registry = PrometheusCollectorRegistry()
    router.add(middleware: RequestIDMiddleware())
    router.add(middleware: SecurityHeadersMiddleware(strictTransportSecurity: config.tls != nil))
    if !config.corsOrigins.isEmpty {
        router.add(middleware: CORSAllowListMiddleware(origins: config.corsOrigins))
    }
    router.add(middleware: HTTPMetricsMiddleware(registry: registry))
    router.add(middleware: AccessLogMiddleware())
    router.add(middleware: ProblemMiddleware())
    if config.requestsPerSecond > 0 {
        router.add(middleware: RequestRateLimitMiddleware(
            limiter: RequestRateLimiter(requestsPerSecond: config.requestsPerSecond, burst: config.requestBurst, clock: clock)))
    }
    if let webRoot = config.webRoot ?? Bundle.module.url(forResource: "Web", withExtension: nil)?.path {
        router.add(middleware: FileMiddleware(webRoot, cacheControl: .init([(MediaType(type: .any), [.noCache])]), searchForIndexHtml: true))
    }

    let policy = SessionPolicy(
        accessTokenLifetime: config.accessTokenLifetime, sessionLifetime: config.sessionLifetime,
        inactivityTimeout: config.inactivityTimeout, now: clock)
    let sessions = SessionService(
        sessions: SessionRepository(database: database), keys: AccessTokenKeys(database: database), cache: SessionCache(), policy: policy)
    let provider = config.oidc.map { settings in
        OIDCBearerAuthenticator(
            settings: settings,
            verifier: OIDCTokenVerifier(
                issuer: settings.issuer, audience: settings.audience, keyRefetchInterval: settings.keyRefetchInterval,
                fetcher: URLSessionFetcher(), now: clock),
            users: UserRepository(database: database), sites: SiteAccessStore(database: database))
    }
    let accounts = AccountService(
        database: database, bcryptCost: config.bcryptCost, lockout: config.lockout, passwordMaxAge: config.passwordMaxAge, sessions: sessions,
        secondFactor: TOTPService(store: TOTPStore(database: database), cache: sessions.cache, now: clock))
    var api = APIRoutes(
        router: router,
        authenticator: Authenticator(
            sessions: sessions.sessions, keys: sessions.keys, cache: sessions.cache, policy: policy,
            external: provider),
        idempotentWrites: IdempotentWrites(store: IdempotencyStore(database: database)),
        rules: AttributeRules(database: database, now: clock), totpRequiredRoles: config.totpRequiredRoles)
    api.addOperationsRoutes(database: database, metrics: MetricsExporter(registry: registry, database: database, plcLinks: plcLinks, events: events))
    let signInLimiter = SignInRateLimiter(limit: config.signInsPerMinute)
    api.addAuthRoutes(accounts: accounts, signInLimiter: signInLimiter)
    let devices = DeviceService(store: DeviceStore(database: database), sessions: sessions)
    api.addDeviceRoutes(devices: devices)
    api.addBadgeRoutes(
        badges: BadgeService(
            store: BadgeStore(database: database), users: UserRepository(database: database), hasher: accounts.hasher,
            attemptLimit: config.pinAttempts, lockout: config.pinLockout, now: clock),
        devices: devices, accounts: accounts, signInLimiter: signInLimiter)
    api.addTOTPRoutes(accounts: accounts)
    api.addOIDCRoutes(provider.flatMap { provider in
        provider.settings.redirectURI.map { redirectURI in
            OIDCBrowserSignIn(
                settings: provider.settings, redirectURI: redirectURI, provider: provider,
                store: OIDCSignInStore(database: database), sessions: sessions)
        }
    })
    api.addUserRoutes(accounts: accounts, users: UserRepository(database: database))
    api.addUserSiteRoutes(users: UserRepository(database: database))
    api.addTeamRoutes(database: database)
    api.addChecklistRoutes(database: database)
    api.addSignatureRoutes(database: database, accounts: accounts)
    api.addPlantRoutes(database: database)
    let machineData = MachineDataServices(database: database, pipeline: pipeline)
    api.addMetricRoutes(machineData)
    api.addTelemetryRoutes(machineData)
    api.addFaultAndStateRoutes(machineData)
    api.addPLCConnectionRoutes(database: database, links: plcLinks)
    api.addImportRoutes(ImportService(database: database, pipeline: pipeline))
    api.addProductionRoutes(database: database)
    api.addEventRoutes(events: events)
    api.addAndonRoutes(calls: AndonCallStore(database: database), notifications: AndonNotificationStore(database: database))
    api.addAndonSettingsRoutes(database: database)
    api.addTaskRoutes(tasks: HumanTaskStore(database: database), accounts: accounts)
    api.addWorkflowSignalRoutes(workflows: WorkflowStore(database: database))
    api.addEventSubscriptionRoutes(database: database)
    api.addLiveRoute(hub: live)
    try api.addDocumentRoute()
    return router
}
