import ArgumentParser
import MS5Identity
import MS5Server
import MS5Storage

/// `ms5 audit`: the audit ledger.
struct AuditCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "audit", abstract: "Check the hash-chained audit ledger.", subcommands: [Verify.self])

    /// `ms5 audit verify`: walks the chain and names the first entry that was edited, inserted or deleted.
    struct Verify: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Walk the audit ledger and report the first entry that was edited, inserted or deleted (exit status 1).")

        @OptionGroup var options: ServerOptions

        @Option(name: .customLong("anchor"), help: "A chain head logged earlier, SEQUENCE:HASH (from the 'Audit chain head' log lines); repeatable.")
        var anchors: [String] = []

        func run() async throws {
            let heads = try anchors.map { text -> AuditChainHead in
                let parts = text.split(separator: ":", maxSplits: 1)
                guard parts.count == 2, let sequence = Int64(parts[0]), parts[1].count == 64 else {
                    throw ValidationError("An anchor must be SEQUENCE:HASH with a 64-digit hex hash, got '\(text)'.")
                }
                return AuditChainHead(sequence: sequence, hash: String(parts[1]).lowercased())
            }
            let config = try await options.load()
            let logger = LoggingSetup.bootstrap(config)
            let result = try await Database.withOpen(config.database, logger: logger) { database in
                try await Migrator(database: database).requireCurrent()
                return try await AuditVerification.run(database, anchors: heads) { checked in
                    if checked % 50_000 == 0 { Console.say("checked \(checked) entries…") }
                }
            }
            if let problem = result.problem {
                Console.say("The audit ledger is NOT intact: \(problem).")
                Console.say("Entries verified before it: \(result.entriesChecked).")
                throw ExitCode(1)
            }
            let head = result.head.map { "#\($0.sequence) \($0.hash)" } ?? "empty"
            Console.say("The audit ledger is intact: \(result.entriesChecked) \(result.entriesChecked == 1 ? "entry" : "entries"), chain head \(head).")
        }
    }
}
