import MS5Domain
import MS5Retry
import Testing

@Suite("Backoff")
struct BackoffTests {
    @Test("The nominal wait doubles from the first failure on and stops at the maximum")
    func nominal() {
        let backoff = Backoff(initial: .milliseconds(250), maximum: .seconds(30))
        // 0.25 s × 2^(n-1): 0.25, 0.5, 1, 2, 4, 8, 16, then 32 is capped at 30.
        let waits = (1...9).map { backoff.nominalDelay(afterFailures: $0) }
        #expect(waits == [
            .milliseconds(250), .milliseconds(500), .seconds(1), .seconds(2), .seconds(4), .seconds(8), .seconds(16), .seconds(30), .seconds(30),
        ])
        // A million failures neither overflow nor pass the maximum; zero counts as the first.
        #expect(backoff.nominalDelay(afterFailures: 1_000_000) == .seconds(30))
        #expect(backoff.nominalDelay(afterFailures: 0) == .milliseconds(250))
        // Another growth: 1 s × 3^(n-1) = 1, 3, 9, 27, then 81 capped at 60.
        let tripling = Backoff(initial: .seconds(1), maximum: .seconds(60), multiplier: 3)
        #expect((1...5).map { tripling.nominalDelay(afterFailures: $0) } == [1, 3, 9, 27, 60].map { Duration.seconds($0) })
    }

    @Test("Jitter spreads the wait within ±jitter of the nominal one")
    func jitter() {
        let backoff = Backoff(initial: .milliseconds(250), maximum: .seconds(30), jitter: 0.2)
        // Third failure: nominal 1 s; unitRandom 0 → × 0.8, 0.5 → × 1, 1 → × 1.2.
        #expect(backoff.delay(afterFailures: 3, unitRandom: 0) == .milliseconds(800))
        #expect(backoff.delay(afterFailures: 3, unitRandom: 0.5) == .seconds(1))
        #expect(backoff.delay(afterFailures: 3, unitRandom: 1) == .milliseconds(1200))
        // At the cap the spread still applies: 30 s × 1.2 = 36 s.
        #expect(backoff.delay(afterFailures: 50, unitRandom: 1) == .seconds(36))
        for _ in 0..<100 {
            #expect((.milliseconds(800) ... .milliseconds(1200)).contains(backoff.delay(afterFailures: 3)))
        }
        // Without jitter, randomness changes nothing.
        let steady = Backoff(initial: .seconds(1), maximum: .seconds(8))
        #expect(steady.delay(afterFailures: 3, unitRandom: 0.9) == .seconds(4) && steady.delay(afterFailures: 3) == .seconds(4))
    }

    @Test("The same seed gives the same waits")
    func seeded() {
        let backoff = Backoff(initial: .milliseconds(500), maximum: .seconds(60), jitter: 0.2)
        var first = SplitMix64(seed: 42)
        var second = SplitMix64(seed: 42)
        let a = (1...20).map { backoff.delay(afterFailures: $0, using: &first) }
        let b = (1...20).map { backoff.delay(afterFailures: $0, using: &second) }
        #expect(a == b)
        #expect(Set(a).count > 10)
        for (failures, wait) in zip(1...20, a) {
            let nominal = backoff.nominalDelay(afterFailures: failures).seconds
            #expect(abs(wait.seconds / nominal - 1) <= 0.2 + 1e-9)
        }
    }

    @Test("A limit of retries: with 2, the first and second failures are retried, the third is not")
    func limit() {
        let limited = Backoff(initial: .seconds(5), maximum: .seconds(60), maximumRetries: 2)
        #expect([1, 2, 3, 4].map(limited.retries(afterFailures:)) == [true, true, false, false])
        #expect(Backoff(initial: .seconds(1), maximum: .seconds(1)).retries(afterFailures: 1_000))
        // A maximum below the first wait is raised to it.
        #expect(Backoff(initial: .seconds(5), maximum: .seconds(1)).nominalDelay(afterFailures: 3) == .seconds(5))
    }
}

