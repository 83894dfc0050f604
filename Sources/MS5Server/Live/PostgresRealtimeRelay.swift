import Logging
import MS5Realtime
import MS5Storage

/// Carries live events between ms5 instances on one PostgreSQL database with LISTEN/NOTIFY.
/// A lost listening connection is opened again with backoff; what other instances published
/// meanwhile does not arrive, and their clients' next resume says so with `resync`.
struct PostgresRealtimeRelay: RealtimeRelay {
    static let channel = "ms5_live"
    /// NOTIFY's payload limit.
    static let maximumBytes = 8000

    let database: Database
    let logger: Logger

    func publish(_ envelope: RealtimeRelayEnvelope) async throws {
        let text = envelope.jsonText()
        guard text.utf8.count < Self.maximumBytes else {
            logger.warning("A live event too large for the other instances stays on this one", metadata: ["bytes": "\(text.utf8.count)"])
            return
        }
        try await database.notify(channel: Self.channel, payload: text)
    }

    func incoming() -> any AsyncSequence<RealtimeRelayEnvelope, any Error> {
        let (stream, continuation) = AsyncThrowingStream<RealtimeRelayEnvelope, any Error>.makeStream(bufferingPolicy: .bufferingNewest(10_000))
        let logger = logger
        let database = database
        let listening = Task {
            var delay = Duration.milliseconds(250)
            while !Task.isCancelled {
                do {
                    try await database.listen(channel: Self.channel) { text in
                        do {
                            continuation.yield(try RealtimeRelayEnvelope(jsonText: text))
                        } catch {
                            logger.warning("A live event from another instance did not decode", metadata: ["error": "\(error)"])
                        }
                    }
                    delay = .milliseconds(250)
                } catch {
                    logger.warning("Listening for the other instances' live events failed; trying again", metadata: ["error": "\(error)"])
                }
                try? await Task.sleep(for: delay)
                delay = min(delay * 2, .seconds(10))
            }
            continuation.finish()
        }
        continuation.onTermination = { _ in listening.cancel() }
        return stream
    }
}
