/// A parsed Logix tag address: `Tag`, `Tag[3]`, `Tag[1,2]`, `Program:Main.Tag`, `Struct.Member.ACC`, `Word[1].3`.
public struct LogixTagPath: Sendable, Hashable, CustomStringConvertible {
    /// One dotted component: a name and its array indices.
    public struct Component: Sendable, Hashable {
        /// Tag or member name.
        public var name: String
        /// Array indices (empty when the component is not indexed).
        public var indices: [UInt32]

        /// Creates a component.
        public init(name: String, indices: [UInt32] = []) {
            self.name = name
            self.indices = indices
        }
    }

    /// Program name for program-scoped tags (`Program:Name.Tag`).
    public var program: String?
    /// Name components, the first being the tag itself.
    public var components: [Component]
    /// Bit number addressed inside an integer (`Tag.3`), if any.
    public var bit: Int?

    /// Creates an address from its parts.
    public init(program: String? = nil, components: [Component], bit: Int? = nil) {
        self.program = program
        self.components = components
        self.bit = bit
    }

    /// Parses an address, reporting what is wrong with malformed text.
    public init(parsing text: String) throws(EtherNetIPError) {
        var rest = Substring(text)
        guard !rest.isEmpty else { throw .invalidAddress("empty tag name") }
        if rest.lowercased().hasPrefix("program:") {
            rest = rest.dropFirst("program:".count)
            guard let dot = rest.firstIndex(of: "."), dot != rest.startIndex else {
                throw .invalidAddress("'\(text)': program-scoped tag needs 'Program:Name.Tag'")
            }
            let name = String(rest[..<dot])
            try Self.validate(name: name, in: text, allowColon: false)
            program = name
            rest = rest[rest.index(after: dot)...]
        }
        var parts = try Self.splitComponents(rest, text: text)
        if parts.count > 1, let last = parts.last, last.allSatisfy(\.isNumber) {
            guard let number = Int(last), number < 64 else { throw .invalidAddress("'\(text)': bit number \(last) out of range 0...63") }
            bit = number
            parts.removeLast()
        }
        components = []
        for (position, part) in parts.enumerated() {
            components.append(try Self.parseComponent(part, text: text, isFirst: position == 0 && program == nil))
        }
    }

    private static func splitComponents(_ text: Substring, text original: String) throws(EtherNetIPError) -> [Substring] {
        var parts: [Substring] = []
        var depth = 0
        var start = text.startIndex
        for index in text.indices {
            switch text[index] {
            case "[": depth += 1
                guard depth == 1 else { throw .invalidAddress("'\(original)': nested '['") }
            case "]": depth -= 1
                guard depth == 0 else { throw .invalidAddress("'\(original)': unbalanced ']'") }
            case "." where depth == 0:
                parts.append(text[start..<index])
                start = text.index(after: index)
            default: break
            }
        }
        guard depth == 0 else { throw .invalidAddress("'\(original)': missing ']'") }
        parts.append(text[start...])
        if parts.contains(where: \.isEmpty) { throw .invalidAddress("'\(original)': empty name component") }
        return parts
    }

    private static func parseComponent(_ part: Substring, text: String, isFirst: Bool) throws(EtherNetIPError) -> Component {
        guard let open = part.firstIndex(of: "[") else {
            try validate(name: String(part), in: text, allowColon: isFirst)
            return Component(name: String(part))
        }
        guard part.last == "]" else { throw .invalidAddress("'\(text)': characters after ']'") }
        let name = String(part[..<open])
        try validate(name: name, in: text, allowColon: isFirst)
        let inside = part[part.index(after: open)..<part.index(before: part.endIndex)]
        var indices: [UInt32] = []
        for piece in inside.split(separator: ",", omittingEmptySubsequences: false) {
            let trimmed = piece.trimmingCharacters(in: .whitespaces)
            guard let index = UInt32(trimmed) else { throw .invalidAddress("'\(text)': index '\(piece)' is not a non-negative integer") }
            indices.append(index)
        }
        guard (1...3).contains(indices.count) else { throw .invalidAddress("'\(text)': arrays have 1 to 3 dimensions") }
        return Component(name: name, indices: indices)
    }

    private static func validate(name: String, in text: String, allowColon: Bool) throws(EtherNetIPError) {
        guard let first = name.first else { throw .invalidAddress("'\(text)': empty name") }
        guard first.isLetter || first == "_" else { throw .invalidAddress("'\(text)': name '\(name)' must start with a letter or '_'") }
        for character in name where !(character.isLetter || character.isNumber || character == "_" || (allowColon && character == ":")) {
            throw .invalidAddress("'\(text)': invalid character '\(character)' in '\(name)'")
        }
        guard name.utf8.count <= 255 else { throw .invalidAddress("'\(text)': name too long") }
    }

    /// Name of the base tag, program-qualified (`Program:Main.Tag`), used to cache its type.
    public var baseTagName: String {
        let base = components.first?.name ?? ""
        return program.map { "Program:\($0).\(base)" } ?? base
    }

    /// Whether the address designates a base tag with no member or index (`Tag`).
    public var isBaseTag: Bool { components.count == 1 && components[0].indices.isEmpty && bit == nil }

    /// The symbolic EPATH for the addressed element (the bit, if any, is not part of the path).
    public var path: CIPPath {
        var segments: [PathSegment] = []
        if let program { segments.append(.symbol("Program:" + program)) }
        for component in components {
            segments.append(.symbol(component.name))
            for index in component.indices { segments.append(.element(index)) }
        }
        return CIPPath(segments)
    }

    /// For a BOOL array element `Bits[n]`: the DWORD word address `Bits[n / 32]` and the bit `n % 32`.
    public func boolArrayWord() -> (word: LogixTagPath, bit: Int)? {
        guard bit == nil, let last = components.last, last.indices.count == 1 else { return nil }
        var word = self
        word.components[word.components.count - 1].indices = [last.indices[0] / 32]
        return (word, Int(last.indices[0] % 32))
    }

    /// The address without its bit number.
    public var withoutBit: LogixTagPath { LogixTagPath(program: program, components: components, bit: nil) }

    /// Canonical text of the address.
    public var description: String {
        var text = program.map { "Program:\($0)." } ?? ""
        text += components.map { component in
            component.indices.isEmpty ? component.name : component.name + "[" + component.indices.map(String.init).joined(separator: ",") + "]"
        }.joined(separator: ".")
        if let bit { text += ".\(bit)" }
        return text
    }
}

extension Substring {
    func trimmingCharacters(in set: TrimSet) -> String { String(self).trimmingCharacters(in: set) }
}
