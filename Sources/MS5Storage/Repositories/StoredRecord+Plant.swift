import MS5Domain

extension Site: StoredRecord {
    var sortKey: String { code }
}

extension Area: StoredRecord {
    var sortKey: String { code }
}

extension Line: StoredRecord {
    var sortKey: String { code }
}

extension Equipment: StoredRecord {
    var sortKey: String { code }
}
