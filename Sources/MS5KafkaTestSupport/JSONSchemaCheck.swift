import Foundation

/// Checks JSON against a JSON Schema (draft 2020-12) with the Python `jsonschema` package of
/// `.venv-kafka` (the test script installs it), a validator independent of MS5.
public enum JSONSchemaCheck {
    /// What is wrong with `instance` by `schema`, one line per violation (`$.path: message`);
    /// empty when it is valid. With `definition`, `instance` is checked against
    /// `#/$defs/definition` of `schema` instead of the whole.
    public static func violations(of instance: Data, against schema: Data, definition: String? = nil) async throws -> [String] {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("ms5-schema-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let schemaFile = folder.appendingPathComponent("schema.json")
        let instanceFile = folder.appendingPathComponent("instance.json")
        try schema.write(to: schemaFile)
        try instance.write(to: instanceFile)
        let output = try await ToolRun.run(
            ToolRun.packageRoot.appendingPathComponent(".venv-kafka/bin/python"),
            ["-c", script, schemaFile.path, instanceFile.path] + (definition.map { [$0] } ?? []),
            hint: "run '.venv-kafka/bin/pip install jsonschema==4.26.0' at the package root (scripts/test.sh does)")
        return output.split(separator: "\n").map(String.init)
    }

    private static let script = """
        import json, sys
        from jsonschema import Draft202012Validator
        schema = json.load(open(sys.argv[1]))
        instance = json.load(open(sys.argv[2]))
        if len(sys.argv) > 3:
            schema = {"$defs": schema["$defs"], "$ref": "#/$defs/" + sys.argv[3]}
        Draft202012Validator.check_schema(schema)
        for error in Draft202012Validator(schema).iter_errors(instance):
            print(error.json_path + ": " + error.message)
        """
}
