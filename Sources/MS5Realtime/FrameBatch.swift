import NIOCore

/// Joins the messages a client has waiting into one text frame: the message itself when it is
/// alone, else a JSON array of them in queue order.
///
/// A burst (the simulator's or a PLC batch's events and latest values) reaches every client
/// together; one frame per client instead of one per message cuts the socket writes and the
/// client's wake-ups by the burst's size, which is most of a burst's delivery time.
struct FrameBatch {
    /// Most bytes of a joined frame; a single larger message still goes out alone.
    let byteLimit: Int
    private var carried: OutboundMessage?

    init(byteLimit: Int) {
        self.byteLimit = byteLimit
    }

    /// The next frame, taking messages from `next` until it has none or the limit is reached;
    /// a message that would pass the limit opens the following frame.
    mutating func nextFrame(_ next: () -> OutboundMessage?) -> ByteBuffer? {
        guard let first = carried ?? next() else { return nil }
        carried = nil
        var parts = [first.text]
        var size = first.text.readableBytes + 2
        while let more = next() {
            guard size + more.text.readableBytes + 1 <= byteLimit else {
                carried = more
                break
            }
            parts.append(more.text)
            size += more.text.readableBytes + 1
        }
        guard parts.count > 1 else { return first.text }
        var frame = ByteBuffer()
        frame.reserveCapacity(size)
        frame.writeInteger(UInt8(ascii: "["))
        for (index, part) in parts.enumerated() {
            if index > 0 { frame.writeInteger(UInt8(ascii: ",")) }
            frame.writeImmutableBuffer(part)
        }
        frame.writeInteger(UInt8(ascii: "]"))
        return frame
    }
}
