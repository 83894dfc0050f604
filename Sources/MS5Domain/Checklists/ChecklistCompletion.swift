import Foundation

/// A checklist as an operator completed it for one piece of equipment: the answers, which items
/// passed, and who and when.
public struct ChecklistCompletion: Codable, Sendable, Equatable, Identifiable {
    /// An answer with whether it passed: a pass/fail item as answered, a value item within its limits.
    public struct GradedAnswer: Codable, Sendable, Equatable {
        public var answer: ChecklistAnswer
        public var passed: Bool

        /// Creates a graded answer.
        public init(answer: ChecklistAnswer, passed: Bool) {
            self.answer = answer
            self.passed = passed
        }
    }

    public let id: UUID
    public var templateId: UUID
    /// The template's code when it was completed.
    public var templateCode: String
    public var equipmentId: UUID
    public var answers: [GradedAnswer]
    /// Whether every item passed.
    public var passed: Bool
    public var completedBy: String
    public var completedAt: Date

    /// Creates a completion record.
    public init(
        id: UUID, templateId: UUID, templateCode: String, equipmentId: UUID, answers: [GradedAnswer], passed: Bool,
        completedBy: String, completedAt: Date
    ) {
        self.id = id
        self.templateId = templateId
        self.templateCode = templateCode
        self.equipmentId = equipmentId
        self.answers = answers
        self.passed = passed
        self.completedBy = completedBy
        self.completedAt = completedAt
    }
}
