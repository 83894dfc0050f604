import Foundation

#if canImport(Glibc)
import Glibc
#endif

/// CPU time and memory of the current process.
enum ProcessUsage {
    /// User plus system CPU seconds from getrusage.
    static func cpuSeconds() -> Double {
        var usage = rusage()
        #if os(Linux)
        getrusage(__rusage_who_t(RUSAGE_SELF.rawValue), &usage)
        #else
        getrusage(RUSAGE_SELF, &usage)
        #endif
        func seconds(_ time: timeval) -> Double { Double(time.tv_sec) + Double(time.tv_usec) / 1_000_000 }
        return seconds(usage.ru_utime) + seconds(usage.ru_stime)
    }

    /// A `kB` field of /proc/self/status, such as `VmRSS` or `VmHWM`, in megabytes.
    static func statusMegabytes(_ field: String) -> Double? {
        guard let status = try? String(contentsOfFile: "/proc/self/status", encoding: .utf8) else { return nil }
        for line in status.split(separator: "\n") where line.hasPrefix(field + ":") {
            let digits = line.dropFirst(field.count + 1).filter(\.isNumber)
            return Double(String(digits)).map { $0 / 1024 }
        }
        return nil
    }
}
