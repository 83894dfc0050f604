import Foundation

/// A plant: the top of the ISA-95 hierarchy. Every floor record carries its site.
public struct Site: Codable, Sendable, Equatable, Identifiable {
    public let id: UUID
    /// Short code, unique across the installation (`BAK1`).
    public var code: String
    public var name: String
    /// IANA time zone the site's shifts and days are counted in (`Europe/Berlin`).
    public var timeZone: String
    public let createdAt: Date
    public var updatedAt: Date

    /// Creates a site record.
    public init(id: UUID, code: String, name: String, timeZone: String, createdAt: Date, updatedAt: Date) {
        self.id = id
        self.code = code
        self.name = name
        self.timeZone = timeZone
        self.createdAt = createdAt
        self.updatedAt = updatedAt
    }
}

/// What a client sends to create or replace a site.
public struct SiteInput: Codable, Sendable, Equatable {
    public var code: String
    public var name: String
    public var timeZone: String

    /// Creates the input for a site.
    public init(code: String, name: String, timeZone: String) {
        self.code = code
        self.name = name
        self.timeZone = timeZone
    }

    /// Refuses the input with every field at fault.
    public func validate() throws(DomainError) {
        var v = Validator()
        v.code(code)
        v.text(name, "name", maxLength: PlantLimits.name)
        v.check(TimeZone(identifier: timeZone) != nil, "timeZone", "must be an IANA time zone such as Europe/Berlin")
        try v.finish()
    }
}
