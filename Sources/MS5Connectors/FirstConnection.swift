/// The first connection of a broker client that reconnects by itself once it has connected, but
/// gives up when its first attempt fails: tried again with doubling delays (250 ms up to 30 s)
/// until it succeeds or the task is cancelled.
enum FirstConnection {
    /// The connected client, or nil when cancelled first; `failed` hears of each failed attempt.
    static func establish<Client>(
        isolation: isolated (any Actor)? = #isolation,
        _ connect: () async throws -> Client,
        failed: (any Error) -> Void
    ) async -> Client? {
        var delay = Duration.milliseconds(250)
        while !Task.isCancelled {
            do {
                return try await connect()
            } catch {
                failed(error)
                try? await Task.sleep(for: delay)
                delay = min(delay * 2, .seconds(30))
            }
        }
        return nil
    }
}
