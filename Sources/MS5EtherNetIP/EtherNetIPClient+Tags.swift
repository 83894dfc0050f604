/// Logix tag reads and writes.
extension EtherNetIPClient {
    /// The wire address and bit derived from a requested address.
    private struct WireRead {
        /// Address actually read (no bit; BOOL-array bits become their DWORD word).
        var address: LogixTagPath
        /// Bit extracted from the word read, if any.
        var bit: Int?
    }

    static func cacheKey(_ address: LogixTagPath) -> String { address.withoutBit.description.uppercased() }

    /// The array an indexed address belongs to (`Fault[35]` → `Fault`), when its last component has one index.
    static func arrayBase(_ address: LogixTagPath) -> LogixTagPath? {
        guard address.bit == nil, let last = address.components.last, last.indices.count == 1 else { return nil }
        var base = address
        base.components[base.components.count - 1].indices = []
        return base
    }

    private func estimatedReplySize(_ key: String) -> Int {
        guard let type = typeCache[key], let size = type.elementSize else { return 4 + 4 + 16 }
        return 4 + type.wireTypeSize + size
    }

    /// Learns the data types of `addresses` not yet cached by reading one element of each.
    /// - Returns: the read error of each address whose type could not be learned, by cache key.
    @discardableResult
    private func learnTypes(_ addresses: [LogixTagPath]) async throws -> [String: EtherNetIPError] {
        var seen = Set<String>()
        let unknown = addresses.filter { typeCache[Self.cacheKey($0)] == nil && seen.insert(Self.cacheKey($0)).inserted }
        guard !unknown.isEmpty else { return [:] }
        let responses = try await sendBatched(encoded: unknown.map { LogixTagService.readTag($0.path).encoded() }, replySizes: unknown.map { _ in 4 + 4 + 88 })
        var failures: [String: EtherNetIPError] = [:]
        for (address, response) in zip(unknown, responses) {
            do throws(EtherNetIPError) {
                let view = try response.get()
                if let error = view.error { throw .cip(error) }
                var reader = view.dataReader
                typeCache[Self.cacheKey(address)] = try CIPDataType.decode(from: &reader)
            } catch {
                failures[Self.cacheKey(address)] = error
            }
        }
        return failures
    }

    private func wireRead(for address: LogixTagPath) -> WireRead {
        if let base = Self.arrayBase(address), typeCache[Self.cacheKey(base)] == .dword, let (word, bit) = address.boolArrayWord() {
            return WireRead(address: word, bit: bit)
        }
        return WireRead(address: address.withoutBit, bit: address.bit)
    }

    /// Reads tags in as few Multiple Service Packets as fit; each tag gets its own value or error.
    ///
    /// Addresses: `Tag`, `Tag[3]`, `Tag[1,2]`, `Program:Main.Tag`, `Struct.Member`, `Word.3` / `Word[1].3` (bit),
    /// `BoolArray[35]` (bit of a BOOL array, learned from the array's DWORD type on first use).
    public func read(_ tags: [String]) async throws -> [TagReading] {
        let batch: ReadBatch
        var results: [TagReading]
        if let last = lastReadBatch, last.tags == tags {
            batch = last
            results = []
        } else {
            (batch, results) = try await prepareBatch(tags)
        }
        let replySizes = batch.unique.map { plan in
            if let size = plan.knownType?.elementSize, let type = plan.knownType { return 4 + type.wireTypeSize + size }
            return estimatedReplySize(plan.wireKey)
        }
        let responses = try await sendBatched(encoded: batch.encoded, replySizes: replySizes)
        var values: [Result<CIPValue, EtherNetIPError>] = []
        values.reserveCapacity(batch.unique.count)
        for (plan, response) in zip(batch.unique, responses) {
            if case .success(let reply) = response, reply.isPartial {
                values.append(await readWhole(plan))
            } else {
                values.append(decodeRead(plan, response))
            }
        }
        if results.isEmpty { results = tags.map { TagReading(tag: $0, result: .failure(.notConnected)) } }
        for (index, plan) in batch.plans.enumerated() {
            results[batch.positions[index]].result = Self.extract(values[batch.slots[index]], plan)
        }
        return results
    }

    private static func extract(_ value: Result<CIPValue, EtherNetIPError>, _ plan: ReadPlan) -> Result<CIPValue, EtherNetIPError> {
        value.flatMap { value in
            guard let bit = plan.bit else { return .success(value) }
            guard let word = value.integerValue, let type = value.dataType, type.isBitAddressable || type == .bool,
                  bit < (type.elementSize ?? 0) * 8
            else { return .failure(.typeMismatch("\(plan.wireAddress) has no bit \(bit)")) }
            return .success(.bool(word & (Int64(1) << Int64(bit)) != 0))
        }
    }

