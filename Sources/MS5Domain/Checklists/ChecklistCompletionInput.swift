import Foundation

/// What an operator sends on finishing a checklist for one piece of equipment.
public struct ChecklistCompletionInput: Codable, Sendable, Equatable {
    public var templateId: UUID
    public var equipmentId: UUID
    /// One answer per item of the template.
    public var answers: [ChecklistAnswer]

    /// Creates the input.
    public init(templateId: UUID, equipmentId: UUID, answers: [ChecklistAnswer]) {
        self.templateId = templateId
        self.equipmentId = equipmentId
        self.answers = answers
    }

    /// Checks the answers against `template`: the equipment is one it applies to, every item is
    /// answered exactly once in the way its kind asks, notes are short. Answers the graded items.
    public func grade(against template: ChecklistTemplate) throws(DomainError) -> [ChecklistCompletion.GradedAnswer] {
        var v = Validator()
        v.check(template.equipmentIds.contains(equipmentId), "equipmentId", "is not equipment this checklist applies to")
        let known = Set(template.items.map(\.key))
        for (index, answer) in answers.enumerated() {
            v.check(known.contains(answer.key), "answers/\(index)/key", "is not an item of this checklist")
            v.optionalText(answer.note, "answers/\(index)/note", maxLength: 500)
        }
        var graded: [ChecklistCompletion.GradedAnswer] = []
        for item in template.items {
            let matching = answers.enumerated().filter { $0.element.key == item.key }
            guard let (index, answer) = matching.first, matching.count == 1 else {
                v.check(false, "answers", matching.isEmpty ? "must answer '\(item.key)'" : "must answer '\(item.key)' once")
                continue
            }
            switch item.kind {
            case .passFail:
                v.check(answer.passed != nil && answer.value == nil, "answers/\(index)/passed", "must say passed true or false")
                graded.append(.init(answer: answer, passed: answer.passed ?? false))
            case .value:
                v.check(answer.value.map(\.isFinite) ?? false && answer.passed == nil, "answers/\(index)/value", "must be a finite number")
                graded.append(.init(answer: answer, passed: answer.value.map(item.accepts) ?? false))
            }
        }
        try v.finish()
        return graded
    }
}
