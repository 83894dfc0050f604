/// Groups encoded requests into Multiple Service Packets that fit a message size in both directions.
public enum RequestBatcher {
    /// Index groups: each group's requests and their estimated replies fit within `limit` bytes.
    /// - Parameters:
    ///   - requestSizes: encoded size of each request.
    ///   - replySizes: estimated size of each embedded reply.
    ///   - limit: largest message (request or reply) the connection carries.
    public static func batches(requestSizes: [Int], replySizes: [Int], limit: Int) -> [[Int]] {
        var batches: [[Int]] = []
        var current: [Int] = []
        var requestTotal = MultipleServicePacket.requestOverhead
        var replyTotal = MultipleServicePacket.replyOverhead
        for index in requestSizes.indices {
            let request = requestSizes[index] + 2
            let reply = replySizes[index] + 2
            if !current.isEmpty, requestTotal + request > limit || replyTotal + reply > limit {
                batches.append(current)
                current = []
                requestTotal = MultipleServicePacket.requestOverhead
                replyTotal = MultipleServicePacket.replyOverhead
            }
            current.append(index)
            requestTotal += request
            replyTotal += reply
        }
        if !current.isEmpty { batches.append(current) }
        return batches
    }
}
