import MS5Domain

/// Which metrics a tag export proposes: a binding for every tag MS5 can read as one number, with
/// a role guessed from the tag (speed, product, counter, fault words, status bit), and the
/// reason for every tag it leaves out. Roles can be changed afterwards through the API.
public struct TagBindingPlan: Sendable, Equatable {
    /// A tag the plan does not bind, and why.
    public struct Skipped: Sendable, Equatable {
        public let line: Int
        public let tag: String
        public let reason: String
    }

    /// The proposed metrics, by key.
    public let metrics: [MetricInput]
    /// What was left out and why.
    public let skipped: [Skipped]

    /// The tag whose BOOL array is the machine's fault word array.
    public static let defaultFaultTag = "Fault"

    /// The plan for a RSLogix 5000 export.
    public static func logix(_ export: LogixTagImport, faultTag: String = defaultFaultTag) -> TagBindingPlan {
        var metrics: [MetricInput] = []
        var skipped: [Skipped] = []
        for tag in export.tags {
            let name = tag.qualifiedName
            switch tag.kind {
            case .comment:
                continue
            case .alias:
                skipped.append(Skipped(line: tag.line, tag: name, reason: "an alias; bind the tag it points to (\(tag.aliasTarget ?? "?"))"))
                continue
            case .tag:
                break
            }
            if tag.isIOModule {
                skipped.append(Skipped(line: tag.line, tag: name, reason: "an I/O module tag; bind the controller tags that use it"))
            } else if tag.dataType == "BOOL", tag.dimensions.count == 1, tag.name == faultTag {
                for word in 0..<(tag.dimensions[0] + 31) / 32 {
                    metrics.append(MetricInput(
                        key: MetricInput.key(forAddress: "\(name).Word\(word)"), name: "\(name) bits \(word * 32)–\(word * 32 + 31)",
                        role: .faultWord, connector: .logix, address: name, dataType: "BOOL[\(tag.dimensions[0])]", faultWordIndex: word))
                }
            } else if tag.isArray {
                skipped.append(Skipped(line: tag.line, tag: name, reason: "an array; bind its elements one by one (e.g. \(name)[0])"))
            } else if tag.isNumericAtomic {
                metrics.append(MetricInput(
                    key: MetricInput.key(forAddress: name), name: label(name, tag.description), role: role(tag), connector: .logix,
                    address: name, dataType: tag.dataType))
            } else if tag.dataType == "COUNTER" || tag.dataType == "TIMER" {
                let role: MetricRole = tag.dataType == "COUNTER" ? .counterTotal : .processValue
                metrics.append(MetricInput(
                    key: MetricInput.key(forAddress: "\(name).ACC"), name: label("\(name).ACC", tag.description), role: role,
                    connector: .logix, address: "\(name).ACC", dataType: "DINT"))
            } else {
                skipped.append(Skipped(line: tag.line, tag: name, reason: "type \(tag.dataType) is not a number MS5 reads"))
            }
        }
        return TagBindingPlan(metrics: metrics, skipped: skipped)
    }

    /// The plan for a RSLogix 500 symbol export: named bits, integers, floats, timer and counter accumulators.
    public static func slc(_ export: SLCSymbolImport) -> TagBindingPlan {
        var metrics: [MetricInput] = []
        var skipped: [Skipped] = []
        for symbol in export.symbols {
            let address = symbol.address.canonicalText
            guard symbol.hasSymbol else {
                skipped.append(Skipped(line: symbol.line, tag: address, reason: "has no symbol name"))
                continue
            }
            let name = label(symbol.symbol, symbol.description)
            let input: MetricInput? = switch symbol.address.fileType {
            case .binary where symbol.address.bit != nil:
                MetricInput(key: MetricInput.key(forAddress: address), name: name, role: .statusBit, connector: .slc, address: address, dataType: "BOOL")
            case .integer where symbol.address.bit == nil:
                MetricInput(key: MetricInput.key(forAddress: address), name: name, role: .processValue, connector: .slc, address: address, dataType: "INT")
            case .float:
                MetricInput(key: MetricInput.key(forAddress: address), name: name, role: .processValue, connector: .slc, address: address, dataType: "REAL")
            case .timer where symbol.address.subElement == nil, .counter where symbol.address.subElement == nil:
                MetricInput(
                    key: MetricInput.key(forAddress: address + ".ACC"), name: name,
                    role: symbol.address.fileType == .counter ? .counterTotal : .processValue, connector: .slc, address: address + ".ACC", dataType: "INT")
            default:
                nil
            }
            if let input {
                metrics.append(input)
            } else {
                skipped.append(Skipped(line: symbol.line, tag: address, reason: "\(symbol.address.fileType.rawValue)-file addresses of this shape are not imported"))
            }
        }
        return TagBindingPlan(metrics: metrics, skipped: skipped)
    }

    /// The role a numeric Logix tag most likely has, from its name.
    static func role(_ tag: LogixTag) -> MetricRole {
        let name = tag.name.lowercased()
        if tag.dataType == "BOOL" { return .statusBit }
        if name.contains("avg_speed") || name == "speed" || name.hasSuffix("_speed") && name.hasPrefix("mc") { return .speed }
        if name.contains("product") { return .productCode }
        return .processValue
    }

    private static func label(_ name: String, _ description: String) -> String {
        String((description.isEmpty ? name : "\(name) — \(description)").prefix(PlantLimits.name))
    }
}
