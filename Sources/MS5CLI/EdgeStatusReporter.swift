import Foundation
import Logging
import MS5Edge
import ServiceLifecycle

/// Logs the edge's forwarding status every 10 s: connected, backlog, rate, last error.
struct EdgeStatusReporter: Service {
    let forwarder: Forwarder
    let queue: DiskQueue
    let logger: Logger

    func run() async throws {
        await cancelWhenGracefulShutdown {
            while !Task.isCancelled {
                do { try await Task.sleep(for: .seconds(10)) } catch { return }
                let status = forwarder.status
                logger.notice("Edge status", metadata: [
                    "connected": "\(status.connected)", "backlog": "\(status.backlog)", "rate": "\(status.rate)",
                    "samplesSent": "\(status.samplesSent)", "lastError": "\(status.lastError ?? "none")",
                ])
            }
        }
    }
}
