/// The workflow definitions deployed, every version of each: a new instance starts on the
/// latest version of its name, a running one resumes on the version it started with, and a
/// version stays deployed while an instance runs on it.
public struct WorkflowCatalog: Sendable, Equatable {
    /// Every deployed definition, ordered by name and version.
    public private(set) var definitions: [WorkflowDefinition] = []

    /// Creates an empty catalog.
    public init() {}

    /// The catalog with `definition` deployed.
    ///
    /// A version already deployed is accepted again unchanged (every server start registers its
    /// definitions). Fails with `invalid` when the identity is invalid, and with `conflict`
    /// when a higher version of the name is deployed: versions only grow.
    public func registering(_ definition: WorkflowDefinition) throws(DomainError) -> WorkflowCatalog {
        try definition.validate()
        if definitions.contains(definition) { return self }
        if let latest = latest(named: definition.name), latest.version > definition.version {
            throw DomainError(
                .conflict,
                "\(definition.name) version \(latest.version) is deployed; a new version must be higher than \(latest.version).")
        }
        var result = self
        result.definitions.append(definition)
        result.definitions.sort()
        return result
    }

    /// The version new instances of `name` start on: the highest deployed, or nil when none is.
    public func latest(named name: String) -> WorkflowDefinition? {
        definitions.last { $0.name == name }
    }

    /// The definition `instance` runs on: the very version it started with, whatever is newer.
    ///
    /// Fails with `notFound` when that version is no longer deployed.
    public func definition(for instance: WorkflowInstance) throws(DomainError) -> WorkflowDefinition {
        guard definitions.contains(instance.definition) else {
            let definition = instance.definition
            throw DomainError(
                .notFound,
                "The workflow instance \(instance.id) runs \(definition.name) version \(definition.version), which is not deployed.")
        }
        return instance.definition
    }

    /// The catalog without `definition`.
    ///
    /// Fails with `conflict` while an instance of `instances` is still running on it, saying how
    /// many, and with `notFound` when it is not deployed.
    public func removing(
        _ definition: WorkflowDefinition, running instances: some Sequence<WorkflowInstance>
    ) throws(DomainError) -> WorkflowCatalog {
        guard definitions.contains(definition) else {
            throw DomainError(.notFound, "\(definition.name) version \(definition.version) is not deployed.")
        }
        let users = instances.filter { $0.status == .running && $0.definition == definition }.count
        guard users == 0 else {
            throw DomainError(
                .conflict,
                "\(users) running instance(s) still use \(definition.name) version \(definition.version); "
                    + "it stays deployed until they end.")
        }
        var result = self
        result.definitions.removeAll { $0 == definition }
        return result
    }
}
