/// Reading of bound tag values (metric key → last value) for the state rules.
extension Dictionary where Key == String, Value == Double {
    /// True when `key` is configured, has a value, and the value is non-zero and not NaN.
    /// An unconfigured key or a missing value reads as off.
    func isOn(_ key: String?) -> Bool {
        guard let key, let value = self[key] else { return false }
        return value != 0 && !value.isNaN
    }

    /// The value of `key` as an exact integer, or `nil` when the key is unconfigured,
    /// has no value, or the value is not an integer that fits `Int`.
    func integer(_ key: String?) -> Int? {
        guard let key, let value = self[key] else { return nil }
        return Int(exactly: value)
    }
}
