import MS5OPCUA

/// Drains a subscriber's sample stream in the background so tests can wait for conditions.
actor SampleCollector {
    private(set) var samples: [OPCUASample] = []
    private var task: Task<Void, Never>?

    init(_ stream: AsyncStream<OPCUASample>) async {
        task = Task { [weak self] in
            for await sample in stream {
                await self?.append(sample)
            }
        }
    }

    private func append(_ sample: OPCUASample) {
        samples.append(sample)
    }

    /// Waits until `condition` holds for the samples collected so far, or the safety deadline passes.
    func wait(upTo limit: Duration = .seconds(60), until condition: ([OPCUASample]) -> Bool) async -> Bool {
        let deadline = ContinuousClock.now + limit
        while ContinuousClock.now < deadline {
            if condition(samples) { return true }
            try? await Task.sleep(for: .milliseconds(50))
        }
        return condition(samples)
    }

    func cancel() {
        task?.cancel()
    }
}

/// Polls `condition` until it holds or the safety deadline passes.
func eventually(upTo limit: Duration = .seconds(60), _ condition: () async -> Bool) async -> Bool {
    let deadline = ContinuousClock.now + limit
    while ContinuousClock.now < deadline {
        if await condition() { return true }
        try? await Task.sleep(for: .milliseconds(50))
    }
    return await condition()
}

/// Integer values of the samples, skipping the first (the Read issued after each (re)connection).
func notifiedCounterValues(_ samples: ArraySlice<OPCUASample>) -> [Int64] {
    samples.dropFirst().compactMap { sample in
        if case let .int64(value) = sample.value { value } else { nil }
    }
}
