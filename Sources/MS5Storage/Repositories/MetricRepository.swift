import Foundation
import MS5Domain
import SQLKit

/// Metric definitions and their tag bindings, per equipment.
public struct MetricRepository: Sendable {
    static let table = RecordTable<Metric>(name: "metrics", noun: "metric", sortColumn: "key")
    static let deleteGuard = DeleteGuard(noun: "metric", dependents: [
        .init(table: "metric_samples", column: "metric_key", what: "stored sample(s)", recordKey: ("metrics", "sample_key")),
    ])

    let database: Database

    /// Creates the repository over `database`.
    public init(database: Database) {
        self.database = database
    }

    /// One page of an equipment's metrics, ordered by key; 404 when the equipment does not exist.
    public func list(equipmentId: UUID, _ page: PageRequest) async throws -> Page<Metric> {
        try await database.read { db in
            _ = try await EquipmentRepository.table.require(db, id: equipmentId)
            return try await Self.table.page(db, page, filters: [("equipment_id", equipmentId)])
        }
    }

    /// Every metric of the installation, for the ingest pipeline's directory.
    public func all() async throws -> [Metric] {
        try await database.read { db in
            try await db.select().column("*").from(Self.table.name)
                .all(decoding: Metric.self, keyDecodingStrategy: .convertFromSnakeCase)
        }
    }

    /// Every metric of the installation with its `sample_key`, the small number its raw samples
    /// are stored under, read together.
    public func allWithSampleKeys() async throws -> [(metric: Metric, sampleKey: Int32)] {
        try await database.read { db in
            try await db.select().column("*").from(Self.table.name).all().map { row in
                (try row.decode(model: Metric.self, keyDecodingStrategy: .convertFromSnakeCase), try row.decode(column: "sample_key", as: Int32.self))
            }
        }
    }

    /// The metric with `id`.
    public func get(_ id: UUID) async throws -> Metric {
        try await database.read { db in try await Self.table.require(db, id: id) }
    }

    /// Creates a metric on an existing equipment; its key must be unused on that equipment.
    public func create(equipmentId: UUID, _ input: MetricInput) async throws -> Metric {
        try input.validate()
        return try await database.transaction { db in
            let equipment = try await EquipmentRepository.table.require(db, id: equipmentId)
            try await Self.requireFreeKey(db, input.key, equipmentId: equipmentId, excluding: nil)
            let now = RecordClock.now()
            let metric = Metric(id: UUID(), siteId: equipment.siteId, equipmentId: equipmentId, input: input, createdAt: now, updatedAt: now)
            try await Self.table.insert(db, metric)
            return metric
        }
    }

    /// Replaces a metric's definition and binding.
    public func replace(_ id: UUID, with input: MetricInput) async throws -> Metric {
        try input.validate()
        return try await database.transaction { db in
            let current = try await Self.table.require(db, id: id)
            try await Self.requireFreeKey(db, input.key, equipmentId: current.equipmentId, excluding: id)
            let metric = Metric(
                id: id, siteId: current.siteId, equipmentId: current.equipmentId, input: input,
                createdAt: current.createdAt, updatedAt: RecordClock.now())
            try await Self.table.update(db, metric)
            return metric
        }
    }

    /// Deletes a metric, refused while it has stored samples.
    public func delete(_ id: UUID) async throws {
        try await database.transaction { db in
            _ = try await Self.table.require(db, id: id)
            try await Self.deleteGuard.check(db, id: id)
            for table in ["latest_values", "metric_rollups_1m", "metric_rollups_1h"] {
                try await db.delete(from: table).where("metric_id", .equal, id).run()
            }
            try await Self.table.delete(db, id: id)
        }
    }

    private static func requireFreeKey(_ db: any SQLDatabase, _ key: String, equipmentId: UUID, excluding: UUID?) async throws {
        if try await table.isTaken(db, column: "key", value: key, scope: [("equipment_id", equipmentId)], excluding: excluding) {
            throw DomainError.duplicate(field: "key", value: key, scope: "by another metric of this equipment")
        }
    }
}

extension Metric: StoredRecord {
    var sortKey: String { key }
}

extension MetricRepository {
    /// What an import did, or would do in a dry run, by metric key.
    public struct ImportOutcome: Sendable, Equatable {
        public let created: [String]
        public let updated: [String]
        public let unchanged: [String]
    }

    /// Creates or updates (by key) the metrics of an equipment in one transaction; with `dryRun`
    /// it reports the same without writing. Every input is validated first: one bad input refuses all.
    public func importMetrics(equipmentId: UUID, _ inputs: [MetricInput], dryRun: Bool) async throws -> ImportOutcome {
        var violations: [FieldViolation] = []
        for (index, input) in inputs.enumerated() {
            do { try input.validate() } catch {
                violations += error.violations.map { FieldViolation(field: "/\(index)\($0.field)", reason: "\(input.key): \($0.reason)") }
            }
        }
        if !violations.isEmpty { throw DomainError.invalid(violations) }
        let keys = inputs.map(\.key)
        if let duplicate = Dictionary(grouping: keys, by: { $0 }).first(where: { $0.value.count > 1 })?.key {
            throw DomainError.invalid([FieldViolation(field: "/key", reason: "the file yields the key \(duplicate) twice")])
        }
        let work: @Sendable (any SQLDatabase) async throws -> ImportOutcome = { db in
            let equipment = try await EquipmentRepository.table.require(db, id: equipmentId)
            let existing = try await db.select().column("*").from(Self.table.name).where("equipment_id", .equal, equipmentId)
                .all(decoding: Metric.self, keyDecodingStrategy: .convertFromSnakeCase)
            let byKey = Dictionary(uniqueKeysWithValues: existing.map { ($0.key, $0) })
            var created: [String] = [], updated: [String] = [], unchanged: [String] = []
            let now = RecordClock.now()
            for input in inputs {
                if let current = byKey[input.key] {
                    let replacement = Metric(
                        id: current.id, siteId: current.siteId, equipmentId: equipmentId, input: input, createdAt: current.createdAt,
                        updatedAt: current.updatedAt)
                    if replacement == current {
                        unchanged.append(input.key)
                    } else {
                        updated.append(input.key)
                        if !dryRun {
                            try await Self.table.update(db, Metric(
                                id: current.id, siteId: current.siteId, equipmentId: equipmentId, input: input,
                                createdAt: current.createdAt, updatedAt: now))
                        }
                    }
                } else {
                    created.append(input.key)
                    if !dryRun {
                        try await Self.table.insert(db, Metric(
                            id: UUID(), siteId: equipment.siteId, equipmentId: equipmentId, input: input, createdAt: now, updatedAt: now))
                    }
                }
            }
            return ImportOutcome(created: created, updated: updated, unchanged: unchanged)
        }
        return dryRun ? try await database.read(work) : try await database.transaction(work)
    }
}
