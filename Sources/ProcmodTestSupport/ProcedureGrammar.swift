import ProcmodSimulation

/// Random procedures from a grammar of the DSL, for the property test: calendars with overlapping hours
/// and holiday ranges, actors with capacities, cadences and batches, and a flow of steps, choices with
/// capped and uncapped loops, channel choices and parallel blocks. Some come out invalid on purpose
/// (a loop with no way out, an unknown actor, a value past its bound): the property covers both kinds.
public struct ProcedureGrammar {
    var rng: SplitMix

    public init(seed: UInt64) { rng = SplitMix(seed: seed) }

    /// The procedure numbered `index` (its code is `G.index`).
    public mutating func procedure(index: Int) -> String {
        let calendars = (0..<rng.int(1...2)).map { calendar("cal\($0)") }
        let calendarIDs = (0..<calendars.count).map { "cal\($0)" }
        var actors = [#"<actor id="applicant" kind="applicant" capacity="unlimited"/>"#]
        let agencyCount = rng.int(1...4)
        for a in 0..<agencyCount {
            let capacity = rng.chance(0.2) ? "unlimited" : String(rng.int(1...4))
            var attributes = "id=\"a\(a)\" kind=\"\(rng.pick(["official", "reception-desk", "specialist-office", "signer"]))\" "
                + "capacity=\"\(capacity)\" calendar=\"\(rng.pick(calendarIDs))\""
            if rng.chance(0.2) { attributes += " batch-size=\"\(rng.int(1...6))\"" }
            let cadence = rng.chance(0.25)
                ? "<cadence at=\"\(rng.pick(["09:00", "10:00 16:00", "15:30"]))\" days=\"\(rng.pick(["mon wed fri", "tue", "sat"]))\"/>" : ""
            actors.append("<actor \(attributes)>\(cadence)</actor>")
        }
        let agents = (0..<agencyCount).map { "a\($0)" } + ["applicant"] + (rng.chance(0.05) ? ["ghost"] : [])
        let channels = rng.chance(0.4)
        var flow = FlowBuilder(rng: rng, actors: agents, channels: channels)
        let body = flow.build()
        rng = flow.rng
        let volume = rng.chance(0.05) ? 0 : rng.int(1...200_000)
        let deadline = rng.chance(0.7) ? "<deadline working-days=\"\(rng.int(0...30))\"\(rng.chance(0.3) ? " cut-off=\"15:00\"" : "")/>" : ""
        let channelList = channels
            ? #"<channels><channel id="desk" kind="in-person" share="0.6"/><channel id="web" kind="online" online-level="end-to-end" share="0.4"/></channels>"#
            : #"<channels><channel id="desk" kind="in-person" share="1"/></channels>"#
        return """
        <?xml version="1.0" encoding="UTF-8"?>
        <procedure xmlns="urn:procmod:procedure:1" code="G.\(index)" name-en="Generated \(index)" level="commune">
          \(deadline)
          <volume per-year="\(volume)"/>
          <result document="result"/>
          \(channelList)
          <calendars>\(calendars.joined())</calendars>
          <actors>\(actors.joined(separator: "\n    "))</actors>
          <documents>
            <document id="form" kind="form" medium="paper"/>
            <document id="card" kind="certificate" register="population" medium="paper"/>
            <document id="result" kind="result" medium="paper"/>
          </documents>
          <flow>
        \(body)
          </flow>
        </procedure>
        """
    }

    mutating func calendar(_ id: String) -> String {
        var hours = "<hours days=\"mon tue wed thu fri\" from=\"07:30\" to=\"11:30\"/>"
        if rng.chance(0.8) { hours += "<hours days=\"mon tue wed thu fri\" from=\"\(rng.pick(["11:00", "13:00", "13:30"]))\" to=\"17:00\"/>" }
        if rng.chance(0.2) { hours += "<hours days=\"sat\" from=\"08:00\" to=\"11:00\"/>" }
        var holidays = ""
        for _ in 0..<rng.int(0...3) {
            let month = rng.int(1...12), day = rng.int(1...20)
            let from = "2026-\(month < 10 ? "0" : "")\(month)-\(day < 10 ? "0" : "")\(day)"
            holidays += rng.chance(0.5) ? "<holiday date=\"\(from)\"/>"
                : "<holiday from=\"\(from)\" to=\"\(rng.chance(0.1) ? "2031-01-01" : "2026-12-31")\"/>"
        }
        return "<calendar id=\"\(id)\">\(hours)\(holidays)</calendar>"
    }
}

