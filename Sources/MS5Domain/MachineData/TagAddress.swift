import Foundation

/// Checks that an address is well-formed for its connector, so that a binding that can never be
/// read is refused when it is entered rather than failing silently on the floor.
public enum TagAddress {
    /// The reason `address` is not valid for `connector`, or nil when it is.
    public static func problem(_ address: String, for connector: ConnectorType) -> String? {
        let text = address.trimmingCharacters(in: .whitespaces)
        guard !text.isEmpty else { return connector == .push ? nil : "must not be empty for \(connector.rawValue)" }
        guard text.count <= 256 else { return "must be at most 256 characters" }
        switch connector {
        case .logix: return logixProblem(text)
        case .slc: return slcProblem(text)
        case .opcua: return opcuaProblem(text)
        case .mqtt: return mqttProblem(text)
        case .sparkplug: return sparkplugProblem(text)
        case .modbus: return modbusProblem(text)
        case .simulator: return matches(text, #"^[A-Za-z0-9_.:/\[\]-]+$"#) ? nil : "must be a simulator tag name such as MC_Avg_Speed or B3:0/8"
        case .push: return nil
        }
    }

    /// `Tag`, `Tag.Member`, `Tag[3]`, `Tag[1,2]`, `Tag[1].3`, `Program:Main.Tag.ACC`.
    static func logixProblem(_ text: String) -> String? {
        let segment = #"[A-Za-z_][A-Za-z0-9_]*(\[[0-9]+(,[0-9]+){0,2}\])?"#
        let pattern = "^(Program:[A-Za-z_][A-Za-z0-9_]*\\.)?\(segment)(\\.(\(segment)|[0-9]{1,2}))*$"
        return matches(text, pattern) ? nil
            : "is not a Logix tag path (examples: Count_Blade_PEC.ACC, Fault[1].3, Program:MainProgram.Speed)"
    }

    /// `N7:10`, `B3:0/8`, `B3/8`, `F8:2`, `T4:0.ACC`, `T4:44/DN`, `I:1.0/3`, `O:2/5`, `S:1/5`, `ST9:0`.
    static func slcProblem(_ text: String) -> String? {
        let dataFile = #"^(N|B|F|T|C|R|S|A|D|L|ST|MG|PD)[0-9]{1,3}(:[0-9]{1,4})?((\.[A-Z]{2,3})|(/[0-9]{1,5})|(/[A-Z]{2}))?$"#
        let io = #"^(I|O|S):[0-9]{1,3}(\.[0-9]{1,3})?(/[0-9]{1,2})?$"#
        return matches(text, dataFile) || matches(text, io) ? nil
            : "is not an SLC 500 address (examples: N7:10, B3:0/8, F8:2, T4:0.ACC, I:1.0/3)"
    }

    /// `ns=2;s=Line1.Counter`, `ns=3;i=1001`, `i=2258`, `ns=1;g=<guid>`, `ns=1;b=<base64>`.
    static func opcuaProblem(_ text: String) -> String? {
        let pattern = #"^(ns=[0-9]{1,5};)?(i=[0-9]{1,10}|s=.+|g=[0-9A-Fa-f]{8}-[0-9A-Fa-f]{4}-[0-9A-Fa-f]{4}-[0-9A-Fa-f]{4}-[0-9A-Fa-f]{12}|b=[A-Za-z0-9+/=]+)$"#
        return matches(text, pattern) ? nil : "is not an OPC UA node id (examples: ns=2;s=Line1.Counter, ns=3;i=1001)"
    }

    /// `plant/line1/bagger/speed` or `plant/line1/bagger#$.speed.value`; no wildcards in a binding.
    static func mqttProblem(_ text: String) -> String? {
        let parts = text.split(separator: "#", maxSplits: 1, omittingEmptySubsequences: false)
        let topic = parts[0]
        if topic.isEmpty || topic.contains("+") || topic.hasPrefix("$") { return "must be an MQTT topic without wildcards" }
        if parts.count == 2, !matches(String(parts[1]), #"^\$(\.[A-Za-z0-9_]+|\[[0-9]+\])+$"#) {
            return "has a JSON path that is not of the form $.a.b or $.items[0].value"
        }
        return nil
    }

    /// `Bakery/Line1Edge/Bagger1:Count` (a device's metric) or `Bakery/Line1Edge:Line Speed` (the
    /// edge node's): group, edge node and device ids without `/`, `+`, `#` or `:`, then the metric name.
    static func sparkplugProblem(_ text: String) -> String? {
        matches(text, #"^[^/+#:]+/[^/+#:]+(/[^/+#:]+)?:.+$"#) ? nil
            : "is not a Sparkplug B metric (examples: Bakery/Line1Edge/Bagger1:Count, Bakery/Line1Edge:Line Speed)"
    }

    /// Explicit `hr:100`, `ir:5`, `co:3`, `di:7` (zero-based) or Modicon `40001`, `300001`
    /// (one-based), optionally followed by a type (`int16`, `uint16`, `int32`, `uint32`, `float32`,
    /// `float64`, `bool`) and a word/byte order (`abcd`, `cdab`, `badc`, `dcba`): `40001:float32:cdab`.
    /// The unit id is the connection's.
    static func modbusProblem(_ text: String) -> String? {
        let parts = text.lowercased().split(separator: ":", omittingEmptySubsequences: false).map(String.init)
        let example = "is not a Modbus address (examples: hr:100, 40001:float32, ir:5:int32:cdab, co:3, 10001)"
        let suffixes: ArraySlice<String>
        let holdsBits: Bool
        if ["hr", "ir", "co", "di"].contains(parts[0]) {
            guard parts.count >= 2, let offset = Int(parts[1]), parts[1].allSatisfy(\.isNumber) else { return example }
            guard offset <= 65535 else { return "has an offset above 65535" }
            holdsBits = parts[0] == "co" || parts[0] == "di"
            suffixes = parts.dropFirst(2)
        } else if (5...6).contains(parts[0].count), parts[0].allSatisfy(\.isNumber), let first = parts[0].first, "0134".contains(first) {
            let number = Int(parts[0].dropFirst()) ?? 0
            guard (1...(parts[0].count == 5 ? 9999 : 65536)).contains(number) else { return "has a Modicon number out of range (40001–49999, 400001–465536)" }
            holdsBits = first == "0" || first == "1"
            suffixes = parts.dropFirst()
        } else {
            return example
        }
        let types: Set = ["int16", "uint16", "int32", "uint32", "float32", "float64", "bool"]
        let orders: Set = ["abcd", "cdab", "badc", "dcba"]
        guard suffixes.count <= 2,
              suffixes.filter(types.contains).count <= 1, suffixes.filter(orders.contains).count <= 1,
              suffixes.allSatisfy({ types.contains($0) || orders.contains($0) })
        else { return "has a suffix that is not one type (int16 … float64, bool) and one order (abcd, cdab, badc, dcba)" }
        if holdsBits, suffixes.contains(where: { orders.contains($0) || ($0 != "bool" && types.contains($0)) }) {
            return "reads a single bit: only the type bool fits"
        }
        return nil
    }

    private static func matches(_ text: String, _ pattern: String) -> Bool {
        text.range(of: pattern, options: .regularExpression) != nil
    }
}
