import Foundation
import MS5OPCUA
import Testing

/// Connect, browse, translate, read and write against the asyncua peer server.
@Suite("Client against asyncua", .serialized, .timeLimit(.minutes(3)))
struct ClientIntegrationTests {
    private func node(_ text: String) throws -> NodeID { try NodeID(parsing: text) }

    @Test func browseObjectsFolderFindsLine1() async throws {
        try await withConnectedClient { client, _ in
            let references = try await client.browse(NodeID(numeric: 85))
            let line1 = try #require(references.first { $0.browseName == QualifiedName(namespace: 2, "Line1") })
            #expect(line1.nodeID.nodeID == (try node("ns=2;s=Line1")))
            #expect(line1.nodeClass == .object)
            #expect(line1.displayName.text == "Line1")
        }
    }

    @Test func browseFollowsContinuationPointsAndReturnsEveryChildOnce() async throws {
        try await withConnectedClient { client, _ in
            let folder = try node("ns=2;s=Many")
            var page = try await client.browseFirstPage(folder, maxReferencesPerNode: 7)
            var names = page.references.map(\.browseName.name)
            var pages = 1
            while !page.continuationPoint.isEmpty {
                #expect(page.references.count <= 7)
                page = try await client.browseNext(page.continuationPoint)
                names += page.references.map(\.browseName.name)
                pages += 1
            }
            let expected = (0..<60).map { String(format: "Item%02d", $0) }
            #expect(pages >= 9)
            #expect(names.filter { $0.hasPrefix("Item") }.sorted() == expected)
            #expect(Set(names).count == names.count)
            let all = try await client.browse(folder, maxReferencesPerNode: 5)
            #expect(all.map(\.browseName.name).sorted() == names.sorted())
        }
    }

