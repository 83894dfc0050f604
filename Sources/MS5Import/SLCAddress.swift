/// A parsed SLC 500 data-table address such as `B3:0/8`, `N7:10`, `T4:44/DN`, `T4:0.ACC`,
/// `F8:2`, `ST24:0`, `I:1/3`, `I:1.0/3`, `O:2`, `S:1/15` or `B3/37`.
///
/// Grammar (case-insensitive, surrounding spaces ignored):
/// `TYPE [FILE] ":" ELEMENT ["." (WORD | MEMBER)] ["/" (BIT | NAMEDBIT)]` or `B FILE "/" BIT`.
/// - `TYPE` is one of ``SLCFileType``; `FILE` may be omitted only for `O`, `I`, `S` (and if
///   written must be their fixed number 0, 1, 2); otherwise 0…255.
/// - `ELEMENT` is 0…255 (the slot for I/O). `.WORD` (a number) is only valid for I/O;
///   `.MEMBER` must be one of ``SLCFileType/wordMembers`` (e.g. `ACC`, `PRE`).
/// - `/BIT` must not exceed ``SLCFileType/highestBit``, except that an I/O address without
///   `.WORD` may number bits across the slot's words up to ``ioSlotBitLimit`` (`I:7/30` is
///   word 1, bit 14 — see ``ioWordAndBit``); `/NAMEDBIT` must be one of
///   ``SLCFileType/namedBits`` (e.g. `DN`) and cannot follow a `.MEMBER`.
/// - The bit-file shorthand `B3/37` is normalised to element 37/16 = 2, bit 37%16 = 5.
public struct SLCAddress: Sendable, Equatable, Hashable, CustomStringConvertible {
    /// The address exactly as it appeared in the source (not trimmed or re-cased).
    public let text: String
    /// File type letters (`B`, `N`, `T`, `I` …).
    public let fileType: SLCFileType
    /// File number as written; nil when omitted (`I:1/3`, `S:1`). See ``resolvedFileNumber``.
    public let fileNumber: Int?
    /// Element number (word or structure index; the slot for I/O).
    public let element: Int
    /// I/O word within the slot (`I:1.2/3` → 2); nil when not written.
    public let word: Int?
    /// Named word member (`.ACC`) or named bit (`/DN`), if any.
    public let subElement: SLCSubElement?
    /// Numeric bit number (`/8`), if any.
    public let bit: Int?

    /// Creates an address from its parts (no validation).
    public init(
        text: String, fileType: SLCFileType, fileNumber: Int?, element: Int,
        word: Int? = nil, subElement: SLCSubElement? = nil, bit: Int? = nil
    ) {
        self.text = text
        self.fileType = fileType
        self.fileNumber = fileNumber
        self.element = element
        self.word = word
        self.subElement = subElement
        self.bit = bit
    }

    /// Parses `text`; nil when it is not a valid address (use ``parse(_:)`` for the reason).
    public init?(parsing text: String) {
        guard case .success(let address) = Self.parse(text) else { return nil }
        self = address
    }

    /// Highest bit number of an I/O address written without a word (`I:7/31`): 32 words × 16.
    public static let ioSlotBitLimit = 511

    /// For I/O addresses with a bit: the slot word and the bit in that word
    /// (`I:7/30` → (1, 14), `I:1.0/3` → (0, 3)); nil for other addresses.
    public var ioWordAndBit: (word: Int, bit: Int)? {
        guard fileType == .input || fileType == .output, let bit else { return nil }
        return ((word ?? 0) + bit / 16, bit % 16)
    }

    /// The file number written or implied (O → 0, I → 1, S → 2).
    public var resolvedFileNumber: Int? { fileNumber ?? fileType.defaultFileNumber }

    /// A canonical spelling: upper-case, file number as written, e.g. `T4:44/DN`, `I:1.0/3`.
    public var canonicalText: String {
        var result = fileType.rawValue + (fileNumber.map(String.init) ?? "") + ":\(element)"
        if let word { result += ".\(word)" }
        if case .word(let name) = subElement { result += ".\(name)" }
        if case .namedBit(let name) = subElement { result += "/\(name)" }
        if let bit { result += "/\(bit)" }
        return result
    }

    /// Same as ``canonicalText``.
    public var description: String { canonicalText }

