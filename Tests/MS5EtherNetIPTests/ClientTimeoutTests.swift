import MS5EtherNetIP
import NIOCore
import NIOPosix
import Testing

/// Request timeouts against a peer that accepts TCP but never answers.
@Suite struct ClientTimeoutTests {
    @Test(.timeLimit(.minutes(1))) func silentPeerTimesOut() async throws {
        let silent = try await ServerBootstrap(group: MultiThreadedEventLoopGroup.singleton).bind(host: "127.0.0.1", port: 0).get()
        let port = try #require(silent.localAddress?.port)
        let client = EtherNetIPClient(options: .init(requestTimeout: .milliseconds(300)))
        // The silent peer makes the session request time out rather than hang (the time limit
        // above stops the test if it hangs); how long it takes is not asserted.
        let failure = await #expect(throws: EtherNetIPError.self) { try await client.connect(host: "127.0.0.1", port: port, slot: 0) }
        if case .timeout? = failure {} else { Issue.record("expected a timeout, got \(String(describing: failure))") }
        #expect(await !client.isConnected)
        await #expect(throws: EtherNetIPError.notConnected) { try await client.read("Tag") }
        try await silent.close().get()
    }

    @Test func refusedConnectionIsReported() async throws {
        let port = try await PeerProcess.freePort()
        let client = EtherNetIPClient(options: .init(connectTimeout: .seconds(1)))
        do {
            try await client.connect(host: "127.0.0.1", port: port, slot: 0)
            Issue.record("connect to a closed port succeeded")
        } catch let error as EtherNetIPError {
            guard case .connectionClosed = error else { Issue.record("unexpected \(error)"); return }
        }
    }
}
