import MS5EtherNetIP

/// Answers CIP requests from the simulated controller's objects: tags, PCCC data files, identity, symbols.
/// Unknown services and objects get a CIP error status; the session stays open.
struct CIPRequestProcessor: Sendable {
    let tags: SimulatedTagTable
    let files: SimulatedDataFiles
    let identity: DeviceIdentity
    let programName: String

    private static func reply(_ request: CIPRequest, _ status: UInt8 = 0, _ extended: [UInt16] = [], _ data: [UInt8] = []) -> CIPResponse {
        CIPResponse(service: request.service | CIPService.replyFlag, generalStatus: status, extendedStatus: extended, data: data)
    }

    private static func reply(_ request: CIPRequest, error: CIPError) -> CIPResponse {
        errorResponse(service: request.service, error)
    }

    /// The reply to `service` carrying `error` with its extended status words.
    static func errorResponse(service: UInt8, _ error: CIPError) -> CIPResponse {
        var extended: [UInt16] = []
        switch error {
        case .dataTypeMismatch: extended = [0x2107]
        case .beyondEndOfTag: extended = [0x2105]
        case .connectionFailure(let code): extended = code.map { [$0] } ?? []
        case .other(_, let words): extended = words
        default: break
        }
        return CIPResponse(service: service | CIPService.replyFlag, generalStatus: error.generalStatus, extendedStatus: extended)
    }

    /// Processes one request; `replyLimit` bounds the data of tag reads (larger reads answer 0x06).
    func process(_ request: CIPRequest, replyLimit: Int) -> CIPResponse {
        if case .symbol = request.path.segments.first { return processTag(request, replyLimit: replyLimit) }
        guard case .classID(let classID)? = request.path.segments.first else { return Self.reply(request, 0x05) }
        switch (classID, request.service) {
        case (0x02, CIPService.multipleServicePacket): return processMultiple(request, replyLimit: replyLimit)
        case (0x06, CIPService.unconnectedSend): return processUnconnectedSend(request, replyLimit: replyLimit)
        case (0x01, CIPService.getAttributesAll): return Self.reply(request, 0, [], identity.attributesAll())
        case (0x64, CIPService.getAttributesAll):
            var writer = WireWriter()
            let name = Array(programName.utf8)
            writer.write(UInt16(name.count))
            writer.write(bytes: name)
            return Self.reply(request, 0, [], writer.bytes)
        case (SymbolListing.symbolClass, CIPService.getInstanceAttributeList): return processSymbolList(request, replyLimit: replyLimit)
        case (0x67, CIPService.executePCCC): return processPCCC(request)
        case (0x01, _), (0x02, _), (0x06, _), (0x64, _), (0x67, _), (SymbolListing.symbolClass, _): return Self.reply(request, 0x08)
        default: return Self.reply(request, 0x05)
        }
    }

    private func processMultiple(_ request: CIPRequest, replyLimit: Int) -> CIPResponse {
        let data = request.data
        guard let ranges = try? MultipleServicePacket.itemRanges(data) else { return Self.reply(request, 0x13) }
        var anyFailed = false
        var writer = WireWriter(capacity: 2 + ranges.count * 16)
        writer.write(UInt16(ranges.count))
        for _ in ranges { writer.write(UInt16(0)) }
        for (index, range) in ranges.enumerated() {
            writer.patch(UInt16(truncatingIfNeeded: writer.count), at: 2 + 2 * index)
            var reader = WireReader(data, start: range.lowerBound, end: range.upperBound)
            guard let service = try? reader.readUInt8(), let words = try? reader.readUInt8(),
                  let path = try? CIPPath.decode(from: &reader, byteCount: Int(words) * 2)
            else {
                anyFailed = true
                CIPResponse(service: (data[range].first ?? 0) | CIPService.replyFlag, generalStatus: 0x04).encode(into: &writer)
                continue
            }
            // Fast path for the common case: Read Tag written straight into the reply.
            if service == CIPService.readTag, case .symbol = path.segments.first, let count = try? reader.readUInt16() {
                if !tags.appendReadReply(service: service, path: path, count: Int(count), limit: replyLimit, into: &writer) { anyFailed = true }
                continue
            }
            let response = process(CIPRequest(service: service, path: path, data: reader.readRest()), replyLimit: replyLimit)
            if !response.isSuccess || response.isPartial { anyFailed = true }
            response.encode(into: &writer)
        }
        return Self.reply(request, anyFailed ? 0x1E : 0, [], writer.bytes)
    }

