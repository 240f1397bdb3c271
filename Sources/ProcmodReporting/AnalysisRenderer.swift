public import ProcmodAnalysis
import ProcmodModel

/// Turns analysis reports into one output format.
public protocol AnalysisRenderer {
    func render(_ reports: [AnalysisReport]) throws -> String
}

/// Number formatting shared by the renderers: grouped thousands, at most two decimals.
enum Format {
    /// Grouped thousands and at most `decimals` places: 1,234.5.
    static func number(_ x: Double, decimals: Int = 2) -> String {
        let text = decimalText(x, decimals: decimals)
        guard let dot = text.firstIndex(of: ".") else { return groupedText(Double(text) ?? x) }
        let whole = Double(text[..<dot]) ?? 0
        let sign = text.hasPrefix("-") && whole == 0 ? "-" : ""
        return sign + groupedText(whole) + text[dot...]
    }

    static func vnd(_ x: Double) -> String { groupedText(x) + " VND" }

    static func percent(_ x: Double) -> String { percentText(x) }

    /// "0.5 h applicant, 2 pages, 1 visit, 12,000 VND" — the non-zero parts of a saving.
    static func saving(_ s: Saving) -> String {
        var parts: [String] = []
        if s.elapsedDays > 0.005 { parts.append(number(s.elapsedDays) + " working days") }
        if s.visits > 0.005 { parts.append(number(s.visits) + (abs(s.visits - 1) < 0.005 ? " visit" : " visits")) }
        if s.applicantHours > 0.005 { parts.append(number(s.applicantHours) + " h applicant") }
        if s.agencyHours > 0.005 { parts.append(number(s.agencyHours) + " h agency") }
        if s.pages > 0.005 { parts.append(number(s.pages) + (abs(s.pages - 1) < 0.005 ? " page" : " pages")) }
        if s.applicantVND + s.agencyVND > 0.5 { parts.append(vnd(s.applicantVND + s.agencyVND)) }
        return parts.joined(separator: ", ")
    }
}

/// JSON with sorted keys, so output is byte-stable.
public struct JSONAnalysisRenderer: AnalysisRenderer {
    public init() {}

    public func render(_ reports: [AnalysisReport]) throws -> String {
        try jsonDocument(AnalysisDocument(reports: reports), kind: "analysis")
    }
}

/// The analysis of several procedures as one document.
struct AnalysisDocument: Encodable {
    var reports: [AnalysisReport]
}
