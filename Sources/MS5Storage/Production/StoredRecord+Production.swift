import MS5Domain

extension Product: StoredRecord {
    var sortKey: String { code }
}

extension ProductionOrder: StoredRecord {
    var sortKey: String { number }
}
