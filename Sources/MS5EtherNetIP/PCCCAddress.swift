/// A parsed SLC/MicroLogix data-table address: `N7:10`, `B3:0/8`, `B3/24`, `F8:2`, `T4:0.ACC`, `C5:1/DN`, `I:0/3`, `O:0/1`, `S:1/5`.
public struct PCCCAddress: Sendable, Hashable, CustomStringConvertible {
    /// File type.
    public var fileType: PCCCFileType
    /// File number.
    public var fileNumber: UInt16
    /// Element number.
    public var element: UInt16
    /// Sub-element (word inside a timer/counter/control element), 0 otherwise.
    public var subElement: UInt16
    /// Bit number inside the addressed word, if a bit is addressed.
    public var bit: Int?
    /// Whether the address names a whole three-word element (`T4:0`).
    public var isWholeStructure: Bool

    /// Creates an address from its parts.
    public init(fileType: PCCCFileType, fileNumber: UInt16, element: UInt16, subElement: UInt16 = 0, bit: Int? = nil, isWholeStructure: Bool = false) {
        self.fileType = fileType
        self.fileNumber = fileNumber
        self.element = element
        self.subElement = subElement
        self.bit = bit
        self.isWholeStructure = isWholeStructure
    }

    /// Parses an address, reporting what is wrong with malformed text.
    public init(parsing text: String) throws(EtherNetIPError) {
        let upper = text.uppercased()
        var index = upper.startIndex
        var letters = ""
        while index < upper.endIndex, upper[index].isLetter { letters.append(upper[index]); index = upper.index(after: index) }
        guard let type = PCCCFileType(letter: letters) else { throw .invalidAddress("'\(text)': unknown file type '\(letters)' (O I S B T C R N F)") }
        var digits = ""
        while index < upper.endIndex, upper[index].isNumber { digits.append(upper[index]); index = upper.index(after: index) }
        let file: UInt16
        if digits.isEmpty { file = type.defaultFileNumber } else {
            guard let number = UInt16(digits), number <= 999 else { throw .invalidAddress("'\(text)': file number out of range") }
            file = number
        }
        let rest = upper[index...]
        fileType = type
        fileNumber = file
        subElement = 0
        bit = nil
        isWholeStructure = false
        if rest.hasPrefix("/") {
            // Bit addressing without element: B3/24 is element 1 bit 8.
            guard type == .bit || type == .integer || type == .input || type == .output || type == .status,
                  let number = Int(rest.dropFirst()), number >= 0, number < 16 * 65_536
            else { throw .invalidAddress("'\(text)': bad bit address") }
            element = UInt16(number / 16)
            bit = number % 16
            return
        }
        guard rest.hasPrefix(":") else { throw .invalidAddress("'\(text)': expected ':' after the file") }
        var body = rest.dropFirst()
        var elementDigits = ""
        while let first = body.first, first.isNumber { elementDigits.append(first); body = body.dropFirst() }
        guard let elementNumber = UInt16(elementDigits) else { throw .invalidAddress("'\(text)': missing element number") }
        element = elementNumber
        if body.isEmpty {
            isWholeStructure = type.isStructured
            return
        }
        if let separator = body.first, separator == "." || separator == "/" {
            let name = String(body.dropFirst())
            if type.isStructured {
                guard let member = type.member(name) else { throw .invalidAddress("'\(text)': unknown member '\(name)' of \(type.letter)") }
                subElement = member.word
                bit = member.bit
                if bit == nil, separator == "/" { throw .invalidAddress("'\(text)': '/\(name)' is a word, use '.\(name)'") }
                return
            }
            if separator == "." {
                // I:1.1/3 style word inside an I/O slot.
                let pieces = name.split(separator: "/", omittingEmptySubsequences: false)
                guard let word = UInt16(pieces[0]), pieces.count <= 2 else { throw .invalidAddress("'\(text)': bad sub-element") }
                subElement = word
                if pieces.count == 2 {
                    guard let number = Int(pieces[1]), number < 16 else { throw .invalidAddress("'\(text)': bit out of range 0...15") }
                    bit = number
                }
                return
            }
            guard type != .float, let number = Int(name), number >= 0, number < 16 * 256 else {
                throw .invalidAddress("'\(text)': bad bit number '\(name)'")
            }
            // O:8/16 rolls over into the next word of the element.
            subElement = UInt16(number / 16)
            bit = number % 16
            if type != .input, type != .output {
                element = element &+ subElement
                subElement = 0
            }
            return
        }
        throw .invalidAddress("'\(text)': unexpected '\(body)'")
    }

    /// Bytes transferred for a typed read of this address.
    public var byteSize: Int {
        if isWholeStructure { return 6 }
        return fileType == .float && bit == nil ? 4 : 2
    }

    /// Canonical text.
    public var description: String {
        let file = fileType.letter + ((fileType == .input || fileType == .output || fileType == .status) && fileNumber == fileType.defaultFileNumber ? "" : "\(fileNumber)")
        var text = "\(file):\(element)"
        if fileType.isStructured, !isWholeStructure {
            let names: [UInt16: String] = fileType == .control ? [1: "LEN", 2: "POS"] : [1: "PRE", 2: "ACC"]
            if let bit { return text + "/" + (Self.bitName(fileType, bit) ?? "\(bit)") }
            return text + "." + (names[subElement] ?? "\(subElement)")
        }
        if subElement != 0 { text += ".\(subElement)" }
        if let bit { text += "/\(bit)" }
        return text
    }

    private static func bitName(_ type: PCCCFileType, _ bit: Int) -> String? {
        let names = type == .timer ? ["EN", "TT", "DN"] : type == .counter ? ["CU", "CD", "DN", "OV", "UN", "UA"] : ["EN", "EU", "DN", "EM", "ER", "UL", "IN", "FD"]
        return names.first { type.member($0)?.bit == bit }
    }
}
