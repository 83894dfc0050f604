import NIOCore

/// A task executor that runs jobs on one NIO event loop.
///
/// Code running under `withTaskExecutorPreference` with this executor shares the thread of
/// the connection, so a request and its response need no hop between threads.
final class ModbusEventLoopExecutor: TaskExecutor {
    private let eventLoop: any EventLoop

    init(eventLoop: any EventLoop) {
        self.eventLoop = eventLoop
    }

    func enqueue(_ job: consuming ExecutorJob) {
        let job = UnownedJob(job)
        eventLoop.execute {
            job.runSynchronously(on: self.asUnownedTaskExecutor())
        }
    }
}
