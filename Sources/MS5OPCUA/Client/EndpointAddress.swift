/// Host and port taken from an `opc.tcp://host:port/path` endpoint URL.
struct EndpointAddress: Sendable, Hashable {
    var host: String
    var port: Int

    /// Parses the URL; the port defaults to 4840.
    init(url: String) throws(OPCUAError) {
        let scheme = "opc.tcp://"
        guard url.lowercased().hasPrefix(scheme) else { throw .invalidEndpointURL(url) }
        let rest = url.dropFirst(scheme.count)
        let authority = rest.prefix { $0 != "/" }
        var host = Substring(authority)
        var port = 4840
        if authority.hasPrefix("[") {
            guard let close = authority.firstIndex(of: "]") else { throw .invalidEndpointURL(url) }
            host = authority[authority.index(after: authority.startIndex)..<close]
            let tail = authority[authority.index(after: close)...]
            if tail.hasPrefix(":") {
                guard let value = Int(tail.dropFirst()) else { throw .invalidEndpointURL(url) }
                port = value
            }
        } else if let colon = authority.lastIndex(of: ":") {
            host = authority[..<colon]
            guard let value = Int(authority[authority.index(after: colon)...]) else { throw .invalidEndpointURL(url) }
            port = value
        }
        guard !host.isEmpty, (1...65535).contains(port) else { throw .invalidEndpointURL(url) }
        self.host = String(host)
        self.port = port
    }
}
