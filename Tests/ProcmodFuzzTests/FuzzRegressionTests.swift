import Foundation
import ProcmodFuzzing
import ProcmodLoader
import ProcmodModel
import ProcmodTestSupport
import Testing

/// The fuzzer's saved inputs as plain regression tests, and the property test over generated procedures.
@Suite struct FuzzRegressionTests {
    static let pipeline = Pipeline(scenarios: Pipeline.scenarios(in: TestSupport.path("examples/scenarios")))

    static func files(_ folder: String) -> [String] {
        let directory = TestSupport.path(folder)
        return ((try? FileManager.default.contentsOfDirectory(atPath: directory)) ?? []).sorted().map { directory + "/" + $0 }
    }

    @Test("every input that once failed now goes through the whole pipeline", arguments: files("Fuzz/regressions"))
    func regression(_ path: String) throws {
        let bytes = try [UInt8](Data(contentsOf: URL(fileURLWithPath: path)))
        _ = Self.pipeline.run(bytes)
    }

    @Test func theSavedCorpusGoesThroughThePipeline() throws {
        let files = Self.files("Fuzz/corpus")
        #expect(!files.isEmpty, "Fuzz/corpus holds the inputs that found coverage")
        for path in files { _ = Self.pipeline.run(try [UInt8](Data(contentsOf: URL(fileURLWithPath: path)))) }
    }

    @Test func everyShippedFileGoesThroughThePipeline() throws {
        let files = ProcedureFiles.expand([TestSupport.path("procedures"), TestSupport.path("examples")], kind: .procedure)
        #expect(files.count >= 18)
        for path in files {
            let outcome = Self.pipeline.run(try [UInt8](Data(contentsOf: URL(fileURLWithPath: path))))
            guard case .accepted(let simulated, let digitized) = outcome else {
                Issue.record("\(path) was refused"); continue
            }
            #expect(simulated, "\(path)")
            #expect(digitized >= 1, "\(path)")
        }
    }

    @Test func theDictionaryNamesEveryElementAndAttributeOfTheSchemas() throws {
        let dictionary = try String(contentsOfFile: TestSupport.path("Fuzz/procmod.dict"), encoding: .utf8)
        for schema in ["docs/procedure-1.xsd", "docs/scenario-1.xsd", "docs/suite-1.xsd"] {
            let text = try String(contentsOfFile: TestSupport.path(schema), encoding: .utf8)
            for match in text.matches(of: /<xs:(element|attribute)\s+name="([^"]+)"/) {
                let token = match.1 == "element" ? "\"<\(match.2)\"" : "\" \(match.2)=\\\"\""
                #expect(dictionary.contains(token), "run Fuzz/make-dictionary.py: \(token) from \(schema) is missing")
            }
        }
    }

    /// The property: a generated procedure is either refused with located errors, or every stage of the
    /// pipeline ends (a trap or a hang would fail the run).
    @Test func generatedProceduresAreRefusedWithLocationsOrGoThroughEverything() {
        var grammar = ProcedureGrammar(seed: 2026)
        var accepted = 0, refused = 0
        for index in 0..<300 {
            let xml = grammar.procedure(index: index)
            switch Self.pipeline.run(Array(xml.utf8)) {
            case .accepted: accepted += 1
            case .refused(let errors): refused += 1; #expect(errors > 0)
            }
        }
        // The grammar must exercise both sides of the property.
        #expect(accepted >= 100, "\(accepted) accepted, \(refused) refused")
        #expect(refused >= 10, "\(accepted) accepted, \(refused) refused")
    }
}
