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

@Suite("Refused requests")
struct RequestValidationTests {
    /// Sends `body` to create equipment on a fresh line, expects `status`, and checks nothing was written.
    static func refuse(_ body: String, status: HTTPResponse.Status, field: String? = nil, contentType: String = "application/json") async throws {
        try await TestServer.run { server in
            let (_, _, line, _) = try await PlantAPITests.makePlant(server)
            let text = body.replacingOccurrences(of: "$LINE", with: line.id.uuidString)
            let response = try await server.sendRaw(.post, "/v1/equipment", body: text, contentType: contentType)
            #expect(response.status == status, "\(text.prefix(200)) → \(String(buffer: response.body).prefix(300))")
            #expect(response.headers[.contentType] == "application/problem+json")
            if let field { #expect(response.problem?.errors.map(\.field).contains(field) == true, "\(String(buffer: response.body))") }
            let stored = try TestServer.decode(Page<Equipment>.self, try await server.send(.get, "/v1/equipment"))
            #expect(stored.items.count == 1, "a refused request wrote something")
        }
    }

    static let valid = #""lineId": "$LINE", "code": "NEW1", "name": "New", "type": "slicer""#

    @Test("Malformed JSON is 400")
    func malformed() async throws {
        try await Self.refuse(#"{"lineId": "$LINE", "code": "#, status: .badRequest)
    }

    @Test("A body that is not JSON is 415")
    func mediaType() async throws {
        try await Self.refuse("code=NEW1", status: .unsupportedMediaType, contentType: "application/x-www-form-urlencoded")
    }

    @Test("A body over 1 MiB is 413")
    func tooLarge() async throws {
        let padding = String(repeating: "x", count: 1 << 20)
        try await Self.refuse(#"{\#(Self.valid), "criticality": 1, "description": "\#(padding)"}"#, status: .contentTooLarge)
    }

    @Test("An uploaded file over 1 MiB is 413 too, and the catalog stays as it was")
    func fileTooLarge() async throws {
        try await TestServer.run { server in
            let (_, _, _, equipment) = try await PlantAPITests.makePlant(server)
            let file = "word,bit,code,text\n" + String(repeating: "0,1,F1,Jam at the infeed conveyor of the slicer\n", count: (1 << 20) / 40)
            let response = try await server.sendRaw(.post, "/v1/equipment/\(equipment.id)/imports/faults", body: file, contentType: "text/csv")
            #expect(response.status == .contentTooLarge && response.problem?.code == "too-large")
            let catalog = try await server.send(.get, "/v1/equipment/\(equipment.id)/fault-catalog")
            #expect(catalog.status == .ok && !String(buffer: catalog.body).contains("F1"))
        }
    }

    @Test("Wrong types, missing fields, nulls and unknown members are 422 naming the field", arguments: [
        (#"{\#(RequestValidationTests.valid), "criticality": "high"}"#, "/criticality"),
        (#"{\#(RequestValidationTests.valid)}"#, "/criticality"),
        (#"{\#(RequestValidationTests.valid), "criticality": null}"#, "/criticality"),
        (#"{\#(RequestValidationTests.valid), "criticality": 1, "colour": "red"}"#, "/colour"),
        (#"{"lineId": "not-a-uuid", "code": "NEW1", "name": "New", "type": "slicer", "criticality": 1}"#, "/lineId"),
        ("[1, 2]", ""),
    ])
    func wrongFields(body: String, field: String) async throws {
        try await Self.refuse(body, status: .unprocessableContent, field: field)
    }

    @Test("Over-long strings and out-of-range numbers are 422 naming the field", arguments: [
        (#"{\#(RequestValidationTests.valid), "criticality": 9}"#, "/criticality"),
        (#"{"lineId": "$LINE", "code": "NEW1", "name": "\#(String(repeating: "n", count: 101))", "type": "slicer", "criticality": 1}"#, "/name"),
        (#"{"lineId": "$LINE", "code": "bad code", "name": "New", "type": "slicer", "criticality": 1}"#, "/code"),
    ])
    func ruleViolations(body: String, field: String) async throws {
        try await Self.refuse(body, status: .unprocessableContent, field: field)
    }

    @Test("An unknown enum value is 422 naming the field, and creates no account")
    func unknownEnum() async throws {
        try await TestServer.run { server in
            let body = #"{"username": "zed", "displayName": "Zed", "role": "wizard", "password": "correct horse battery"}"#
            let response = try await server.sendRaw(.post, "/v1/users", body: body)
            #expect(response.status == .unprocessableContent)
            #expect(response.problem?.errors.first?.field == "/role")
            #expect(response.problem?.errors.first?.reason.contains("operator") == true)
            let users = try TestServer.decode(Page<User>.self, try await server.send(.get, "/v1/users"))
            #expect(!users.items.map(\.username).contains("zed"))
        }
    }
}
