import Foundation

/// Notifications counted over a measured interval and the CPU time spent.
struct BenchResult {
    var notifications: Int
    var seconds: Double
    var cpu: Double

    var rate: Double { Double(notifications) / seconds }
    var cpuPerNotification: Double { cpu / Double(max(notifications, 1)) }

    init(notifications: Int, seconds: Double, cpu: Double) {
        self.notifications = notifications
        self.seconds = seconds
        self.cpu = cpu
    }

    /// Parses the JSON line printed by `bench_client.py`.
    init(json line: String) throws {
        struct Line: Decodable {
            var notifications: Int
            var seconds: Double
            var cpu: Double
        }
        let parsed = try JSONDecoder().decode(Line.self, from: Data(line.utf8))
        self.init(notifications: parsed.notifications, seconds: parsed.seconds, cpu: parsed.cpu)
    }
}
