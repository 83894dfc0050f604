/// One read request that covers one or more addresses of the same table.
public struct ModbusReadPlan: Sendable, Hashable {
    /// The table read.
    public var table: ModbusTable
    /// First offset read.
    public var start: UInt16
    /// Number of registers or bits read.
    public var quantity: UInt16
    /// The addresses whose values the response carries, sorted by offset.
    public var addresses: [ModbusAddress]

    /// Creates a plan.
    public init(table: ModbusTable, start: UInt16, quantity: UInt16, addresses: [ModbusAddress]) {
        self.table = table
        self.start = start
        self.quantity = quantity
        self.addresses = addresses
    }

    /// A plan reading exactly one address.
    public init(single address: ModbusAddress) {
        self.init(table: address.table, start: address.offset, quantity: UInt16(address.dataType.width), addresses: [address])
    }

    /// The request to send.
    public var request: ModbusRequest {
        .read(table, start: start, quantity: quantity)
    }

    /// Picks each address's value out of the response to `request`.
    ///
    /// - Throws: `ModbusError.malformedResponse` when the response is of the wrong kind or too short.
    public func values(from response: ModbusResponse) throws(ModbusError) -> [ModbusAddress: ModbusValue] {
        var values: [ModbusAddress: ModbusValue] = [:]
        switch response {
        case .bits(let bits) where table.holdsBits && bits.count == Int(quantity):
            for address in addresses {
                values[address] = .bool(bits[Int(address.offset - start)])
            }
        case .registers(let registers) where !table.holdsBits && registers.count == Int(quantity):
            for address in addresses {
                let first = Int(address.offset - start)
                values[address] = try ModbusValueCodec.decode(
                    registers[first..<(first + address.dataType.width)],
                    as: address.dataType,
                    order: address.order
                )
            }
        default:
            throw .malformedResponse("response does not carry \(quantity) items of \(table)")
        }
        return values
    }
}
