/// What the client process reports: `RESULT received p50 p99 max cpuSeconds latenessP99 latenessMax`.
struct ClientResult {
    let received: Int
    let p50: Double
    let p99: Double
    let max: Double
    let cpuSeconds: Double
    let latenessP99: Double
    let latenessMax: Double

    init?(line: String) {
        let fields = line.split(separator: " ")
        guard fields.count == 8, fields[0] == "RESULT", let received = Int(fields[1]),
            let p50 = Double(fields[2]), let p99 = Double(fields[3]), let max = Double(fields[4]),
            let cpuSeconds = Double(fields[5]), let latenessP99 = Double(fields[6]), let latenessMax = Double(fields[7])
        else { return nil }
        (self.latenessP99, self.latenessMax) = (latenessP99, latenessMax)
        (self.received, self.p50, self.p99, self.max, self.cpuSeconds) = (received, p50, p99, max, cpuSeconds)
    }
}
