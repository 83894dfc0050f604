import Foundation
import MS5Domain
import MS5Import
import MS5Ingest
import MS5Storage

/// Imports the files plants already have — tag exports and fault-message CSVs — into an
/// equipment's metrics and fault catalog. All or nothing: a file with malformed rows changes
/// nothing unless `skipInvalid` is asked for, and a dry run only reports.
public struct ImportService: Sendable {
    /// Which tag export a file is.
    public enum TagFormat: String, ClosedSet, Equatable {
        /// Decide from the file: RSLogix 5000 exports start with `remark` lines and a TYPE header.
        case auto
        /// RSLogix 5000 (CompactLogix / ControlLogix) controller tag export.
        case logix
        /// RSLogix 500 (SLC 500 / MicroLogix) symbol export.
        case slc
    }

    let metrics: MetricRepository
    let catalogs: FaultCatalogStore
    let pipeline: IngestPipeline?

    /// Creates the service over `database`; `pipeline`, when given, hears of the changes.
    public init(database: Database, pipeline: IngestPipeline?) {
        self.metrics = MetricRepository(database: database)
        self.catalogs = FaultCatalogStore(database: database)
        self.pipeline = pipeline
    }

    /// Imports the tags of a tag export as metrics of the equipment (created or updated by key).
    public func importTags(_ text: String, equipmentId: UUID, format: TagFormat, dryRun: Bool, skipInvalid: Bool) async throws -> ImportReport {
        let resolved = format == .auto ? Self.detect(text) : format
        let plan: TagBindingPlan
        let issues: [ImportIssue]
        if resolved == .logix {
            let export = LogixTagExport.parse(text)
            (plan, issues) = (TagBindingPlan.logix(export), export.issues)
        } else {
            let export = SLCSymbolExport.parse(text)
            (plan, issues) = (TagBindingPlan.slc(export), export.issues)
        }
        try Self.refuse(issues, unless: skipInvalid)
        let outcome = try await metrics.importMetrics(equipmentId: equipmentId, plan.metrics, dryRun: dryRun)
        if !dryRun { try await pipeline?.configurationChanged(equipmentId: equipmentId) }
        return ImportReport(
            format: resolved.rawValue, dryRun: dryRun, created: outcome.created, updated: outcome.updated, removed: [],
            unchanged: outcome.unchanged.count,
            skipped: plan.skipped.map { ImportReport.Note(line: $0.line, tag: $0.tag, reason: $0.reason) },
            invalid: issues.map { ImportReport.Note(line: $0.line, tag: nil, reason: $0.message) })
    }

    /// Replaces the equipment's fault catalog with the faults of a fault-message CSV.
    public func importFaults(_ text: String, equipmentId: UUID, dryRun: Bool, skipInvalid: Bool) async throws -> ImportReport {
        let parsed = FaultCatalogCSV.parse(text)
        try Self.refuse(parsed.issues, unless: skipInvalid)
        let incoming = parsed.faults.map(\.definition)
        let current = Dictionary(uniqueKeysWithValues: try await catalogs.catalog(equipmentId: equipmentId).map { ($0.code, $0) })
        let created = incoming.filter { current[$0.code] == nil }.map(\.code)
        let updated = incoming.filter { new in current[new.code].map { $0 != new } ?? false }.map(\.code)
        let incomingCodes = Set(incoming.map(\.code))
        let removed = current.keys.filter { !incomingCodes.contains($0) }.sorted()
        if !dryRun {
            try await catalogs.replace(equipmentId: equipmentId, with: incoming)
            try await pipeline?.configurationChanged(equipmentId: equipmentId)
        }
        return ImportReport(
            format: "faults", dryRun: dryRun, created: created, updated: updated, removed: removed,
            unchanged: incoming.count - created.count - updated.count,
            skipped: parsed.unused.map { ImportReport.Note(line: 0, tag: "Fault[\($0)]", reason: "described 'not defined': an unused bit") },
            invalid: parsed.issues.map { ImportReport.Note(line: $0.line, tag: nil, reason: $0.message) })
    }

    static func detect(_ text: String) -> TagFormat {
        text.hasPrefix("remark,") || text.contains("TYPE,SCOPE,NAME") ? .logix : .slc
    }

    /// Refuses a file with malformed rows, naming each by its line, unless asked to skip them.
    static func refuse(_ issues: [ImportIssue], unless skipInvalid: Bool) throws {
        guard !issues.isEmpty, !skipInvalid else { return }
        throw DomainError(
            .invalid,
            "The file has \(issues.count) malformed row(s); nothing was imported. Correct them, or import with skipInvalid to leave them out.",
            violations: issues.map { FieldViolation(field: "/line/\($0.line)", reason: $0.message) })
    }
}
