import Foundation
import ProcmodTestSupport
import Testing

/// JSON as a contract (issue 13 §4): every JSON document procmod writes for the shipped procedures and
/// scenarios validates against its schema in docs/schemas/, checked by a small validator here (always)
/// and by the jsonschema package (Tests/oracles/jsonschema_validate.py) when the Python named by
/// PROCMOD_JSONSCHEMA_PYTHON (default `python3`) has it.
@Suite(.serialized) struct JSONSchemaTests {
    static let python = ProcessInfo.processInfo.environment["PROCMOD_JSONSCHEMA_PYTHON"] ?? "/usr/bin/python3"
    static let oracle = pythonImports(python, "jsonschema")

    static let procedures: [String] = {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: TestSupport.path("procedures"))) ?? []
        return names.filter { $0.hasSuffix(".xml") }.sorted().map { "procedures/" + $0 } + ["examples/every-construct.xml"]
    }()

    static let scenarios: [(procedure: String, scenario: String)] = {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: TestSupport.path("examples/scenarios"))) ?? []
        return names.filter { $0.hasSuffix(".xml") }.sorted().compactMap { name in
            let text = (try? String(contentsOfFile: TestSupport.path("examples/scenarios/" + name), encoding: .utf8)) ?? ""
            guard let code = text.firstMatch(of: /procedure="([^"]+)"/)?.1 else { return nil }
            let procedure = procedures.first { path in
                ((try? String(contentsOfFile: TestSupport.path(path), encoding: .utf8)) ?? "").contains("code=\"\(code)\"")
            }
            return procedure.map { ($0, "examples/scenarios/" + name) }
        }
    }()

    static let small = ["--cases", "150", "--replications", "3"]

    /// Inputs the fuzzer kept (most of them invalid): validation documents full of diagnostics.
    static let fuzzInputs: [String] = {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: TestSupport.path("Fuzz/corpus"))) ?? []
        return names.sorted().prefix(60).map { "Fuzz/corpus/" + $0 }
    }()

    /// Each schema and the commands whose output it describes.
    static let documents: [(schema: String, runs: [[String]])] = [
        ("analyze", procedures.map { ["analyze", "--format", "json", $0] } + [["analyze", "--format", "json", "procedures/"]]),
        ("simulate", procedures.map { ["simulate", "--format", "json"] + small + [$0] }),
        ("comparison", scenarios.map { ["report", "--format", "json"] + small + [$0.procedure, "--scenario", $0.scenario] }
            + [["compare", "--format", "json", "--no-simulation", "procedures/passport.xml", "examples/after/passport-post.xml"]]),
        ("show", procedures.map { ["show", "--format", "json", $0] }),
        ("validate", [["validate", "--format", "json", "procedures/"],
                      ["validate", "--format", "json"] + fuzzInputs]),
        ("cost", procedures.map { ["cost", "--format", "json", $0] }
            + scenarios.map { ["cost", "--format", "json", $0.procedure, "--scenario", $0.scenario] }),
        ("check", [["check", "--format", "json"] + small + ["--suite", "examples/suites/reform-2026.xml", "examples/after/"],
                   ["check", "--format", "json", "procedures/"]]),
        ("portfolio", [["report", "--format", "json", "--replications", "2", "examples/catalogue/commune.xml"],
                       ["simulate", "--format", "json", "--replications", "2", "examples/catalogue/district.xml"],
                       ["report", "--format", "json", "--no-simulation", "examples/catalogue/province.xml", "--target-cost", "50%"]]),
    ]

    @Test(arguments: documents.map(\.schema))
    func everyOutputValidates(_ name: String) throws {
        let runs = try #require(Self.documents.first { $0.schema == name }).runs
        let schemaData = try Data(contentsOf: URL(fileURLWithPath: TestSupport.path("docs/schemas/\(name).schema.json")))
        let schema = try #require(try JSONSerialization.jsonObject(with: schemaData) as? [String: Any])
        let directory = try TestSupport.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        var files: [String] = []
        for (k, arguments) in runs.enumerated() {
            let r = try TestSupport.runProcmod(arguments)
            #expect(!r.stdout.isEmpty, "\(arguments.joined(separator: " ")): \(r.stderr)")
            let document = try JSONSerialization.jsonObject(with: Data(r.stdout.utf8), options: [.fragmentsAllowed])
            var errors: [String] = []
            SchemaCheck(root: schema).check(document, schema, "", &errors)
            #expect(errors.isEmpty, "\(arguments.joined(separator: " ")): \(errors.prefix(3).joined(separator: "; "))")
            let file = directory.appendingPathComponent("\(k).json").path
            try r.stdout.write(toFile: file, atomically: true, encoding: .utf8)
            files.append(file)
        }
        if Self.oracle {
            let (status, output) = try TestSupport.runOracle(Self.python, "jsonschema_validate.py",
                                                             [TestSupport.path("docs/schemas/\(name).schema.json")] + files)
            #expect(status == 0, "jsonschema: \(String(decoding: output, as: UTF8.self))")
        }
    }

    /// The validator finds what it is for: a missing required key, a wrong type, a wrong constant.
    @Test func theValidatorCatchesViolations() throws {
        let schema: [String: Any] = ["type": "object", "required": ["a"], "properties": ["a": ["type": "number"], "b": ["const": 1]],
                                     "additionalProperties": ["type": "string"]]
        func errors(_ json: String) throws -> [String] {
            var out: [String] = []
            SchemaCheck(root: schema).check(try JSONSerialization.jsonObject(with: Data(json.utf8)), schema, "", &out)
            return out
        }
        #expect(try errors(#"{"a": 1, "b": 1, "c": "x"}"#).isEmpty)
        #expect(try errors(#"{"b": 1}"#).count == 1)
        #expect(try errors(#"{"a": "1"}"#).count == 1)
        #expect(try errors(#"{"a": 1, "b": 2}"#).count == 1)
        #expect(try errors(#"{"a": 1, "c": 3}"#).count == 1)
    }
}

