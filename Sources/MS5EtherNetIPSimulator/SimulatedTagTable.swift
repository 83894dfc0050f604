import MS5EtherNetIP
import Synchronization

/// The simulator's Logix tag memory: definitions and their bytes, safe to use from any thread.
public final class SimulatedTagTable: Sendable {
    /// Where a request path lands inside a tag.
    struct Location {
        /// The tag's entry.
        var entry: Entry
        /// Byte offset of the first addressed element.
        var offset: Int
        /// Type reported for the addressed data.
        var type: CIPDataType
        /// Bytes of one addressed element.
        var elementSize: Int
        /// Elements available from `offset` to the end of the tag (1 for members).
        var available: Int
        /// For packed BOOL members: the bit inside the DINT at `offset`.
        var bit: Int?
    }

    /// One tag's definition and memory; a class so lookups share it instead of copying it.
    final class Entry {
        let definition: TagDefinition
        let key: String
        var bytes: [UInt8]
        let instance: UInt32

        init(definition: TagDefinition, bytes: [UInt8], instance: UInt32) {
            self.definition = definition
            self.key = definition.name.uppercased()
            self.bytes = bytes
            self.instance = instance
        }
    }

    /// Entries by upper-case name and, for the fast path, by the name as defined (how clients usually send it).
    private let storage = Mutex<[String: Entry]>([:])

    /// Creates a table holding `definitions`, all zero.
    public init(_ definitions: [TagDefinition] = []) {
        for definition in definitions { define(definition) }
    }

    /// Adds (or replaces) a tag, zero-filled.
    public func define(_ definition: TagDefinition) {
        storage.withLock { entries in
            let size = definition.wireElementCount * definition.elementSize
            let instance = UInt32(Set(entries.values.map(\.instance)).count + 1)
            let entry = Entry(definition: definition, bytes: [UInt8](repeating: 0, count: size), instance: instance)
            entries[entry.key] = entry
            entries[definition.name] = entry
        }
    }

    /// The definitions, in instance order.
    public var definitions: [TagDefinition] {
        storage.withLock { entries in Self.unique(entries).map(\.definition) }
    }

    private static func unique(_ entries: [String: Entry]) -> [Entry] {
        entries.filter { $0.key == $0.value.key }.values.sorted { $0.instance < $1.instance }
    }

    /// The symbols (instance, name, type word, dimensions) for the Symbol object listing.
    func symbols() -> [SymbolInfo] {
        storage.withLock { entries in
            Self.unique(entries).map { entry in
                let definition = entry.definition
                let dims = definition.kind == .boolArray ? [UInt32(definition.wireElementCount * 32)] : definition.dimensions.map { UInt32($0) }
                var typeWord: UInt16
                switch definition.kind {
                case .atomic(.logixString): typeWord = 0x8000 | (CIPDataType.logixStringHandle & 0x0FFF)
                case .atomic(let type): typeWord = type.code & 0x00FF
                case .boolArray: typeWord = 0x00D3
                case .structure(let layout): typeWord = 0x8000 | layout.templateID
                }
                typeWord |= UInt16(min(dims.count, 3)) << 13
                return SymbolInfo(instance: entry.instance, name: definition.name, typeWord: typeWord, dimensions: dims)
            }
        }
    }

    private static func failure(_ general: UInt8, _ extended: [UInt16] = []) -> CIPError { CIPError(general: general, extended: extended) }

