import Foundation
import Synchronization

/// A thread of its own that runs blocking jobs one after another, so that blocking librdkafka
/// calls never occupy a Swift concurrency thread. It ends after ``stop()``.
final class JobThread: Sendable {
    /// Jobs waiting to run, in order; `nil` ends the thread.
    private let jobs = Mutex<[(@Sendable () -> Void)?]>([])
    /// Signalled once per submitted entry.
    private let submitted = DispatchSemaphore(value: 0)

    /// Starts the thread, named `name`.
    init(name: String) {
        let thread = Thread { [self] in serve() }
        thread.name = name
        thread.start()
    }

    /// Runs `body` on the thread after the jobs before it and returns its result.
    func run<Value: Sendable>(_ body: @escaping @Sendable () -> Value) async -> Value {
        await withCheckedContinuation { continuation in
            submit { continuation.resume(returning: body()) }
        }
    }

    /// Queues `job` to run on the thread after the jobs before it.
    func submit(_ job: @escaping @Sendable () -> Void) {
        enqueue(job)
    }

    /// Ends the thread once the jobs already submitted have run; jobs submitted later never run.
    func stop() {
        enqueue(nil)
    }

    private func enqueue(_ entry: (@Sendable () -> Void)?) {
        jobs.withLock { $0.append(entry) }
        submitted.signal()
    }

    private func serve() {
        while true {
            submitted.wait()
            guard let job = jobs.withLock({ $0.removeFirst() }) else { return }
            job()
        }
    }
}
