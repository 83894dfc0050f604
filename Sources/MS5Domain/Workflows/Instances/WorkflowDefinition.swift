/// The identity of a workflow's code: its name, e.g. `dds.action`, and its version, a whole
/// number that grows by deployment (1, 2, 3…).
///
/// A new version never changes instances already running: they carry the definition they
/// started on to their end (``WorkflowInstance/definition``, ``WorkflowCatalog``).
public struct WorkflowDefinition: Codable, Sendable, Hashable, Comparable {
    /// The workflow's key: 1–32 letters, digits, `-`, `_` or `.`.
    public var name: String
    /// The version, 1 or more.
    public var version: Int

    /// Creates the identity; ``validate()`` checks it.
    public init(name: String, version: Int) {
        self.name = name
        self.version = version
    }

    /// Refuses a name that is not a key or a version below 1.
    public func validate() throws(DomainError) {
        var v = Validator()
        v.code(name, "name")
        v.check(version >= 1, "version", "must be 1 or more")
        try v.finish()
    }

    /// Orders by name, then version.
    public static func < (lhs: WorkflowDefinition, rhs: WorkflowDefinition) -> Bool {
        (lhs.name, lhs.version) < (rhs.name, rhs.version)
    }
}
