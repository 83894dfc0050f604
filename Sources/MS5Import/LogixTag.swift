/// One data row of an RSLogix 5000 / Studio 5000 tag export (`TAG`, `ALIAS` or `COMMENT`).
///
/// How the three row types map onto this struct:
/// - `TAG`: a real tag. `dataType`/`dimensions` come from DATATYPE, `aliasTarget` is nil.
/// - `ALIAS`: `aliasTarget` is the SPECIFIER column (e.g. `Local:1:I.Data.2`); the export gives
///   aliases no data type, so `dataType` is `""` and `dimensions` is empty.
/// - `COMMENT`: a description attached to a member or bit of another tag. `name` is the
///   *described operand* from the SPECIFIER column (e.g. `HMI_Bit[21]`), `parentTag` is the tag
///   from the NAME column (`HMI_Bit`), `description` is the comment text, `dataType` is `""`.
///   Comments are kept as rows of their own so no text is lost; see
///   ``LogixTagImport/description(of:scope:)`` for looking an operand's text up.
public struct LogixTag: Sendable, Equatable, Hashable {
    /// The TYPE column of a tag export row.
    public enum Kind: String, Sendable, Equatable, Hashable, CaseIterable {
        /// A `TAG` row: a tag with storage.
        case tag
        /// An `ALIAS` row: another name for (part of) a tag.
        case alias
        /// A `COMMENT` row: a description of a member or bit of another tag.
        case comment
    }

    /// 1-based physical line of the row in the export file.
    public let line: Int
    /// Which kind of row this is.
    public let kind: Kind
    /// Program name for program-scoped rows; nil for controller scope (empty SCOPE column).
    public let scope: String?
    /// Tag name; for `.comment` rows the described operand (SPECIFIER column), e.g. `HMI_Bit[21]`.
    public let name: String
    /// DESCRIPTION column, unquoted (may be empty).
    public let description: String
    /// Base data type without dimensions, e.g. `BOOL`, `COUNTER`, `AB:1769_DI32:I:0`; `""` for
    /// aliases and comments.
    public let dataType: String
    /// Array dimensions, e.g. `[32]` for `BOOL[32]`, `[6, 8]` for `INT[6,8]`; empty for scalars.
    public let dimensions: [Int]
    /// For `.alias` rows the aliased operand (SPECIFIER column); nil otherwise.
    public let aliasTarget: String?
    /// For `.comment` rows the tag whose member/bit is described (NAME column); nil otherwise.
    public let parentTag: String?
    /// True for I/O module tags (`Local:1:I`, `Local:3:O` …): the name or the module-defined
    /// data type (`AB:1769_DI32:I:0`) contains a colon, which ordinary tags cannot.
    public let isIOModule: Bool

    /// Creates a tag row.
    public init(
        line: Int, kind: Kind, scope: String?, name: String, description: String,
        dataType: String, dimensions: [Int], aliasTarget: String?, parentTag: String?,
        isIOModule: Bool
    ) {
        self.line = line
        self.kind = kind
        self.scope = scope
        self.name = name
        self.description = description
        self.dataType = dataType
        self.dimensions = dimensions
        self.aliasTarget = aliasTarget
        self.parentTag = parentTag
        self.isIOModule = isIOModule
    }

    /// True when the tag is an array (has at least one dimension).
    public var isArray: Bool { !dimensions.isEmpty }

    /// The data type as written in the export, e.g. `BOOL[32]` or `INT[6,8]`.
    public var declaredType: String {
        guard isArray else { return dataType }
        return dataType + "[" + dimensions.map(String.init).joined(separator: ",") + "]"
    }

    /// The operand used to address this tag from outside the controller: `name` for controller
    /// scope, `Program:<scope>.<name>` for program-scoped tags.
    public var qualifiedName: String {
        guard let scope else { return name }
        return "Program:\(scope).\(name)"
    }
}
