import MS5Domain

extension FaultKind {
    /// Messages starting with one of these are statuses ("OK To Start Slicer").
    public static let statusPrefixes = ["ok to "]
    /// Messages containing one of these words are statuses ("Machine Running", "Batch Complete").
    public static let statusWords: Set<String> = ["running", "complete", "completed", "ready"]
    /// Messages whose first word is one of these are prompts to the operator, so warnings.
    public static let warningFirstWords: Set<String> = [
        "check", "close", "release", "remove", "replace", "turn", "re-start", "restart", "reset",
        "press", "manually",
    ]
    /// Messages containing one of these words are warnings ("Low Main Air Pressure").
    public static let warningWords: Set<String> = ["low", "change-over", "changeover"]

    /// Classifies a fault message when the file does not say: status words first, then operator
    /// prompts and early warnings, everything else a fault that stops the machine.
    public static func classify(_ text: String) -> FaultKind {
        let lowered = text.trimmed.lowercased()
        let words = lowered
            .split { !($0.isLetter || $0.isNumber || $0 == "-") }
            .map(String.init)
        if statusPrefixes.contains(where: { lowered.hasPrefix($0) }) || words.contains(where: statusWords.contains) {
            return .status
        }
        if let first = words.first, warningFirstWords.contains(first) {
            return .warning
        }
        if words.contains(where: warningWords.contains) {
            return .warning
        }
        return .fault
    }
}