/// The flow: a sequence of blocks, each a step, a choice (with a loop back, capped or not), a channel
/// choice, or a parallel block.
struct FlowBuilder {
    var rng: SplitMix
    let actors: [String]
    let channels: Bool
    var lines: [String] = []
    var steps: [String] = []
    var next = 0

    mutating func id(_ prefix: String) -> String { next += 1; return "\(prefix)\(next)" }

    mutating func step(_ id: String, to target: String? = nil, produces: Bool = false) -> String {
        steps.append(id)
        let unit = rng.pick(["minutes", "minutes", "hours", "working-days"])
        let value = unit == "working-days" ? rng.int(0...3) : rng.int(1...90)
        let work = rng.pick(["<fixed value=\"\(value)\"/>", "<exponential mean=\"\(value)\"/>",
                             "<triangular min=\"0\" mode=\"\(value)\" max=\"\(value * 2)\"/>"])
        let requires = rng.chance(0.3) ? "<requires document=\"\(rng.pick(["form", "card"]))\" form=\"\(rng.pick(["original", "copy", "certified-copy"]))\"/>" : ""
        let result = produces ? "<produces document=\"result\" medium=\"paper\"/>" : ""
        let kind = produces ? "sign" : rng.pick(["submit", "receive", "verify", "record", "transfer", "approve"])
        return "<step id=\"\(id)\" kind=\"\(kind)\" actor=\"\(rng.pick(actors))\"\(target.map { " next=\"\($0)\"" } ?? "")>"
            + "<work unit=\"\(unit)\">\(work)</work>\(requires)\(result)</step>"
    }

    mutating func build() -> String {
        let blocks = rng.int(1...6)
        for _ in 0..<blocks {
            switch rng.int(0...9) {
            case 0...4:
                lines.append(step(id("s")))
            case 5, 6:
                // A choice with a loop back to an earlier step (its exit first), or two forward branches.
                let c = id("c"), after = id("s")
                if let back = steps.randomElement(using: &rng) {
                    let p = rng.pick([0.1, 0.3, 0.9, 1.0, 0.0])
                    let cap = rng.chance(0.7) ? " max=\"\(rng.int(1...5))\"" : ""
                    lines.append("<choice id=\"\(c)\"><branch to=\"\(after)\" probability=\"\(1 - p)\"/>"
                                 + "<branch to=\"\(back)\" probability=\"\(p)\" loop=\"rework\"\(cap)/></choice>")
                } else {
                    let other = id("s")
                    lines.append("<choice id=\"\(c)\"><branch to=\"\(after)\" probability=\"0.5\"/><branch to=\"\(other)\" probability=\"0.5\"/></choice>")
                    lines.append(step(other, to: after))
                }
                lines.append(step(after))
            case 7 where channels:
                let c = id("c"), desk = id("s"), web = id("s"), after = id("s")
                lines.append("<choice id=\"\(c)\" by=\"channel\"><branch to=\"\(desk)\" channel=\"desk\"/><branch to=\"\(web)\" channel=\"web\"/></choice>")
                lines.append(step(desk, to: after))
                lines.append(step(web, to: after))
                lines.append(step(after))
            default:
                let p = id("p"), j = id("j"), left = id("s"), right = id("s")
                lines.append("<parallel id=\"\(p)\"><branch to=\"\(left)\"/><branch to=\"\(right)\"/></parallel>")
                lines.append(step(left, to: j))
                lines.append(step(right))
                lines.append("<join id=\"\(j)\" split=\"\(p)\"/>")
            }
        }
        lines.append(step(id("s"), produces: true))
        lines.append("<end id=\"done\"/>")
        return lines.map { "    " + $0 }.joined(separator: "\n")
    }
}

/// The simulator's SplitMix64 as a `RandomNumberGenerator`, so every run generates the same procedures.
public struct SplitMix: RandomNumberGenerator {
    var base: SplitMix64
    public init(seed: UInt64) { base = SplitMix64(seed: seed) }
    public mutating func next() -> UInt64 { base.next() }
    mutating func int(_ range: ClosedRange<Int>) -> Int { Int.random(in: range, using: &self) }
    mutating func chance(_ p: Double) -> Bool { Double.random(in: 0..<1, using: &self) < p }
    mutating func pick<T>(_ options: [T]) -> T { options[int(0...(options.count - 1))] }
}
