import Foundation
public import ProcmodModel
public import ProcmodScenario
import ProcmodSimulation

/// Turns a before/after comparison into one output format.
public protocol ComparisonRenderer {
    func render(_ comparison: Comparison) throws -> String
}

/// Formats a figure for the row it belongs to: VND grouped, shares as percentages, others with two decimals.
func value(_ key: String, _ x: Double) -> String {
    if key.hasSuffix("VND") { return Format.number(x, decimals: 0) }
    if key == "paperShare" || key == Figure.onTimeShare.rawValue || key == Figure.lateShare.rawValue { return Format.percent(x) }
    return Format.number(x)
}

/// A static row's change with its sign and, when the before figure is not zero, the relative change.
/// Percentage points: "pp", in Vietnamese "điểm %".
func percentagePoints(_ language: Language) -> String { language == .vi ? " điểm %" : " pp" }

/// A change of a share is in percentage points: "+2.3 pp (+3.1%)".
func changeText(_ r: StaticRow, _ language: Language = .en) -> String {
    let share = r.key == "paperShare" || r.key == Figure.onTimeShare.rawValue || r.key == Figure.lateShare.rawValue
    let change = share ? Format.number(r.change * 100, decimals: 1) + percentagePoints(language) : value(r.key, r.change)
    return (r.change >= 0 ? "+" : "") + change
        + (r.relative.map { " (\($0 >= 0 ? "+" : "")\(Format.percent($0)))" } ?? "")
}

/// `mean ± half-width` with as many decimals as the interval needs: the half-width keeps one significant
/// digit (at most 4 decimals), so a real difference never reads "0% ± 0%". Shares are percentages, and a
/// difference of shares is in percentage points (`pp`).
func estimateText(_ key: String, _ e: Estimate, difference: Bool = false, _ language: Language = .en) -> String {
    if key.hasSuffix("VND") { return "\(value(key, e.mean)) ± \(value(key, e.halfWidth))" }
    let share = key == "paperShare" || key == Figure.onTimeShare.rawValue || key == Figure.lateShare.rawValue
    let scale = share ? 100.0 : 1.0
    let half = e.halfWidth * scale
    var decimals = share ? 1 : 2
    if half > 0, half.isFinite { decimals = max(decimals, min(4, Int((-log10(half)).rounded(.up)))) }
    let unit = share ? (difference ? percentagePoints(language) : "%") : ""
    return Format.number(e.mean * scale, decimals: decimals) + unit + " ± " + Format.number(half, decimals: decimals) + unit
}

/// Aligned terminal tables.
public struct TextComparisonRenderer: ComparisonRenderer {
    public var language: Language
    public var colored: Bool

    public init(language: Language, colored: Bool) {
        self.language = language
        self.colored = colored
    }

    private func l(_ key: String) -> String { ComparisonLabels.label(key, language) }
    private func bold(_ s: String) -> String { colored ? "\u{1B}[1m\(s)\u{1B}[0m" : s }

    private func table(_ rows: [[String]]) -> [String] {
        let widths = (0..<(rows.first?.count ?? 0)).map { c in rows.map { $0[c].count }.max() ?? 0 }
        return rows.map { row in
            "  " + row.enumerated().map { c, cell in
                c == 0 ? cell + String(repeating: " ", count: widths[c] - cell.count)
                    : String(repeating: " ", count: widths[c] - cell.count) + cell
            }.joined(separator: "  ")
        }
    }

