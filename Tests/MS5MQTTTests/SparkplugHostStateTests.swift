import Foundation
import MS5MQTT
import Testing

@Suite("Sparkplug host state machine")
struct SparkplugHostStateTests {
    let now = Date(timeIntervalSince1970: 5)

    func topic(_ text: String) throws -> SparkplugTopic {
        try #require(SparkplugTopic(text))
    }

    func metrics(_ events: [SparkplugEvent]) -> [String: SparkplugValue] {
        var values: [String: SparkplugValue] = [:]
        for case .metric(let update) in events { values[update.name] = update.value }
        return values
    }

    @Test("topics parse into group, type, node and device")
    func topics() throws {
        let device = try topic("spBv1.0/plant1/DDATA/edge1/bagger")
        #expect(device == SparkplugTopic(groupID: "plant1", messageType: .deviceData, edgeNodeID: "edge1", deviceID: "bagger"))
        #expect(device.description == "spBv1.0/plant1/DDATA/edge1/bagger")
        #expect(SparkplugTopic("spBv1.0/STATE/host") == nil)
        #expect(SparkplugTopic("spBv1.0/plant1/DDATA/edge1") == nil)
        #expect(SparkplugTopic("spBv1.0/plant1/NDATA/edge1/extra") == nil)
    }

    @Test("aliases from births resolve DDATA; signed and typed values decode")
    func aliases() throws {
        var state = SparkplugHostState()
        let birth = state.process(
            topic: try topic("spBv1.0/g/NBIRTH/n"), payload: SparkplugPayloads.nodeBirth(bdSeq: 3), receivedAt: now)
        #expect(birth.rebirth == nil)
        #expect(metrics(birth.events)["Line Speed"] == .double(12.5))
        _ = state.process(
            topic: try topic("spBv1.0/g/DBIRTH/n/bagger"), payload: SparkplugPayloads.baggerBirth(seq: 1),
            receivedAt: now)
        let data = state.process(
            topic: try topic("spBv1.0/g/DDATA/n/bagger"),
            payload: SparkplugPayloads.baggerData(seq: 2, count: -7, running: true, temperature: 21.5), receivedAt: now)
        #expect(data.rebirth == nil)
        #expect(metrics(data.events) == ["Count": .int(-7), "Running": .boolean(true), "Temperature": .float(21.5)])
        #expect(state.onlineNodeCount == 1)
        #expect(state.onlineDeviceCount == 1)
    }

    @Test("a sequence gap asks for one rebirth until the next NBIRTH; the seq wraps after 255")
    func sequenceGap() throws {
        var state = SparkplugHostState()
        _ = state.process(
            topic: try topic("spBv1.0/g/NBIRTH/n"), payload: SparkplugPayloads.nodeBirth(bdSeq: 0), receivedAt: now)
        let ndata = try topic("spBv1.0/g/NDATA/n")
        let speed = SparkplugPayloads.metric(alias: 1) { $0.doubleValue = 1 }
        for seq in 1...255 {
            #expect(state.process(topic: ndata, payload: SparkplugPayloads.payload(seq: UInt64(seq), [speed]), receivedAt: now).rebirth == nil)
        }
        #expect(state.process(topic: ndata, payload: SparkplugPayloads.payload(seq: 0, [speed]), receivedAt: now).rebirth == nil)
        let gap = state.process(topic: ndata, payload: SparkplugPayloads.payload(seq: 5, [speed]), receivedAt: now)
        #expect(gap.rebirth == .sequenceGap(expected: 1, received: 5))
        #expect(metrics(gap.events)["Line Speed"] == .double(1))
        let again = state.process(topic: ndata, payload: SparkplugPayloads.payload(seq: 9, [speed]), receivedAt: now)
        #expect(again.rebirth == nil)
        _ = state.process(
            topic: try topic("spBv1.0/g/NBIRTH/n"), payload: SparkplugPayloads.nodeBirth(bdSeq: 1), receivedAt: now)
        let afterRebirth = state.process(topic: ndata, payload: SparkplugPayloads.payload(seq: 3, [speed]), receivedAt: now)
        #expect(afterRebirth.rebirth == .sequenceGap(expected: 1, received: 3))
    }

    @Test("data before a birth and unknown aliases request a rebirth")
    func unknowns() throws {
        var state = SparkplugHostState()
        let early = state.process(
            topic: try topic("spBv1.0/g/NDATA/n"), payload: SparkplugPayloads.payload(seq: 1, []), receivedAt: now)
        #expect(early.rebirth == .unknownNode)
        _ = state.process(
            topic: try topic("spBv1.0/g/NBIRTH/n"), payload: SparkplugPayloads.nodeBirth(bdSeq: 0), receivedAt: now)
        let unknownAlias = state.process(
            topic: try topic("spBv1.0/g/NDATA/n"),
            payload: SparkplugPayloads.payload(seq: 1, [SparkplugPayloads.metric(alias: 99) { $0.intValue = 1 }]),
            receivedAt: now)
        #expect(unknownAlias.rebirth == .unknownAlias(99))
        var other = SparkplugHostState()
        _ = other.process(
            topic: try topic("spBv1.0/g/NBIRTH/n"), payload: SparkplugPayloads.nodeBirth(bdSeq: 0), receivedAt: now)
        let unknownDevice = other.process(
            topic: try topic("spBv1.0/g/DDATA/n/ghost"),
            payload: SparkplugPayloads.baggerData(seq: 1, count: 1, running: true, temperature: 1), receivedAt: now)
        #expect(unknownDevice.rebirth == .unknownDevice("ghost"))
    }

    @Test("NDEATH with a stale bdSeq is ignored; the matching one takes node and devices offline")
    func deaths() throws {
        var state = SparkplugHostState()
        _ = state.process(
            topic: try topic("spBv1.0/g/NBIRTH/n"), payload: SparkplugPayloads.nodeBirth(bdSeq: 4), receivedAt: now)
        _ = state.process(
            topic: try topic("spBv1.0/g/DBIRTH/n/bagger"), payload: SparkplugPayloads.baggerBirth(seq: 1),
            receivedAt: now)
        let stale = state.process(
            topic: try topic("spBv1.0/g/NDEATH/n"), payload: SparkplugPayloads.payload(seq: nil, [SparkplugPayloads.bdSeq(3)]),
            receivedAt: now)
        #expect(stale.events.isEmpty)
        #expect(state.onlineNodeCount == 1)
        let death = state.process(
            topic: try topic("spBv1.0/g/NDEATH/n"), payload: SparkplugPayloads.payload(seq: nil, [SparkplugPayloads.bdSeq(4)]),
            receivedAt: now)
        let changes = death.events.compactMap { event -> String? in
            guard case .connectivity(let change) = event else { return nil }
            return "\(change.deviceID ?? "node"):\(change.online)"
        }
        #expect(changes == ["bagger:false", "node:false"])
        #expect(state.onlineNodeCount == 0)
        #expect(state.onlineDeviceCount == 0)
    }
}
