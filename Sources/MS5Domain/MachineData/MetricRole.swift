/// What a metric means to MS5, which decides how states, counts and faults use it.
public enum MetricRole: String, ClosedSet, Equatable {
    /// A PLC state or mode code.
    case state
    /// Counter of good pieces.
    case counterGood = "counter_good"
    /// Counter of all pieces.
    case counterTotal = "counter_total"
    /// Counter of rejected pieces.
    case counterReject = "counter_reject"
    /// Machine speed.
    case speed
    /// A 32-bit word of fault bits, decoded through the equipment's fault catalog.
    case faultWord = "fault_word"
    /// The product being made.
    case productCode = "product_code"
    /// An analog process value (temperature, pressure …).
    case processValue = "process_value"
    /// A single status bit (auto cycle, manual mode, starved …).
    case statusBit = "status_bit"
}
