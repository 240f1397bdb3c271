import Foundation
import ProcmodLoader
import ProcmodModel
import ProcmodTestSupport
import Testing

/// One class of invalid input: a change to the minimal valid procedure and the exact diagnostics
/// (`file:line:col: severity: message [code]`) it must produce.
struct ErrorFixture: CustomTestStringConvertible, Sendable {
    var name: String
    var replacements: [(String, String)]
    var expected: [String]
    var testDescription: String { name }
}

let minimalProcedure: String = {
    let url = Bundle.module.url(forResource: "Fixtures/minimal", withExtension: "xml")!
    return try! String(contentsOf: url, encoding: .utf8)
}()

func mutate(_ base: String, _ replacements: [(String, String)]) -> String {
    var text = base
    for (old, new) in replacements {
        precondition(text.components(separatedBy: old).count == 2, "fixture text must occur once: \(old)")
        text = text.replacingOccurrences(of: old, with: new)
    }
    return text
}

@Suite struct ErrorFixtureTests {
    @Test func minimalProcedureIsValid() {
        let loaded = TestSupport.load(minimalProcedure)
        #expect(loaded.diagnostics.isEmpty)
        #expect(loaded.procedure?.flow.steps.map(\.id) == ["submit", "check", "issue"])
    }

    static let fixtures: [ErrorFixture] = [
        ErrorFixture(name: "schema: unknown element", replacements: [("<end id=\"done\"/>", "<finish id=\"done\"/>")],
                     expected: [
                        "test.xml:43:5: error: Element 'finish': This element is not expected. [schema]",
                        "test.xml:2:1: note: the semantic checks (references, probabilities, flow) run once the errors above are fixed [schema]",
                     ]),
        ErrorFixture(name: "schema: bad enumeration", replacements: [("kind=\"verify\"", "kind=\"check\"")],
                     expected: [
                        "test.xml:30:22: error: Element 'step', attribute 'kind': [facet 'enumeration'] The value 'check' is not an element of the set {'inform', 'prepare', 'copy', 'certify', 'travel', 'submit', 'receive', 'verify', 'inspect', 'survey', 'digitize', 'record', 'publish', 'approve', 'sign', 'transfer', 'pay', 'notify', 'deliver', 'collect', 'wait'}. [schema]",
                        "test.xml:2:1: note: the semantic checks (references, probabilities, flow) run once the errors above are fixed [schema]",
                     ]),
        // The model is decoded while the schema is checked: a file with schema errors gets those alone,
        // never what the decoding of its tree found (here a duplicate id).
        ErrorFixture(name: "schema error and duplicate id",
                     replacements: [("<end id=\"done\"/>", "<finish id=\"done\"/>"), ("<actor id=\"desk\"", "<actor id=\"applicant\"")],
                     expected: [
                        "test.xml:43:5: error: Element 'finish': This element is not expected. [schema]",
                        "test.xml:2:1: note: the semantic checks (references, probabilities, flow) run once the errors above are fixed [schema]",
                     ]),
        // The branch is named in the message by its choice (the text is built only when a message needs it).
        ErrorFixture(name: "branch deadline given twice",
                     replacements: [("<branch to=\"submit\" probability=\"0.1\" loop=\"supplement\" max=\"2\"/>",
                                     "<branch to=\"submit\" probability=\"0.1\" loop=\"supplement\" max=\"2\" deadline-working-days=\"3\" deadline-days=\"5\"/>")],
                     expected: [
                        "test.xml:36:7: error: a branch of <choice> 'complete' has both 'deadline-working-days' and 'deadline-days': give the limit once, as the law counts it [deadline]",
                        "test.xml:36:7: error: a branch of choice 'complete' sets a case's deadline, but the procedure has no <deadline>: add one (it gives the other cases' limit, the calendar and the cut-off) [deadline]",
                     ]),
        ErrorFixture(name: "duplicate id", replacements: [("<actor id=\"desk\"", "<actor id=\"applicant\"")],
                     expected: [
                        "test.xml:18:12: error: duplicate actor id 'applicant': it is already defined at 17:12 [duplicate-id]",
                        "test.xml:30:36: error: step 'check' names actor 'desk' in 'actor', but no actor has that id; defined actors: applicant [unknown-reference]",
                        "test.xml:38:34: error: step 'issue' names actor 'desk' in 'actor', but no actor has that id; defined actors: applicant [unknown-reference]",
                     ]),
        ErrorFixture(name: "unknown reference with suggestion", replacements: [("<step id=\"check\" kind=\"verify\" actor=\"desk\">", "<step id=\"check\" kind=\"verify\" actor=\"dsk\">")],
                     expected: [
                        "test.xml:30:36: error: step 'check' names actor 'dsk' in 'actor', but no actor has that id; did you mean 'desk'? [unknown-reference]",
                     ]),
        ErrorFixture(name: "unknown legal provision", replacements: [("legal=\"law\"", "legal=\"decree\"")],
                     expected: [
                        "test.xml:28:49: error: a requirement of step 'submit' names provision 'decree' in 'legal', but no provision has that id; defined provisions: law [unknown-reference]",
                     ]),
        ErrorFixture(name: "probabilities do not sum to 1", replacements: [("probability=\"0.9\"", "probability=\"0.8\"")],
                     expected: [
                        "test.xml:34:5: error: the branch probabilities of choice 'complete' sum to 0.9: expected 1 [probability]",
                     ]),
        ErrorFixture(name: "channel shares do not sum to 1", replacements: [("share=\"1\"", "share=\"0.6\"")],
                     expected: [
                        "test.xml:9:5: error: channel shares sum to 0.6: expected 1 (in-person 0.6) [probability]",
                     ]),
        ErrorFixture(name: "unreachable step", replacements: [("<branch to=\"issue\" probability=\"0.9\"/>", "<branch to=\"done\" probability=\"0.9\"/>")],
                     expected: [
                        "test.xml:38:5: error: step 'issue' cannot be reached from the start of the flow ('submit') [unreachable-step]",
                     ]),
        ErrorFixture(name: "loop with no exit", replacements: [("<branch to=\"issue\" probability=\"0.9\"/>", "<branch to=\"check\" probability=\"0.9\"/>")],
                     expected: [
                        "test.xml:26:5: error: loop with no exit: submit → check → complete → submit never reaches an <end> [loop-without-exit]",
                        "test.xml:38:5: error: step 'issue' cannot be reached from the start of the flow ('submit') [unreachable-step]",
                        "test.xml:43:5: error: end 'done' cannot be reached from the start of the flow ('submit') [unreachable-step]",
                     ]),
        ErrorFixture(name: "no path to an end", replacements: [("<end id=\"done\"/>", "")],
                     expected: [
                        "test.xml:2:1: error: the flow has no <end>: add <end id=\"done\"/> where the procedure finishes [no-path-to-end]",
                        "test.xml:38:5: error: <step> 'issue' is the last element of <flow> and has no 'next': add next=\"...\" or end the flow with <end/> [no-path-to-end]",
                     ]),
        ErrorFixture(name: "join without its split", replacements: [("<end id=\"done\"/>", "<join id=\"j\" split=\"complete\"/>\n    <end id=\"done\"/>")],
                     expected: [
                        "test.xml:43:18: error: join 'j' names 'complete' as its split, but 'complete' is a <choice>, not a <parallel> [join-without-split]",
                     ]),
        ErrorFixture(name: "parallel without join", replacements: [("<step id=\"issue\"", "<parallel id=\"p\"><branch to=\"issue\"/><branch to=\"done\"/></parallel>\n    <step id=\"issue\""),
                                                                    ("<branch to=\"issue\" probability=\"0.9\"/>", "<branch to=\"p\" probability=\"0.9\"/>")],
                     expected: [
                        "test.xml:38:5: error: parallel 'p' has no join: add <join id=\"...\" split=\"p\"/> where its branches meet [join-without-split]",
                     ]),
        ErrorFixture(name: "internal document required before produced",
                     replacements: [("      <produces document=\"note\" medium=\"paper\"/>\n", ""),
                                    ("<produces document=\"certificate\" medium=\"paper\"/>", "<produces document=\"note\" medium=\"paper\"/>\n      <produces document=\"certificate\" medium=\"paper\"/>")],
                     expected: [
                        "test.xml:39:7: error: step 'issue' requires the internal document 'note' before any step produces it [document-order]",
                     ]),
        ErrorFixture(name: "zero capacity", replacements: [("capacity=\"2\"", "capacity=\"0\"")],
                     expected: [
                        "test.xml:18:44: error: actor 'desk' has capacity 0: expected a positive number of servers or 'unlimited' [capacity]",
                     ]),
        ErrorFixture(name: "work in calendar days", replacements: [("<work unit=\"minutes\"><fixed value=\"2\"/>", "<work unit=\"calendar-days\"><fixed value=\"2\"/>")],
                     expected: [
                        "test.xml:39:7: error: the <work> of step 'issue' is in calendar-days: work holds the actor and runs in working time; use minutes, hours or working-days, and put elapsed time (mail, surveys) in <delay> [unit]",
                     ]),
        ErrorFixture(name: "triangular out of order", replacements: [("<triangular min=\"5\" mode=\"10\" max=\"20\"/>", "<triangular min=\"5\" mode=\"30\" max=\"20\"/>")],
                     expected: [
                        "test.xml:31:28: error: <triangular> in the <work> of step 'check': expected min <= mode <= max, got min 5.0, mode 30.0, max 20.0 [distribution]",
                     ]),
        ErrorFixture(name: "impossible date", replacements: [("<hours days=\"mon tue wed thu fri\" from=\"08:00\" to=\"17:00\"/>", "<hours days=\"mon tue wed thu fri\" from=\"08:00\" to=\"17:00\"/>\n      <holiday date=\"2026-02-30\"/>")],
                     expected: [
                        "test.xml:14:16: error: <holiday> attribute 'date' is '2026-02-30', which is not a calendar date: expected YYYY-MM-DD [date]",
                     ]),
        ErrorFixture(name: "empty opening hours", replacements: [("from=\"08:00\" to=\"17:00\"", "from=\"17:00\" to=\"08:00\"")],
                     expected: [
                        "test.xml:13:7: error: <hours> from 17:00 to 08:00 in calendar 'office' is empty: 'from' must be earlier than 'to' [calendar]",
                     ]),
        ErrorFixture(name: "wrong namespace", replacements: [("<procedure xmlns=\"urn:procmod:procedure:1\"", "<procedure xmlns=\"urn:example\"")],
                     expected: [
                        "test.xml:2:1: error: the root element is <procedure> in {urn:example}: expected <procedure xmlns=\"urn:procmod:procedure:1\"> [schema]",
                     ]),
    ]

    @Test(arguments: fixtures)
    func reportsExactDiagnostics(_ fixture: ErrorFixture) {
        let loaded = TestSupport.load(mutate(minimalProcedure, fixture.replacements))
        #expect(TestSupport.lines(loaded) == fixture.expected)
        #expect((loaded.procedure == nil) == fixture.expected.contains { $0.contains(": error: ") })
    }

    @Test func reportsEveryProblemNotJustTheFirst() {
        let text = mutate(minimalProcedure, [("capacity=\"2\"", "capacity=\"0\""), ("probability=\"0.9\"", "probability=\"0.5\""),
                                             ("legal=\"law\"", "legal=\"nope\"")])
        let codes = TestSupport.load(text).diagnostics.map(\.code)
        #expect(codes == ["capacity", "unknown-reference", "probability"])
    }
}
