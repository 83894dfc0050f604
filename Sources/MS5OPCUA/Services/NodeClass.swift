/// The class of a node (Part 3, 5.2.2; a bit mask value in Browse).
public enum NodeClass: Int32, Sendable, Hashable, CustomStringConvertible {
    case unspecified = 0
    case object = 1
    case variable = 2
    case method = 4
    case objectType = 8
    case variableType = 16
    case referenceType = 32
    case dataType = 64
    case view = 128

    public var description: String {
        switch self {
        case .unspecified: "Unspecified"
        case .object: "Object"
        case .variable: "Variable"
        case .method: "Method"
        case .objectType: "ObjectType"
        case .variableType: "VariableType"
        case .referenceType: "ReferenceType"
        case .dataType: "DataType"
        case .view: "View"
        }
    }
}
