import HTTPTypes
import MS5Domain
import MS5Storage

extension APIRoutes {
    /// Electronic signatures of sign-offs: checklist completions now.
    mutating func addSignatureRoutes(database: Database, accounts: AccountService) {
        let tag = "Signatures"
        let signatures = SignatureStore(database: database)
        let checklists = ChecklistStore(database: database)
        add(APIOperation(
            method: .post, path: "/v1/checklist-completions/{id}/signatures", operationId: "signChecklistCompletion",
            summary: "Sign a completed checklist: enter your password (and TOTP code) again and choose what you declare. Wrong credentials sign nothing and count towards the lockout.",
            tag: tag, access: .floorStaff, parameters: [.id("checklist completion")], canConflict: true),
            input: SignatureRequest.self, status: .created
        ) { request, _, context in
            let user = try context.signedInUser
            let id = try context.pathID("checklist completion")
            try await accounts.reauthenticate(user, password: request.password, totp: request.totp)
            return try await signatures.signChecklistCompletion(id, by: user, meaning: request.meaning)
        }
        add(APIOperation(
            method: .get, path: "/v1/checklist-completions/{id}/signatures", operationId: "checklistCompletionSignatures",
            summary: "The signatures of a completed checklist, oldest first.", tag: tag, access: .signedIn,
            parameters: [.id("checklist completion")])
        ) { _, context in
            let completion = try await checklists.completion(try context.pathID("checklist completion"))
            return ItemList(items: try await signatures.signatures(of: ChecklistCompletion.self, id: completion.id))
        }
    }
}
