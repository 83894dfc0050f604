import Foundation
import MS5Domain
import MS5Ingest
import MS5Realtime

/// How plant events appear on the live feed: which topics each goes to, its type and its JSON.
///
/// Machine events go to their equipment and its line, state changes, faults and stops also to
/// the plant; latest values are coalesced per metric (only each metric's newest sample of a batch is published); Andon changes go to `andon`, their line and
/// the plant. States, faults, stops and Andon steps come from the outbox (``realtime(_:)``), latest values from the bus.
enum LiveEvents {
    static let encoder: JSONEncoder = {
        let encoder = JSONEncoder()
        encoder.dateEncodingStrategy = .iso8601
        return encoder
    }()

    /// The live events of a bus event: latest values, coalesced per metric. States, faults,
    /// stops and Andon steps reach the feed from the outbox instead (``realtime(_:)``).
    static func realtime(_ event: PlantEvent, lineId: UUID?) throws -> [RealtimeEvent] {
        guard case .values(let samples) = event.kind else { return [] }
        let equipmentId = event.equipmentId
        var scope: [RealtimeTopic] = [.equipment(equipmentId)]
        if let lineId { scope.append(.line(lineId)) }
        // A latest-value event replaces the one before it with the same key, so within one
        // batch only each metric's newest sample is worth publishing (a batch an edge or an
        // accelerated simulator sends can hold many samples of a metric).
        let newest = Dictionary(samples.map { ($0.metricId, $0) }) { $0.timestamp >= $1.timestamp ? $0 : $1 }.values
            .sorted { ($0.timestamp, $0.metricId.uuidString) < ($1.timestamp, $1.metricId.uuidString) }
        return try newest.map { sample in
            RealtimeEvent(
                type: .values, topics: scope, time: sample.timestamp, publishedAt: event.publishedAt,
                payload: try payload(LiveValue(equipmentId: equipmentId, sample: sample)),
                coalescingKey: "values:\(equipmentId):\(sample.metricId)")
        }
    }

    /// The live events of an outbox event: states, faults and stops go to their equipment, its
    /// line and the plant; Andon steps also to `andon`; steps of floor tasks to their line and the
    /// plant; signals delivered to workflows to their equipment, line and the plant. It carries
    /// its outbox position.
    static func realtime(_ recorded: RecordedEvent) throws -> RealtimeEvent {
        let event = recorded.event
        var scope: [RealtimeTopic] = []
        if let equipmentId = event.placement.equipmentId { scope.append(.equipment(equipmentId)) }
        if let lineId = event.placement.lineId { scope.append(.line(lineId)) }
        let wide = scope + [.plant]
        switch event.type {
        case .machineStateChanged:
            let change = try EventData.decode(StateChange.self, from: event.data)
            return RealtimeEvent(
                type: .state, topics: wide, time: change.confirmedAt, publishedAt: recorded.recordedAt,
                payload: try payload(Scoped(equipmentId: event.placement.equipmentId, body: change)), position: recorded.position)
        case .machineFault:
            let fault = try EventData.decode(FaultEvent.self, from: event.data)
            return RealtimeEvent(
                type: .fault, topics: wide, time: fault.at, publishedAt: recorded.recordedAt,
                payload: try payload(Scoped(equipmentId: event.placement.equipmentId, body: fault)), position: recorded.position)
        case .productionStopPlanned, .productionStopUnplanned:
            return RealtimeEvent(
                type: .stop, topics: wide, time: event.time, publishedAt: recorded.recordedAt,
                payload: try payload(try EventData.decode(ProductionStopEvent.self, from: event.data)), position: recorded.position)
        case .workflowTaskOpened, .workflowTaskClaimed, .workflowTaskReleased, .workflowTaskCompleted, .workflowTaskCancelled,
             .workflowTaskReassigned, .workflowTaskEscalated:
            return RealtimeEvent(
                type: .task, topics: wide, time: event.time, publishedAt: recorded.recordedAt, payload: .encoded(event.data),
                position: recorded.position)
        case .workflowSignalDelivered:
            return RealtimeEvent(
                type: .workflowSignal, topics: wide, time: event.time, publishedAt: recorded.recordedAt, payload: .encoded(event.data),
                position: recorded.position)
        case .andonTriggered, .andonAcknowledged, .andonEscalated, .andonResolved, .andonCancelled:
            return RealtimeEvent(
                type: .andon, topics: [.andon] + wide, time: event.time, publishedAt: recorded.recordedAt,
                payload: try payload(LiveAndon(try EventData.decode(AndonEvent.self, from: event.data))), position: recorded.position)
        }
    }

    private static func payload(_ value: some Encodable) throws -> RealtimePayload {
        .encoded(String(decoding: try encoder.encode(value), as: UTF8.self))
    }
}

/// A latest value on the feed.
private struct LiveValue: Encodable {
    let equipmentId: UUID
    let metricId: UUID
    let value: Double
    let quality: Int
    let timestamp: Date

    init(equipmentId: UUID, sample: TelemetrySample) {
        self.equipmentId = equipmentId
        metricId = sample.metricId
        value = sample.value
        quality = sample.quality
        timestamp = sample.timestamp
    }
}

/// A machine event with the equipment it is about.
private struct Scoped<Body: Encodable>: Encodable {
    let equipmentId: UUID?
    let body: Body

    func encode(to encoder: any Encoder) throws {
        try body.encode(to: encoder)
        var container = encoder.container(keyedBy: Key.self)
        try container.encodeIfPresent(equipmentId, forKey: .equipmentId)
    }

    enum Key: String, CodingKey { case equipmentId }
}

/// An Andon step on the feed: `andon.escalated.v1` and the call as it is now.
private struct LiveAndon: Encodable {
    let type: String
    let call: AndonCall
    let recipients: EscalationLevel?

    init(_ event: AndonEvent) {
        type = event.type
        call = event.call
        recipients = event.recipients
    }
}
