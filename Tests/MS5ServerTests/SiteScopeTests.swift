import Foundation
import HTTPTypes
import HummingbirdTesting
import MS5Domain
@testable import MS5Server
import Testing

@Suite("Site scope")
struct SiteScopeTests {
    /// A second site with an area, a line and an equipment of its own.
    static func secondSite(_ server: TestServer) async throws -> (Site, Line, Equipment) {
        let site = try await server.create("/v1/sites", SiteInput(code: "BAK2", name: "Bakery South", timeZone: "Europe/Berlin"), as: Site.self)
        let area = try await server.create("/v1/areas", AreaInput(siteId: site.id, code: "PROD", name: "Production"), as: Area.self)
        let line = try await server.create("/v1/lines", LineInput(areaId: area.id, code: "ROLL1", name: "Roll line"), as: Line.self)
        let equipment = try await server.create(
            "/v1/equipment", EquipmentInput(lineId: line.id, code: "OVN1", name: "Oven", type: "oven", criticality: 5), as: Equipment.self)
        return (site, line, equipment)
    }

    static func userId(_ server: TestServer, _ role: Role) async throws -> UUID {
        try TestServer.decode(User.self, try await server.send(.get, "/v1/auth/me", as: role)).id
    }

    @Test("An account given one site sees and changes only its records; the others answer as if they did not exist")
    func oneSite() async throws {
        try await TestServer.run(roles: [.admin, .supervisor]) { server in
            let (north, _, northLine, northEquipment) = try await PlantAPITests.makePlant(server)
            let (_, southLine, southEquipment) = try await Self.secondSite(server)
            let supervisor = try await Self.userId(server, .supervisor)
            let sitesPath = "/v1/users/\(supervisor)/sites"
            let unknown = try await server.send(.put, sitesPath, json: UserSites([UUID()]))
            #expect(unknown.status == .unprocessableContent && unknown.problem?.errors.first?.field == "/siteIds/0")
            #expect(try await server.send(.put, sitesPath, as: .supervisor, json: UserSites([north.id])).status == .forbidden)
            #expect(try TestServer.decode(UserSites.self, try await server.send(.put, sitesPath, json: UserSites([north.id]))).siteIds == [north.id])
            #expect(try TestServer.decode(UserSites.self, try await server.send(.get, sitesPath)).siteIds == [north.id])

            let sites = try TestServer.decode(Page<Site>.self, try await server.send(.get, "/v1/sites", as: .supervisor))
            #expect(sites.items.map(\.code) == ["BAK1"])
            let lines = try TestServer.decode(Page<Line>.self, try await server.send(.get, "/v1/lines", as: .supervisor))
            #expect(lines.items.map(\.id) == [northLine.id])
            #expect(try TestServer.decode(Page<Line>.self, try await server.send(.get, "/v1/lines")).items.count == 2, "the admin has every site")

            // Another site's equipment reads exactly like one that does not exist.
            let hidden = try await server.send(.get, "/v1/equipment/\(southEquipment.id)", as: .supervisor)
            let missingId = UUID()
            let missing = try await server.send(.get, "/v1/equipment/\(missingId)", as: .supervisor)
            #expect(hidden.status == .notFound && missing.status == .notFound)
            #expect(hidden.problem?.detail.replacingOccurrences(of: southEquipment.id.uuidString, with: "ID")
                    == missing.problem?.detail.replacingOccurrences(of: missingId.uuidString, with: "ID"))
            #expect(try await server.send(.get, "/v1/equipment/\(northEquipment.id)", as: .supervisor).status == .ok)
            #expect(try await server.send(.get, "/v1/lines/\(southLine.id)/performance", as: .supervisor).status == .notFound)

            // Andon: raising on another site's line is refused as an unknown line; its calls are not listed.
            let south = try await server.send(.post, "/v1/andon/calls", as: .supervisor, json: AndonCallInput(
                lineId: southLine.id, category: .maintenance, priority: .high, text: "Oven door"))
            #expect(south.status == .unprocessableContent && south.problem?.errors.first?.field == "/lineId")
            #expect(try await server.send(.post, "/v1/andon/calls", json: AndonCallInput(
                lineId: southLine.id, category: .maintenance, priority: .high, text: "Oven door")).status == .created)
            #expect(try await server.send(.post, "/v1/andon/calls", as: .supervisor, json: AndonCallInput(
                lineId: northLine.id, category: .quality, priority: .medium, text: "Crust too dark")).status == .created)
            let calls = try TestServer.decode(ItemList<AndonCall>.self, try await server.send(.get, "/v1/andon/calls", as: .supervisor))
            #expect(calls.items.map(\.lineId) == [northLine.id])
            let board = try TestServer.decode(AndonBoard.self, try await server.send(.get, "/v1/andon/board", as: .supervisor))
            #expect(board.lines.map(\.lineId) == [northLine.id])

            // Creating under another site's parent is refused as an unknown parent.
            let edit = try await server.send(.post, "/v1/equipment", as: .supervisor, json: EquipmentInput(
                lineId: southLine.id, code: "X", name: "X", type: "x", criticality: 1))
            #expect(edit.status == .forbidden, "supervisors do not edit the plant model")

            // No sites again: every site.
            #expect(try TestServer.decode(UserSites.self, try await server.send(.put, sitesPath, json: UserSites([]))).siteIds.isEmpty)
            #expect(try await server.send(.get, "/v1/equipment/\(southEquipment.id)", as: .supervisor).status == .ok)
        }
    }

    @Test("A plant editor bound to one site cannot put records, Andon settings or checklists under another site's parents, nor list theirs")
    func editorBoundToSite() async throws {
        try await TestServer.run(roles: [.admin, .engineer]) { server in
            let (north, _, northLine, _) = try await PlantAPITests.makePlant(server)
            let (_, southLine, southEquipment) = try await Self.secondSite(server)
            let engineer = try await Self.userId(server, .engineer)
            #expect(try await server.send(.put, "/v1/users/\(engineer)/sites", json: UserSites([north.id])).status == .ok)
            let elsewhere = try await server.send(.post, "/v1/equipment", as: .engineer, json: EquipmentInput(
                lineId: southLine.id, code: "MIX2", name: "Mixer", type: "mixer", criticality: 2))
            #expect(elsewhere.status == .unprocessableContent && elsewhere.problem?.errors.first?.field == "/lineId")
            #expect(try await server.send(.post, "/v1/equipment", as: .engineer, json: EquipmentInput(
                lineId: northLine.id, code: "MIX2", name: "Mixer", type: "mixer", criticality: 2)).status == .created)
            let template = try await server.send(.post, "/v1/checklist-templates", as: .engineer, json: ChecklistTemplateInput(
                code: "OVEN", name: "Oven", equipmentIds: [southEquipment.id],
                items: [ChecklistItem(key: "door", text: "Door seal", kind: .passFail)]))
            #expect(template.status == .unprocessableContent && template.problem?.errors.first?.field == "/equipmentIds/0")
            #expect(try await server.send(.delete, "/v1/equipment/\(southEquipment.id)", as: .engineer).status == .notFound)

            // Andon settings: policies and rules of another site are neither made nor listed.
            let policy = EscalationPolicyInput(lineId: southLine.id, category: .maintenance, priority: .high, levels: [EscalationLevel(delaySeconds: 60, roles: [.maintenance])])
            let refusedPolicy = try await server.send(.post, "/v1/andon/escalation-policies", as: .engineer, json: policy)
            #expect(refusedPolicy.status == .unprocessableContent && refusedPolicy.problem?.errors.first?.field == "/lineId")
            #expect(try await server.send(.post, "/v1/andon/escalation-policies", json: policy).status == .created)
            #expect(try TestServer.decode(ItemList<EscalationPolicy>.self, try await server.send(.get, "/v1/andon/escalation-policies", as: .engineer)).items.isEmpty)
            #expect(try TestServer.decode(ItemList<EscalationPolicy>.self, try await server.send(.get, "/v1/andon/escalation-policies")).items.count == 1)
            let rule = AndonRuleInput(equipmentId: southEquipment.id, trigger: .fault, thresholdSeconds: 120, category: .maintenance, priority: .high)
            let refusedRule = try await server.send(.post, "/v1/andon/rules", as: .engineer, json: rule)
            #expect(refusedRule.status == .unprocessableContent && refusedRule.problem?.errors.first?.field == "/equipmentId")

            // An edge account of one site cannot write another site's machine data.
            let southMetric = try await server.create("/v1/equipment/\(southEquipment.id)/metrics", MachineDataAPITests.speedInput(), as: Metric.self)
            let foreign = try await server.send(.post, "/v1/telemetry/batches", as: .engineer, json: TelemetryBatch(
                source: "edge-north", sequence: 1, samples: [TelemetrySample(metricId: southMetric.id, timestamp: Date(), value: 60)]))
            #expect(foreign.status == .unprocessableContent && foreign.problem?.errors.map(\.field) == ["/samples/0/metricId"])
            #expect(try await server.send(.post, "/v1/telemetry/batches", json: TelemetryBatch(
                source: "edge-admin", sequence: 1, samples: [TelemetrySample(metricId: southMetric.id, timestamp: Date(), value: 60)])).status == .ok)

            // A checklist of another site's equipment is not listed.
            _ = try await server.create("/v1/checklist-templates", ChecklistTemplateInput(
                code: "OVEN", name: "Oven", equipmentIds: [southEquipment.id], items: [ChecklistItem(key: "door", text: "Door seal", kind: .passFail)]),
                as: ChecklistTemplate.self)
            #expect(try TestServer.decode(ItemList<ChecklistTemplate>.self, try await server.send(.get, "/v1/checklist-templates", as: .engineer)).items.isEmpty)
            #expect(try TestServer.decode(ItemList<ChecklistTemplate>.self, try await server.send(.get, "/v1/checklist-templates")).items.count == 1)
        }
    }
}
