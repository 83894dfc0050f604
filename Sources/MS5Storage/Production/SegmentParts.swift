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
    /// added up, their loss groups and listed records put together. A stop spanning several
    /// pieces is in each of them; the reports count and list it once (``LossGroup`` merges its
    /// crossing stops by id, the performance answer lists stops by id).
    init(combining pieces: [SegmentParts], span: TimeSpan) {
        let listed = pieces.allSatisfy { $0.listed != nil }
            ? Listed(stops: pieces.flatMap { $0.listed?.stops ?? [] }, counterEvents: pieces.flatMap { $0.listed?.counterEvents ?? [] })
            : nil
        self.init(
            span: span, parts: Parts(oee: OEEParts.combined(pieces.map(\.parts.oee), window: span), losses: pieces.flatMap(\.parts.losses)),
            listed: listed)
    }

    /// This segment with its listed records when `listed`, without them otherwise.
    func listing(_ listed: Bool) -> SegmentParts {
        listed ? self : SegmentParts(span: span, parts: parts, listed: nil)
    }
}
