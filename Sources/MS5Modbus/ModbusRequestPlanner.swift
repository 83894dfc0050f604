/// Merges addresses into as few read requests as the protocol limits allow. Pure.
///
/// Addresses of the same table are sorted by offset and merged while the hole between
/// neighbours is at most the table's gap and the request stays within 125 registers or
/// 2000 bits; otherwise a new request starts.
public struct ModbusRequestPlanner: Sendable, Hashable {
    /// Largest number of unwanted registers read to join two register addresses.
    public var maxRegisterGap: Int
    /// Largest number of unwanted bits read to join two bit addresses.
    public var maxBitGap: Int

    /// Creates a planner with the given gaps.
    public init(maxRegisterGap: Int = 8, maxBitGap: Int = 64) {
        self.maxRegisterGap = maxRegisterGap
        self.maxBitGap = maxBitGap
    }

    /// Plans the reads for `addresses`; duplicates are read once. Plans come ordered by table, then offset.
    public func plan(_ addresses: some Sequence<ModbusAddress>) -> [ModbusReadPlan] {
        let unique = Set(addresses)
        var plans: [ModbusReadPlan] = []
        for table in ModbusTable.allCases {
            let sorted = unique.filter { $0.table == table }.sorted {
                ($0.span.lowerBound, $0.span.upperBound, $0.description) < ($1.span.lowerBound, $1.span.upperBound, $1.description)
            }
            plans += merge(sorted, table: table)
        }
        return plans
    }

    private func merge(_ sorted: [ModbusAddress], table: ModbusTable) -> [ModbusReadPlan] {
        let gap = table.holdsBits ? maxBitGap : maxRegisterGap
        var plans: [ModbusReadPlan] = []
        var current: (start: Int, end: Int, members: [ModbusAddress])?
        for address in sorted {
            if let open = current,
               address.span.lowerBound - open.end - 1 <= gap,
               max(open.end, address.span.upperBound) - open.start + 1 <= table.maxReadQuantity {
                current = (open.start, max(open.end, address.span.upperBound), open.members + [address])
                continue
            }
            if let open = current {
                plans.append(Self.makePlan(table: table, open))
            }
            current = (address.span.lowerBound, address.span.upperBound, [address])
        }
        if let open = current {
            plans.append(Self.makePlan(table: table, open))
        }
        return plans
    }

    private static func makePlan(table: ModbusTable, _ open: (start: Int, end: Int, members: [ModbusAddress])) -> ModbusReadPlan {
        ModbusReadPlan(table: table, start: UInt16(open.start), quantity: UInt16(open.end - open.start + 1), addresses: open.members)
    }
}
