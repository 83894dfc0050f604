import Foundation
import Glibc

/// Processes as `/proc` lists them.
enum ProcessTree {
    /// The children, grandchildren and so on of `pid`.
    static func descendants(of pid: Int32) -> [Int32] {
        let parents = parentsByProcess()
        var found: [Int32] = []
        var frontier = [pid]
        while let parent = frontier.popLast() {
            let children = parents.filter { $0.value == parent }.map(\.key)
            found += children
            frontier += children
        }
        return found
    }

    /// Kills `pids` with SIGKILL and waits up to `limit` until each is a zombie or gone.
    static func kill(_ pids: [Int32], upTo limit: Duration) {
        for pid in pids {
            _ = Glibc.kill(pid, SIGKILL)
        }
        let deadline = ContinuousClock.now + limit
        while !pids.allSatisfy(isGone), ContinuousClock.now < deadline {
            usleep(10_000)
        }
    }

    /// True when `/proc` shows `pid` as a zombie or no longer lists it.
    private static func isGone(_ pid: Int32) -> Bool {
        guard let stat = self.stat(of: pid) else { return true }
        return stat.state == "Z"
    }

    /// Every listed process's parent.
    private static func parentsByProcess() -> [Int32: Int32] {
        let entries = (try? FileManager.default.contentsOfDirectory(atPath: "/proc")) ?? []
        var parents: [Int32: Int32] = [:]
        for entry in entries {
            guard let pid = Int32(entry), let stat = stat(of: pid) else { continue }
            parents[pid] = stat.parent
        }
        return parents
    }

    /// The state letter and parent of `pid` from `/proc/<pid>/stat`.
    private static func stat(of pid: Int32) -> (state: Character, parent: Int32)? {
        guard let text = try? String(contentsOfFile: "/proc/\(pid)/stat", encoding: .utf8) else { return nil }
        // The fields after the command name, which is in parentheses and may contain spaces.
        guard let close = text.lastIndex(of: ")") else { return nil }
        let fields = text[text.index(after: close)...].split(separator: " ")
        guard fields.count > 1, let state = fields[0].first, let parent = Int32(fields[1]) else { return nil }
        return (state, parent)
    }
}
