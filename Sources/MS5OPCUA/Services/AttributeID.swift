/// Node attributes that can be read or written (Part 6, A.1).
public enum AttributeID: UInt32, Sendable, Hashable {
    case nodeID = 1, nodeClass, browseName, displayName, description, writeMask, userWriteMask
    case isAbstract, symmetric, inverseName, containsNoLoops, eventNotifier
    case value, dataType, valueRank, arrayDimensions, accessLevel, userAccessLevel
    case minimumSamplingInterval, historizing, executable, userExecutable
}
