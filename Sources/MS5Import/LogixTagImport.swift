/// The result of ``LogixTagExport/parse(_:)``.
public struct LogixTagImport: Sendable, Equatable {
    /// All `TAG`, `ALIAS` and `COMMENT` rows that could be read, in file order.
    public let tags: [LogixTag]
    /// One issue per row that was skipped (and for a missing header row).
    public let issues: [ImportIssue]

    /// Creates an import result.
    public init(tags: [LogixTag], issues: [ImportIssue]) {
        self.tags = tags
        self.issues = issues
    }

    /// The rows of one kind, in file order.
    public func rows(ofKind kind: LogixTag.Kind) -> [LogixTag] {
        tags.filter { $0.kind == kind }
    }

    /// The `TAG` or `ALIAS` row called `name` (case-insensitive, as Logix names are) in `scope`
    /// (nil = controller scope).
    public func tag(named name: String, scope: String? = nil) -> LogixTag? {
        tags.first { $0.kind != .comment && $0.scope == scope && sameName($0.name, name) }
    }

    /// The best description of an operand: the text of a `COMMENT` row describing exactly that
    /// operand (e.g. `HMI_Bit[21]`) if there is one, else the non-empty description of the
    /// `TAG`/`ALIAS` called so; nil when neither exists.
    public func description(of operand: String, scope: String? = nil) -> String? {
        if let comment = tags.first(where: {
            $0.kind == .comment && $0.scope == scope && sameName($0.name, operand)
        }) {
            return comment.description
        }
        guard let row = tag(named: operand, scope: scope), !row.description.isEmpty else {
            return nil
        }
        return row.description
    }

    private func sameName(_ lhs: String, _ rhs: String) -> Bool {
        lhs.uppercased() == rhs.uppercased()
    }
}
