import Foundation

/// What an administrator sends to register a shared tablet.
public struct DeviceInput: Codable, Sendable, Equatable {
    public var name: String
    /// The site the tablet stands at; nil for none.
    public var siteId: UUID?

    /// Creates the input.
    public init(name: String, siteId: UUID? = nil) {
        self.name = name
        self.siteId = siteId
    }

    /// Refuses the input with every field at fault.
    public func validate() throws(DomainError) {
        var v = Validator()
        v.text(name, "name", maxLength: PlantLimits.name)
        try v.finish()
    }
}
