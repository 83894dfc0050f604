import Foundation

/// Measurements of one client.
struct EnipBenchResult {
    /// Multi-reads completed.
    var reads: Int
    /// Wall time of the run.
    var seconds: Double
    /// Client CPU seconds (user + system).
    var cpu: Double
    /// Tag errors seen.
    var errors: Int
    /// Round-trip times in seconds, sorted.
    var rtts: [Double]

    init(reads: Int, seconds: Double, cpu: Double, errors: Int, rtts: [Double]) {
        self.reads = reads
        self.seconds = seconds
        self.cpu = cpu
        self.errors = errors
        self.rtts = rtts.sorted()
    }

    /// Tags read per second for `count` tags per multi-read.
    func tagsPerSecond(_ count: Int) -> Double { seconds > 0 ? Double(reads * count) / seconds : 0 }

    /// Round-trip percentile (0...1).
    func percentile(_ fraction: Double) -> Double {
        guard !rtts.isEmpty else { return 0 }
        return rtts[min(rtts.count - 1, Int(Double(rtts.count - 1) * fraction))]
    }

    /// One-line report.
    func report(name: String, tagsPerRead count: Int) -> String {
        let tags = Double(reads * count)
        let cpuPerThousand = tags > 0 ? cpu / tags * 1000 * 1000 : 0
        return String(format: "%@: %d multi-reads of %d tags in %.2f s = %.0f tags/s; round trip p50 %.3f ms, p99 %.3f ms; client CPU %.3f s = %.3f ms CPU per 1000 tags (%.3f%% of a core per 1000 tags/s); errors %d",
                      name, reads, count, seconds, tagsPerSecond(count), percentile(0.5) * 1000, percentile(0.99) * 1000, cpu, cpuPerThousand, cpuPerThousand / 10, errors)
    }
}
