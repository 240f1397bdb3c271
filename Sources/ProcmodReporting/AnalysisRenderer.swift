public import ProcmodAnalysis
import Foundation

/// Turns analysis reports into one output format.
public protocol AnalysisRenderer {
    func render(_ reports: [AnalysisReport]) throws -> String
}

/// Number formatting shared by the renderers: grouped thousands, at most two decimals.
enum Format {
    static func number(_ x: Double, decimals: Int = 2) -> String {
        guard x.isFinite else { return x > 0 ? "∞" : "-∞" }
        let scale = pow(10, Double(decimals))
        let rounded = (x * scale).rounded() / scale
        let whole = Int(rounded.magnitude)
        var digits = String(whole)
        var grouped = ""
        for (i, ch) in digits.enumerated() {
            if i > 0 && (digits.count - i) % 3 == 0 { grouped.append(",") }
            grouped.append(ch)
        }
        let fraction = rounded.magnitude - Double(whole)
        digits = grouped
        if fraction > 0.000_001 {
            var f = String(Int((fraction * scale).rounded()))
            f = String(repeating: "0", count: max(0, decimals - f.count)) + f
            while f.hasSuffix("0") { f.removeLast() }
            digits += "." + f
        }
        return (rounded < 0 ? "-" : "") + digits
    }

    static func vnd(_ x: Double) -> String { number(x, decimals: 0) + " VND" }

    static func percent(_ x: Double) -> String { number(x * 100, decimals: 1) + "%" }

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
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .prettyPrinted, .withoutEscapingSlashes]
        return String(decoding: try encoder.encode(reports), as: UTF8.self)
    }
}
