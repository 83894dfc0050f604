import MS5Ingest
import MS5Storage

/// What the machine-data routes work with: the stores, and the pipeline that must hear of changes.
struct MachineDataServices: Sendable {
    let metrics: MetricRepository
    let telemetry: TelemetryQueries
    let catalogs: FaultCatalogStore
    let faultEvents: FaultEventStore
    let states: StateStore
    let pipeline: IngestPipeline

    init(database: Database, pipeline: IngestPipeline) {
        self.metrics = MetricRepository(database: database)
        self.telemetry = pipeline.queries
        self.catalogs = FaultCatalogStore(database: database)
        self.faultEvents = FaultEventStore(database: database)
        self.states = StateStore(database: database)
        self.pipeline = pipeline
    }
}
