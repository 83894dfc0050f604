import MS5JSON

/// Compares a recorded event schema with the current one, from the point of view of a consumer
/// written against the recorded one: every member it reads must still be there, of the same
/// type, format and constant, required where it was required, and an enumeration must not gain
/// values it does not know. Members may be added (consumers ignore members they do not know).
enum EventSchemaCompatibility {
    /// What the current schema breaks of the recorded one; empty when it is compatible.
    static func problems(recorded: JSONValue, current: JSONValue) -> [String] {
        var checker = Checker(recordedDefs: defs(recorded), currentDefs: defs(current))
        checker.compare(recorded, current, at: "")
        return checker.problems
    }

    /// Every `$ref` in `value`.
    static func references(in value: JSONValue) -> [String] {
        switch value {
        case .object(let members):
            members.flatMap { key, member -> [String] in
                if key == "$ref", case .string(let target) = member { return [target] }
                return references(in: member)
            }
        case .array(let items): items.flatMap(references)
        default: []
        }
    }

    private static func defs(_ document: JSONValue) -> [String: JSONValue] {
        guard case .object(let members) = document, case .object(let defs)? = members["$defs"] else { return [:] }
        return defs
    }

    private struct Checker {
        let recordedDefs: [String: JSONValue]
        let currentDefs: [String: JSONValue]
        var problems: [String] = []
        var compared: Set<String> = []

        mutating func compare(_ recorded: JSONValue, _ current: JSONValue, at path: String) {
            let old = resolve(recorded, in: recordedDefs), new = resolve(current, in: currentDefs)
            if let name = old.name {
                guard !compared.contains("\(name)@\(path)") else { return }
                compared.insert("\(name)@\(path)")
            }
            guard case .object(let was) = old.value, case .object(let now) = new.value else {
                if old.value != new.value { problems.append("\(path): changed") }
                return
            }
            for keyword in ["type", "const", "format"] where was[keyword] != nil && was[keyword] != now[keyword] {
                problems.append("\(path): \(keyword) changed from \(describe(was[keyword])) to \(describe(now[keyword]))")
            }
            if case .array(let allowed)? = was["enum"] {
                if case .array(let values)? = now["enum"] {
                    let added = values.filter { !allowed.contains($0) }
                    if !added.isEmpty { problems.append("\(path): enum gained \(added.map { describe($0) }.joined(separator: ", "))") }
                } else {
                    problems.append("\(path): is no longer an enumeration")
                }
            }
            if case .array(let wasOptions)? = was["anyOf"] {
                guard case .array(let nowOptions)? = now["anyOf"], nowOptions.count == wasOptions.count else {
                    problems.append("\(path): anyOf changed")
                    return
                }
                for (index, option) in wasOptions.enumerated() { compare(option, nowOptions[index], at: "\(path)/anyOf/\(index)") }
            }
            if let items = was["items"] {
                if let nowItems = now["items"] { compare(items, nowItems, at: "\(path)/items") } else { problems.append("\(path): items removed") }
            }
            guard case .object(let wasProperties)? = was["properties"] else { return }
            let nowProperties: [String: JSONValue] = if case .object(let properties)? = now["properties"] { properties } else { [:] }
            let nowRequired = Set(strings(now["required"]))
            for required in strings(was["required"]) where !nowRequired.contains(required) {
                problems.append("\(path)/\(required): no longer required")
            }
            for (name, property) in wasProperties.sorted(by: { $0.key < $1.key }) {
                guard let nowProperty = nowProperties[name] else {
                    problems.append("\(path)/\(name): removed")
                    continue
                }
                compare(property, nowProperty, at: "\(path)/\(name)")
            }
        }

        private func resolve(_ value: JSONValue, in defs: [String: JSONValue]) -> (value: JSONValue, name: String?) {
            guard case .object(let members) = value, case .string(let target)? = members["$ref"] else { return (value, nil) }
            let name = String(target.split(separator: "/").last ?? "")
            return (defs[name] ?? .null, name)
        }

        private func strings(_ value: JSONValue?) -> [String] {
            guard case .array(let items)? = value else { return [] }
            return items.compactMap { if case .string(let text) = $0 { text } else { nil } }
        }

        private func describe(_ value: JSONValue?) -> String {
            switch value {
            case .string(let text)?: "\"\(text)\""
            case .number(let number)?: "\(number)"
            case .bool(let flag)?: "\(flag)"
            case nil: "nothing"
            default: "a composite value"
            }
        }
    }
}
