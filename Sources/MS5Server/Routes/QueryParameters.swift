import Foundation
import Hummingbird
import MS5Domain

extension Request {
    /// The `limit` and `cursor` query parameters as a page request, refused when out of range.
    func pageRequest() throws -> PageRequest {
        let query = uri.queryParameters
        return try PageRequest.validated(limit: query["limit"].map(String.init), cursor: query["cursor"].map(String.init))
    }

    /// The query parameter `name` as a UUID; nil when absent, refused when not a UUID.
    func uuidQuery(_ name: String) throws -> UUID? {
        guard let text = uri.queryParameters[Substring(name)] else { return nil }
        guard let id = UUID(uuidString: String(text)) else {
            throw DomainError.invalid([FieldViolation(field: "/\(name)", reason: "must be a UUID")])
        }
        return id
    }

    /// The query parameter `name` as a flag: `true`, `1` or `yes`, `false`, `0` or `no`;
    /// `absent` when it is not given, refused when it is anything else.
    func flagQuery(_ name: String, absent: Bool = false) throws -> Bool {
        guard let value = uri.queryParameters[Substring(name)] else { return absent }
        switch value.lowercased() {
        case "true", "1", "yes": return true
        case "false", "0", "no": return false
        default: throw DomainError.invalid([FieldViolation(field: "/\(name)", reason: "must be true or false")])
        }
    }
}

extension AppContext {
    /// The `{id}` path parameter; a value that is not a UUID names no record, so it is a 404.
    func pathID(_ noun: String) throws -> UUID {
        let text = parameters.get("id") ?? ""
        guard let id = UUID(uuidString: text) else { throw DomainError.notFound(noun, id: text) }
        return id
    }
}
