import Foundation
import HTTPTypes
import Hummingbird
import MS5Domain
import NIOCore

extension APIRoutes {
    /// Uploads of tag exports and fault-message CSVs, with dry runs.
    mutating func addImportRoutes(_ imports: ImportService) {
        let tag = "Machine data"
        let flags: [APIOperation.Parameter] = [
            .init(name: "dryRun", location: .query, schema: .boolean, description: "Report what would change without changing it."),
            .init(name: "skipInvalid", location: .query, schema: .boolean,
                  description: "Import the good rows of a file with malformed rows (listed in the report); otherwise nothing is imported."),
        ]
        var tags = APIOperation(
            method: .post, path: "/v1/equipment/{id}/imports/tags", operationId: "importTags",
            summary: "Import an RSLogix 5000 tag export or RSLogix 500 symbol export (the CSV as the body) as the equipment's metrics.",
            tag: tag, access: .plantEditors,
            parameters: [.id("equipment"), .init(name: "format", location: .query, schema: .enumeration(["auto", "logix", "slc"]),
                                                 description: "Which export the file is (default auto).")] + flags)
        tags.rawRequestBody = "text/csv"
        tags.success = (.ok, ImportReport.schemaName)
        addResponder(tags) { request, context in
            let id = try context.pathID("equipment")
            let (text, dryRun, skipInvalid) = try await Self.upload(request)
            let format = try Self.format(request)
            let report = try await imports.importTags(text, equipmentId: id, format: format, dryRun: dryRun, skipInvalid: skipInvalid)
            return try JSONBody.response(report, status: .ok)
        }
        var faults = APIOperation(
            method: .post, path: "/v1/equipment/{id}/imports/faults", operationId: "importFaults",
            summary: "Replace the equipment's fault catalog with a fault-message CSV (Tag,Description,Source) sent as the body.",
            tag: tag, access: .plantEditors, parameters: [.id("equipment")] + flags)
        faults.rawRequestBody = "text/csv"
        faults.success = (.ok, ImportReport.schemaName)
        addResponder(faults) { request, context in
            let id = try context.pathID("equipment")
            let (text, dryRun, skipInvalid) = try await Self.upload(request)
            let report = try await imports.importFaults(text, equipmentId: id, dryRun: dryRun, skipInvalid: skipInvalid)
            return try JSONBody.response(report, status: .ok)
        }
        schemasInclude(ImportReport.self)
    }

    /// The uploaded file as text and the dryRun and skipInvalid flags.
    private static func upload(_ request: Request) async throws -> (String, Bool, Bool) {
        let mediaType = request.headers[.contentType]?.split(separator: ";").first?.trimmingCharacters(in: .whitespaces).lowercased()
        guard mediaType == "text/csv" || mediaType == "text/plain" || mediaType == "application/octet-stream" else {
            throw Problem(.unsupportedMediaType, code: "unsupported-media-type", detail: "Send the file itself as the body, as text/csv.")
        }
        let buffer = try await request.body.collect(upTo: JSONBody.maximumBytes)
        guard let text = String(bytes: buffer.readableBytesView, encoding: .utf8) ?? String(bytes: buffer.readableBytesView, encoding: .isoLatin1),
              !text.isEmpty
        else {
            throw Problem(.badRequest, code: "empty-file", detail: "The body is empty; send the exported file.")
        }
        return (text, try request.flagQuery("dryRun"), try request.flagQuery("skipInvalid"))
    }

    private static func format(_ request: Request) throws -> ImportService.TagFormat {
        guard let value = request.uri.queryParameters["format"] else { return .auto }
        guard let format = ImportService.TagFormat(rawValue: String(value)) else {
            throw DomainError.invalid([FieldViolation(field: "/format", reason: "must be one of auto, logix, slc")])
        }
        return format
    }
}
