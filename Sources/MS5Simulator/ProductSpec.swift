import MS5Domain
/// A product the line can make and the bagger's nominal rate for it.
public struct ProductSpec: Sendable, Hashable, Codable {
    /// The code written to `Current_Product`.
    public var code: Int
    /// Bagger 1's nominal rate for this product, in packs per minute.
    public var packsPerMinute: Double

    /// Creates a product specification.
    public init(code: Int, packsPerMinute: Double) {
        self.code = code
        self.packsPerMinute = packsPerMinute
    }
}
