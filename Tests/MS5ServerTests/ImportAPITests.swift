import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import MS5Domain
@testable import MS5Server
import NIOCore
import Testing

@Suite("Import API")
struct ImportAPITests {
    /// A file of ../shared/data/plc, beside the project.
    static func plcFile(_ name: String) throws -> String {
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        return try String(contentsOf: root.appendingPathComponent("../shared/data/plc/\(name)").standardizedFileURL, encoding: .utf8)
    }

    static func upload(_ server: TestServer, _ path: String, _ text: String) async throws -> TestResponse {
        try await server.client.execute(
            uri: path, method: .post,
            headers: [.authorization: "Bearer \(server.tokens[.engineer]!)", .contentType: "text/csv"], body: ByteBuffer(string: text))
    }

    @Test("The real fault CSV: refused whole for its malformed rows, imported with skipInvalid, dry run first")
    func faults() async throws {
        let csv = try Self.plcFile("bagger1-fault-messages.csv")
        try await TestServer.run { server in
            let (_, _, _, equipment) = try await PlantAPITests.makePlant(server)
            let path = "/v1/equipment/\(equipment.id)/imports/faults"
            let refused = try await Self.upload(server, path, csv)
            #expect(refused.status == .unprocessableContent)
            #expect(refused.problem?.errors.map(\.field) == ["/line/10", "/line/50", "/line/51"])
            let catalogPath = "/v1/equipment/\(equipment.id)/fault-catalog"
            #expect(try TestServer.decode(ItemList<FaultDefinition>.self, try await server.send(.get, catalogPath)).items.isEmpty)

            let dry = try TestServer.decode(ImportReport.self, try await Self.upload(server, path + "?skipInvalid=true&dryRun=true", csv))
            #expect(dry.created.count == 46)
            #expect(dry.invalid.map(\.line) == [10, 50, 51])
            #expect(try TestServer.decode(ItemList<FaultDefinition>.self, try await server.send(.get, catalogPath)).items.isEmpty)

            let done = try TestServer.decode(ImportReport.self, try await Self.upload(server, path + "?skipInvalid=true", csv))
            #expect(done.created.count == 46 && !done.dryRun)
            let catalog = try TestServer.decode(ItemList<FaultDefinition>.self, try await server.send(.get, catalogPath)).items
            #expect(catalog.count == 46)
            #expect(catalog.filter { $0.kind == .status }.map(\.code) == ["F29", "F47", "F57", "F58", "F59"])
            let again = try TestServer.decode(ImportReport.self, try await Self.upload(server, path + "?skipInvalid=true", csv))
            #expect(again.created.isEmpty && again.unchanged == 46)
        }
    }

    @Test("Tag exports become metrics; a second import changes nothing; bad uploads are refused")
    func tags() async throws {
        let logix = try Self.plcFile("bagger1-logix5000-tags.csv")
        try await TestServer.run { server in
            let (_, _, _, equipment) = try await PlantAPITests.makePlant(server)
            let path = "/v1/equipment/\(equipment.id)/imports/tags"
            let report = try TestServer.decode(ImportReport.self, try await Self.upload(server, path, logix))
            #expect(report.format == "logix")
            #expect(report.created.count == 82 && report.skipped.count == 114)
            let metrics = try TestServer.decode(Page<Metric>.self, try await server.send(.get, "/v1/equipment/\(equipment.id)/metrics?limit=500"))
            #expect(metrics.items.count == 82)
            let again = try TestServer.decode(ImportReport.self, try await Self.upload(server, path, logix))
            #expect(again.unchanged == 82 && again.created.isEmpty && again.updated.isEmpty)

            #expect(try await Self.upload(server, path + "?format=xml", logix).problem?.errors.first?.field == "/format")
            #expect(try await Self.upload(server, path, "").status == .badRequest)
            let json = try await server.send(.post, path, json: ["not": "a file"])
            #expect(json.status == .unsupportedMediaType)
            #expect(try await server.client.execute(
                uri: path, method: .post, headers: [.authorization: "Bearer \(server.tokens[.operator]!)", .contentType: "text/csv"],
                body: ByteBuffer(string: logix)).status == .forbidden)
        }
    }
}
