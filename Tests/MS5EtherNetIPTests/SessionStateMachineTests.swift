import MS5EtherNetIP
import Testing

/// The I/O-free session logic, driven with hand-made replies.
@Suite struct SessionStateMachineTests {
    private func reply(to packet: EncapsulationPacket, cip: CIPResponse) -> EncapsulationPacket {
        EncapsulationPacket(command: .sendRRData, sessionHandle: 0x42, senderContext: packet.senderContext, data: MessagingEnvelope(packet: .unconnected(cip.encoded())).encoded())
    }

    @Test func largeThenStandardThenUnconnected() throws {
        var machine = SessionStateMachine(configuration: .init(slot: 3), seed: 7)
        guard case .send(let register, .context(let context)) = machine.start() else { Issue.record("expected RegisterSession"); return }
        #expect(register.knownCommand == .registerSession && register.senderContext == context)

        var registered = register
        registered.sessionHandle = 0x42
        guard case .send(let large, _) = try machine.handshake(reply: registered) else { Issue.record("expected Large Forward Open"); return }
        #expect(machine.state == .opening(large: true) && machine.sessionHandle == 0x42)
        let largeRequest = try CIPRequest.decode(MessagingEnvelope.decode(large.data).unconnectedMessage())
        #expect(largeRequest.service == CIPService.largeForwardOpen)
        #expect(try ForwardOpenRequest.decode(service: largeRequest.service, data: largeRequest.data).connectionPath == CIPPath([.port(number: 1, link: 3), .classID(2), .instance(1)]))

        // The target does not know Large Forward Open: fall back to the standard one.
        guard case .send(let standard, _) = try machine.handshake(reply: reply(to: large, cip: CIPResponse(service: 0xDB, generalStatus: 0x08))) else { Issue.record("expected Forward Open"); return }
        #expect(try CIPRequest.decode(MessagingEnvelope.decode(standard.data).unconnectedMessage()).service == CIPService.forwardOpen)

        // No connections left: unconnected messaging, routed with Unconnected Send to slot 3.
        let step = try machine.handshake(reply: reply(to: standard, cip: CIPResponse(service: 0xD4, generalStatus: 0x01, extendedStatus: [0x0113])))
        #expect(step == .ready(.unconnected))
        let (packet, key) = try machine.wrap(LogixTagService.readTag(CIPPath([.symbol("A")])))
        #expect(key == .context(packet.senderContext))
        let routed = try CIPRequest.decode(MessagingEnvelope.decode(packet.data).unconnectedMessage())
        #expect(routed.service == CIPService.unconnectedSend && routed.path == .connectionManager)
        #expect(try ConnectionManagerService.decodeUnconnectedSend(routed.data).route == CIPPath([.port(number: 1, link: 3)]))
    }

    @Test func connectedMessagingUsesSequenceNumbers() throws {
        var machine = SessionStateMachine(configuration: .init(slot: nil), seed: 9)
        guard case .send(var register, _) = machine.start() else { return }
        register.sessionHandle = 5
        guard case .send(let open, _) = try machine.handshake(reply: register) else { return }
        let opened = ForwardOpenReply(originatorToTargetID: 0xAABB_CCDD, targetToOriginatorID: 1, connectionSerial: 2, vendorID: 3, originatorSerial: 4)
        let step = try machine.handshake(reply: reply(to: open, cip: CIPResponse(service: 0xDB, data: opened.encoded(rpi: 1))))
        #expect(step == .ready(.connected(opened, connectionSize: 4002, large: true)))
        #expect(machine.maximumMessageSize == 3998)
        let (first, firstKey) = try machine.wrap(CIPRequest(service: 0x01, path: .identity))
        let (_, secondKey) = try machine.wrap(CIPRequest(service: 0x01, path: .identity))
        #expect(firstKey == .sequence(1) && secondKey == .sequence(2))
        let message = try MessagingEnvelope.decode(first.data).connectedMessage()
        #expect(message.connectionID == 0xAABB_CCDD && message.sequence == 1)
        // A reply is matched by the sequence count it echoes.
        let answer = EncapsulationPacket(command: .sendUnitData, sessionHandle: 5, data: MessagingEnvelope(packet: .connected(connectionID: 1, sequence: 2, message: CIPResponse(service: 0x81).encoded())).encoded())
        #expect(try SessionStateMachine.correlationKey(of: answer) == .sequence(2))
        #expect(try machine.unwrap(answer).service == 0x81)
        let (forwardClose, unregister) = machine.close()
        #expect(forwardClose != nil && unregister.knownCommand == .unregisterSession)
        #expect(throws: EtherNetIPError.notConnected) { try machine.wrap(CIPRequest(service: 0x01, path: .identity)) }
    }

    @Test func batchesFitTheConnectionBothWays() {
        // 10 requests of 20 bytes, replies of 100 bytes, limit 504: replies bound the batch (4 per packet).
        let batches = RequestBatcher.batches(requestSizes: Array(repeating: 20, count: 10), replySizes: Array(repeating: 100, count: 10), limit: 504)
        #expect(batches == [[0, 1, 2, 3], [4, 5, 6, 7], [8, 9]])
        #expect(RequestBatcher.batches(requestSizes: [600], replySizes: [4], limit: 504) == [[0]])
    }
}
