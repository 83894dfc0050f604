import MS5Domain
/// The material-flow model of the three-machine line with two finite buffers.
///
/// Quantities are integers in micro-pieces so that accumulation is exact and platform-independent.
/// Each tick every available machine may move up to its rate; the buffers between machines cap
/// what can be taken from upstream and given downstream. The flows are the largest values that
/// satisfy all of those limits at once (found by monotone iteration from the machine rates).
enum LineFlow {
    /// Micro-pieces per piece.
    static let microPiecesPerPiece = 1_000_000

    /// Converts a rate in pieces per minute to micro-pieces per tick.
    static func microPiecesPerTick(perMinute rate: Double, tick: Double) -> Int {
        Int((rate / 60 * tick * Double(microPiecesPerPiece)).rounded())
    }

    /// Converts a flow in micro-pieces per tick back to pieces per minute, rounded to 0.1.
    static func perMinute(microPiecesPerTick flow: Int, tick: Double) -> Double {
        let rate = Double(flow) * 60 / (tick * Double(microPiecesPerPiece))
        return (rate * 10).rounded() / 10
    }

    /// Flows of one tick for slicer, bagger and basket loader.
    ///
    /// - Parameters:
    ///   - limits: the three machines' maximum flows this tick (0 for an unavailable machine).
    ///   - upstream: current content of the slicer→bagger buffer; `upstreamCapacity` its size.
    ///   - downstream: current content of the bagger→loader buffer; `downstreamCapacity` its size.
    static func resolve(
        limits: (slicer: Int, bagger: Int, loader: Int),
        upstream: Int, upstreamCapacity: Int,
        downstream: Int, downstreamCapacity: Int
    ) -> (slicer: Int, bagger: Int, loader: Int) {
        var slicer = limits.slicer
        var bagger = limits.bagger
        var loader = limits.loader
        while true {
            let nextLoader = min(limits.loader, downstream + bagger)
            let nextBagger = min(limits.bagger, upstream + slicer, downstreamCapacity - downstream + nextLoader)
            let nextSlicer = min(limits.slicer, upstreamCapacity - upstream + nextBagger)
            if nextLoader == loader && nextBagger == bagger && nextSlicer == slicer {
                return (slicer, bagger, loader)
            }
            slicer = nextSlicer
            bagger = nextBagger
            loader = nextLoader
        }
    }
}
