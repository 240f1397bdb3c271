/// The frame that rule examples are written into: a commune office with a desk, an officer, a head
/// who signs, an officer of another (provincial) agency, a portal and the post; documents `form`,
/// `id-card` (held by the population register) and `result`. The example's flow comes first; a final
/// step by the officer produces the result and the flow ends.
public enum ExampleProcedure {
    public static func xml(_ example: RuleExample) -> String {
        """
        <?xml version="1.0" encoding="UTF-8"?>
        <procedure xmlns="urn:procmod:procedure:1" code="EXAMPLE" name-en="Rule example" level="commune">
        \(example.legal.isEmpty ? "" : "  <legal-basis>\(example.legal)</legal-basis>")
          <agencies>
            <agency id="commune" name-en="Commune" level="commune"/>
            <agency id="province" name-en="Province" level="province"/>
          </agencies>
          <deadline working-days="5"/>
          <volume per-year="\(example.volume)"/>
          <result document="result"/>
          <channels><channel id="in-person" kind="in-person" share="1"/></channels>
          <calendars>
            <calendar id="office">
              <hours days="mon tue wed thu fri" from="08:00" to="12:00"/>
              <hours days="mon tue wed thu fri" from="13:00" to="17:00"/>
            </calendar>
          </calendars>
          <actors>
            <actor id="applicant" name-en="Applicant" kind="applicant" capacity="unlimited" tariff="44000"/>
            <actor id="desk" name-en="Desk" kind="reception-desk" agency="commune" capacity="2" calendar="office" tariff="60000"/>
            <actor id="officer" name-en="Officer" kind="official" agency="commune" capacity="3" calendar="office" tariff="60000"/>
            <actor id="head" name-en="Head" kind="signer" agency="commune" capacity="1" calendar="office" tariff="100000"/>
            <actor id="other" name-en="Provincial officer" kind="official" agency="province" capacity="3" calendar="office" tariff="60000"/>
            <actor id="portal" name-en="Portal" kind="online-system" capacity="unlimited"/>
            <actor id="post" name-en="Post" kind="postal-service" capacity="unlimited"/>
        \(example.actors)
          </actors>
          <documents>
            <document id="form" name-en="Form" kind="form" medium="paper" pages="2"/>
            <document id="id-card" name-en="ID card" kind="certificate" register="population" medium="paper"/>
        \(example.documents)
            <document id="result" name-en="Result" kind="result" medium="paper"/>
          </documents>
          <flow>
        \(example.flow)
            <step id="issue" name-en="Issue the result" kind="record" actor="officer"><produces document="result" medium="paper"/></step>
            <end id="done"/>
          </flow>
        </procedure>
        """
    }
}
