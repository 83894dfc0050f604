/// Parser for RSLogix 500 symbol/description exports (SLC 5/0x, MicroLogix).
///
/// The file has no header row. Each row is: address, scope number, symbol, five description
/// lines, then flag columns that are ignored. The five description lines are trimmed and the
/// non-empty ones joined with single spaces.
///
/// Row handling (nothing is dropped without being counted):
/// - `DFILE:nnnnn` rows (data file descriptions) and `U:n` rows (program file names) become
///   ``SLCFileLabel``s in ``SLCSymbolImport/fileLabels``.
/// - Every other row must have a valid ``SLCAddress`` and becomes an ``SLCSymbol``, even when
///   symbol and description are empty.
/// - Rows with fewer than 8 fields, a bad address, a non-numeric scope, or an address already
///   seen (compared by canonical spelling) are skipped with one ``ImportIssue`` each.
public enum SLCSymbolExport {
    /// Number of leading columns the parser needs: address, scope, symbol, 5 descriptions.
    public static let requiredFieldCount = 8

    /// Reads a whole symbol export. Never throws and never traps, whatever the input.
    public static func parse(_ text: String) -> SLCSymbolImport {
        let document = CSVReader.read(text)
        var issues = document.issues
        var symbols: [SLCSymbol] = []
        var labels: [SLCFileLabel] = []
        var firstLineByAddress: [String: Int] = [:]

        for record in document.records {
            func skip(_ message: String) {
                issues.append(ImportIssue(line: record.line, message: message))
            }
            guard record.fields.count >= requiredFieldCount else {
                skip("expected at least \(requiredFieldCount) fields (address, scope, symbol, 5 description lines), found \(record.fields.count)")
                continue
            }
            let addressText = record[field: 0].trimmed
            guard !addressText.isEmpty else {
                skip("empty address")
                continue
            }
            let scopeText = record[field: 1].trimmed
            guard let scope = scopeText.asciiNonNegativeInt else {
                skip("scope '\(scopeText.prefix(20))' is not a number")
                continue
            }
            let symbol = record[field: 2].trimmed
            let description = record.fields[3..<requiredFieldCount]
                .map(\.trimmed)
                .filter { !$0.isEmpty }
                .joined(separator: " ")

            if let label = fileLabelParts(addressText) {
                guard let number = label.number.asciiNonNegativeInt else {
                    skip("file label '\(addressText.prefix(30))' has no valid file number")
                    continue
                }
                labels.append(SLCFileLabel(line: record.line, kind: label.kind, fileNumber: number,
                                           name: symbol, description: description))
                continue
            }

            switch SLCAddress.parse(addressText) {
            case .failure(let error):
                skip("bad address \(error)")
            case .success(let address):
                let key = address.canonicalText
                if let first = firstLineByAddress[key] {
                    skip("duplicate address \(key) (first on line \(first))")
                    continue
                }
                firstLineByAddress[key] = record.line
                symbols.append(SLCSymbol(line: record.line, address: address, symbol: symbol,
                                         description: description, scope: scope))
            }
        }
        return SLCSymbolImport(symbols: symbols, fileLabels: labels, issues: issues)
    }

    /// Splits `DFILE:00007` / `U:3` into label kind and number text; nil for ordinary addresses.
    private static func fileLabelParts(_ address: String) -> (kind: SLCFileLabel.Kind, number: Substring)? {
        let upper = address.uppercased()
        for (prefix, kind) in [("DFILE:", SLCFileLabel.Kind.dataFile), ("U:", .programFile)]
        where upper.hasPrefix(prefix) {
            return (kind, upper.dropFirst(prefix.count))
        }
        return nil
    }
}
