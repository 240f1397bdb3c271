public import ProcmodModel
import ProcmodXML

/// Writes a catalogue in the DSL (what `CatalogueLoader` reads back), with libxml2's text writer.
/// Catalogue calendars are not written: resources name built-in calendars or ones the file defines.
public struct CatalogueWriter {
    public init() {}

    public func write(_ c: Catalogue) -> String {
        let w = XMLTextWriter()
        w.start("catalogue")
        w.attribute("xmlns", CatalogueSchema.namespace)
        w.attribute("id", c.id)
        w.attribute("name", c.name.vi)
        w.attribute("name-en", c.name.en)
        w.attribute("level", c.level?.rawValue)
        w.attribute("sites", decimalText(c.sites))
        if let summary = c.summary { w.start("summary"); w.text(summary); w.end() }
        if c.targetCost != nil || c.targetTime != nil {
            w.start("targets")
            w.attribute("cost", c.targetCost.map { decimalText($0) })
            w.attribute("time", c.targetTime.map { decimalText($0) })
            w.end()
        }
        w.start("resources")
        for r in c.resources {
            w.start("resource")
            w.attribute("id", r.id)
            w.attribute("kind", r.kind.rawValue)
            w.attribute("name", r.name.vi)
            w.attribute("name-en", r.name.en)
            w.attribute("capacity", r.capacity.servers.map(String.init) ?? "unlimited")
            w.attribute("calendar", r.calendar)
            w.attribute("batch-size", r.batchSize.map(String.init))
            if let cadence = r.cadence {
                w.start("cadence")
                w.attribute("at", cadence.times.map(\.description).joined(separator: " "))
                w.attribute("days", cadence.days.map(\.rawValue).joined(separator: " "))
                w.end()
            }
            w.end()
        }
        w.end()
        for e in c.entries {
            w.start("procedure")
            w.attribute("file", e.file)
            w.attribute("per-year", e.perYear.map { decimalText($0) })
            w.attribute("scenario", e.scenario)
            for (actor, resource) in e.uses.sorted(by: { $0.key < $1.key }) {
                w.start("use"); w.attribute("actor", actor); w.attribute("resource", resource); w.end()
            }
            w.end()
        }
        w.end()
        return w.finish()
    }
}
