/// One controller tag from the Symbol object (class 0x6B) listing.
public struct SymbolInfo: Sendable, Equatable {
    /// Symbol instance id.
    public var instance: UInt32
    /// Tag name.
    public var name: String
    /// Raw symbol type word: bit 15 structure, bits 13–14 dimension count, bit 12 system, low bits type or template.
    public var typeWord: UInt16
    /// Array dimensions (zeros for unused dimensions).
    public var dimensions: [UInt32]

    /// Creates a symbol.
    public init(instance: UInt32, name: String, typeWord: UInt16, dimensions: [UInt32]) {
        self.instance = instance
        self.name = name
        self.typeWord = typeWord
        self.dimensions = dimensions
    }

    /// Whether the tag is a structure.
    public var isStructure: Bool { typeWord & 0x8000 != 0 }
    /// Whether the tag is a system tag (name starts with `__` or is hidden).
    public var isSystem: Bool { typeWord & 0x1000 != 0 || name.hasPrefix("__") }
    /// Number of array dimensions (0 for scalars).
    public var dimensionCount: Int { Int((typeWord >> 13) & 0x3) }

    /// The data type: atomic code for atomic tags, structure handle (template id) otherwise.
    public var dataType: CIPDataType {
        isStructure ? (typeWord & 0x0FFF == CIPDataType.logixStringHandle & 0x0FFF ? .logixString : .structure(handle: typeWord & 0x0FFF)) : CIPDataType(code: typeWord & 0x00FF)
    }

    /// Type and dimensions as text, e.g. `DINT[20]`.
    public var typeDescription: String {
        let used = dimensions.prefix(dimensionCount)
        return dataType.description + (used.isEmpty ? "" : "[" + used.map(String.init).joined(separator: ",") + "]")
    }
}

/// Get Instance Attribute List (0x55) on the Symbol object: name (1), type (2) and dimensions (8).
public enum SymbolListing {
    /// Symbol object class id.
    public static let symbolClass: UInt16 = 0x6B
    /// Attribute ids requested, in order.
    public static let attributes: [UInt16] = [1, 2, 8]

    /// Request for the symbols from instance `start` on.
    public static func request(startingAt start: UInt32) -> CIPRequest {
        var writer = WireWriter(capacity: 8)
        writer.write(UInt16(attributes.count))
        for attribute in attributes { writer.write(attribute) }
        return CIPRequest(service: CIPService.getInstanceAttributeList, path: CIPPath([.classID(symbolClass), .instance(start)]), data: writer.bytes)
    }

    /// Reply data encoding of symbols (server side).
    public static func encode(_ symbols: [SymbolInfo]) -> [UInt8] {
        var writer = WireWriter(capacity: symbols.count * 32)
        for symbol in symbols {
            writer.write(symbol.instance)
            let name = Array(symbol.name.utf8)
            writer.write(UInt16(name.count))
            writer.write(bytes: name)
            writer.write(symbol.typeWord)
            for index in 0..<3 { writer.write(index < symbol.dimensions.count ? symbol.dimensions[index] : 0) }
        }
        return writer.bytes
    }

    /// Parses the symbols of one reply.
    public static func decode(_ data: [UInt8]) throws(EtherNetIPError) -> [SymbolInfo] {
        var reader = WireReader(data)
        var symbols: [SymbolInfo] = []
        while !reader.isAtEnd {
            let instance = try reader.readUInt32("symbol instance")
            let length = Int(try reader.readUInt16("symbol name length"))
            let name = String(decoding: try reader.readBytes(length, "symbol name"), as: UTF8.self)
            let type = try reader.readUInt16("symbol type")
            let dims = [try reader.readUInt32("dim 0"), try reader.readUInt32("dim 1"), try reader.readUInt32("dim 2")]
            symbols.append(SymbolInfo(instance: instance, name: name, typeWord: type, dimensions: dims))
        }
        return symbols
    }
}
