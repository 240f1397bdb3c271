public import ProcmodInvariants
import ProcmodXML

/// JUnit XML (the Apache Ant format CI systems display): one test suite per procedure file, one test case
/// per invariant. Each carries the procedure file (`file`), and test classes are named by the file's path
/// (`procedures.passport`), so Jenkins and GitLab group them by folder and file, not by the dots of a
/// procedure code. The format requires a timestamp and a host name; procmod writes fixed ones unless given,
/// so the file is the same bytes for the same input.
public struct JUnitWriter {
    public var timestamp: String
    public var hostname: String
    /// When true, an inconclusive result is a failure; otherwise it is reported as skipped.
    public var inconclusiveFails: Bool

    public init(timestamp: String = "1970-01-01T00:00:00", hostname: String = "localhost", inconclusiveFails: Bool) {
        self.timestamp = timestamp
        self.hostname = hostname
        self.inconclusiveFails = inconclusiveFails
    }

    /// A file path as a dotted class name: `procedures/passport.xml` → `procedures.passport`.
    static func className(_ path: String) -> String {
        var p = Substring(path)
        while p.hasPrefix("./") { p = p.dropFirst(2) }
        if let dot = p.lastIndex(of: "."), !p[dot...].contains("/") { p = p[..<dot] }
        return p.split(separator: "/").map { String($0).replacingEvery(".", with: "_") }.joined(separator: ".")
    }

    public func write(_ results: [InvariantResult]) -> String {
        let w = XMLTextWriter()
        w.start("testsuites")
        var groups: [(path: String, results: [InvariantResult])] = []
        for r in results {
            if groups.last?.path == r.path { groups[groups.count - 1].results.append(r) } else { groups.append((r.path, [r])) }
        }
        for (index, group) in groups.enumerated() {
            let failed = group.results.filter { $0.verdict == .fail || ($0.verdict == .inconclusive && inconclusiveFails) }.count
            let skipped = group.results.filter { $0.verdict == .inconclusive && !inconclusiveFails }.count
            w.start("testsuite")
            w.attribute("name", group.results[0].procedure + " (" + group.path + ")")
            w.attribute("file", group.path)
            w.attribute("timestamp", timestamp)
            w.attribute("hostname", hostname)
            w.attribute("tests", String(group.results.count))
            w.attribute("failures", String(failed))
            w.attribute("errors", "0")
            w.attribute("skipped", String(skipped))
            w.attribute("time", "0")
            w.attribute("package", "procmod")
            w.attribute("id", String(index))
            // The Ant schema wants a properties element; an empty one (a repeated property trips xunitparser).
            w.start("properties"); w.end()
            for r in group.results {
                w.start("testcase")
                w.attribute("name", r.invariant)
                w.attribute("classname", Self.className(r.path))
                w.attribute("file", r.path)
                w.attribute("time", "0")
                let text = "\(r.location): \(r.verdict.rawValue): \(r.message)"
                if r.verdict == .fail || (r.verdict == .inconclusive && inconclusiveFails) {
                    w.start("failure"); w.attribute("message", r.message); w.attribute("type", r.verdict.rawValue); w.text(text); w.end()
                } else if r.verdict == .inconclusive {
                    w.start("skipped"); w.attribute("message", r.message); w.end()
                }
                w.end()
            }
            w.start("system-out"); w.text(""); w.end()
            w.start("system-err"); w.text(""); w.end()
            w.end()
        }
        w.end()
        return w.finish()
    }
}
