import Foundation

/// What the kernel says about this process: memory, CPU time, open files. Read from `/proc` on
/// Linux; nil where that is not available.
struct ProcessStatistics: Sendable {
    /// Resident memory in bytes.
    let residentBytes: Double
    /// User plus system CPU time in seconds.
    let cpuSeconds: Double
    /// Open file descriptors.
    let openFiles: Double

    /// Reads the current figures of this process.
    static func current() -> ProcessStatistics? {
        guard let statm = try? String(contentsOfFile: "/proc/self/statm", encoding: .utf8),
              let stat = try? String(contentsOfFile: "/proc/self/stat", encoding: .utf8),
              let afterName = stat.lastIndex(of: ")")
        else { return nil }
        let pages = statm.split(separator: " ").dropFirst().first.flatMap { Double($0) } ?? 0
        // Fields after the command name start at field 3 (state); utime and stime are fields 14 and 15.
        let fields = stat[stat.index(after: afterName)...].split(separator: " ")
        let ticks = Double(sysconf(Int32(_SC_CLK_TCK)))
        let utime = fields.count > 12 ? Double(fields[11]) ?? 0 : 0
        let stime = fields.count > 12 ? Double(fields[12]) ?? 0 : 0
        let openFiles = (try? FileManager.default.contentsOfDirectory(atPath: "/proc/self/fd").count) ?? 0
        return ProcessStatistics(
            residentBytes: pages * Double(sysconf(Int32(_SC_PAGESIZE))),
            cpuSeconds: (utime + stime) / ticks,
            openFiles: Double(openFiles))
    }
}
