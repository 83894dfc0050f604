/// Parser for RSLogix 5000 / Studio 5000 tag exports ("CSV-Import-Export", format 0.3).
///
/// The file is `remark,…` lines, a version line such as `0.3`, the header row
/// `TYPE,SCOPE,NAME,DESCRIPTION,DATATYPE,SPECIFIER,ATTRIBUTES`, then `TAG`, `ALIAS` and
/// `COMMENT` rows. Columns are located by the header names, so a re-ordered export still reads;
/// without a header the standard order above is assumed (and one issue says so).
///
/// `remark` rows and the version line are metadata and are skipped. ATTRIBUTES is not
/// interpreted. Every other row that cannot be read is skipped with one ``ImportIssue``:
/// unknown row types, too few or too many fields, empty NAME, missing or malformed DATATYPE,
/// an ALIAS or COMMENT without SPECIFIER, and duplicate names in the same scope.
public enum LogixTagExport {
    /// The standard column order of format 0.3.
    public static let standardColumns = [
        "TYPE", "SCOPE", "NAME", "DESCRIPTION", "DATATYPE", "SPECIFIER", "ATTRIBUTES",
    ]

    /// Reads a whole tag export. Never throws and never traps, whatever the input.
    public static func parse(_ text: String) -> LogixTagImport {
        let document = CSVReader.read(text)
        var issues = document.issues
        var tags: [LogixTag] = []
        var columns = ColumnMap(header: standardColumns)
        var headerLine: Int?
        var warnedNoHeader = false
        var firstLineByKey: [String: Int] = [:]

        for record in document.records {
            let type = record[field: 0].trimmed.uppercased()
            switch type {
            case "REMARK":
                continue
            case "TYPE":
                if let headerLine {
                    issues.append(ImportIssue(
                        line: record.line, message: "second header row (first on line \(headerLine))"))
                    continue
                }
                headerLine = record.line
                let map = ColumnMap(header: record.fields.map { $0.trimmed.uppercased() })
                if let missing = map.missingRequiredColumn {
                    issues.append(ImportIssue(line: record.line, message:
                        "header row has no \(missing) column; assuming the standard column order"))
                } else {
                    columns = map
                }
            case "TAG", "ALIAS", "COMMENT":
                if headerLine == nil && !warnedNoHeader {
                    warnedNoHeader = true
                    issues.append(ImportIssue(line: record.line, message:
                        "no TYPE,SCOPE,NAME,… header row before the first data row; assuming the standard column order"))
                }
                switch readRow(record, columns: columns) {
                case .failure(let problem):
                    issues.append(ImportIssue(line: record.line, message: problem.message))
                case .success(let tag):
                    let key = "\(tag.kind == .comment ? "C" : "T")|\(tag.scope ?? "")|\(tag.name.uppercased())"
                    if let first = firstLineByKey[key] {
                        issues.append(ImportIssue(line: record.line, message:
                            "duplicate \(tag.kind.rawValue) '\(tag.name)' (first on line \(first))"))
                    } else {
                        firstLineByKey[key] = record.line
                        tags.append(tag)
                    }
                }
            default:
                if headerLine == nil && record.fields.count == 1 && isVersion(record[field: 0]) {
                    continue
                }
                let shown = String(record[field: 0].prefix(40))
                issues.append(ImportIssue(line: record.line, message:
                    "unknown row type '\(shown)' (expected TAG, ALIAS or COMMENT)"))
            }
        }
        return LogixTagImport(tags: tags, issues: issues)
    }

    /// Splits a DATATYPE such as `BOOL[32]`, `INT[6,8]` or `AB:1769_DI32:I:0` into base type
    /// and dimensions. Returns nil when the text is empty or the brackets are malformed (at most
    /// 3 dimensions, each a positive integer).
    public static func splitDataType(_ text: String) -> (base: String, dimensions: [Int])? {
        let trimmed = text.trimmed
        guard !trimmed.isEmpty else { return nil }
        guard let open = trimmed.firstIndex(of: "[") else {
            return trimmed.contains("]") ? nil : (trimmed, [])
        }
        let base = trimmed[..<open].trimmed
        let rest = trimmed[trimmed.index(after: open)...]
        guard !base.isEmpty, rest.last == "]" else { return nil }
        let inside = rest.dropLast()
        guard !inside.contains("["), !inside.contains("]") else { return nil }
        let parts = inside.split(separator: ",", omittingEmptySubsequences: false)
        guard (1...3).contains(parts.count) else { return nil }
        var dimensions: [Int] = []
        var total = 1
        for part in parts {
            guard let size = part.trimmed.asciiNonNegativeInt, size > 0 else { return nil }
            let (product, overflow) = total.multipliedReportingOverflow(by: size)
            guard !overflow, product <= maximumElements else { return nil }
            total = product
            dimensions.append(size)
        }
        return (base, dimensions)
    }

