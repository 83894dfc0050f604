import Foundation
import MS5Domain
import MS5Ingest
import MS5Realtime
@testable import MS5Server
import Testing

@Suite("Live events")
struct LiveEventsTests {
    @Test("A batch of values becomes one latest-value event per metric, with its newest sample, stamped when it was published")
    func newestSamplePerMetric() async throws {
        let bus = EventBus()
        let equipment = UUID()
        let line = UUID()
        let (speed, count) = (UUID(), UUID())
        let t0 = Date(timeIntervalSince1970: 1_800_000_000)
        var events = bus.subscribe().makeAsyncIterator()
        bus.publish(.values([
            TelemetrySample(metricId: speed, timestamp: t0, value: 58),
            TelemetrySample(metricId: count, timestamp: t0.addingTimeInterval(1), value: 100),
            TelemetrySample(metricId: speed, timestamp: t0.addingTimeInterval(2), value: 61),
            TelemetrySample(metricId: speed, timestamp: t0.addingTimeInterval(1), value: 60),
        ]), equipmentId: equipment)
        let published = try #require(await events.next())
        let live = try LiveEvents.realtime(published, lineId: line)
        #expect(live.map(\.coalescingKey) == ["values:\(equipment):\(count)", "values:\(equipment):\(speed)"])
        #expect(live.map(\.time) == [t0.addingTimeInterval(1), t0.addingTimeInterval(2)])
        #expect(live.allSatisfy { $0.publishedAt == published.publishedAt && $0.topics == [.equipment(equipment), .line(line)] })
    }
}
