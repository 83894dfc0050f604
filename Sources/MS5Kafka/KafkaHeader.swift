/// A Kafka record header: a name and a value of bytes.
public struct KafkaHeader: Sendable, Hashable {
    /// The header's name.
    public var name: String
    /// The header's value; a header sent with a null value reads as empty.
    public var value: [UInt8]

    /// A header with a value of bytes.
    public init(name: String, value: [UInt8]) {
        self.name = name
        self.value = value
    }

    /// A header whose value is the UTF-8 bytes of `value`.
    public init(name: String, value: String) {
        self.init(name: name, value: Array(value.utf8))
    }
}

extension Array where Element == KafkaHeader {
    /// The value of the first header called `name`, as UTF-8 text; nil when there is none.
    public func text(of name: String) -> String? {
        first { $0.name == name }.map { String(decoding: $0.value, as: UTF8.self) }
    }
}
