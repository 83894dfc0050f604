import MS5Storage

/// Which kind of site-scoped record the `{id}` of a path names, read off the path's collection:
/// every operation on `/v1/lines/{id}…` is about one line, and so on. Declared once here so that
/// routes added later under these collections are scoped without further ado.
enum ScopedPaths {
    /// Collections whose members belong to a site, by their path.
    static let collections: [(path: String, record: ScopedRecord)] = [
        ("/v1/sites", .site), ("/v1/areas", .area), ("/v1/lines", .line), ("/v1/equipment", .equipment), ("/v1/metrics", .metric),
        ("/v1/orders", .productionOrder), ("/v1/andon/calls", .andonCall), ("/v1/assignments", .jobAssignment),
        ("/v1/planned-downtimes", .plannedDowntime), ("/v1/checklist-completions", .checklistCompletion),
        ("/v1/andon/escalation-policies", .escalationPolicy), ("/v1/andon/rules", .andonRule), ("/v1/tasks", .humanTask),
    ]

    /// The kind of record the `{id}` of `path` names, when it is site-scoped.
    static func record(namedBy path: String) -> ScopedRecord? {
        collections.first { path.hasPrefix($0.path + "/{id}") }?.record
    }

    /// The kind of record the collection at `path` lists, when it is site-scoped.
    static func record(listedAt path: String) -> ScopedRecord? {
        collections.first { $0.path == path }?.record
    }
}