    /// Parses tags, learns BOOL-array types and de-duplicates wire reads. When some tags cannot be
    /// parsed, the batch covers the others and the returned readings carry every tag (parse errors filled in);
    /// otherwise they are empty and the batch is remembered for the next read of the same list.
    private func prepareBatch(_ tags: [String]) async throws -> (ReadBatch, [TagReading]) {
        var failures = [TagReading?](repeating: nil, count: tags.count)
        var plans = [ReadPlan?](repeating: nil, count: tags.count)
        var toPrepare: [(Int, LogixTagPath)] = []
        for (index, tag) in tags.enumerated() {
            if let plan = readPlans[tag] {
                plans[index] = plan
                continue
            }
            do throws(EtherNetIPError) {
                toPrepare.append((index, try LogixTagPath(parsing: tag)))
            } catch {
                failures[index] = TagReading(tag: tag, result: .failure(error))
            }
        }
        var settled = true
        if !toPrepare.isEmpty {
            let typeFailures = try await learnTypes(toPrepare.compactMap { Self.arrayBase($0.1) })
            if readPlans.count > ReadPlan.cacheLimit { readPlans.removeAll() }
            for (index, address) in toPrepare {
                let wire = wireRead(for: address)
                let plan = ReadPlan(wireKey: Self.cacheKey(wire.address), wireAddress: wire.address, encodedRequest: LogixTagService.readTag(wire.address.path).encoded(), bit: wire.bit)
                plans[index] = plan
                if let base = Self.arrayBase(address), typeFailures[Self.cacheKey(base)] != nil {
                    settled = false
                    continue
                }
                readPlans[tags[index]] = plan
            }
        }
        var uniqueIndex: [String: Int] = [:]
        var unique: [ReadPlan] = []
        var kept: [ReadPlan] = []
        var positions: [Int] = []
        var slots: [Int] = []
        for (index, plan) in plans.enumerated() {
            guard let plan else { continue }
            let slot = uniqueIndex[plan.wireKey] ?? unique.count
            if slot == unique.count {
                uniqueIndex[plan.wireKey] = slot
                unique.append(plan)
            }
            kept.append(plan)
            positions.append(index)
            slots.append(slot)
        }
        let batch = ReadBatch(tags: tags, plans: kept, positions: positions, unique: unique, encoded: unique.map { $0.encodedRequest }, slots: slots)
        let complete = failures.allSatisfy { $0 == nil }
        if complete, settled { lastReadBatch = batch }
        guard !complete else { return (batch, []) }
        return (batch, tags.enumerated().map { index, tag in failures[index] ?? TagReading(tag: tag, result: .failure(.notConnected)) })
    }

    private func decodeRead(_ plan: ReadPlan, _ response: Result<CIPReplyView, EtherNetIPError>) -> Result<CIPValue, EtherNetIPError> {
        do throws(EtherNetIPError) {
            let view = try response.get()
            if let error = view.error { throw .cip(error) }
            var reader = view.dataReader
            let type = try CIPDataType.decode(from: &reader)
            if plan.knownType != type {
                plan.knownType = type
                typeCache[plan.wireKey] = type
            }
            return .success(try CIPValueCoding.decodeElement(type, from: &reader))
        } catch {
            return .failure(error)
        }
    }

    /// Re-reads with Read Tag Fragmented a value whose plain read came back partial (too large for one reply).
    private func readWhole(_ plan: ReadPlan) async -> Result<CIPValue, EtherNetIPError> {
        do {
            return .success(try await readFragmented(plan.wireAddress, count: 1))
        } catch {
            return .failure(error as? EtherNetIPError ?? .malformed("\(error)"))
        }
    }

    /// Reads one tag, throwing its error.
    public func read(_ tag: String) async throws -> CIPValue {
        guard let reading = try await read([tag]).first else { throw EtherNetIPError.malformed("no result") }
        return try reading.result.get()
    }

    /// Reads `count` elements of an array starting at the addressed element, with Read Tag Fragmented.
    public func readArray(_ tag: String, count: Int) async throws -> CIPValue {
        try await readFragmented(try LogixTagPath(parsing: tag), count: count)
    }

