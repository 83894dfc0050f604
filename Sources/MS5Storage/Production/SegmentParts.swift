import Foundation
import MS5Domain

/// What a long-window report needs of one segment of the window (a whole local day, or the part
/// of a day the window covers): the additive KPI and loss parts, and the stops and counter events
/// the performance answer lists.
struct SegmentParts: Sendable {
    /// The additive parts, stored as one JSON document.
    struct Parts: Sendable, Codable {
        /// The KPI parts.
        var oee: OEEParts
        /// Unplanned stop time by reason.
        var losses: [LossGroup]
    }

    /// The listed records, stored as a second JSON document (read only when asked for).
    struct Listed: Sendable, Codable {
        /// Stops overlapping the segment, in time order.
        var stops: [Stop]
        /// Counter events in the segment.
        var counterEvents: [CounterEvent]
    }

    /// The segment.
    var span: TimeSpan
    /// Its additive parts.
    var parts: Parts
    /// Its stops and counter events, nil when not read.
    var listed: Listed?
}

extension SegmentParts {
    /// The segment `span` from the consecutive pieces making it up, in time order: their parts
    /// added up, a stop that spans several pieces listed once.
    init(combining pieces: [SegmentParts], span: TimeSpan) {
        var listed: Listed?
        if pieces.allSatisfy({ $0.listed != nil }) {
            var seen = Set<String>()
            listed = Listed(
                stops: pieces.flatMap { $0.listed?.stops ?? [] }.filter { seen.insert($0.id).inserted },
                counterEvents: pieces.flatMap { $0.listed?.counterEvents ?? [] })
        }
        self.init(
            span: span,
            parts: Parts(oee: OEEParts.combined(pieces.map(\.parts.oee), window: span), losses: LossGroup.merged(pieces.flatMap(\.parts.losses))),
            listed: listed)
    }

    /// This segment with its listed records when `listed`, without them otherwise.
    func listing(_ listed: Bool) -> SegmentParts {
        listed ? self : SegmentParts(span: span, parts: parts, listed: nil)
    }
}