/// The part of JSON Schema the schemas in docs/schemas use: type, properties, required,
/// additionalProperties, items, const and local `$ref`s.
struct SchemaCheck {
    let root: [String: Any]

    func check(_ value: Any, _ schema: [String: Any], _ path: String, _ errors: inout [String]) {
        if let ref = schema["$ref"] as? String {
            let name = String(ref.split(separator: "/").last ?? "")
            guard let defs = root["$defs"] as? [String: Any], let target = defs[name] as? [String: Any] else {
                errors.append("\(path): unresolved \(ref)")
                return
            }
            return check(value, target, path, &errors)
        }
        if let constant = schema["const"], !equal(value, constant) { errors.append("\(path): not \(constant)") }
        if let type = schema["type"] {
            let types = (type as? [String]) ?? [type as? String ?? ""]
            guard types.contains(where: { matches(value, $0) }) else {
                errors.append("\(path): \(Swift.type(of: value)) is not \(types.joined(separator: "|"))")
                return
            }
        }
        if let object = value as? [String: Any] {
            let properties = schema["properties"] as? [String: Any] ?? [:]
            for key in schema["required"] as? [String] ?? [] where object[key] == nil { errors.append("\(path): missing \(key)") }
            for (key, item) in object {
                if let sub = properties[key] as? [String: Any] {
                    check(item, sub, path + "/" + key, &errors)
                } else if let extra = schema["additionalProperties"] as? [String: Any] {
                    check(item, extra, path + "/" + key, &errors)
                } else if schema["additionalProperties"] as? Bool == false {
                    errors.append("\(path): unexpected \(key)")
                }
            }
        }
        if let array = value as? [Any], let items = schema["items"] as? [String: Any] {
            for (i, item) in array.enumerated() { check(item, items, "\(path)/\(i)", &errors) }
        }
    }

    private func matches(_ value: Any, _ type: String) -> Bool {
        switch type {
        case "object": return value is [String: Any]
        case "array": return value is [Any]
        case "string": return value is String
        case "null": return value is NSNull
        case "boolean": return isBoolean(value)
        case "number", "integer":
            guard let n = value as? NSNumber, !isBoolean(value) else { return false }
            return type == "number" || n.doubleValue.rounded() == n.doubleValue
        default: return false
        }
    }

    /// JSONSerialization gives booleans as NSNumbers whose type code is `c`.
    private func isBoolean(_ value: Any) -> Bool {
        guard let n = value as? NSNumber else { return false }
        return String(cString: n.objCType) == "c"
    }

    private func equal(_ a: Any, _ b: Any) -> Bool {
        if let x = a as? String, let y = b as? String { return x == y }
        if let x = a as? NSNumber, let y = b as? NSNumber { return x == y }
        return false
    }
}
