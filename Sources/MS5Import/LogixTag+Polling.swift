extension LogixTag {
    /// Atomic Logix data types that MS5 can poll and read as a number.
    public static let numericAtomicTypes: Set<String> = [
        "BOOL", "SINT", "INT", "DINT", "LINT", "USINT", "UINT", "UDINT", "ULINT", "REAL", "LREAL",
    ]

    /// Predefined structure types whose numeric members MS5 knows, with those members.
    ///
    /// `COUNTER` and `TIMER` both carry DINT `.PRE` (preset) and `.ACC` (accumulator).
    public static let knownStructureMembers: [String: [String]] = [
        "COUNTER": ["ACC", "PRE"],
        "TIMER": ["ACC", "PRE"],
    ]

    /// True for a `TAG` row whose base type is in ``numericAtomicTypes`` (scalar or array).
    public var isNumericAtomic: Bool {
        kind == .tag && Self.numericAtomicTypes.contains(dataType.uppercased())
    }

    /// The operands MS5 would bind to poll this tag as numbers; empty when it cannot.
    ///
    /// Rules (deliberately simple):
    /// 1. Numeric atomic scalar or array → the tag itself, e.g. `Avg_Speed`, `Fault` (a whole
    ///    `BOOL[64]` is read in one request and decoded as 32-bit words).
    /// 2. `COUNTER` / `TIMER` scalar → its `.ACC` and `.PRE`, e.g. `Count_Blade_PEC.ACC`,
    ///    `Count_Blade_PEC.PRE`.
    /// 3. `COUNTER` / `TIMER` array → `.ACC` and `.PRE` of every element in row-major order,
    ///    e.g. `T4_0[0].ACC`, `T4_0[0].PRE`, `T4_0[1].ACC` …
    /// 4. Anything else (aliases, whose type the export does not state; comments; I/O module,
    ///    motion, message and user-defined structures) → `[]`.
    ///
    /// Program-scoped tags are prefixed as in ``qualifiedName`` (`Program:Main.Speed`).
    public var pollableMembers: [String] {
        guard kind == .tag else { return [] }
        if isNumericAtomic { return [qualifiedName] }
        guard let members = Self.knownStructureMembers[dataType.uppercased()] else { return [] }
        var result: [String] = []
        for index in Self.elementIndexes(dimensions) {
            for member in members {
                result.append("\(qualifiedName)\(index).\(member)")
            }
        }
        return result
    }

    /// Subscript texts (`""` for a scalar, `"[0]"`, `"[1,2]"` …) of every element, row-major.
    private static func elementIndexes(_ dimensions: [Int]) -> [String] {
        guard !dimensions.isEmpty, dimensions.allSatisfy({ $0 > 0 }) else {
            return dimensions.isEmpty ? [""] : []
        }
        var result: [String] = []
        var counters = Array(repeating: 0, count: dimensions.count)
        while true {
            result.append("[" + counters.map(String.init).joined(separator: ",") + "]")
            var position = dimensions.count - 1
            while position >= 0 {
                counters[position] += 1
                if counters[position] < dimensions[position] { break }
                counters[position] = 0
                position -= 1
            }
            if position < 0 { return result }
        }
    }
}
