import MS5JSON

extension JSONValue {
    /// A short rendering for error messages, such as `"abc"`, `12.5` or `an object`.
    var summary: String {
        switch self {
        case .null: "null"
        case .bool(let bool): "\(bool)"
        case .number(let number): "\(number)"
        case .string(let string): "\"\(string)\""
        case .array: "an array"
        case .object: "an object"
        }
    }
}
