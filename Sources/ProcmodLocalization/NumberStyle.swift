public import ProcmodModel

/// Numbers, money and dates as each language writes them: `1,400,000.5` and `29.3%` in English,
/// `1.400.000,5` and `29,3%` in Vietnamese; large sums in prose as `66,1 tỷ đồng` or `66.1 billion VND`.
public struct NumberStyle: Sendable, Hashable {
    public var language: Language

    public init(_ language: Language) { self.language = language }

    /// Grouped thousands and at most `decimals` places, without trailing zeros.
    public func number(_ x: Double, decimals: Int = 2) -> String {
        let text = decimalText(x, decimals: decimals)
        let negative = text.hasPrefix("-")
        let body = negative ? String(text.dropFirst()) : text
        let parts = body.split(separator: ".", maxSplits: 1).map(String.init)
        let whole = parts.first ?? "0"
        var grouped = ""
        for (i, ch) in whole.enumerated() {
            if i > 0 && (whole.count - i) % 3 == 0 { grouped.append(groupSeparator) }
            grouped.append(ch)
        }
        return (negative ? "-" : "") + grouped + (parts.count > 1 ? decimalSeparator + parts[1] : "")
    }

    /// A share as a percentage with at most `decimals` places: 0.293 → `29.3%` (`29,3%`).
    public func percent(_ share: Double, decimals: Int = 1) -> String {
        number(share * 100, decimals: decimals) + "%"
    }

    /// A sum of money in a table: whole đồng, grouped (`1.101.000`).
    public func money(_ vnd: Double) -> String { number(vnd, decimals: 0) }

    /// A sum of money in prose: `66,1 tỷ đồng`, `1,1 triệu đồng`, `45.222 đồng` (Vietnamese);
    /// `66.1 billion VND`, `1.1 million VND`, `45,222 VND` (English); from 10^12 `1.187 tỷ đồng` (as
    /// Vietnamese budgets write it) and `1.19 trillion VND`. Three significant digits at most below 1,000.
    public func moneyProse(_ vnd: Double) -> String {
        let magnitude = abs(vnd)
        let (scale, word): (Double, String) = switch (magnitude, language) {
        case (1e9..., .vi): (1e9, "tỷ đồng")
        case (1e6..., .vi): (1e6, "triệu đồng")
        case (_, .vi): (1, "đồng")
        case (1e12..., .en): (1e12, "trillion VND")
        case (1e9..., .en): (1e9, "billion VND")
        case (1e6..., .en): (1e6, "million VND")
        case (_, .en): (1, "VND")
        }
        let scaled = vnd / scale
        let decimals = scale == 1 ? 0 : (abs(scaled) < 10 ? 2 : (abs(scaled) < 100 ? 1 : 0))
        return number(scaled, decimals: decimals) + " " + word
    }

    /// A calendar date: `30/11/2026` (Vietnamese, as Decree 30/2020/NĐ-CP writes dates in figures) or
    /// `2026-11-30` (English, ISO 8601).
    public func date(_ d: LocalDate) -> String {
        func two(_ n: Int) -> String { n < 10 ? "0\(n)" : "\(n)" }
        return language == .vi ? "\(two(d.day))/\(two(d.month))/\(d.year)" : "\(d.year)-\(two(d.month))-\(two(d.day))"
    }

    private var groupSeparator: Character { language == .vi ? "." : "," }
    private var decimalSeparator: String { language == .vi ? "," : "." }
}
