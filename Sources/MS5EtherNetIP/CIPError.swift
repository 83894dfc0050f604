/// A CIP general status (with its extended status words) classified into the cases a caller acts on.
public enum CIPError: Error, Sendable, Equatable, CustomStringConvertible {
    /// Path segment error (0x04) or path destination unknown (0x05): for a tag, it does not exist.
    case tagNotFound(general: UInt8)
    /// Privilege violation (0x0F): the tag is not externally writable or readable.
    case privilegeViolation
    /// Connection lost (0x07).
    case connectionLost
    /// Connection failure (0x01) with the connection manager's extended status.
    case connectionFailure(extended: UInt16?)
    /// Service not supported (0x08).
    case serviceNotSupported
    /// Resource unavailable (0x02).
    case resourceUnavailable
    /// Invalid parameter value (0x03) or invalid parameter (0x20).
    case invalidParameter
    /// Not enough data (0x13).
    case notEnoughData
    /// Too much data (0x15).
    case tooMuchData
    /// Object does not exist (0x16).
    case objectDoesNotExist
    /// Reply data too large (0x11).
    case replyDataTooLarge
    /// Logix data type mismatch (0xFF with extended 0x2107).
    case dataTypeMismatch
    /// Logix offset or element beyond the end of the tag (0xFF with extended 0x2105, or 0x2104).
    case beyondEndOfTag
    /// Embedded service error (0x1E) in a Multiple Service Packet.
    case embeddedServiceError
    /// Device state conflict (0x10).
    case deviceStateConflict
    /// Any other status.
    case other(general: UInt8, extended: [UInt16])

    /// Classifies a general status and its extended status words.
    public init(general: UInt8, extended: [UInt16]) {
        switch general {
        case 0x01: self = .connectionFailure(extended: extended.first)
        case 0x02: self = .resourceUnavailable
        case 0x03, 0x20: self = .invalidParameter
        case 0x04, 0x05: self = .tagNotFound(general: general)
        case 0x07: self = .connectionLost
        case 0x08: self = .serviceNotSupported
        case 0x0F: self = .privilegeViolation
        case 0x10: self = .deviceStateConflict
        case 0x11: self = .replyDataTooLarge
        case 0x13: self = .notEnoughData
        case 0x15: self = .tooMuchData
        case 0x16: self = .objectDoesNotExist
        case 0x1E: self = .embeddedServiceError
        case 0xFF where extended.first == 0x2107: self = .dataTypeMismatch
        case 0xFF where extended.first == 0x2105 || extended.first == 0x2104: self = .beyondEndOfTag
        default: self = .other(general: general, extended: extended)
        }
    }

    /// The general status code this error stands for.
    public var generalStatus: UInt8 {
        switch self {
        case .tagNotFound(let general): general
        case .privilegeViolation: 0x0F
        case .connectionLost: 0x07
        case .connectionFailure: 0x01
        case .serviceNotSupported: 0x08
        case .resourceUnavailable: 0x02
        case .invalidParameter: 0x03
        case .notEnoughData: 0x13
        case .tooMuchData: 0x15
        case .objectDoesNotExist: 0x16
        case .replyDataTooLarge: 0x11
        case .dataTypeMismatch, .beyondEndOfTag: 0xFF
        case .embeddedServiceError: 0x1E
        case .deviceStateConflict: 0x10
        case .other(let general, _): general
        }
    }

    /// A human-readable explanation.
    public var description: String {
        switch self {
        case .tagNotFound(let general): "tag not found (path error 0x\(String(general, radix: 16)))"
        case .privilegeViolation: "privilege violation (0x0F)"
        case .connectionLost: "connection lost (0x07)"
        case .connectionFailure(let extended):
            "connection failure (0x01" + (extended.map { ", extended 0x" + String($0, radix: 16) } ?? "") + ")"
        case .serviceNotSupported: "service not supported (0x08)"
        case .resourceUnavailable: "resource unavailable (0x02)"
        case .invalidParameter: "invalid parameter (0x03)"
        case .notEnoughData: "not enough data (0x13)"
        case .tooMuchData: "too much data (0x15)"
        case .objectDoesNotExist: "object does not exist (0x16)"
        case .replyDataTooLarge: "reply data too large (0x11)"
        case .dataTypeMismatch: "data type mismatch (0xFF/0x2107)"
        case .beyondEndOfTag: "offset beyond end of tag (0xFF/0x2105)"
        case .embeddedServiceError: "embedded service error (0x1E)"
        case .deviceStateConflict: "device state conflict (0x10)"
        case .other(let general, let extended):
            "general status 0x\(String(general, radix: 16))"
                + (extended.isEmpty ? "" : " extended " + extended.map { "0x" + String($0, radix: 16) }.joined(separator: ","))
        }
    }
}