    /// Resolves a symbolic path (`Tag`, `Tag[i]`, `Tag[i,j]`, `Tag[i].MEMBER`, `Program:P` + `Tag`).
    func locate(_ path: CIPPath, in entries: [String: Entry]) -> Result<Location, CIPError> {
        var segments = path.segments[...]
        guard case .symbol(var name)? = segments.popFirst() else { return .failure(Self.failure(0x04)) }
        if name.first == "P" || name.first == "p", name.lowercased().hasPrefix("program:"), case .symbol(let inner)? = segments.first {
            segments = segments.dropFirst()
            name += "." + inner
        }
        guard let entry = entries[name] ?? entries[name.uppercased()] else { return .failure(Self.failure(0x04, [0x0000])) }
        let definition = entry.definition
        var indices: [Int] = []
        while case .element(let index)? = segments.first {
            indices.append(Int(index))
            segments = segments.dropFirst()
        }
        var elementIndex = 0
        if !indices.isEmpty {
            let dims = definition.kind == .boolArray ? [definition.wireElementCount] : definition.dimensions
            guard indices.count == dims.count else { return .failure(Self.failure(0x04)) }
            for (index, dimension) in zip(indices, dims) {
                guard index < dimension else { return .failure(Self.failure(0xFF, [0x2105])) }
                elementIndex = elementIndex * dimension + index
            }
        }
        let offset = elementIndex * definition.elementSize
        let available = definition.wireElementCount - elementIndex
        guard let member = segments.first else {
            return .success(Location(entry: entry, offset: offset, type: definition.wireType, elementSize: definition.elementSize, available: available, bit: nil))
        }
        guard case .symbol(let memberName) = member, segments.count == 1, case .structure(let layout) = definition.kind,
              let field = layout.members[memberName.uppercased()]
        else { return .failure(Self.failure(0x04)) }
        if !definition.dimensions.isEmpty, indices.isEmpty { return .failure(Self.failure(0x04)) }
        return .success(Location(entry: entry, offset: offset + field.offset, type: field.type, elementSize: field.type.elementSize ?? 4, available: 1, bit: field.bit))
    }

    /// Read Tag / Read Tag Fragmented: `count` elements from the path, bytes `byteOffset…` up to `limit` bytes.
    /// - Returns: the type, the bytes and whether more bytes remain.
    func read(_ path: CIPPath, count: Int, byteOffset: Int = 0, limit: Int) -> Result<(CIPDataType, [UInt8], Bool), CIPError> {
        readSlice(path, count: count, byteOffset: byteOffset, limit: limit).map { type, bytes, more in (type, Array(bytes), more) }
    }

    /// Appends a complete Read Tag / Read Tag Fragmented reply (header, status, type, data) to `writer`.
    /// - Returns: whether the reply is a plain success (not partial, not an error).
    func appendReadReply(service: UInt8, path: CIPPath, count: Int, byteOffset: Int = 0, limit: Int, into writer: inout WireWriter) -> Bool {
        let start = writer.count
        writer.write(service | CIPService.replyFlag)
        writer.write(UInt8(0))
        writer.write(UInt8(0))
        writer.write(UInt8(0))
        switch readSlice(path, count: count, byteOffset: byteOffset, limit: limit) {
        case .success(let (type, bytes, more)):
            type.encode(into: &writer)
            writer.write(bytes: bytes)
            if more { writer.patchByte(0x06, at: start + 2) }
            return !more
        case .failure(let error):
            writer.truncate(to: start)
            CIPRequestProcessor.errorResponse(service: service, error).encode(into: &writer)
            return false
        }
    }

    /// Resolves and bounds a read: the type, the bytes (a slice sharing the tag's storage) and whether more remain.
    private func readSlice(_ path: CIPPath, count: Int, byteOffset: Int, limit: Int) -> Result<(CIPDataType, ArraySlice<UInt8>, Bool), CIPError> {
        storage.withLock { entries in
            locate(path, in: entries).flatMap { location in
                let elements = max(count, 1)
                guard elements <= location.available else { return .failure(Self.failure(0xFF, [0x2105])) }
                if let bit = location.bit {
                    let word = Self.word(location.entry.bytes, location.offset)
                    let flag: [UInt8] = [word & (1 << UInt32(bit)) != 0 ? 1 : 0]
                    return .success((.bool, flag[...], false))
                }
                let total = elements * location.elementSize
                guard byteOffset <= total else { return .failure(Self.failure(0xFF, [0x2105])) }
                let alignedLimit = max(limit / location.elementSize * location.elementSize, location.elementSize)
                let end = min(total, byteOffset + alignedLimit)
                let start = location.offset + byteOffset
                return .success((location.type, location.entry.bytes[start..<(location.offset + end)], end < total))
            }
        }
    }

