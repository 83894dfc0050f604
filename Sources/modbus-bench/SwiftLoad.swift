import MS5Modbus

/// Sends reads of the benchmark ranges through `ModbusClient` for a fixed time.
struct SwiftLoad {
    /// The same ranges the pymodbus client reads: 100 holding registers, 100 input registers, 200 coils.
    static let requests: [ModbusRequest] = [
        .read(.holdingRegisters, start: 0, quantity: 100),
        .read(.inputRegisters, start: 0, quantity: 100),
        .read(.coils, start: 0, quantity: 200),
    ]

    var client: ModbusClient
    var duration: Duration

    /// Runs `concurrency` loops, each sending one request at a time, and returns answered reads per second.
    func readsPerSecond(concurrency: Int) async throws -> Double {
        let clock = ContinuousClock()
        let start = clock.now
        let end = start.advanced(by: duration)
        let total = try await withThrowingTaskGroup(of: Int.self) { group in
            for lane in 0..<concurrency {
                group.addTask(executorPreference: client.taskExecutor) {
                    var reads = 0
                    while clock.now < end {
                        _ = try await client.send(Self.requests[(reads + lane) % Self.requests.count], unitId: 1)
                        reads += 1
                    }
                    return reads
                }
            }
            return try await group.reduce(0, +)
        }
        return Double(total) / start.duration(to: clock.now).seconds
    }
}

extension Duration {
    /// The duration in seconds as a floating-point number.
    var seconds: Double {
        Double(components.seconds) + Double(components.attoseconds) / 1e18
    }
}
