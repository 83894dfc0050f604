import MS5Domain
/// Parser for fault catalogs `Tag,Description,Source` where each row describes one bit of a
/// BOOL array tag, e.g. `Fault[12],Slicer Infeed Guard Open,internal`.
///
/// Row handling:
/// - The first row must be the header `Tag,Description,Source` (case-insensitive); if it is not,
///   one issue is reported and that row is read as data.
/// - Rows described as unused (``unusedMarkers``, e.g. "not defined") are not imported as
///   faults; their bit indexes are listed in ``FaultCatalogImport/unused``.
/// - A bit index that appears again **replaces** the earlier row (the later row wins) and an
///   issue names both lines. (In the Bagger 1 file the second `Fault[1]` row is the correct one.)
/// - Skipped with one issue each: a field count other than 3, a Tag that is not
///   `<tag>[N]` (`Fault[Error]`), a bit outside `0..<bitCount`, an empty description and an
///   unknown Source.
public enum FaultCatalogCSV {
    /// Descriptions (compared trimmed, case-insensitive) that mark a bit as unused.
    public static let unusedMarkers: Set<String> = ["not defined", "undefined", "unused", "spare"]

    /// Reads a fault catalog for the bit array `tag` of `bitCount` bits.
    /// Never throws and never traps, whatever the input.
    public static func parse(_ text: String, tag: String = "Fault", bitCount: Int = 64) -> FaultCatalogImport {
        let document = CSVReader.read(text)
        var issues = document.issues
        var entries: [Int: Entry] = [:]
        let wantedTag = tag.trimmed.uppercased()

        for (position, record) in document.records.enumerated() {
            func skip(_ message: String) {
                issues.append(ImportIssue(line: record.line, message: message))
            }
            let fields = record.fields.map(\.trimmed)
            if position == 0 {
                if fields.map({ $0.lowercased() }) == ["tag", "description", "source"] { continue }
                skip("missing header row Tag,Description,Source; reading this row as data")
            }
            guard fields.count == 3 else {
                skip("expected 3 fields (Tag, Description, Source), found \(fields.count)")
                continue
            }
            let tagText = fields[0]
            let message = fields[1]
            guard let (name, index) = splitOperand(tagText) else {
                skip("tag '\(tagText.prefix(40))' is not \(tag)[N] with a numeric bit index")
                continue
            }
            guard name.uppercased() == wantedTag else {
                skip("tag '\(tagText.prefix(40))' is not a bit of \(tag)")
                continue
            }
            guard index < bitCount else {
                skip("bit index \(index) is outside \(tag) (0…\(max(bitCount - 1, 0)))")
                continue
            }
            guard !message.isEmpty else {
                skip("\(tagText) has an empty description")
                continue
            }
            guard let source = FaultSource(parsing: fields[2]) else {
                skip("\(tagText) has unknown Source '\(fields[2].prefix(30))' (expected internal, upstream or downstream)")
                continue
            }
            if let earlier = entries[index] {
                skip("duplicate bit \(index) (also on line \(earlier.line)); this later row replaces it")
            }
            if unusedMarkers.contains(message.lowercased()) {
                entries[index] = Entry(line: record.line, definition: nil)
            } else {
                entries[index] = Entry(line: record.line, definition: FaultCatalogRow(
                    line: record.line, tag: tag, bitIndex: index, text: message,
                    source: source, kind: FaultKind.classify(message)))
            }
        }
        let sortedBits = entries.keys.sorted()
        return FaultCatalogImport(
            faults: sortedBits.compactMap { entries[$0]?.definition },
            unused: sortedBits.filter { entries[$0]?.definition == nil },
            issues: issues,
            bitCount: bitCount
        )
    }

    /// Splits `Fault[12]` into (`Fault`, 12); nil unless it is `name[digits]`.
    static func splitOperand(_ text: String) -> (name: String, index: Int)? {
        guard let open = text.firstIndex(of: "["), text.last == "]" else { return nil }
        let name = text[..<open].trimmed
        let inside = text[text.index(after: open)...].dropLast().trimmed
        guard !name.isEmpty, let index = inside.asciiNonNegativeInt else { return nil }
        return (name, index)
    }

    /// One accepted row: a definition, or nil for an unused bit.
    private struct Entry {
        let line: Int
        let definition: FaultCatalogRow?
    }
}
