/// A command that could not do its job, with the reason: printed as `Error: …` without the usage
/// text, which is only for mistakes in the command line itself.
struct CommandFailure: Error, CustomStringConvertible {
    let description: String

    init(_ description: String) {
        self.description = description
    }
}