    private func processUnconnectedSend(_ request: CIPRequest, replyLimit: Int) -> CIPResponse {
        guard let (embedded, _) = try? ConnectionManagerService.decodeUnconnectedSend(request.data) else { return Self.reply(request, 0x13) }
        return process(embedded, replyLimit: replyLimit)
    }

    private func processTag(_ request: CIPRequest, replyLimit: Int) -> CIPResponse {
        var reader = WireReader(request.data)
        do {
            switch request.service {
            case CIPService.readTag, CIPService.readTagFragmented:
                let count = Int(try reader.readUInt16("count"))
                let offset = request.service == CIPService.readTagFragmented ? Int(try reader.readUInt32("offset")) : 0
                switch tags.read(request.path, count: count, byteOffset: offset, limit: max(replyLimit - 8, 4)) {
                case .failure(let error): return Self.reply(request, error: error)
                case .success(let (type, data, more)):
                    var writer = WireWriter(capacity: 4 + data.count)
                    type.encode(into: &writer)
                    writer.write(bytes: data)
                    return Self.reply(request, more ? 0x06 : 0, [], writer.bytes)
                }
            case CIPService.writeTag, CIPService.writeTagFragmented:
                let type = try CIPDataType.decode(from: &reader)
                let count = Int(try reader.readUInt16("count"))
                let offset = request.service == CIPService.writeTagFragmented ? Int(try reader.readUInt32("offset")) : 0
                let error = tags.write(request.path, type: type, count: count, byteOffset: offset, data: reader.readRest())
                return error.map { Self.reply(request, error: $0) } ?? Self.reply(request)
            case CIPService.readModifyWriteTag:
                let size = Int(try reader.readUInt16("mask size"))
                let orMask = try reader.readBytes(size, "OR mask")
                let andMask = try reader.readBytes(size, "AND mask")
                let error = tags.readModifyWrite(request.path, orMask: orMask, andMask: andMask)
                return error.map { Self.reply(request, error: $0) } ?? Self.reply(request)
            default:
                return Self.reply(request, 0x08)
            }
        } catch {
            return Self.reply(request, 0x13)
        }
    }

    private func processSymbolList(_ request: CIPRequest, replyLimit: Int) -> CIPResponse {
        var start: UInt32 = 0
        for case .instance(let id) in request.path.segments { start = id }
        let symbols = tags.symbols().filter { $0.instance >= start }
        var page: [SymbolInfo] = []
        var size = 0
        for symbol in symbols {
            let entry = 4 + 2 + symbol.name.utf8.count + 2 + 12
            if size + entry > replyLimit - 8, !page.isEmpty { break }
            page.append(symbol)
            size += entry
        }
        return Self.reply(request, page.count < symbols.count ? 0x06 : 0, [], SymbolListing.encode(page))
    }

    private func processPCCC(_ request: CIPRequest) -> CIPResponse {
        guard let (requestor, bytes) = try? MS5EtherNetIP.PCCCMessage.splitRequestorID(request.data),
              let pccc = try? PCCCMessage.Request.decode(bytes)
        else { return Self.reply(request, 0x13) }
        let reply: PCCCMessage.Reply
        func failed(_ error: PCCCError) -> PCCCMessage.Reply {
            PCCCMessage.Reply(command: pccc.command | 0x40, status: error.status, transaction: pccc.transaction, extendedStatus: error.extendedStatus)
        }
        guard pccc.command == PCCCMessage.typedCommand else {
            return Self.reply(request, 0, [], requestor + failed(PCCCError(status: 0x10)).encoded())
        }
        switch pccc.function {
        case PCCCMessage.readFunction:
            switch files.read(file: pccc.fileNumber, type: pccc.fileType, element: pccc.element, subElement: pccc.subElement, size: Int(pccc.byteSize)) {
            case .success(let data): reply = PCCCMessage.Reply(command: pccc.command | 0x40, status: 0, transaction: pccc.transaction, data: data)
            case .failure(let error): reply = failed(error)
            }
        case PCCCMessage.writeFunction, PCCCMessage.maskedWriteFunction:
            let mask = pccc.function == PCCCMessage.maskedWriteFunction ? pccc.mask : nil
            if let error = files.write(file: pccc.fileNumber, type: pccc.fileType, element: pccc.element, subElement: pccc.subElement, data: pccc.data, mask: mask) {
                reply = failed(error)
            } else {
                reply = PCCCMessage.Reply(command: pccc.command | 0x40, status: 0, transaction: pccc.transaction)
            }
        default:
            reply = failed(PCCCError(status: 0x10))
        }
        return Self.reply(request, 0, [], requestor + reply.encoded())
    }
}