    /// Largest element count accepted for one array tag (guards against absurd dimensions).
    static let maximumElements = 1 << 22

    private struct RowProblem: Error {
        let message: String
    }

    private static func readRow(_ record: CSVRecord, columns: ColumnMap) -> Result<LogixTag, RowProblem> {
        let typeText = record[field: 0].trimmed.uppercased()
        let kind: LogixTag.Kind = typeText == "TAG" ? .tag : (typeText == "ALIAS" ? .alias : .comment)
        let needed = (kind == .tag ? columns.dataType : columns.specifier) + 1
        if record.fields.count < needed {
            return .failure(RowProblem(message:
                "\(typeText) row has \(record.fields.count) fields, expected at least \(needed)"))
        }
        if record.fields.count > columns.count {
            return .failure(RowProblem(message:
                "\(typeText) row has \(record.fields.count) fields, the header has \(columns.count)"))
        }
        let nameColumn = record[field: columns.name].trimmed
        guard !nameColumn.isEmpty else {
            return .failure(RowProblem(message: "\(typeText) row has an empty NAME"))
        }
        let scopeText = record[field: columns.scope].trimmed
        let specifier = record[field: columns.specifier].trimmed
        let dataTypeText = record[field: columns.dataType]
        var base = ""
        var dimensions: [Int] = []
        if kind == .tag || !dataTypeText.trimmed.isEmpty {
            guard !dataTypeText.trimmed.isEmpty else {
                return .failure(RowProblem(message: "TAG '\(nameColumn)' has an empty DATATYPE"))
            }
            guard let split = splitDataType(dataTypeText) else {
                return .failure(RowProblem(message:
                    "\(typeText) '\(nameColumn)' has a malformed DATATYPE '\(dataTypeText.prefix(60))'"))
            }
            (base, dimensions) = split
        }
        if kind != .tag && specifier.isEmpty {
            let what = kind == .alias ? "alias target" : "described operand"
            return .failure(RowProblem(message:
                "\(typeText) '\(nameColumn)' has an empty SPECIFIER (\(what))"))
        }
        return .success(LogixTag(
            line: record.line,
            kind: kind,
            scope: scopeText.isEmpty ? nil : scopeText,
            name: kind == .comment ? specifier : nameColumn,
            description: record[field: columns.description],
            dataType: base,
            dimensions: dimensions,
            aliasTarget: kind == .alias ? specifier : nil,
            parentTag: kind == .comment ? nameColumn : nil,
            isIOModule: kind == .tag && (nameColumn.contains(":") || base.contains(":"))
        ))
    }

    private static func isVersion(_ text: String) -> Bool {
        let trimmed = text.trimmed
        return !trimmed.isEmpty && trimmed.allSatisfy { $0 == "." || ("0"..."9").contains($0) }
    }

    /// Column positions taken from a header row.
    private struct ColumnMap {
        let count: Int
        let scope: Int
        let name: Int
        let description: Int
        let dataType: Int
        let specifier: Int
        let missingRequiredColumn: String?

        init(header: [String]) {
            count = header.count
            var missing: String?
            func position(_ column: String) -> Int {
                if let index = header.firstIndex(of: column) { return index }
                if missing == nil { missing = column }
                return LogixTagExport.standardColumns.firstIndex(of: column) ?? 0
            }
            _ = position("TYPE")
            scope = position("SCOPE")
            name = position("NAME")
            description = position("DESCRIPTION")
            dataType = position("DATATYPE")
            specifier = position("SPECIFIER")
            missingRequiredColumn = missing
        }
    }
}
