import Foundation

/// The open calls of the plant, line by line, oldest first, as a board on the wall shows them.
public struct AndonBoard: Codable, Sendable, Equatable {
    /// One open call with how long it has waited and who has it now.
    public struct Entry: Codable, Sendable, Equatable {
        public var call: AndonCall
        /// Seconds since the call was raised.
        public var elapsedSeconds: Int
        /// Who has the call: whoever acknowledged it, else whom its current level names.
        public var heldBy: [String]

        /// Creates an entry.
        public init(call: AndonCall, elapsedSeconds: Int, heldBy: [String]) {
            self.call = call
            self.elapsedSeconds = elapsedSeconds
            self.heldBy = heldBy
        }
    }

    /// The open calls of one line.
    public struct Line: Codable, Sendable, Equatable {
        public var lineId: UUID
        public var lineCode: String
        public var calls: [Entry]

        /// Creates a line of the board.
        public init(lineId: UUID, lineCode: String, calls: [Entry]) {
            self.lineId = lineId
            self.lineCode = lineCode
            self.calls = calls
        }
    }

    public var generatedAt: Date
    public var lines: [Line]

    /// Creates a board.
    public init(generatedAt: Date, lines: [Line]) {
        self.generatedAt = generatedAt
        self.lines = lines
    }

    /// Who has a call: the one who acknowledged it, else the roles, users and teams of its level.
    public static func holders(of call: AndonCall, level: EscalationLevel?) -> [String] {
        if let acknowledgedBy = call.acknowledgedBy { return [acknowledgedBy] }
        guard let level else { return [] }
        return level.appRecipients
    }
}
