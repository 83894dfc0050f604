import MS5MQTT

/// Builders for the Sparkplug B payloads a test edge node sends.
enum SparkplugPayloads {
    static func metric(
        _ name: String? = nil, alias: UInt64? = nil, type: SparkplugBDataType? = nil,
        _ set: (inout SparkplugBPayload.Metric) -> Void
    ) -> SparkplugBPayload.Metric {
        var metric = SparkplugBPayload.Metric()
        if let name { metric.name = name }
        if let alias { metric.alias = alias }
        if let type { metric.datatype = UInt32(type.rawValue) }
        set(&metric)
        return metric
    }

    static func payload(seq: UInt64?, timestamp: UInt64 = 1_700_000_000_000, _ metrics: [SparkplugBPayload.Metric])
        -> SparkplugBPayload
    {
        var payload = SparkplugBPayload()
        payload.timestamp = timestamp
        if let seq { payload.seq = seq }
        payload.metrics = metrics
        return payload
    }

    static func bdSeq(_ value: UInt64) -> SparkplugBPayload.Metric {
        metric("bdSeq", type: .int64) { $0.longValue = value }
    }

    /// NBIRTH: bdSeq, the rebirth control and a node metric with alias 1.
    static func nodeBirth(bdSeq value: UInt64) -> SparkplugBPayload {
        payload(seq: 0, [
            bdSeq(value),
            metric("Node Control/Rebirth", alias: 0, type: .boolean) { $0.booleanValue = false },
            metric("Line Speed", alias: 1, type: .double) { $0.doubleValue = 12.5 },
        ])
    }

    /// DBIRTH of the bagger: Count (Int32, alias 10), Running (alias 11), Temperature (Float, alias 12).
    static func baggerBirth(seq: UInt64) -> SparkplugBPayload {
        payload(seq: seq, [
            metric("Count", alias: 10, type: .int32) { $0.intValue = 0 },
            metric("Running", alias: 11, type: .boolean) { $0.booleanValue = false },
            metric("Temperature", alias: 12, type: .float) { $0.floatValue = 20 },
        ])
    }

    /// DDATA using aliases only (no names, no datatypes).
    static func baggerData(seq: UInt64, count: Int32, running: Bool, temperature: Float) -> SparkplugBPayload {
        payload(seq: seq, [
            metric(alias: 10) { $0.intValue = UInt32(bitPattern: count) },
            metric(alias: 11) { $0.booleanValue = running },
            metric(alias: 12) { $0.floatValue = temperature },
        ])
    }
}
