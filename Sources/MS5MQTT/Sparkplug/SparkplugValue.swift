import Foundation

/// A decoded Sparkplug B metric value, typed by the metric's datatype.
public enum SparkplugValue: Sendable, Hashable {
    /// Int8, Int16, Int32 or Int64.
    case int(Int64)
    /// UInt8, UInt16, UInt32 or UInt64.
    case uint(UInt64)
    /// Float.
    case float(Float)
    /// Double.
    case double(Double)
    /// Boolean.
    case boolean(Bool)
    /// String, Text or UUID.
    case string(String)
    /// DateTime (epoch milliseconds on the wire).
    case dateTime(Date)
    /// Bytes or File.
    case bytes([UInt8])
    /// The metric is explicitly null.
    case null
    /// A DataSet, Template, PropertySet or array value, named by its datatype; not decoded further.
    case unsupported(String)

    /// The value as a number (booleans 0/1, date-times as epoch milliseconds); `nil` when not numeric.
    public var doubleValue: Double? {
        switch self {
        case .int(let value): Double(value)
        case .uint(let value): Double(value)
        case .float(let value): Double(value)
        case .double(let value): value
        case .boolean(let value): value ? 1 : 0
        case .dateTime(let date): (date.timeIntervalSince1970 * 1000).rounded()
        case .string, .bytes, .null, .unsupported: nil
        }
    }

    /// Decodes `metric`'s value using `datatype` (from the metric, else learned at birth).
    init(metric: SparkplugBPayload.Metric, datatype: UInt32?) {
        if metric.isNull {
            self = .null
            return
        }
        let type = datatype.flatMap { SparkplugBDataType(rawValue: Int($0)) }
        switch (type, metric.value) {
        case (.int8?, .intValue(let raw)): self = .int(Int64(Int8(truncatingIfNeeded: raw)))
        case (.int16?, .intValue(let raw)): self = .int(Int64(Int16(truncatingIfNeeded: raw)))
        case (.int32?, .intValue(let raw)): self = .int(Int64(Int32(bitPattern: raw)))
        case (.int64?, .longValue(let raw)): self = .int(Int64(bitPattern: raw))
        case (.dateTime?, .longValue(let raw)): self = .dateTime(Date(timeIntervalSince1970: Double(raw) / 1000))
        case (_, .intValue(let raw)): self = .uint(UInt64(raw))
        case (_, .longValue(let raw)): self = .uint(raw)
        case (_, .floatValue(let value)): self = .float(value)
        case (_, .doubleValue(let value)): self = .double(value)
        case (_, .booleanValue(let value)): self = .boolean(value)
        case (_, .stringValue(let value)): self = .string(value)
        case (_, .bytesValue(let value)): self = .bytes(Array(value))
        case (_, .datasetValue): self = .unsupported("DataSet")
        case (_, .templateValue): self = .unsupported("Template")
        case (_, .extensionValue): self = .unsupported("extension")
        case (_, nil): self = .null
        }
    }
}
