import Foundation
import ProcmodLoader
import ProcmodLocalization
import ProcmodModel
import ProcmodReporting
import ProcmodScenario
import ProcmodSimulation
import ProcmodTestSupport
import Testing

/// The Vietnamese report is Vietnamese (issue 13): no English word but proper names and units, Vietnamese
/// number style, and the model's names wherever the model gives one, in every format, for every shipped
/// scenario.
@Suite struct VietnameseReportTests {
    static let options = SimulationOptions(cases: 200, replications: 3, seed: 5, threads: 2)

    static let scenarios: [String] = {
        let folder = TestSupport.path("examples/scenarios")
        return ((try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? []).filter { $0.hasSuffix(".xml") }.sorted()
    }()

    /// English words of the catalog that Vietnamese never uses (so "an", "to" are not confused with
    /// Vietnamese syllables): any of them in a Vietnamese report is a label left untranslated.
    static let englishOnly: Set<String> = {
        func words(_ table: [String: String]) -> Set<String> {
            // Placeholders ({before}) are not words of the text.
            Set(table.values.flatMap { tokens($0.replacingOccurrences(of: "\\{[a-zA-Z]+\\}", with: " ", options: .regularExpression)) }.map { $0.lowercased() }.filter { $0.count >= 3 && $0.allSatisfy(\.isASCII) })
        }
        let allowed: Set<String> = ["procmod", "seed", "student", "vpcp", "gcn", "ubnd"]
        return words(Catalog.english).subtracting(words(Catalog.vietnamese)).subtracting(allowed)
    }()

    static func tokens(_ text: String) -> [String] {
        text.split { !($0.isLetter || $0.isNumber || $0 == "-" || $0 == "_") }.map(String.init)
    }

    /// The visible text of an HTML page: no style, no tags.
    static func visible(_ html: String) -> String {
        var s = html
        while let open = s.range(of: "<style>"), let close = s.range(of: "</style>", range: open.upperBound..<s.endIndex) {
            s.removeSubrange(open.lowerBound..<close.upperBound)
        }
        return s.replacingOccurrences(of: "<[^>]*>", with: " ", options: .regularExpression)
            .replacingOccurrences(of: "&amp;", with: "&")
    }

    /// English grouping (1,400,000) or decimals (0.74); Vietnamese writes 1.400.000 and 0,74.
    static let englishNumber = #"(?<![\d.,])[1-9]\d{0,2}(,\d{3}){2,}(?![\d,])|(?<![\d.])\d+\.\d{1,2}(?![\d.])"#

    @Test(arguments: scenarios)
    func noEnglishAndNoIDs(_ file: String) throws {
        let scenario = try #require(ScenarioLoader().load(path: TestSupport.path("examples/scenarios/" + file)).scenario)
        let folder = TestSupport.path("procedures")
        let candidates = try FileManager.default.contentsOfDirectory(atPath: folder).filter { $0.hasSuffix(".xml") }.sorted()
        let procedures = candidates.compactMap { ProcedureLoader().load(path: folder + "/" + $0).procedure }
        let before = try #require(procedures.first { $0.code == scenario.procedure })
        let result = Digitizer().apply(scenario, to: before)
        let c = try Comparer(simulation: Self.options).compare(before: before, after: result.after, scenario: scenario,
                                                                changes: result.changes)
        let context = ReportContext(language: .vi, before: before, after: result.after, date: LocalDate(year: 2026, month: 11, day: 30),
                                    version: "0.0.0")
        let outputs = [
            ("text", try TextComparisonRenderer(context: context, colored: false).render(c)),
            ("markdown", try MarkdownComparisonRenderer(context: context).render(c)),
            ("html", Self.visible(try HTMLComparisonRenderer(context: context, afterSteps: result.after.flow.steps.map(\.id)).render(c))),
        ]
        // Ids of elements that have a name: the report must say the name.
        var named: Set<String> = []
        for p in [before, result.after] {
            named.formUnion(p.flow.steps.filter { !$0.name.isEmpty }.map(\.id))
            named.formUnion(p.actors.values.filter { !$0.name.isEmpty }.map(\.id))
            named.formUnion(p.documents.values.filter { !$0.name.isEmpty }.map(\.id))
            named.formUnion(p.channels.values.map(\.id))
        }
        // Words the model's own names use are the model's (a name may keep an English loanword).
        var modelWords: Set<String> = []
        for p in [before, result.after] {
            var names: [LocalizedName] = [p.name, scenario.name]
            names += p.flow.steps.map(\.name)
            names += p.actors.values.map(\.name)
            names += p.documents.values.map(\.name)
            names += p.channels.values.map(\.name)
            for name in names { modelWords.formUnion(Self.tokens(name.text(.vi, fallback: ""))) }
        }
        for (format, text) in outputs {
            let words = Self.tokens(text).filter { !modelWords.contains($0) }
            let englishWords = Set(words.map { $0.lowercased() }).intersection(Self.englishOnly)
            #expect(englishWords.isEmpty, "\(file) \(format): English words \(englishWords.sorted())")
            let ids = Set(words).intersection(named).subtracting([before.code])
            #expect(ids.isEmpty, "\(file) \(format): ids instead of names \(ids.sorted())")
            let number = text.range(of: Self.englishNumber, options: .regularExpression)
            #expect(number == nil, "\(file) \(format): English number style: \(number.map { String(text[$0]) } ?? "")")
        }
    }

    /// The check itself catches what it is for (a test that cannot fail proves nothing).
    @Test func theCheckCatchesEnglish() {
        #expect(Self.englishOnly.contains("before") && Self.englishOnly.contains("significant"))
        #expect("1,400,000".range(of: Self.englishNumber, options: .regularExpression) != nil)
        #expect("0.74".range(of: Self.englishNumber, options: .regularExpression) != nil)
        #expect("1.400.000 và 0,74".range(of: Self.englishNumber, options: .regularExpression) == nil)
    }
}
