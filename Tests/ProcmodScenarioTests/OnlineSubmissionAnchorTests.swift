import ProcmodAnalysis
import ProcmodLoader
import ProcmodModel
import ProcmodScenario
import ProcmodTestSupport
import Testing

/// The online-submission lever wires the new channel where every case passes (issue 12 §3b): death
/// registration, where 60% of families first travel to the hospital for the death notice, must not get
/// its channel choice at that optional trip (online hospital deaths were sent on to the desk, online home
/// deaths skipped a notice they then uploaded).
@Suite struct OnlineSubmissionAnchorTests {
    static func model(flow: String, channels: String = #"<channel id="in-person" kind="in-person" share="1"/>"#) -> String {
        """
        <?xml version="1.0" encoding="UTF-8"?>
        <procedure xmlns="urn:procmod:procedure:1" code="DEATH" name-en="Death registration" level="commune">
          <agencies><agency id="commune" name-en="Commune" level="commune"/></agencies>
          <volume per-year="1000"/>
          <result document="extract"/>
          <channels>\(channels)</channels>
          <actors>
            <actor id="family" name-en="Family" kind="applicant" capacity="unlimited" tariff="44000"/>
            <actor id="officer" name-en="Civil-status officer" kind="official" agency="commune" capacity="2"/>
            <actor id="portal" name-en="Portal" kind="online-system" capacity="unlimited"/>
          </actors>
          <documents>
            <document id="notice" name-en="Death notice" kind="evidence" medium="paper"/>
            <document id="extract" name-en="Death extract" kind="result" medium="paper"/>
          </documents>
          <flow>\(flow)
            <step id="receive" kind="receive" actor="officer"><work unit="minutes"><fixed value="10"/></work></step>
            <step id="record" kind="record" actor="officer"><produces document="extract" medium="paper"/></step>
            <end id="done"/>
          </flow>
        </procedure>
        """
    }

    static let before = model(flow: """
        <step id="prepare" kind="prepare" actor="family"/>
        <choice id="where">
          <branch to="fetch-notice" probability="0.6"/>
          <branch to="travel" probability="0.4"/>
        </choice>
        <step id="fetch-notice" kind="travel" actor="family"><produces document="notice" medium="paper"/></step>
        <step id="travel" kind="travel" actor="family"/>
        <step id="submit" kind="submit" actor="family"><requires document="notice" form="original" share="0.6"/></step>
        """)

    /// What a modeller writes by hand: the channel choice at the trip to the desk, after the hospital.
    static let handWritten = model(flow: """
        <step id="prepare" kind="prepare" actor="family"/>
        <choice id="where">
          <branch to="fetch-notice" probability="0.6"/>
          <branch to="channel" probability="0.4"/>
        </choice>
        <step id="fetch-notice" kind="travel" actor="family"><produces document="notice" medium="paper"/></step>
        <choice id="channel" by="channel">
          <branch to="travel" channel="in-person"/>
          <branch to="online-submission" channel="online"/>
        </choice>
        <step id="travel" kind="travel" actor="family"/>
        <step id="submit" kind="submit" actor="family" next="receive"><requires document="notice" form="original" share="0.6"/></step>
        <step id="online-submission" kind="submit" actor="portal" channel="online"><requires document="notice" form="electronic"/></step>
        """, channels: #"<channel id="in-person" kind="in-person" share="0.3"/><channel id="online" kind="online" share="0.7"/>"#)

    static func digitize(_ xml: String, _ lever: Lever.Kind) throws -> DigitizationResult {
        let p = try #require(TestSupport.load(xml).procedure, "\(TestSupport.lines(TestSupport.load(xml)))")
        return Digitizer().apply(Scenario(procedure: p.code, name: LocalizedName(en: "online"), levers: [Lever(lever, name: "online")]), to: p)
    }

    @Test func anOptionalFirstTripIsRefusedWithWhereToAnchor() throws {
        let result = try Self.digitize(Self.before, .onlineSubmission(channel: "online", share: 0.7, level: .endToEnd, minutes: 20))
        let message = try #require(result.diagnostics.first?.message)
        #expect(message.contains("'fetch-notice' is not on every case's path"), "\(message)")
        #expect(message.contains("before=") && message.contains("travel"), "\(message)")
    }

    @Test func namedAnchorGivesTheHandWrittenPathsPerChannel() throws {
        let result = try Self.digitize(Self.before, .onlineSubmission(channel: "online", share: 0.7, level: .endToEnd, minutes: 20,
                                                                     before: "travel"))
        #expect(result.diagnostics.isEmpty, "\(result.diagnostics)")
        let expected = try #require(TestSupport.load(Self.handWritten).procedure)
        func paths(_ p: Procedure) -> [String] {
            ProcedureAnalysis(p).channelPaths.map { "\($0.channel ?? "-") \(decimalText($0.share)): \($0.text)" }.sorted()
        }
        #expect(paths(result.after) == paths(expected))
        // Online: the hospital trip for the 60% who need the notice, then the portal; never the desk.
        #expect(paths(result.after).contains("online 0.7: prepare → fetch-notice (60%) → online-submission → receive → record"),
                "\(paths(result.after))")
    }

    @Test func aCaseKeepsItsChannelInPathQuestions() throws {
        // In person, then back to supplement, then online: impossible, so no duplicate-request finding.
        let result = try Self.digitize(Self.before, .onlineSubmission(channel: "online", share: 0.7, level: .endToEnd, minutes: 20,
                                                                     before: "travel"))
        let findings = Analyzer().analyze(result.after).findings.map(\.rule)
        #expect(!findings.contains("duplicate-request"))
        #expect(!findings.contains("paper-alongside-electronic"))
    }
}
