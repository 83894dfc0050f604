/// A row of an RSLogix 500 export that names a whole file rather than an address:
/// `DFILE:00007,…,"INTEGER"` (data file 7's description) or `U:3,0,RECIPE,…` (program file 3's
/// name). These are not symbols, so they are returned separately from the symbols.
public struct SLCFileLabel: Sendable, Equatable, Hashable {
    /// Which kind of file the row labels.
    public enum Kind: String, Sendable, Equatable, Hashable, CaseIterable {
        /// `DFILE:n` — a data file (N7, B3, T4 …) description.
        case dataFile
        /// `U:n` — a program (ladder) file name.
        case programFile
    }

    /// 1-based physical line of the row.
    public let line: Int
    /// Data file or program file.
    public let kind: Kind
    /// The file number (`DFILE:00007` → 7, `U:3` → 3).
    public let fileNumber: Int
    /// The symbol column (the program file name for `U:` rows; usually empty for `DFILE:`).
    public let name: String
    /// The joined description columns (the data file description for `DFILE:` rows).
    public let description: String

    /// Creates a file label.
    public init(line: Int, kind: Kind, fileNumber: Int, name: String, description: String) {
        self.line = line
        self.kind = kind
        self.fileNumber = fileNumber
        self.name = name
        self.description = description
    }

    /// The most descriptive text available: `name` if non-empty, else `description`.
    public var title: String { name.isEmpty ? description : name }
}
