/// Something unusual the ``CounterAccumulator`` noticed in a reading.
public enum CounterEventKind: String, ClosedSet, Equatable, Hashable {
    /// The counter wrapped past its rollover value; counted across the wrap.
    case rollover
    /// The counter dropped more than a rollover explains: a PLC reset; counted from the new value.
    case reset
    /// The value was negative or not below the rollover value; ignored.
    case outOfRange
    /// The reading was not newer than the previous one; ignored.
    case outOfOrder
}
