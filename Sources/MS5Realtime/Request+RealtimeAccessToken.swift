import Foundation
import Hummingbird

extension Request {
    /// The bearer token of a WebSocket upgrade request: from `Authorization: Bearer …`, or else
    /// from the `access_token` query parameter (browsers cannot set headers on WebSocket requests).
    public var realtimeAccessToken: String? {
        if let header = headers[.authorization] {
            let parts = header.split(separator: " ", maxSplits: 1)
            if parts.count == 2, parts[0].lowercased() == "bearer" {
                return String(parts[1]).trimmingCharacters(in: .whitespaces)
            }
        }
        guard let token = uri.queryParameters["access_token"], !token.isEmpty else { return nil }
        return String(token)
    }
}
