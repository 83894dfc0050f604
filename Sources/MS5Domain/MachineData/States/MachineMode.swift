/// The operating mode of one equipment (PackML unit mode).
///
/// Raw values are the lower-case case names, which is also their `Codable` form.
public enum MachineMode: String, ClosedSet, Equatable, Hashable {
    /// Normal production.
    case production
    /// Maintenance mode.
    case maintenance
    /// Manual / jog mode.
    case manual
}