    public func render(_ c: Comparison) throws -> String {
        var out = [bold("\(c.code)  \(c.name.text(language, fallback: c.code))")]
        if let s = c.scenario { out.append("\(l("scenario")): \(s.text(language, fallback: ""))") }
        out += ["", bold(l("static"))]
        out += table([[l("figure"), l("before"), l("after"), l("change")]] + c.staticRows.map { r in
            [l(r.key), value(r.key, r.before), value(r.key, r.after), changeText(r, language)]
        })
        if !c.simulated.isEmpty {
            out += ["", bold(l("simulated") + " — \(c.replications) \(l("replications")) \(c.seed)"
                             + (c.casesPerReplication.map { ", \($0) \(l(Figure.cases.rawValue))" } ?? ""))]
            out += table([[l("figure"), l("before"), l("after"), l("difference"), l("significant")]] + c.simulated.map { r in
                [l(r.key), estimateText(r.key, r.before), estimateText(r.key, r.after), estimateText(r.key, r.difference, difference: true, language),
                 l(r.significant ? "yes" : "no")]
            })
            out += ["", bold(l(Figure.utilisation.rawValue))]
            out += table([[l("actor"), l("before"), l("after"), l("difference"), l("significant")]] + c.utilisation.map { r in
                [r.key, Format.percent(r.before.mean), Format.percent(r.after.mean),
                 Format.percent(r.difference.mean) + " ± " + Format.percent(r.difference.halfWidth), l(r.significant ? "yes" : "no")]
            })
            if let warnings = c.warnings { out += ["", bold(l("warnings"))] + warnings.map { "  ! " + $0 } }
        }
        if !c.waterfall.isEmpty {
            out += ["", bold(l("waterfall"))]
            out += table([[l("lever"), l("workingDays"), l("visits"), l("costPerCase")]] + c.waterfall.map { w in
                [w.lever, Format.number(w.leadTimeDays), Format.number(w.applicantVisits), Format.number(w.costPerCaseVND, decimals: 0)]
            })
        }
        let rules = Set(c.findingsBefore.keys).union(c.findingsAfter.keys).sorted()
        if !rules.isEmpty {
            out += ["", bold(l("findings"))]
            out += table([[l("rule"), l("before"), l("after")]] + rules.map { [$0, "\(c.findingsBefore[$0] ?? 0)", "\(c.findingsAfter[$0] ?? 0)"] })
        }
        if !c.changes.isEmpty {
            out += ["", bold(l("changes"))]
            out += c.changes.map { "  - \($0.lever): \($0.description)" + ($0.resolves.map { " [\($0)]" } ?? "") }
        }
        return out.joined(separator: "\n")
    }
}

/// Markdown tables, for pull requests and documents.
public struct MarkdownComparisonRenderer: ComparisonRenderer {
    public var language: Language

    public init(language: Language) { self.language = language }

    private func l(_ key: String) -> String { ComparisonLabels.label(key, language) }
    private func cell(_ s: String) -> String { s.replacingOccurrences(of: "|", with: "\\|") }

    public func render(_ c: Comparison) throws -> String {
        var out = ["# \(cell(c.code)) \(cell(c.name.text(language, fallback: c.code)))", ""]
        if let s = c.scenario { out += ["\(l("scenario")): **\(cell(s.text(language, fallback: "")))**", ""] }
        out += ["## \(l("static"))", "", "| \(l("figure")) | \(l("before")) | \(l("after")) | \(l("change")) |", "|---|---:|---:|---:|"]
        for r in c.staticRows {
            out.append("| \(l(r.key)) | \(value(r.key, r.before)) | \(value(r.key, r.after)) | \(changeText(r, language)) |")
        }
        if !c.simulated.isEmpty {
            out += ["", "## \(l("simulated"))", "", "\(c.replications) \(l("replications")) \(c.seed)"
                    + (c.casesPerReplication.map { ", \($0) \(l(Figure.cases.rawValue))" } ?? ""), "",
                    "| \(l("figure")) | \(l("before")) | \(l("after")) | \(l("difference")) | \(l("significant")) |",
                    "|---|---:|---:|---:|---|"]
            for r in c.simulated {
                out.append("| \(l(r.key)) | \(estimateText(r.key, r.before)) | \(estimateText(r.key, r.after)) | "
                           + "\(estimateText(r.key, r.difference, difference: true, language)) | \(l(r.significant ? "yes" : "no")) |")
            }
            out += ["", "### \(l(Figure.utilisation.rawValue))", "", "| \(l("actor")) | \(l("before")) | \(l("after")) | \(l("significant")) |",
                    "|---|---:|---:|---|"]
            for r in c.utilisation {
                out.append("| \(cell(r.key)) | \(Format.percent(r.before.mean)) | \(Format.percent(r.after.mean)) | "
                           + "\(l(r.significant ? "yes" : "no")) |")
            }
            if let warnings = c.warnings { out += ["", "> **\(l("warnings"))**"] + warnings.map { "> - \(cell($0))" } }
        }
        if !c.waterfall.isEmpty {
            out += ["", "## \(l("waterfall"))", "", "| \(l("lever")) | \(l("workingDays")) | \(l("visits")) | \(l("costPerCase")) |",
                    "|---|---:|---:|---:|"]
            for w in c.waterfall {
                out.append("| \(w.lever) | \(Format.number(w.leadTimeDays)) | \(Format.number(w.applicantVisits)) | "
                           + "\(Format.number(w.costPerCaseVND, decimals: 0)) |")
            }
        }
        if !c.changes.isEmpty {
            out += ["", "## \(l("changes"))", ""]
            out += c.changes.map { "- `\($0.lever)`: \(cell($0.description))" + ($0.resolves.map { " (`\($0)`)" } ?? "") }
        }
        return out.joined(separator: "\n") + "\n"
    }
}

/// JSON with sorted keys.
public struct JSONComparisonRenderer: ComparisonRenderer {
    public init() {}

    public func render(_ c: Comparison) throws -> String {
        try jsonDocument(c, kind: "comparison")
    }
}
