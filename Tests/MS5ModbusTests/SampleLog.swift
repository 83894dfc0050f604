import MS5Modbus

/// Collects a poller's samples so tests can wait for conditions on them.
actor SampleLog {
    private(set) var samples: [ModbusSample] = []

    /// Starts draining `stream` into the log; ends when the stream finishes.
    nonisolated func collect(_ stream: AsyncStream<ModbusSample>) -> Task<Void, Never> {
        Task {
            for await sample in stream {
                await self.append(sample)
            }
        }
    }

    private func append(_ sample: ModbusSample) {
        samples.append(sample)
    }

    /// Number of samples so far.
    var count: Int { samples.count }

    /// The newest sample for `address` after index `start`, if any.
    func latest(_ address: String, after start: Int = 0) -> ModbusSample? {
        samples[min(start, samples.count)...].last { $0.address == address }
    }
}
