import MS5Server

/// An import report as lines for the terminal.
enum ImportReportText {
    static func render(_ report: ImportReport) -> String {
        var lines = [
            "\(report.dryRun ? "Dry run, nothing changed" : "Imported") (\(report.format)): \(report.created.count) new, \(report.updated.count) changed, "
                + "\(report.removed.count) removed, \(report.unchanged) unchanged, \(report.skipped.count) skipped, \(report.invalid.count) malformed.",
        ]
        for key in report.created { lines.append("  + \(key)") }
        for key in report.updated { lines.append("  ~ \(key)") }
        for key in report.removed { lines.append("  - \(key)") }
        for note in report.invalid { lines.append("  line \(note.line): \(note.reason)") }
        return lines.joined(separator: "\n")
    }
}
