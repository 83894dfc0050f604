import NIOCore

/// A task executor running jobs on one NIO event loop. A polling task that prefers it runs on
/// the same thread as its client's connection, so each request and reply costs no thread hop.
public final class EventLoopTaskExecutor: TaskExecutor, @unchecked Sendable {
    /// The loop jobs run on.
    public let eventLoop: any EventLoop

    /// Creates the executor of `eventLoop`.
    public init(_ eventLoop: any EventLoop) {
        self.eventLoop = eventLoop
    }

    public func enqueue(_ job: consuming ExecutorJob) {
        let job = UnownedJob(job)
        eventLoop.execute { job.runSynchronously(on: self.asUnownedTaskExecutor()) }
    }
}
