/// Identifies an attribute to read or monitor (Part 4, 7.29).
struct ReadValueID: Sendable, UABinaryEncodable {
    var nodeID: NodeID
    var attribute: AttributeID

    func encode(to writer: inout UABinaryWriter) {
        writer.write(nodeID)
        writer.write(attribute.rawValue)
        writer.write(String?.none) // indexRange
        writer.write(QualifiedName(namespace: 0, "")) // dataEncoding: default
    }
}
