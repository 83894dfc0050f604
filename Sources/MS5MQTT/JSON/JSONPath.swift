import MS5JSON

/// A small JSON path: object keys and array indexes separated by dots.
///
/// Accepted forms: `$` (the whole document), `$.value`, `data.count`, `$.items[0].value`,
/// `readings[2]`. Keys containing `.`, `[` or `]` are not supported.
public struct JSONPath: Sendable, Hashable, CustomStringConvertible {
    /// One step of a path.
    public enum Component: Sendable, Hashable {
        /// An object member.
        case key(String)
        /// An array element (0-based).
        case index(Int)
    }

    /// Why a path string could not be parsed.
    public struct ParseError: Error, Sendable, Hashable, CustomStringConvertible {
        /// The rejected path.
        public let path: String

        /// Creates an error for `path`.
        public init(path: String) {
            self.path = path
        }

        /// A sentence naming the problem.
        public var description: String { "invalid JSON path '\(path)': use keys and [index] separated by '.'" }
    }

    /// The path as written.
    public let text: String
    /// The steps from the document root.
    public let components: [Component]

    /// Parses `text`.
    /// - Throws: ``ParseError`` for empty keys, unbalanced brackets or non-numeric indexes.
    public init(_ text: String) throws {
        var body = Substring(text.trimmingPrefix("$"))
        if body.hasPrefix(".") { body = body.dropFirst() }
        var components: [Component] = []
        if !body.isEmpty {
            for segment in body.split(separator: ".", omittingEmptySubsequences: false) {
                components += try Self.parse(segment: segment, in: text)
            }
        }
        self.text = text
        self.components = components
    }

    private static func parse(segment: Substring, in path: String) throws -> [Component] {
        var rest = segment
        var components: [Component] = []
        let key = rest.prefix { $0 != "[" }
        if !key.isEmpty { components.append(.key(String(key))) }
        rest = rest.dropFirst(key.count)
        while !rest.isEmpty {
            guard rest.first == "[", let close = rest.firstIndex(of: "]"),
                let index = Int(rest[rest.index(after: rest.startIndex)..<close]), index >= 0
            else { throw ParseError(path: path) }
            components.append(.index(index))
            rest = rest[rest.index(after: close)...]
        }
        guard !components.isEmpty else { throw ParseError(path: path) }
        return components
    }

    /// The value at this path in `document`, or `nil` when a step is missing.
    public func value(in document: JSONValue) -> JSONValue? {
        var current = document
        for component in components {
            switch (component, current) {
            case (.key(let key), .object(let object)):
                guard let next = object[key] else { return nil }
                current = next
            case (.index(let index), .array(let array)):
                guard array.indices.contains(index) else { return nil }
                current = array[index]
            default:
                return nil
            }
        }
        return current
    }

    /// The path as written.
    public var description: String { text }
}
