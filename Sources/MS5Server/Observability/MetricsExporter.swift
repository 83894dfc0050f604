import Foundation
import MS5Connectors
import MS5Events
import MS5Storage
import Prometheus

/// Renders `/metrics`: the request figures recorded as they happen, plus database pool, PLC
/// connection and process figures sampled at scrape time.
struct MetricsExporter: Sendable {
    let registry: PrometheusCollectorRegistry
    let database: Database
    let plcLinks: PLCLinks
    let events: EventBackbone
    let startTime = Date()

    /// The Prometheus text exposition of every metric.
    func render() async -> String {
        for plc in await plcLinks.statuses() {
            let labels = [("equipment", plc.equipmentCode), ("host", "\(plc.host):\(plc.port)")]
            gauge("ms5_plc_connected", "", "1 while the controller is connected.", labels: labels).set(plc.connected ? 1.0 : 0.0)
            gauge("ms5_plc_round_trip", "seconds", "Round trip of the last read.", labels: labels).set((plc.roundTripMilliseconds ?? 0) / 1000)
            gauge("ms5_plc_reads_per_second", "", "Tag reads per second over the last seconds.", labels: labels).set(plc.readsPerSecond)
            gauge("ms5_plc_reconnect_attempts", "", "Reconnect attempts since the last success.", labels: labels).set(Double(plc.reconnectAttempts))
            gauge("ms5_plc_samples_stored", "", "Samples stored from the controller since start.", labels: labels).set(Double(plc.samplesStored))
        }
        let pool = database.statistics
        let labels = [("database", database.kind.rawValue)]
        let figures: [(String, String, String, Double)] = [
            ("ms5_db_connections", "in_use", "Database work running now.", Double(pool.inUse)),
            ("ms5_db_connections", "max", "Most database connections the pool may use.", Double(pool.capacity)),
            ("ms5_db_operations", "completed", "Database reads and transactions finished since start.", Double(pool.completed)),
            ("ms5_db_operations", "failed", "Database reads and transactions that failed since start.", Double(pool.failed)),
            ("ms5_db_connection_wait", "seconds", "Total time database work waited for a connection.", pool.waitSeconds),
        ]
        for (name, unit, help, value) in figures {
            gauge(name, unit, help, labels: labels).set(value)
        }
        await renderEvents()
        gauge("process_start_time", "seconds", "Start time of the process, Unix seconds.").set(startTime.timeIntervalSince1970)
        if let process = ProcessStatistics.current() {
            gauge("process_resident_memory", "bytes", "Resident memory.").set(process.residentBytes)
            gauge("process_cpu", "seconds", "User and system CPU time used.").set(process.cpuSeconds)
            gauge("process_open", "fds", "Open file descriptors.").set(process.openFiles)
        }
        return registry.emitToString()
    }

    /// The outbox and its consumers; the Kafka relay when configured.
    private func renderEvents() async {
        guard let status = try? await events.status() else { return }
        gauge("ms5_outbox_head", "position", "Position of the newest event in the outbox.").set(Double(status.head))
        for consumer in status.consumers {
            let labels = [("consumer", consumer.name)]
            gauge("ms5_outbox_consumer_backlog", "events", "Events written after the consumer's position.", labels: labels).set(Double(consumer.backlog))
            gauge("ms5_outbox_consumer_lag", "seconds", "How long the oldest event the consumer has not handled has waited.", labels: labels)
                .set(consumer.lagSeconds)
        }
        guard let relay = status.kafka?.relay else { return }
        gauge("ms5_kafka_relay_relaying", "", "1 while this instance holds the relay's lease.").set(relay.relaying ? 1.0 : 0.0)
        gauge("ms5_kafka_relay_events", "sent", "Events the brokers acknowledged since start (rate() gives the relay rate).").set(Double(relay.sent))
        gauge("ms5_kafka_relay_events", "failed", "Events the brokers refused or that timed out since start (each is sent again).")
            .set(Double(relay.failed))
    }

    private func gauge(_ name: String, _ unit: String, _ help: String, labels: [(String, String)] = []) -> Gauge {
        registry.makeGauge(descriptor: MetricNameDescriptor(metricName: name, unitName: unit, helpText: help), labels: labels)
    }
}