    private func readFragmented(_ address: LogixTagPath, count: Int) async throws -> CIPValue {
        guard count > 0, count <= Int(UInt16.max) else { throw EtherNetIPError.invalidAddress("element count \(count) out of range 1...65535") }
        var data: [UInt8] = []
        var type: CIPDataType?
        while true {
            let response = try await send(LogixTagService.readTagFragmented(address.path, count: UInt16(count), offset: UInt32(data.count)))
            let (fragmentType, fragment) = try LogixTagService.parseReadReply(response)
            type = fragmentType
            data += fragment
            if !response.isPartial { break }
            guard !fragment.isEmpty else { throw EtherNetIPError.malformed("empty partial fragment") }
        }
        guard let type else { throw EtherNetIPError.malformed("no data") }
        typeCache[Self.cacheKey(address)] = type
        if count == 1 { return try CIPValueCoding.decode(type, bytes: data) }
        return .array(try CIPValueCoding.decodeAll(type, bytes: data))
    }

    /// Writes tags, batched; each tag's type is learned by a read first (once), and bits are written
    /// with Read-Modify-Write (0x4E). Each tag gets its own success (the value written) or error.
    public func write(_ values: [(tag: String, value: CIPValue)]) async throws -> [TagReading] {
        var results = values.map { TagReading(tag: $0.tag, result: .success($0.value)) }
        var parsed: [(Int, LogixTagPath)] = []
        for (index, entry) in values.enumerated() {
            do throws(EtherNetIPError) {
                parsed.append((index, try LogixTagPath(parsing: entry.tag)))
            } catch {
                results[index].result = .failure(error)
            }
        }
        try await learnTypes(parsed.compactMap { Self.arrayBase($0.1) })
        let typeErrors = try await learnTypes(parsed.map { wireRead(for: $0.1).address })
        var requests: [CIPRequest] = []
        var owners: [Int] = []
        for (index, address) in parsed {
            do {
                for request in try writeRequests(address, values[index].value, typeErrors: typeErrors) {
                    requests.append(request)
                    owners.append(index)
                }
            } catch let error as EtherNetIPError {
                results[index].result = .failure(error)
            }
        }
        let responses = try await sendBatched(encoded: requests.map { $0.encoded() }, replySizes: requests.map { _ in 4 })
        for (index, (owner, response)) in zip(owners, responses).enumerated() {
            switch response {
            case .success(let reply):
                guard let error = reply.error else { continue }
                if error == .serviceNotSupported, requests[index].service == CIPService.readModifyWriteTag {
                    results[owner].result = .failure(.unsupported("bit write: the controller does not support Read-Modify-Write Tag (0x4E)"))
                } else {
                    results[owner].result = .failure(.cip(error))
                }
            case .failure(let error): results[owner].result = .failure(error)
            }
        }
        return results
    }

    /// Writes one tag, throwing its error.
    public func write(_ tag: String, _ value: CIPValue) async throws {
        guard let outcome = try await write([(tag, value)]).first else { throw EtherNetIPError.malformed("no result") }
        _ = try outcome.result.get()
    }

    private func writeRequests(_ address: LogixTagPath, _ value: CIPValue, typeErrors: [String: EtherNetIPError]) throws -> [CIPRequest] {
        let read = wireRead(for: address)
        guard let type = typeCache[Self.cacheKey(read.address)] else {
            throw typeErrors[Self.cacheKey(read.address)] ?? EtherNetIPError.malformed("type of \(read.address) unknown")
        }
        if let bit = read.bit {
            guard type.isBitAddressable, let size = type.elementSize, bit < size * 8 else {
                throw EtherNetIPError.typeMismatch("\(address): bit \(bit) of a \(type)")
            }
            guard let flag = value.integerValue, flag == 0 || flag == 1 else { throw EtherNetIPError.typeMismatch("bit value must be 0 or 1, got \(value)") }
            let masks = LogixTagService.bitMasks(bit: bit, size: size, value: flag == 1)
            return [LogixTagService.readModifyWrite(read.address.path, orMask: masks.orMask, andMask: masks.andMask)]
        }
        let data = try CIPValueCoding.encode(value, as: type)
        let count = UInt16(truncatingIfNeeded: value.elements.count)
        let path = read.address.path
        let overhead = 2 + path.encoded().count + 12
        if overhead + data.count <= maximumMessageSize {
            return [LogixTagService.writeTag(path, type: type, count: count, data: data)]
        }
        let element = max(type.elementSize ?? 1, 1)
        let chunk = max((maximumMessageSize - overhead) / element * element, element)
        return stride(from: 0, to: data.count, by: chunk).map { offset in
            LogixTagService.writeTagFragmented(path, type: type, count: count, offset: UInt32(offset), data: Array(data[offset..<min(offset + chunk, data.count)]))
        }
    }

    /// Forgets learned tag types (after a controller download, for example).
    public func clearTypeCache() {
        typeCache.removeAll()
        readPlans.removeAll()
        lastReadBatch = nil
    }
}
