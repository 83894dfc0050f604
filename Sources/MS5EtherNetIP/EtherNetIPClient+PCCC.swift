/// SLC / MicroLogix data-table access through Execute PCCC.
extension EtherNetIPClient {
    private func nextTransaction() -> UInt16 {
        defer { pcccTransaction = pcccTransaction &+ 1 == 0 ? 1 : pcccTransaction &+ 1 }
        return pcccTransaction
    }

    private func executePCCC(_ request: PCCCMessage.Request) async throws -> PCCCMessage.Reply {
        let cip = PCCCMessage.executePCCC(request.encoded(), vendorID: machine.configuration.vendorID, serial: machine.configuration.originatorSerial)
        let response = try await send(cip)
        try response.check()
        let reply = try PCCCMessage.Reply.decode(try PCCCMessage.splitRequestorID(response.data).pccc)
        guard reply.transaction == request.transaction else {
            throw EtherNetIPError.malformed("PCCC reply TNS \(reply.transaction) for request \(request.transaction)")
        }
        try reply.check()
        return reply
    }

    /// Reads SLC data-table addresses (`N7:10`, `B3:0/8`, `F8:2`, `T4:0.ACC`, `C5:1.PRE`, `I:0/3`, …).
    /// Bits read as BOOL, F as REAL, whole timers/counters as three INTs, other words as INT.
    public func readSLC(_ addresses: [String]) async throws -> [TagReading] {
        var results: [TagReading] = []
        for text in addresses {
            do {
                let address = try PCCCAddress(parsing: text)
                let reply = try await executePCCC(PCCCMessage.read(address, transaction: nextTransaction()))
                results.append(TagReading(tag: text, result: .success(try PCCCMessage.value(of: address, from: reply.data))))
            } catch let error as EtherNetIPError {
                if case .connectionClosed = error { throw error }
                if case .notConnected = error { throw error }
                results.append(TagReading(tag: text, result: .failure(error)))
            }
        }
        return results
    }

    /// Writes SLC data-table addresses; bits use masked write (0xAB), other addresses typed write (0xAA).
    public func writeSLC(_ values: [(address: String, value: CIPValue)]) async throws -> [TagReading] {
        var results: [TagReading] = []
        for (text, value) in values {
            do {
                let address = try PCCCAddress(parsing: text)
                let request: PCCCMessage.Request
                if address.bit != nil {
                    guard let flag = value.integerValue, flag == 0 || flag == 1 else { throw EtherNetIPError.typeMismatch("bit value must be 0 or 1, got \(value)") }
                    request = PCCCMessage.writeBit(address, value: flag == 1, transaction: nextTransaction())
                } else {
                    request = PCCCMessage.write(address, data: try PCCCMessage.data(for: value, at: address), transaction: nextTransaction())
                }
                _ = try await executePCCC(request)
                results.append(TagReading(tag: text, result: .success(value)))
            } catch let error as EtherNetIPError {
                if case .connectionClosed = error { throw error }
                if case .notConnected = error { throw error }
                results.append(TagReading(tag: text, result: .failure(error)))
            }
        }
        return results
    }
}
