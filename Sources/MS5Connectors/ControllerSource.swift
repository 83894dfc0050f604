/// A running connection to one controller that delivers its values: a poller (EtherNet/IP,
/// Modbus) or a subscription (OPC UA).
protocol ControllerSource: Sendable {
    /// Every value read, until ``stop()`` has finished.
    var samples: AsyncStream<ControllerSample> { get }
    /// Connects and starts reading; reconnects by itself.
    func start() async
    /// Stops reading and closes the connection.
    func stop() async
    /// How the connection is doing now.
    func health() async -> ControllerHealth
}

extension AsyncStream where Element == ControllerSample {
    /// The values of `upstream`, each converted by `convert`, ending when `upstream` ends.
    static func converting<Upstream: AsyncSequence & Sendable>(
        _ upstream: Upstream, _ convert: @escaping @Sendable (Upstream.Element) -> ControllerSample
    ) -> AsyncStream<ControllerSample> where Upstream.Element: Sendable {
        let (stream, continuation) = AsyncStream<ControllerSample>.makeStream(bufferingPolicy: .bufferingNewest(1 << 16))
        let pump = Task {
            do {
                for try await element in upstream { continuation.yield(convert(element)) }
            } catch {}
            continuation.finish()
        }
        continuation.onTermination = { _ in pump.cancel() }
        return stream
    }
}
