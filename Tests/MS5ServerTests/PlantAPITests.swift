import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import Logging
import MS5Domain
@testable import MS5Server
import MS5Storage
import NIOCore
import NIOFoundationEssentialsCompat
import Testing

@Suite("Plant model API")
struct PlantAPITests {
    /// Creates site → area → line → equipment over HTTP.
    static func makePlant(_ server: TestServer) async throws -> (Site, Area, Line, Equipment) {
        let site = try await server.create("/v1/sites", SiteInput(code: "BAK1", name: "Bakery", timeZone: "Europe/Berlin"), as: Site.self)
        let area = try await server.create("/v1/areas", AreaInput(siteId: site.id, code: "PROD", name: "Production"), as: Area.self)
        let line = try await server.create("/v1/lines", LineInput(areaId: area.id, code: "BREAD1", name: "Bread line"), as: Line.self)
        let equipment = try await server.create(
            "/v1/equipment",
            EquipmentInput(lineId: line.id, code: "SLC1", name: "Slicer 1", type: "slicer", criticality: 4, owningTeam: "Crew A"),
            as: Equipment.self)
        return (site, area, line, equipment)
    }

    @Test("Create, read, list, replace and delete every kind of record")
    func crud() async throws {
        try await TestServer.run { server in
            let (site, area, line, equipment) = try await Self.makePlant(server)
            #expect(line.siteId == site.id)
            #expect(equipment.siteId == site.id)

            let read = try await server.send(.get, "/v1/equipment/\(equipment.id)", as: .operator)
            #expect(read.status == .ok)
            #expect(try TestServer.decode(Equipment.self, read) == equipment)

            let list = try await server.send(.get, "/v1/lines?areaId=\(area.id)", as: .operator)
            #expect(try TestServer.decode(Page<Line>.self, list).items == [line])

            let replaced = try await server.send(.put, "/v1/sites/\(site.id)", json: SiteInput(code: "BAK1", name: "Bakery North", timeZone: "Europe/Paris"))
            #expect(replaced.status == .ok)
            #expect(try TestServer.decode(Site.self, replaced).name == "Bakery North")
            #expect(try TestServer.decode(Site.self, try await server.send(.get, "/v1/sites/\(site.id)")).timeZone == "Europe/Paris")

            for path in ["/v1/equipment/\(equipment.id)", "/v1/lines/\(line.id)", "/v1/areas/\(area.id)", "/v1/sites/\(site.id)"] {
                #expect(try await server.send(.delete, path).status == .noContent, "\(path)")
                #expect(try await server.send(.get, path).status == .notFound, "\(path)")
            }
        }
    }

    @Test("A missing record is 404 on read, replace and delete, also for ids that are not UUIDs")
    func notFound() async throws {
        try await TestServer.run { server in
            let input = SiteInput(code: "X", name: "X", timeZone: "UTC")
            for id in [UUID().uuidString, "not-a-uuid"] {
                let get = try await server.send(.get, "/v1/sites/\(id)")
                #expect(get.status == .notFound)
                #expect(get.headers[.contentType] == "application/problem+json")
                #expect(get.problem?.code == "not-found")
                #expect(try await server.send(.put, "/v1/sites/\(id)", json: input).status == .notFound)
                #expect(try await server.send(.delete, "/v1/sites/\(id)").status == .notFound)
            }
            #expect(try await server.send(.get, "/v1/nowhere").status == .notFound)
        }
    }

    @Test("A duplicate code is 409 naming the field, and writes nothing")
    func conflict() async throws {
        try await TestServer.run { server in
            let (_, _, line, _) = try await Self.makePlant(server)
            let response = try await server.send(
                .post, "/v1/equipment", json: EquipmentInput(lineId: line.id, code: "SLC1", name: "Again", type: "slicer", criticality: 1))
            #expect(response.status == .conflict)
            #expect(response.problem?.errors.first?.field == "/code")
            let all = try TestServer.decode(Page<Equipment>.self, try await server.send(.get, "/v1/equipment"))
            #expect(all.items.map(\.name) == ["Slicer 1"])
        }
    }

    @Test("Deleting a record with children is 409 and keeps it")
    func deleteWithChildren() async throws {
        try await TestServer.run { server in
            let (site, _, line, _) = try await Self.makePlant(server)
            let response = try await server.send(.delete, "/v1/lines/\(line.id)")
            #expect(response.status == .conflict)
            #expect(response.problem?.detail == "The line still has 1 equipment; it cannot be deleted until they are removed.")
            #expect(try await server.send(.get, "/v1/lines/\(line.id)").status == .ok)
            #expect(try await server.send(.delete, "/v1/sites/\(site.id)").status == .conflict)
        }
    }

    @Test("Lists are paged in code order with a cursor, and bad paging values are 422")
    func paging() async throws {
        try await TestServer.run { server in
            for code in ["C", "A", "B"] {
                _ = try await server.create("/v1/sites", SiteInput(code: code, name: code, timeZone: "UTC"), as: Site.self)
            }
            let first = try TestServer.decode(Page<Site>.self, try await server.send(.get, "/v1/sites?limit=2"))
            #expect(first.items.map(\.code) == ["A", "B"])
            let cursor = try #require(first.nextCursor)
            let second = try TestServer.decode(Page<Site>.self, try await server.send(.get, "/v1/sites?limit=2&cursor=\(cursor)"))
            #expect(second.items.map(\.code) == ["C"])
            #expect(second.nextCursor == nil)
            for query in ["limit=0", "limit=501", "limit=x", "cursor=zzz"] {
                let response = try await server.send(.get, "/v1/sites?\(query)")
                #expect(response.status == .unprocessableContent, "\(query)")
            }
            #expect(try await server.send(.get, "/v1/areas?siteId=nope").problem?.errors.first?.field == "/siteId")
        }
    }

    @Test("Operators read the plant model but may not change it")
    func roles() async throws {
        try await TestServer.run { server in
            let response = try await server.send(.post, "/v1/sites", as: .operator, json: SiteInput(code: "S", name: "S", timeZone: "UTC"))
            #expect(response.status == .forbidden)
            #expect(response.problem?.code == "forbidden")
            #expect(try await server.send(.post, "/v1/sites", as: .engineer, json: SiteInput(code: "S", name: "S", timeZone: "UTC")).status == .created)
            #expect(try await server.send(.get, "/v1/sites", as: .operator).status == .ok)
        }
    }
}
