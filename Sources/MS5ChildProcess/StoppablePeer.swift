/// A process a test or benchmark starts (a broker, a peer) and must stop whatever happens.
public protocol StoppablePeer: Sendable {
    /// Stops the process and waits until it is gone. Idempotent.
    func stop()
}

extension StoppablePeer {
    /// Runs `body` with this peer and stops the peer afterwards, also when `body` throws.
    public func stopping<Result: Sendable>(after body: (Self) async throws -> Result) async throws -> Result {
        do {
            let result = try await body(self)
            stop()
            return result
        } catch {
            stop()
            throw error
        }
    }
}
