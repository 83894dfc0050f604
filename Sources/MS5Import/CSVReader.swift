/// A small RFC 4180 style CSV reader.
///
/// Supports quoted fields, doubled quotes inside quoted fields (`""` → `"`), commas and line
/// breaks inside quoted fields, and CRLF, LF or lone CR line ends (mixed is fine). A leading
/// UTF-8 byte order mark is ignored. Each record remembers the 1-based physical line on which
/// it starts.
///
/// Leniency rules (documented so importers can rely on them):
/// - Completely blank lines produce no record.
/// - A quote character inside an unquoted field is kept literally (`ab"c` → `ab"c`).
/// - Anything other than `,` or a line end right after a closing quote makes the record
///   malformed: it is dropped and reported as one ``ImportIssue``.
/// - A quoted field still open at the end of the text is reported as an unterminated quote and
///   the unfinished record is dropped.
public enum CSVReader {
    /// Splits `text` into records. Never throws and never traps, whatever the input.
    public static func read(_ text: String) -> CSVDocument {
        var parser = CSVByteParser()
        var bytes = Substring(text).utf8[...]
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) {
            bytes = bytes.dropFirst(3)
        }
        for byte in bytes {
            parser.consume(byte)
        }
        parser.finish()
        return CSVDocument(records: parser.records, issues: parser.issues)
    }
}

/// The byte-level state machine behind ``CSVReader``.
private struct CSVByteParser {
    private enum State {
        case fieldStart, unquoted, quoted, quotedQuote
    }

    private static let quote: UInt8 = 0x22
    private static let comma: UInt8 = 0x2C
    private static let lineFeed: UInt8 = 0x0A
    private static let carriageReturn: UInt8 = 0x0D

    private(set) var records: [CSVRecord] = []
    private(set) var issues: [ImportIssue] = []

    private var state = State.fieldStart
    private var line = 1
    private var lastWasCR = false
    private var recordStarted = false
    private var recordLine = 1
    private var fields: [String] = []
    private var field: [UInt8] = []
    private var problem: String?

    mutating func consume(_ byte: UInt8) {
        let isCR = byte == Self.carriageReturn
        let isLineBreak = isCR || byte == Self.lineFeed
        defer { lastWasCR = isCR }
        if byte == Self.lineFeed && lastWasCR {
            // Second half of a CRLF: the line (and any record) already ended at the CR.
            if state == .quoted { field.append(byte) }
            return
        }
        if !recordStarted && !(isLineBreak && state == .fieldStart) {
            recordStarted = true
            recordLine = line
        }
        switch state {
        case .fieldStart:
            if byte == Self.quote {
                state = .quoted
            } else if byte == Self.comma {
                endField()
            } else if isLineBreak {
                if recordStarted { endField(); endRecord() }
            } else {
                field.append(byte)
                state = .unquoted
            }
        case .unquoted:
            if byte == Self.comma {
                endField()
            } else if isLineBreak {
                endField(); endRecord()
            } else {
                field.append(byte)
            }
        case .quoted:
            if byte == Self.quote {
                state = .quotedQuote
            } else {
                field.append(byte)
            }
        case .quotedQuote:
            if byte == Self.quote {
                field.append(byte)
                state = .quoted
            } else if byte == Self.comma {
                endField()
            } else if isLineBreak {
                endField(); endRecord()
            } else {
                if problem == nil {
                    problem = "unexpected character after a closing quote in field \(fields.count + 1)"
                }
                field.append(byte)
                state = .unquoted
            }
        }
        if isLineBreak { line += 1 }
    }

    mutating func finish() {
        if state == .quoted {
            issues.append(ImportIssue(
                line: recordLine,
                message: "unterminated quoted field \(fields.count + 1) (the quote opened in this record is never closed)"
            ))
            return
        }
        if recordStarted {
            endField()
            endRecord()
        }
    }

    private mutating func endField() {
        fields.append(String(decoding: field, as: UTF8.self))
        field.removeAll(keepingCapacity: true)
        state = .fieldStart
    }

    private mutating func endRecord() {
        if let problem {
            issues.append(ImportIssue(line: recordLine, message: problem))
        } else {
            records.append(CSVRecord(line: recordLine, fields: fields))
        }
        fields.removeAll(keepingCapacity: true)
        problem = nil
        recordStarted = false
        state = .fieldStart
    }
}
