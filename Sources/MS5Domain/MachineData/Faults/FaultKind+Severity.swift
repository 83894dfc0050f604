extension FaultKind {
    /// The severity a fault of this kind gets when its source does not say: a stop 4, a warning 2,
    /// a status 1. Engineers change it per fault in the catalog.
    public var defaultSeverity: Int {
        switch self {
        case .fault: 4
        case .warning: 2
        case .status: 1
        }
    }
}
