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
}