    /// Parses `text` into an address or the reason it is malformed. Never traps.
    public static func parse(_ text: String) -> Result<SLCAddress, SLCAddressError> {
        var scanner = SLCAddressScanner(text.trimmed.uppercased())
        func fail(_ reason: String) -> Result<SLCAddress, SLCAddressError> {
            .failure(SLCAddressError(text: text, reason: reason))
        }
        guard !scanner.isAtEnd else { return fail("empty address") }
        let letters = scanner.letters()
        guard !letters.isEmpty else { return fail("does not start with a file type letter") }
        guard let type = SLCFileType(rawValue: letters) else {
            return fail("unknown file type '\(letters)'")
        }
        let fileDigits = scanner.digits()
        let fileNumber = fileDigits.asciiNonNegativeInt
        if !fileDigits.isEmpty {
            guard let fileNumber, fileNumber <= 255 else { return fail("file number out of range 0…255") }
            if let fixed = type.defaultFileNumber, fixed != fileNumber {
                return fail("file type \(type.rawValue) is always file \(fixed)")
            }
        } else if type.defaultFileNumber == nil {
            return fail("file type \(type.rawValue) needs a file number")
        }
        if type == .binary, fileNumber != nil, scanner.skip("/") {
            guard let bitIndex = scanner.digits().asciiNonNegativeInt, bitIndex <= 255 * 16 + 15 else {
                return fail("bit-file shorthand needs a bit number 0…4095")
            }
            guard scanner.isAtEnd else { return fail("unexpected '\(scanner.rest)'") }
            return .success(SLCAddress(text: text, fileType: type, fileNumber: fileNumber,
                                       element: bitIndex / 16, bit: bitIndex % 16))
        }
        guard scanner.skip(":") else { return fail("missing ':' after the file") }
        let elementDigits = scanner.digits()
        guard !elementDigits.isEmpty else { return fail("missing element number after ':'") }
        guard let element = elementDigits.asciiNonNegativeInt, element <= 255 else {
            return fail("element \(elementDigits.prefix(12)) out of range 0…255")
        }
        var word: Int?
        var subElement: SLCSubElement?
        var bit: Int?
        if scanner.skip(".") {
            let digits = scanner.digits()
            if !digits.isEmpty {
                guard type == .input || type == .output else {
                    return fail("a numeric word '.\(digits)' is only valid for I/O addresses")
                }
                guard let value = digits.asciiNonNegativeInt, value <= 255 else {
                    return fail("word out of range 0…255")
                }
                word = value
            } else {
                let member = scanner.letters()
                guard type.wordMembers.contains(member) else {
                    return fail(member.isEmpty ? "missing word or member after '.'"
                                : "'.\(member)' is not a member of \(type.rawValue) files")
                }
                subElement = .word(member)
            }
        }
        if scanner.skip("/") {
            let digits = scanner.digits()
            if !digits.isEmpty {
                guard var highest = type.highestBit else {
                    return fail("\(type.rawValue) files have no addressable bits")
                }
                if (type == .input || type == .output) && word == nil {
                    highest = ioSlotBitLimit
                }
                guard let value = digits.asciiNonNegativeInt, value <= highest else {
                    return fail("bit \(digits) out of range 0…\(highest)")
                }
                bit = value
            } else {
                let name = scanner.letters()
                guard type.namedBits.contains(name) else {
                    return fail(name.isEmpty ? "missing bit after '/'"
                                : "'/\(name)' is not a named bit of \(type.rawValue) files")
                }
                guard subElement == nil else { return fail("a named bit cannot follow a word member") }
                subElement = .namedBit(name)
            }
        }
        guard scanner.isAtEnd else { return fail("unexpected '\(scanner.rest)'") }
        return .success(SLCAddress(text: text, fileType: type, fileNumber: fileNumber,
                                   element: element, word: word, subElement: subElement, bit: bit))
    }
}

/// Minimal ASCII scanner used by ``SLCAddress/parse(_:)``.
private struct SLCAddressScanner {
    private let scalars: [Unicode.Scalar]
    private var position = 0

    init(_ text: String) { scalars = Array(text.unicodeScalars) }

    var isAtEnd: Bool { position >= scalars.count }

    var rest: String {
        var result = String.UnicodeScalarView()
        result.append(contentsOf: scalars[min(position, scalars.count)...].prefix(20))
        return String(result)
    }

    mutating func skip(_ character: Unicode.Scalar) -> Bool {
        guard position < scalars.count, scalars[position] == character else { return false }
        position += 1
        return true
    }

    mutating func letters() -> String { take { ("A"..."Z").contains($0) } }

    mutating func digits() -> String { take { ("0"..."9").contains($0) } }

    private mutating func take(while matches: (Unicode.Scalar) -> Bool) -> String {
        var result = String.UnicodeScalarView()
        while position < scalars.count, matches(scalars[position]) {
            result.append(scalars[position])
            position += 1
        }
        return String(result)
    }
}
