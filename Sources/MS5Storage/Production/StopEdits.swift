import Foundation
import MS5Domain

/// Operators' edits of an equipment's stops: where they split stops and how they coded them.
struct StopEdits {
    /// Codings by the start of the stop (or stop part) they code.
    let codings: [Date: StopCoding]
    /// Times at which stops were split, in order.
    let splits: [Date]

    /// The derived stops split where operators split them, then coded as they coded them; a
    /// coding whose reason has left the tree is ignored.
    func apply(to stops: [Stop], tree: StopReasonTree) -> [Stop] {
        var parts: [Stop] = []
        for stop in stops {
            var rest = stop
            for at in splits where at > rest.start && at < rest.end {
                guard let (first, second) = try? rest.splitting(at: at) else { continue }
                parts.append(first)
                rest = second
            }
            parts.append(rest)
        }
        return parts.map { coded($0, tree: tree) }
    }

    private func coded(_ stop: Stop, tree: StopReasonTree) -> Stop {
        guard let coding = codings[stop.start], var coded = try? stop.confirmed(reasonCode: coding.reasonCode, at: coding.codedAt, tree: tree) else {
            return stop
        }
        if let comment = coding.comment, !comment.isEmpty, let commented = try? coded.commented(comment, by: coding.codedBy, at: coding.codedAt) {
            coded = commented
        }
        return coded
    }
}
