import MS5MQTT
import Testing

@Suite("Reconnect backoff")
struct ReconnectPolicyTests {
    let policy = MQTTReconnectPolicy(
        initialDelay: .milliseconds(100), maximumDelay: .seconds(2), multiplier: 2, jitter: 0.2)

    @Test("delays double from the initial delay and stop at the maximum (no jitter at 0.5)")
    func exponential() {
        let delays = (1...7).map { policy.delay(beforeAttempt: $0, unitRandom: 0.5) }
        #expect(
            delays == [
                .milliseconds(100), .milliseconds(200), .milliseconds(400), .milliseconds(800), .milliseconds(1600),
                .milliseconds(2000), .milliseconds(2000),
            ])
    }

    @Test("jitter spreads the delay by at most the configured fraction")
    func jitter() {
        #expect(policy.delay(beforeAttempt: 3, unitRandom: 0) == .milliseconds(320))
        #expect(policy.delay(beforeAttempt: 3, unitRandom: 1) == .milliseconds(480))
        for _ in 0..<100 {
            let delay = policy.delay(beforeAttempt: 3)
            #expect(delay >= .milliseconds(320) && delay <= .milliseconds(480))
        }
    }
}
