import MS5EtherNetIP
import Synchronization

/// The simulator's SLC data table: numbered data files of 16-bit words (floats take two words).
public final class SimulatedDataFiles: Sendable {
    /// One data file's shape.
    public struct FileDefinition: Sendable, Equatable {
        /// File type.
        public var type: PCCCFileType
        /// File number.
        public var number: UInt16
        /// Number of elements.
        public var elements: Int

        /// Creates a definition.
        public init(type: PCCCFileType, number: UInt16, elements: Int) {
            self.type = type
            self.number = number
            self.elements = elements
        }
    }

    private struct File {
        var type: PCCCFileType
        var bytes: [UInt8]
    }

    /// Words per I/O element (slot): two, so 32-point modules fit (`O:8/16` is word 1 of slot 8).
    public static let ioWordsPerSlot = 2

    private let files = Mutex<[UInt16: File]>([:])

    /// Creates a table with the given files, all zero.
    public init(_ definitions: [FileDefinition] = []) {
        for definition in definitions { define(definition) }
    }

    /// Adds or enlarges a file.
    public func define(_ definition: FileDefinition) {
        let size = Self.bytesPerElement(definition.type) * definition.elements
        files.withLock { files in
            if let existing = files[definition.number], existing.type == definition.type, existing.bytes.count >= size { return }
            files[definition.number] = File(type: definition.type, bytes: [UInt8](repeating: 0, count: size))
        }
    }

    /// The file definitions, by file number.
    public var definitions: [FileDefinition] {
        files.withLock { files in
            files.keys.sorted().compactMap { number in
                files[number].map { FileDefinition(type: $0.type, number: number, elements: $0.bytes.count / Self.bytesPerElement($0.type)) }
            }
        }
    }

    static func bytesPerElement(_ type: PCCCFileType) -> Int {
        type == .input || type == .output ? 2 * ioWordsPerSlot : type.elementSize
    }

    private static let addressError = PCCCError(status: 0xF0, extendedStatus: 0x06)

    /// Reads `size` bytes at element / sub-element of a file.
    func read(file: UInt16, type: UInt8, element: UInt16, subElement: UInt16, size: Int) -> Result<[UInt8], PCCCError> {
        files.withLock { files in
            guard let stored = files[file], stored.type.rawValue == type else { return .failure(Self.addressError) }
            let start = Int(element) * Self.bytesPerElement(stored.type) + Int(subElement) * 2
            guard size > 0, start + size <= stored.bytes.count else { return .failure(Self.addressError) }
            return .success(Array(stored.bytes[start..<(start + size)]))
        }
    }

    /// Writes bytes at element / sub-element of a file; with a mask, only the masked bits of each word change.
    func write(file: UInt16, type: UInt8, element: UInt16, subElement: UInt16, data: [UInt8], mask: [UInt8]? = nil) -> PCCCError? {
        files.withLock { files in
            guard var stored = files[file], stored.type.rawValue == type else { return Self.addressError }
            let start = Int(element) * Self.bytesPerElement(stored.type) + Int(subElement) * 2
            guard !data.isEmpty, start + data.count <= stored.bytes.count else { return Self.addressError }
            for index in data.indices {
                let keep = mask.map { ~$0[index % $0.count] } ?? 0
                let change = mask.map { $0[index % $0.count] } ?? 0xFF
                stored.bytes[start + index] = (stored.bytes[start + index] & keep) | (data[index] & change)
            }
            files[file] = stored
            return nil
        }
    }

    /// Sets an address from Swift (`N7:10`, `B3:0/8`, `F8:2`, `T4:0.ACC`, …).
    public func setValue(_ text: String, _ value: CIPValue) throws {
        let address = try PCCCAddress(parsing: text)
        let error: PCCCError?
        if let bit = address.bit {
            let flag = UInt16(1) << UInt16(bit)
            let on = (value.integerValue ?? 0) != 0
            error = write(file: address.fileNumber, type: address.fileType.rawValue, element: address.element, subElement: address.subElement, data: [UInt8(truncatingIfNeeded: on ? flag : 0), UInt8(truncatingIfNeeded: (on ? flag : 0) >> 8)], mask: [UInt8(truncatingIfNeeded: flag), UInt8(truncatingIfNeeded: flag >> 8)])
        } else {
            error = write(file: address.fileNumber, type: address.fileType.rawValue, element: address.element, subElement: address.subElement, data: try PCCCMessage.data(for: value, at: address))
        }
        if let error { throw EtherNetIPError.pccc(error) }
    }

    /// Reads an address from Swift.
    public func value(_ text: String) throws -> CIPValue {
        let address = try PCCCAddress(parsing: text)
        switch read(file: address.fileNumber, type: address.fileType.rawValue, element: address.element, subElement: address.subElement, size: address.byteSize) {
        case .success(let bytes): return try PCCCMessage.value(of: address, from: bytes)
        case .failure(let error): throw EtherNetIPError.pccc(error)
        }
    }
}
