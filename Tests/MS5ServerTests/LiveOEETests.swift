import Foundation
import Hummingbird
import HummingbirdTesting
import HummingbirdWebSocket
import Logging
import MS5Domain
import MS5Realtime
@testable import MS5Server
import MS5Storage
import MS5TestSupport
import Testing

@Suite("Live OEE")
struct LiveOEETests {
    @Test("Each line's current shift OEE goes to oee:{line}, as the performance endpoint computes it")
    func currentShift() async throws {
        try await TestDatabases.with(.sqlite) { database in
            let site = try await SiteRepository(database: database).create(SiteInput(code: "BAK1", name: "Bakery", timeZone: "Europe/Berlin"))
            let area = try await AreaRepository(database: database).create(AreaInput(siteId: site.id, code: "PROD", name: "Production"))
            let line = try await LineRepository(database: database).create(LineInput(areaId: area.id, code: "BREAD1", name: "Bread line"))
            let bagger = try await EquipmentRepository(database: database).create(
                EquipmentInput(lineId: line.id, code: "BAG1", name: "Bagger 1", type: "bagger", criticality: 5))
            let tree = StopReasonTree(categories: [
                StopReasonCategory(code: "MECH", name: "Mechanical", planning: .unplanned, loss: .breakdown, reasons: [StopReason(code: "JAM", name: "Jam")]),
            ])
            try await LineSettingsStore(database: database).setSettings(LineProductionSettings(
                shiftPattern: .threeShifts(days: Set(Weekday.allCases)), reasonTree: tree, constraintEquipmentId: bagger.id), lineId: line.id)

            let hub = RealtimeHub()
            let router = Router(context: BasicWebSocketRequestContext.self)
            router.addRealtimeEndpoint("/v1/live", hub: hub) { _, _ in RealtimePrincipal(subject: "test") }
            let app = Application(router: router, server: .http1WebSocketUpgrade(webSocketRouter: router), configuration: .init(address: .hostname("127.0.0.1", port: 0)))
            try await app.test(.live) { client in
                let live = LiveClient(port: try #require(client.port), token: "x", topics: ["oee:\(line.id.uuidString.lowercased())"])
                try await live.waitFor("subscribed") { $0["type"] as? String == "subscribed" }
                // Whole seconds, so that the ISO 8601 text of the feed gives back the same instant.
                let now = Date(timeIntervalSince1970: Date().timeIntervalSince1970.rounded(.down))
                try await LiveOEE(database: database, hub: hub, logger: Logger(label: "ms5.test")).publishAll(now: now)
                let event = try await live.waitFor("the OEE event") { $0["event"] as? String == "oee" }
                let data = try #require(event["data"] as? [String: Any])
                #expect(data["lineId"] as? String == line.id.uuidString)
                let expected = try #require(try await ProductionReports(database: database).periods(
                    equipmentId: bagger.id, window: TimeSpan(start: now.addingTimeInterval(-9 * 3600), end: now), by: .shift, now: now).last)
                let decoder = JSONDecoder()
                decoder.dateDecodingStrategy = .iso8601
                let period = try decoder.decode(PerformancePeriod.self, from: JSONSerialization.data(withJSONObject: try #require(data["period"])))
                #expect(period == expected)
                #expect(period.window.end == now && ["Early", "Late", "Night"].contains { period.label.contains($0) }, "\(period.label)")
                await live.close()
            }
        }
    }
}
