import Foundation

/// A channel a client can subscribe to, such as `plant`, `line:{uuid}` or `equipment:{uuid}`.
///
/// Topics are parsed from and rendered to their wire form `kind` or `kind:{uuid}`;
/// the rendered identifier is always the lower-case canonical UUID.
public struct RealtimeTopic: Hashable, Sendable, CustomStringConvertible {
    /// The kinds of topic the hub knows.
    public enum Kind: String, Sendable, CaseIterable {
        /// The whole plant (no identifier).
        case plant
        /// One production line (`line:{uuid}`).
        case line
        /// One piece of equipment (`equipment:{uuid}`).
        case equipment
        /// Andon calls (no identifier).
        case andon
        /// OEE figures of one line or piece of equipment (`oee:{uuid}`).
        case oee

        /// Whether topics of this kind carry a UUID.
        public var requiresIdentifier: Bool {
            switch self {
            case .plant, .andon: false
            case .line, .equipment, .oee: true
            }
        }
    }

    /// The topic's kind.
    public let kind: Kind
    /// The identifier of the line, equipment or OEE subject; `nil` for `plant` and `andon`.
    public let identifier: UUID?

    private init(kind: Kind, identifier: UUID?) {
        self.kind = kind
        self.identifier = identifier
    }

    /// The plant-wide topic.
    public static let plant = RealtimeTopic(kind: .plant, identifier: nil)
    /// The Andon topic.
    public static let andon = RealtimeTopic(kind: .andon, identifier: nil)
    /// The topic of one line.
    public static func line(_ id: UUID) -> RealtimeTopic { .init(kind: .line, identifier: id) }
    /// The topic of one piece of equipment.
    public static func equipment(_ id: UUID) -> RealtimeTopic { .init(kind: .equipment, identifier: id) }
    /// The OEE topic of one line or piece of equipment.
    public static func oee(_ id: UUID) -> RealtimeTopic { .init(kind: .oee, identifier: id) }

    /// Parses the wire form of a topic.
    /// - Throws: ``RealtimeTopicError`` when the kind is unknown or the identifier is missing, unexpected or not a UUID.
    public init(parsing text: String) throws(RealtimeTopicError) {
        let parts = text.split(separator: ":", maxSplits: 1, omittingEmptySubsequences: false)
        guard let kind = Kind(rawValue: String(parts[0])) else {
            throw .unknownKind(text)
        }
        if kind.requiresIdentifier {
            guard parts.count == 2 else { throw .missingIdentifier(text) }
            guard let id = UUID(uuidString: String(parts[1])) else { throw .invalidIdentifier(text) }
            self.init(kind: kind, identifier: id)
        } else {
            guard parts.count == 1 else { throw .unexpectedIdentifier(text) }
            self.init(kind: kind, identifier: nil)
        }
    }

    /// The wire form, e.g. `line:5f0c…`.
    public var description: String {
        guard let identifier else { return kind.rawValue }
        return "\(kind.rawValue):\(identifier.uuidString.lowercased())"
    }
}
