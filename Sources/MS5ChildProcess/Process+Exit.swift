import Foundation

extension Process {
    /// Waits until the child has exited, polling instead of spinning a run loop.
    ///
    /// Foundation's `waitUntilExit()` spins the calling thread's run loop; called from a Swift
    /// concurrency thread under load it can miss the child's end and wait forever, which stalls a
    /// whole test run. This polls `isRunning` every 10 ms and gives up after `limit`.
    /// - Returns: `true` once the child has exited, `false` when `limit` passed first.
    @discardableResult
    public func waitForExit(upTo limit: Duration = .seconds(60)) -> Bool {
        let deadline = ContinuousClock.now + limit
        while isRunning {
            guard ContinuousClock.now < deadline else { return false }
            usleep(10_000)
        }
        return true
    }

    /// Kills the child with SIGKILL and waits until it is gone.
    ///
    /// SIGKILL because a test runner's children can inherit a mask that blocks SIGTERM. A killed
    /// child that Foundation has not reaped yet still counts as gone once the kernel lists it as a
    /// zombie, so this never waits on Foundation's bookkeeping for longer than `limit`.
    public func killAndWait(upTo limit: Duration = .seconds(10)) {
        guard isRunning else { return }
        let pid = processIdentifier
        kill(pid, SIGKILL)
        let deadline = ContinuousClock.now + limit
        while isRunning, !Self.isDead(pid), ContinuousClock.now < deadline {
            usleep(10_000)
        }
    }

    /// True when `/proc` shows `pid` as a zombie or no longer lists it.
    private static func isDead(_ pid: Int32) -> Bool {
        guard let stat = try? String(contentsOfFile: "/proc/\(pid)/stat", encoding: .utf8) else { return true }
        // The state follows the parenthesised command name, which may itself contain spaces.
        guard let close = stat.lastIndex(of: ")") else { return false }
        return stat[close...].dropFirst().trimmingCharacters(in: .whitespaces).first == "Z"
    }
}
