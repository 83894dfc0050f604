import Foundation
import HTTPTypes
import Hummingbird
import MS5Domain
import NIOCore
import NIOFoundationEssentialsCompat

/// Reads JSON request bodies strictly and writes JSON responses, turning every way a body can be
/// wrong into a problem that names the field.
enum JSONBody {
    /// The largest request body accepted, 1 MiB.
    static let maximumBytes = 1 << 20

    /// Decodes the body as `T`, refusing: a non-JSON media type (415), a body over the limit (413),
    /// malformed JSON (400), members `T` does not have, and missing, mistyped or invalid fields (422).
    static func decode<T: Decodable & DocumentedSchema>(_ type: T.Type, from request: Request) async throws -> T {
        guard let mediaType = request.headers[.contentType]?.split(separator: ";").first?
            .trimmingCharacters(in: .whitespaces).lowercased(),
            mediaType == "application/json" || mediaType.hasSuffix("+json")
        else {
            throw Problem(.unsupportedMediaType, code: "unsupported-media-type", detail: "Send the body as application/json.")
        }
        let buffer = try await request.body.collect(upTo: maximumBytes)
        let data = Data(buffer: buffer)
        guard let object = try? JSONSerialization.jsonObject(with: data, options: [.fragmentsAllowed]) else {
            throw Problem(.badRequest, code: "malformed-json", detail: "The body is not well-formed JSON.")
        }
        guard let members = object as? [String: Any] else {
            throw Problem(.unprocessableContent, code: "invalid", detail: "The body must be a JSON object.",
                          errors: [FieldViolation(field: "", reason: "must be an object")])
        }
        let variants: [JSONValue] = if case .array(let options)? = T.schema.json["oneOf"] { options } else { [T.schema.json] }
        let known = Set(variants.flatMap { $0["properties"]?.members.keys.map { $0 } ?? [] })
        let unknown = members.keys.filter { !known.contains($0) }.sorted()
        if !unknown.isEmpty {
            throw DomainError.invalid(unknown.map { FieldViolation(field: "/\($0)", reason: "is not a field of \(T.schemaName)") })
        }
        do {
            return try decoder.decode(T.self, from: data)
        } catch let error as DecodingError {
            throw DomainError.invalid([violation(error)])
        }
    }

    /// A JSON response with `status`.
    static func response(_ value: some Encodable, status: HTTPResponse.Status) throws -> Response {
        Response(
            status: status, headers: [.contentType: "application/json"],
            body: .init(byteBuffer: ByteBuffer(data: try encoder.encode(value))))
    }

    static let decoder: JSONDecoder = {
        let decoder = JSONDecoder()
        decoder.dateDecodingStrategy = ISO8601Coding.decoding
        return decoder
    }()

    static let encoder: JSONEncoder = {
        let encoder = JSONEncoder()
        encoder.dateEncodingStrategy = ISO8601Coding.encoding
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return encoder
    }()

    /// The field and reason of a decoding failure.
    static func violation(_ error: DecodingError) -> FieldViolation {
        switch error {
        case .keyNotFound(let key, let context):
            return FieldViolation(field: pointer(context.codingPath + [key]), reason: "is required")
        case .valueNotFound(_, let context):
            return FieldViolation(field: pointer(context.codingPath), reason: "must not be null")
        case .typeMismatch(let type, let context):
            return FieldViolation(field: pointer(context.codingPath), reason: "must be \(describe(type))")
        case .dataCorrupted(let context):
            return FieldViolation(field: pointer(context.codingPath), reason: context.debugDescription)
        @unknown default:
            return FieldViolation(field: "", reason: "is not valid")
        }
    }

    private static func pointer(_ path: [any CodingKey]) -> String {
        path.map { key in key.intValue.map { "/\($0)" } ?? "/\(key.stringValue)" }.joined()
    }

    private static func describe(_ type: Any.Type) -> String {
        switch type {
        case is String.Type: "a string"
        case is Int.Type, is Int64.Type: "a whole number"
        case is Double.Type: "a number"
        case is Bool.Type: "true or false"
        default: "of the documented type"
        }
    }
}
