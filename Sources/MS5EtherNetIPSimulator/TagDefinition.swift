import MS5EtherNetIP

/// A tag the simulator serves: name, element kind and array dimensions.
public struct TagDefinition: Sendable, Equatable {
    /// What one element is.
    public enum Kind: Sendable, Equatable {
        /// An atomic type or STRING.
        case atomic(CIPDataType)
        /// BOOL array packed into DWORD words (32 bits each).
        case boolArray
        /// A predefined structure.
        case structure(StructureLayout)
    }

    /// Tag name (`Program:Name.Tag` for program scope).
    public var name: String
    /// Element kind.
    public var kind: Kind
    /// Array dimensions; empty for scalars. For BOOL arrays, the number of bits.
    public var dimensions: [Int]

    /// Creates a definition.
    public init(name: String, kind: Kind, dimensions: [Int] = []) {
        self.name = name
        self.kind = kind
        self.dimensions = dimensions
    }

    /// Creates a definition from a Logix data type text such as `REAL`, `BOOL[32]`, `INT[6,8]`, `TIMER[32]`;
    /// nil for types the simulator does not model (UDTs, motion, module types).
    public init?(name: String, dataType text: String) {
        var typeName = text
        var dimensions: [Int] = []
        if let open = text.firstIndex(of: "["), text.last == "]" {
            typeName = String(text[..<open])
            let inside = text[text.index(after: open)..<text.index(before: text.endIndex)]
            let parsed = inside.split(separator: ",").compactMap { Int($0) }
            guard !parsed.isEmpty, parsed.allSatisfy({ $0 > 0 }) else { return nil }
            dimensions = parsed
        }
        if typeName.uppercased() == "BOOL", !dimensions.isEmpty {
            guard dimensions.count == 1 else { return nil }
            self.init(name: name, kind: .boolArray, dimensions: dimensions)
        } else if let layout = StructureLayout.named(typeName) {
            self.init(name: name, kind: .structure(layout), dimensions: dimensions)
        } else if let type = CIPDataType(name: typeName) {
            self.init(name: name, kind: .atomic(type), dimensions: dimensions)
        } else {
            return nil
        }
    }

    /// Elements on the wire (DWORD words for BOOL arrays).
    public var wireElementCount: Int {
        let total = dimensions.reduce(1, *)
        if case .boolArray = kind { return (total + 31) / 32 }
        return total
    }

    /// The type of one wire element.
    public var wireType: CIPDataType {
        switch kind {
        case .atomic(let type): type
        case .boolArray: .dword
        case .structure(let layout): .structure(handle: layout.handle)
        }
    }

    /// Bytes of one wire element.
    public var elementSize: Int {
        switch kind {
        case .atomic(let type): type.elementSize ?? 88
        case .boolArray: 4
        case .structure(let layout): layout.size
        }
    }
}