    /// Write Tag / Write Tag Fragmented: `data` for `count` elements of `type`, at `byteOffset`.
    func write(_ path: CIPPath, type: CIPDataType, count: Int, byteOffset: Int = 0, data: [UInt8]) -> CIPError? {
        storage.withLock { entries in
            switch locate(path, in: entries) {
            case .failure(let error): return error
            case .success(let location):
                guard type == location.type || (location.type == .dword && type == .dint) else { return Self.failure(0xFF, [0x2107]) }
                guard max(count, 1) <= location.available else { return Self.failure(0xFF, [0x2105]) }
                if let bit = location.bit {
                    guard let first = data.first else { return Self.failure(0x13) }
                    location.entry.bytes.withUnsafeMutableBufferPointer { buffer in
                        Self.setBit(&buffer, location.offset, bit, first != 0)
                    }
                    return nil
                }
                let total = max(count, 1) * location.elementSize
                guard byteOffset + data.count <= total else { return Self.failure(0x15) }
                let start = location.offset + byteOffset
                location.entry.bytes.replaceSubrange(start..<(start + data.count), with: data)
                return nil
            }
        }
    }

    /// Read-Modify-Write: value = (value | orMask) & andMask on the addressed element.
    func readModifyWrite(_ path: CIPPath, orMask: [UInt8], andMask: [UInt8]) -> CIPError? {
        storage.withLock { entries in
            switch locate(path, in: entries) {
            case .failure(let error): return error
            case .success(let location):
                guard location.bit == nil, orMask.count == andMask.count, orMask.count <= location.elementSize else { return Self.failure(0x03) }
                for index in orMask.indices {
                    location.entry.bytes[location.offset + index] = (location.entry.bytes[location.offset + index] | orMask[index]) & andMask[index]
                }
                return nil
            }
        }
    }

    private static func word(_ bytes: [UInt8], _ offset: Int) -> UInt32 {
        UInt32(bytes[offset]) | UInt32(bytes[offset + 1]) << 8 | UInt32(bytes[offset + 2]) << 16 | UInt32(bytes[offset + 3]) << 24
    }

    private static func setBit(_ buffer: inout UnsafeMutableBufferPointer<UInt8>, _ offset: Int, _ bit: Int, _ value: Bool) {
        let index = offset + bit / 8
        let flag = UInt8(1) << UInt8(bit % 8)
        buffer[index] = value ? buffer[index] | flag : buffer[index] & ~flag
    }

    /// Sets a tag, element, member or bit from Swift (`Speed`, `Arr[3]`, `T4_0[1].ACC`, `Fault[35]`, `Word.3`).
    public func setValue(_ tag: String, _ value: CIPValue) throws {
        let address = try LogixTagPath(parsing: tag)
        let (path, bit) = try wirePath(address)
        if let bit {
            guard let flag = value.integerValue else { throw EtherNetIPError.typeMismatch("bit value \(value)") }
            let size = try storage.withLock { entries throws(EtherNetIPError) in try locate(path, in: entries).get().elementSize }
            let masks = LogixTagService.bitMasks(bit: bit, size: size, value: flag != 0)
            if let error = readModifyWrite(path, orMask: masks.orMask, andMask: masks.andMask) { throw EtherNetIPError.cip(error) }
            return
        }
        let type = try storage.withLock { entries throws(EtherNetIPError) in try locate(path, in: entries).get().type }
        let data = try CIPValueCoding.encode(value, as: type)
        if let error = write(path, type: type, count: value.elements.count, data: data) { throw EtherNetIPError.cip(error) }
    }

    /// Reads a tag, element, member or bit from Swift.
    public func value(_ tag: String, count: Int = 1) throws -> CIPValue {
        let address = try LogixTagPath(parsing: tag)
        let (path, bit) = try wirePath(address)
        let (type, bytes, _) = try read(path, count: count, limit: Int.max).get()
        let value = try CIPValueCoding.decode(type, bytes: bytes, count: count)
        guard let bit else { return value }
        return .bool(((value.integerValue ?? 0) >> Int64(bit)) & 1 == 1)
    }

    private func wirePath(_ address: LogixTagPath) throws -> (CIPPath, Int?) {
        let isBoolArray = storage.withLock { entries in
            (entries[address.baseTagName] ?? entries[address.baseTagName.uppercased()])?.definition.kind == .boolArray
        }
        if isBoolArray, address.components.count == 1, let (word, bit) = address.boolArrayWord() { return (word.path, bit) }
        return (address.withoutBit.path, address.bit)
    }
}

extension Result where Failure == CIPError {
    /// Unwraps, converting the CIP error to ``EtherNetIPError``.
    func get() throws(EtherNetIPError) -> Success {
        switch self {
        case .success(let value): value
        case .failure(let error): throw .cip(error)
        }
    }
}
