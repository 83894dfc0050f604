/// What a client sends to create or replace a metric and its binding.
public struct MetricInput: Codable, Sendable, Equatable {
    public var key: String
    public var name: String
    public var role: MetricRole
    public var unit: String?
    public var connector: ConnectorType
    public var address: String
    public var dataType: String
    public var scale: Double
    public var offset: Double
    public var deadband: Double
    public var pollMilliseconds: Int
    public var faultWordIndex: Int?

    /// The poll groups a binding may use.
    public static let pollRange = 100...60_000

    /// Creates the input for a metric; scaling, deadband and poll group have plain defaults.
    public init(
        key: String, name: String, role: MetricRole, unit: String? = nil, connector: ConnectorType, address: String,
        dataType: String, scale: Double = 1, offset: Double = 0, deadband: Double = 0, pollMilliseconds: Int = 1000,
        faultWordIndex: Int? = nil
    ) {
        self.key = key
        self.name = name
        self.role = role
        self.unit = unit
        self.connector = connector
        self.address = address
        self.dataType = dataType
        self.scale = scale
        self.offset = offset
        self.deadband = deadband
        self.pollMilliseconds = pollMilliseconds
        self.faultWordIndex = faultWordIndex
    }

    enum CodingKeys: String, CodingKey {
        case key, name, role, unit, connector, address, dataType, scale, offset, deadband, pollMilliseconds, faultWordIndex
    }

    /// Decodes the input; scale, offset, deadband and poll group may be left out.
    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        key = try c.decode(String.self, forKey: .key)
        name = try c.decode(String.self, forKey: .name)
        role = try c.decode(MetricRole.self, forKey: .role)
        unit = try c.decodeIfPresent(String.self, forKey: .unit)
        connector = try c.decode(ConnectorType.self, forKey: .connector)
        address = try c.decodeIfPresent(String.self, forKey: .address) ?? ""
        dataType = try c.decode(String.self, forKey: .dataType)
        scale = try c.decodeIfPresent(Double.self, forKey: .scale) ?? 1
        offset = try c.decodeIfPresent(Double.self, forKey: .offset) ?? 0
        deadband = try c.decodeIfPresent(Double.self, forKey: .deadband) ?? 0
        pollMilliseconds = try c.decodeIfPresent(Int.self, forKey: .pollMilliseconds) ?? 1000
        faultWordIndex = try c.decodeIfPresent(Int.self, forKey: .faultWordIndex)
    }

    /// A metric key made from a tag address: characters a key may not hold become `_`
    /// (`B3:0/8` → `B3_0_8`, `Program:Main.Speed` → `Program_Main.Speed`).
    public static func key(forAddress address: String) -> String {
        String(address.map { $0.isASCII && ($0.isLetter || $0.isNumber || "_.-".contains($0)) ? $0 : "_" }.prefix(64))
    }

    static func isKey(_ key: String) -> Bool {
        guard let first = key.first, first.isASCII, first.isLetter || first.isNumber, key.count <= 64 else { return false }
        return key.allSatisfy { $0.isASCII && ($0.isLetter || $0.isNumber || "_.-".contains($0)) }
    }

    /// Refuses the input with every field at fault, including an address its connector cannot read.
    public func validate() throws(DomainError) {
        var v = Validator()
        v.check(Self.isKey(key), "key", "must be 1–64 letters, digits, '-', '_' or '.', starting with a letter or digit")
        v.text(name, "name", maxLength: PlantLimits.name)
        v.optionalText(unit, "unit", maxLength: 32)
        v.text(dataType, "dataType", maxLength: PlantLimits.label)
        if let reason = TagAddress.problem(address, for: connector) { v.check(false, "address", reason) }
        v.check(scale.isFinite && scale != 0, "scale", "must be a finite number other than 0")
        v.check(offset.isFinite, "offset", "must be a finite number")
        v.check(deadband.isFinite && deadband >= 0, "deadband", "must be 0 or more")
        v.check(Self.pollRange.contains(pollMilliseconds), "pollMilliseconds", "must be from 100 to 60000")
        if role == .faultWord {
            v.check(faultWordIndex.map { (0...63).contains($0) } ?? false, "faultWordIndex", "is required for a fault word, 0 to 63")
        } else {
            v.check(faultWordIndex == nil, "faultWordIndex", "is only for metrics with the role fault_word")
        }
        try v.finish()
    }
}
