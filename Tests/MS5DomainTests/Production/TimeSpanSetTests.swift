import Foundation
import MS5Domain
import Testing

@Suite("Time span sets")
struct TimeSpanSetTests {
    func span(_ from: Int, _ to: Int) -> TimeSpan {
        TimeSpan(start: Date(timeIntervalSince1970: TimeInterval(from)), end: Date(timeIntervalSince1970: TimeInterval(to)))
    }

    @Test("normalizing merges overlapping and touching spans and drops empty ones")
    func normalize() {
        let set = TimeSpanSet([span(10, 20), span(0, 5), span(5, 8), span(15, 30), span(40, 40)])
        #expect(set.spans == [span(0, 8), span(10, 30)])
        // 8 + 20 = 28.
        #expect(set.duration == 28)
    }

    @Test("intersection and subtraction")
    func algebra() {
        let set = TimeSpanSet([span(0, 10), span(20, 30)])
        let other = TimeSpanSet([span(5, 25)])
        #expect(set.intersection(other).spans == [span(5, 10), span(20, 25)])
        #expect(set.subtracting(other).spans == [span(0, 5), span(25, 30)])
        #expect(set.union(other).spans == [span(0, 30)])
        #expect(set.contains(Date(timeIntervalSince1970: 20)))
        #expect(!set.contains(Date(timeIntervalSince1970: 10)))
    }

    @Test("spans that end before the other set starts, or exactly where it starts, are skipped without losing later overlaps")
    func skippedSpans() {
        // Running 0–10, 20–30, 40–50, …, 180–190; a stop from 35 to 62.
        let running = TimeSpanSet((0..<10).map { span($0 * 20, $0 * 20 + 10) })
        let stop = TimeSpanSet([span(35, 62)])
        // Not running during the stop: 35–40 and 50–60, 5 + 10 = 15 s.
        #expect(stop.subtracting(running).spans == [span(35, 40), span(50, 60)])
        #expect(stop.subtracting(running).duration == 15)
        // Running during the stop: 40–50 and 60–62, 10 + 2 = 12 s, whichever side asks.
        #expect(stop.intersection(running).spans == [span(40, 50), span(60, 62)])
        #expect(running.intersection(stop).duration == 12)
        // Touching is not overlapping: 10–20 shares no time with 0–10 or 20–30.
        #expect(running.intersection(TimeSpanSet([span(10, 20)])).spans.isEmpty)
        #expect(TimeSpanSet([span(10, 20)]).subtracting(running).spans == [span(10, 20)])
        #expect(TimeSpanSet([span(200, 210)]).subtracting(running).spans == [span(200, 210)])
        #expect(running.intersection(TimeSpanSet()).spans.isEmpty)
    }
}