    @Test func translateBrowsePath() async throws {
        try await withConnectedClient { client, _ in
            let counter = try await client.translate(
                startingAt: NodeID(numeric: 85), path: [QualifiedName(namespace: 2, "Line1"), QualifiedName(namespace: 2, "Counter")]
            )
            #expect(counter == (try node("ns=2;s=Line1.Counter")))
            let error = await #expect(throws: OPCUAError.self) {
                try await client.translate(startingAt: NodeID(numeric: 85), path: [QualifiedName(namespace: 2, "Nope")])
            }
            #expect(error?.statusCode?.name == "BadNoMatch")
        }
    }

    @Test func readsEveryBuiltInTypeAndArray() async throws {
        try await withConnectedClient { client, _ in
            let expected: [(String, OPCUAValue)] = [
                ("Boolean", .boolean(true)), ("SByte", .sbyte(-8)), ("Byte", .byte(200)),
                ("Int16", .int16(-1234)), ("UInt16", .uint16(54321)), ("Int32", .int32(-123_456)),
                ("UInt32", .uint32(4_000_000_000)), ("Int64", .int64(-9_000_000_000)),
                ("UInt64", .uint64(18_000_000_000_000_000_000)), ("Float", .float(1.5)), ("Double", .double(3.25)),
                ("String", .string("Grüße")),
                ("DateTime", .dateTime(Date(timeIntervalSince1970: 1_714_979_289))),
                ("ByteString", .byteString([0x00, 0x01, 0xFE, 0xFF])),
                ("Int32Array", .array(elementType: .int32, elements: [.int32(1), .int32(-2), .int32(3)])),
                ("DoubleArray", .array(elementType: .double, elements: [.double(0.5), .double(-1.25)])),
                ("StringArray", .array(elementType: .string, elements: [.string("a"), .string("bc")])),
                ("BooleanArray", .array(elementType: .boolean, elements: [.boolean(true), .boolean(false)])),
            ]
            let values = try await client.read(expected.map { try node("ns=2;s=Line1.\($0.0)") })
            for ((name, value), dataValue) in zip(expected, values) {
                #expect(dataValue.value == value, "\(name)")
                #expect(dataValue.status.isGood, "\(name)")
                #expect(dataValue.sourceTimestamp != nil, "\(name)")
                #expect(dataValue.serverTimestamp != nil, "\(name)")
            }
        }
    }

    @Test func readsLargeValueSpanningSeveralChunks() async throws {
        try await withConnectedClient { client, _ in
            let blob = try await client.read(node("ns=2;s=Line1.Blob"))
            let expected = (0..<800).flatMap { _ in (0...255).map { UInt8($0) } }
            #expect(blob.value == .byteString(expected))
        }
    }

    @Test func writeThenReadBack() async throws {
        try await withConnectedClient { client, _ in
            let writes: [(String, OPCUAValue)] = [
                ("Boolean", .boolean(false)), ("SByte", .sbyte(-128)), ("Byte", .byte(7)),
                ("Int16", .int16(32767)), ("UInt16", .uint16(1)), ("Int32", .int32(Int32.min)),
                ("UInt32", .uint32(UInt32.max)), ("Int64", .int64(Int64.max)), ("UInt64", .uint64(42)),
                ("Float", .float(-0.25)), ("Double", .double(1e-300)), ("String", .string("Zähler ✓")),
                ("DateTime", .dateTime(Date(timeIntervalSince1970: 1_000_000_000.5))),
                ("ByteString", .byteString([9, 8, 7])),
                ("Int32Array", .array(elementType: .int32, elements: [.int32(10), .int32(20)])),
                ("StringArray", .array(elementType: .string, elements: [])),
            ]
            let nodes = try writes.map { try node("ns=2;s=Line1.\($0.0)") }
            let statuses = try await client.write(Array(zip(nodes, writes.map(\.1))).map { (node: $0.0, value: $0.1) })
            #expect(statuses.allSatisfy { $0.isGood }, "\(statuses)")
            let values = try await client.read(nodes)
            for ((name, value), dataValue) in zip(writes, values) {
                #expect(dataValue.value == value, "\(name)")
            }
            let int32Node = try node("ns=2;s=Line1.Int32")
            let mismatch = await #expect(throws: OPCUAError.self) {
                try await client.write(int32Node, value: .string("not a number"))
            }
            #expect(mismatch?.statusCode == .badTypeMismatch)
        }
    }

    @Test func unknownNodeReportsBadNodeIdUnknownClearly() async throws {
        try await withConnectedClient { client, _ in
            let error = await #expect(throws: OPCUAError.self) {
                try await client.read(node("ns=2;s=Line1.DoesNotExist"))
            }
            #expect(error?.statusCode == .badNodeIdUnknown)
            let message = error?.description ?? ""
            #expect(message.contains("BadNodeIdUnknown"))
            #expect(message.contains("ns=2;s=Line1.DoesNotExist"))
            #expect(message.contains("does not exist"))
        }
    }

    @Test func anonymousAndUserNameSessions() async throws {
        let server = try await PeerServer()
        defer { server.stop() }
        let counter = try node("ns=2;s=Line1.Counter")
        for credentials in [OPCUACredentials.anonymous, .userName("operator", password: "secret")] {
            let client = OPCUAClient(configuration: .init(endpointURL: server.endpointURL, credentials: credentials), logger: testLogger)
            try await client.connect()
            let endpoints = await client.endpoints
            #expect(endpoints.contains { $0.userIdentityTokens.contains { $0.tokenType == .userName } })
            let value = try await client.read(counter)
            #expect(value.value.doubleValue != nil)
            await client.close()
        }
        let refused = OPCUAClient(
            configuration: .init(endpointURL: server.endpointURL, credentials: .userName("operator", password: "wrong")), logger: testLogger
        )
        let error = await #expect(throws: OPCUAError.self) { try await refused.connect() }
        #expect(error?.description.contains("ActivateSession failed") == true)
        #expect(error?.statusCode?.isBad == true)
        #expect(await refused.isConnected == false)
    }

    @Test func secureChannelTokenIsRenewedBeforeItExpires() async throws {
        let server = try await PeerServer()
        defer { server.stop() }
        let client = OPCUAClient(
            configuration: .init(endpointURL: server.endpointURL, secureChannelLifetime: .seconds(4)), logger: testLogger
        )
        try await client.connect()
        let firstToken = await client.securityTokenID
        let counter = try node("ns=2;s=Line1.Counter")
        // Keep working until two renewals happened, i.e. well past the first token's lifetime.
        for _ in 0..<200 where await client.securityTokenRenewals < 2 {
            _ = try await client.read(counter)
            try await Task.sleep(for: .milliseconds(100))
        }
        #expect(await client.securityTokenRenewals >= 2)
        #expect(await client.securityTokenID != firstToken)
        #expect(try await client.read(counter).status.isGood)
        await client.close()
    }

    @Test func connectingToAClosedPortFailsClearly() async throws {
        let server = try await PeerServer()
        let url = server.endpointURL
        server.stop()
        let client = OPCUAClient(configuration: .init(endpointURL: url, requestTimeout: .seconds(2)), logger: testLogger)
        await #expect(throws: (any Error).self) { try await client.connect() }
        await #expect(throws: OPCUAError.notConnected) { try await client.read(NodeID(numeric: 2258)) }
    }

    @Test func aRequestAfterTheServerWentAwayFailsInsteadOfWaiting() async throws {
        let server = try await PeerServer()
        let client = OPCUAClient(configuration: .init(endpointURL: server.endpointURL), logger: testLogger)
        try await client.connect()
        server.stop()
        await client.waitUntilDisconnected()
        // The connection's handlers are gone now, so the request never reaches the code that
        // schedules its timeout. It must fail anyway, and at once, rather than wait forever.
        let outcome = Outcome()
        let counter = try node("ns=2;s=Line1.Counter")
        Task {
            do {
                _ = try await client.read(counter)
                await outcome.record("answered")
            } catch {
                await outcome.record("\(error)")
            }
        }
        #expect(await eventually(upTo: .seconds(10)) { await outcome.text != nil })
        #expect(await outcome.text == OPCUAError.connectionClosed.description)
        await client.close()
    }
}

/// What a request running in its own task ended with.
private actor Outcome {
    private(set) var text: String?

    func record(_ text: String) {
        self.text = text
    }
}
