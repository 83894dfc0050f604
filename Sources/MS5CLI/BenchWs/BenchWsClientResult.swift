/// What the client process reports on one line:
/// `RESULT events eventsP50 eventsP99 eventsMax values valuesP50 valuesP99 valuesMax cpuSeconds latenessP99 latenessMax`.
struct BenchWsClientResult {
    /// Latencies of one kind of message, in milliseconds.
    struct Latency {
        let count: Int
        let p50: Double
        let p99: Double
        let max: Double
    }

    /// Events every client must receive (state, fault, stop, count): no coalescing.
    let events: Latency
    /// Latest values, coalesced per key and sent at most 4 times a second per key.
    let values: Latency
    let cpuSeconds: Double
    let latenessP99: Double
    let latenessMax: Double

    /// The line the client process prints for `events` and `values`.
    static func line(events: LatencyRecorder, values: LatencyRecorder, cpuSeconds: Double, lateness: LatencyRecorder) -> String {
        let parts: [String] = ["RESULT"] + [events, values].flatMap { recorder in
            ["\(recorder.messages)", "\(recorder.percentile(0.5))", "\(recorder.percentile(0.99))", "\(recorder.percentile(1))"]
        } + ["\(cpuSeconds)", "\(lateness.percentile(0.99))", "\(lateness.percentile(1))"]
        return parts.joined(separator: " ")
    }

    /// Parses the line; nil when it is not a result.
    init?(line: String) {
        let fields = line.split(separator: " ")
        guard fields.count == 12, fields[0] == "RESULT" else { return nil }
        let numbers = fields.dropFirst().compactMap { Double($0) }
        guard numbers.count == 11 else { return nil }
        events = Latency(count: Int(numbers[0]), p50: numbers[1], p99: numbers[2], max: numbers[3])
        values = Latency(count: Int(numbers[4]), p50: numbers[5], p99: numbers[6], max: numbers[7])
        (cpuSeconds, latenessP99, latenessMax) = (numbers[8], numbers[9], numbers[10])
    }
}
