import Foundation
import HTTPTypes
import HummingbirdTesting
@testable import MS5Server
import Testing

@Suite("Request rate limits")
struct RateLimitTests {
    @Test("A bucket of 3 refilling at 2 a second: three requests pass, the fourth waits 0.5 s, a quarter second later 0.25 s")
    func bucketArithmetic() {
        let start = Date(timeIntervalSince1970: 1_000)
        var bucket = TokenBucket(capacity: 3, at: start)
        #expect(bucket.take(at: start, rate: 2, capacity: 3) == nil)
        #expect(bucket.take(at: start, rate: 2, capacity: 3) == nil)
        #expect(bucket.take(at: start, rate: 2, capacity: 3) == nil)
        #expect(bucket.tokens == 0)
        // Empty: one token needs 1 / 2 s.
        #expect(bucket.take(at: start, rate: 2, capacity: 3) == 0.5)
        // 0.25 s refill 0.5 tokens: the other half needs 0.25 s more.
        #expect(bucket.take(at: start.addingTimeInterval(0.25), rate: 2, capacity: 3) == 0.25)
        #expect(bucket.tokens == 0.5)
        // At 0.5 s there is exactly one token; taking it leaves none.
        #expect(bucket.take(at: start.addingTimeInterval(0.5), rate: 2, capacity: 3) == nil)
        #expect(bucket.tokens == 0)
        // 1.5 s of refill is 3 tokens, the capacity: the bucket is as good as new, and never holds more.
        #expect(!bucket.isFull(at: start.addingTimeInterval(1.4), rate: 2, capacity: 3))
        #expect(bucket.isFull(at: start.addingTimeInterval(2), rate: 2, capacity: 3))
        #expect(bucket.take(at: start.addingTimeInterval(60), rate: 2, capacity: 3) == nil)
        #expect(bucket.tokens == 2)
    }

    @Test("Each address has its own bucket; Retry-After rounds the wait up to whole seconds")
    func perAddress() {
        let clock = TestClock(Date(timeIntervalSince1970: 1_000))
        let limiter = RequestRateLimiter(requestsPerSecond: 1, burst: 2, clock: { clock.now })
        #expect(limiter.admit("10.0.0.1") == nil && limiter.admit("10.0.0.1") == nil)
        #expect(limiter.admit("10.0.0.1") == 1)
        #expect(limiter.admit("10.0.0.2") == nil)
        clock.advance(minutes: 0.1 / 60)
        #expect(limiter.admit("10.0.0.1") == 1)
        clock.advance(minutes: 1 / 60)
        #expect(limiter.admit("10.0.0.1") == nil)
    }

    @Test("Memory stays bounded: idle addresses are forgotten first, then those counted longest ago")
    func bounded() {
        let clock = TestClock(Date(timeIntervalSince1970: 1_000))
        let limiter = RequestRateLimiter(requestsPerSecond: 1, burst: 5, maximumClients: 4, clock: { clock.now })
        for client in ["a", "b", "c", "d"] { _ = limiter.admit(client) }
        #expect(limiter.trackedClients == 4)
        // Nobody idle yet: the oldest quarter (one address) makes room.
        clock.advance(minutes: 0.5 / 60)
        _ = limiter.admit("e")
        #expect(limiter.trackedClients == 4)
        // A second later every bucket has refilled: all are forgotten but the newcomer.
        clock.advance(minutes: 2 / 60)
        _ = limiter.admit("f")
        #expect(limiter.trackedClients == 1)
    }

    @Test("Over HTTP a burst beyond the limit gets 429 with Retry-After; 0 (the tests' setting) turns the limit off")
    func overHTTP() async throws {
        // The clock stands still, so however slowly a loaded machine sends them, no token comes back
        // between the requests: three pass, the other three are refused.
        let frozen = Date(timeIntervalSince1970: 1_800_000_000)
        try await TestServer.run(roles: [], configure: {
            $0.requestsPerSecond = 1
            $0.requestBurst = 3
        }, clock: { frozen }) { server in
            var statuses: [HTTPResponse.Status] = []
            var refusal: TestResponse?
            for _ in 0..<6 {
                let response = try await server.send(.get, "/health", as: nil)
                statuses.append(response.status)
                if response.status == .tooManyRequests, refusal == nil { refusal = response }
            }
            #expect(statuses == [.ok, .ok, .ok, .tooManyRequests, .tooManyRequests, .tooManyRequests])
            #expect(refusal?.headers[.retryAfter] == "1")
            #expect(refusal?.headers[.contentType] == "application/problem+json" && refusal?.problem?.code == "too-many-requests")
        }
        let unlimited = try await TestServer.run(roles: []) { server async throws -> [HTTPResponse.Status] in
            var statuses: [HTTPResponse.Status] = []
            for _ in 0..<300 { statuses.append(try await server.send(.get, "/health", as: nil).status) }
            return statuses
        }
        #expect(unlimited.allSatisfy { $0 == .ok })
    }
}
