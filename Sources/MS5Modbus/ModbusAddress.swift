/// A typed location on a Modbus device: table, zero-based offset, data type and byte layout.
///
/// Parses both notations engineers use:
/// - Modicon: `40001` is holding register 0, `30001` input register 0, `00001` coil 0,
///   `10001` discrete input 0; six digits (`400001`…`465536`) reach the full 16-bit range.
/// - Explicit: `hr:0`, `ir:0`, `co:0`, `di:0` with a zero-based offset.
///
/// Either may be followed by a type (`:int16`, `:uint16`, `:int32`, `:uint32`, `:float32`,
/// `:float64`; registers default to `uint16`, bits are always `bool`) and an order
/// (`:abcd`, `:cdab`, `:badc`, `:dcba`), e.g. `40001:float32:cdab` or `hr:10:int32`.
/// `description` gives the explicit form, which parses back to an equal address.
public struct ModbusAddress: Sendable, Hashable, CustomStringConvertible {
    /// The table the address lives in.
    public var table: ModbusTable
    /// Zero-based offset of the first register or bit (the number sent on the wire).
    public var offset: UInt16
    /// The type of the value stored here.
    public var dataType: ModbusDataType
    /// Word and byte order of the value; 16-bit types always have big word order.
    public var order: ModbusOrder

    /// Creates an address; fails when the type does not suit the table or the value runs past 65535.
    public init(
        table: ModbusTable,
        offset: UInt16,
        dataType: ModbusDataType? = nil,
        order: ModbusOrder = .abcd
    ) throws(ModbusAddressError) {
        let type = dataType ?? (table.holdsBits ? .bool : .uint16)
        let text = "\(table.rawValue):\(offset)"
        if table.holdsBits, type != .bool {
            throw ModbusAddressError(input: text, reason: "\(table) hold single bits, a type like \(type) needs registers")
        }
        if !table.holdsBits, type == .bool {
            throw ModbusAddressError(input: text, reason: "bool is only for coils and discrete inputs")
        }
        if Int(offset) + type.width - 1 > Int(UInt16.max) {
            throw ModbusAddressError(input: text, reason: "\(type) at offset \(offset) runs past offset 65535")
        }
        self.table = table
        self.offset = offset
        self.dataType = type
        self.order = type.width == 1 ? ModbusOrder(wordOrder: .big, byteOrder: order.byteOrder) : order
    }

    /// Parses an address in Modicon or explicit notation.
    ///
    /// - Parameters:
    ///   - text: the address, e.g. `40001`, `400001:float32`, `hr:10:int32:cdab`.
    ///   - defaultOrder: the order used when the text names none.
    /// - Throws: `ModbusAddressError` saying why the text is not an address.
    public init(parsing text: String, defaultOrder: ModbusOrder = .abcd) throws(ModbusAddressError) {
        let parts = text.trimmingWhitespace().split(separator: ":", omittingEmptySubsequences: false).map(String.init)
        func fail(_ reason: String) -> ModbusAddressError {
            ModbusAddressError(input: text, reason: reason)
        }
        guard let head = parts.first, !head.isEmpty else {
            throw fail("the address is empty")
        }
        let table: ModbusTable
        let offset: UInt16
        let suffixes: ArraySlice<String>
        if let explicit = ModbusTable(rawValue: head.lowercased()) {
            guard parts.count >= 2 else {
                throw fail("\"\(head)\" must be followed by \":\" and a zero-based offset, e.g. \(head):0")
            }
            guard let number = UInt16(parts[1]) else {
                throw fail("offset \"\(parts[1])\" is not a number from 0 to 65535")
            }
            table = explicit
            offset = number
            suffixes = parts.dropFirst(2)
        } else if head.allSatisfy(\.isASCIIDigit) {
            (table, offset) = try Self.parseModicon(head, fail: fail)
            suffixes = parts.dropFirst()
        } else {
            throw fail("expected a Modicon number (40001) or a table prefix hr, ir, co or di (hr:0)")
        }
        guard suffixes.count <= 2 else {
            throw fail("too many \":\" parts; at most a type and an order may follow the address")
        }
        var dataType: ModbusDataType?
        var order: ModbusOrder?
        for suffix in suffixes {
            if let type = ModbusDataType(rawValue: suffix.lowercased()), dataType == nil {
                dataType = type
            } else if let named = ModbusOrder(name: suffix), order == nil {
                order = named
            } else {
                throw fail("\"\(suffix)\" is not a type (int16, uint16, int32, uint32, float32, float64, bool) or an order (abcd, cdab, badc, dcba), or repeats one")
            }
        }
        if table.holdsBits, let order {
            throw fail("order \(order) makes no sense for single bits")
        }
        do {
            try self.init(table: table, offset: offset, dataType: dataType, order: order ?? defaultOrder)
        } catch {
            throw fail(error.reason)
        }
    }

    /// The explicit form, `hr:10:int32:cdab`, leaving out the default type and order.
    public var description: String {
        var text = "\(table.rawValue):\(offset)"
        let defaultType: ModbusDataType = table.holdsBits ? .bool : .uint16
        if dataType != defaultType { text += ":\(dataType.rawValue)" }
        if order != .abcd { text += ":\(order)" }
        return text
    }

    /// The range of offsets (registers or bits) the value occupies.
    public var span: ClosedRange<Int> {
        Int(offset)...(Int(offset) + dataType.width - 1)
    }

    private static func parseModicon(
        _ digits: String,
        fail: (String) -> ModbusAddressError
    ) throws(ModbusAddressError) -> (ModbusTable, UInt16) {
        guard digits.count == 5 || digits.count == 6 else {
            throw fail("a Modicon address has 5 digits (40001) or 6 digits (400001), not \(digits.count)")
        }
        let prefix = digits.first!
        guard let table = ModbusTable.allCases.first(where: { $0.modiconPrefix == prefix }) else {
            throw fail("Modicon addresses start with 0 (coil), 1 (discrete input), 3 (input register) or 4 (holding register), not \(prefix)")
        }
        let number = Int(digits.dropFirst())!
        let highest = digits.count == 5 ? 9999 : 65536
        guard (1...highest).contains(number) else {
            throw fail("Modicon register numbers count from 1 to \(highest), got \(number)")
        }
        return (table, UInt16(number - 1))
    }
}

extension Character {
    fileprivate var isASCIIDigit: Bool {
        ("0"..."9").contains(self)
    }
}

extension String {
    fileprivate func trimmingWhitespace() -> String {
        String(drop(while: \.isWhitespace).reversed().drop(while: \.isWhitespace).reversed())
    }
}
