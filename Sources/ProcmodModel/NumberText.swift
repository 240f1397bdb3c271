/// A number as messages and reports show it: rounded to at most `decimals` places, without trailing
/// zeros and without an exponent (`3`, `0.25`, `-1.5`).
package func decimalText(_ x: Double, decimals: Int = 2) -> String {
    guard x.isFinite else { return x.isNaN ? "nan" : (x > 0 ? "∞" : "-∞") }
    var scale = 1.0
    for _ in 0..<max(0, decimals) { scale *= 10 }
    guard x.magnitude * scale < 9e18 else { return (x < 0 ? "-" : "") + wholeDigits(x.magnitude.rounded()) }
    let units = Int((x.magnitude * scale).rounded())
    let whole = units / Int(scale)
    var fraction = String(units % Int(scale))
    fraction = String(repeating: "0", count: max(0, decimals - fraction.count)) + fraction
    while fraction.hasSuffix("0") { fraction.removeLast() }
    let sign = x < 0 && units != 0 ? "-" : ""
    return sign + String(whole) + (fraction.isEmpty ? "" : "." + fraction)
}

/// A whole number with at least `width` digits, zeros in front (`7` → `0007` for width 4), as C's `%0*d`.
package func zeroPadded(_ n: Int, width: Int) -> String {
    let digits = String(n.magnitude)
    let pad = String(repeating: "0", count: max(0, width - digits.count - (n < 0 ? 1 : 0)))
    return (n < 0 ? "-" : "") + pad + digits
}

/// A share as a percentage: 0.906 → `90.6%`.
package func percentText(_ share: Double, decimals: Int = 1) -> String {
    decimalText(share * 100, decimals: decimals) + "%"
}

/// A number rounded to a whole one with thousands separators: `1,400,000`.
package func groupedText(_ x: Double) -> String {
    let text = decimalText(x, decimals: 0)
    let negative = text.hasPrefix("-")
    let digits = negative ? String(text.dropFirst()) : text
    var out = ""
    for (i, ch) in digits.enumerated() {
        if i > 0 && (digits.count - i) % 3 == 0 { out.append(",") }
        out.append(ch)
    }
    return (negative ? "-" : "") + out
}

/// Every decimal digit of a whole, finite, non-negative double (exact: a double past 2^53 is a whole
/// number times a power of two), for figures too large for an Int, such as a cost per year of 10^24.
package func wholeDigits(_ x: Double) -> String {
    guard x.isFinite else { return x.isNaN ? "nan" : "∞" }
    guard x >= 9e18 else { return String(UInt64(x)) }
    // x = significand · 2^exponent; multiply a base-10^9 number up by 2, `exponent` times.
    var limbs: [UInt64] = [x.significandBitPattern | (1 << 52)]
    limbs = [limbs[0] % 1_000_000_000, limbs[0] / 1_000_000_000 % 1_000_000_000, limbs[0] / 1_000_000_000_000_000_000]
    for _ in 0..<(Int(x.exponent) - 52) {
        var carry: UInt64 = 0
        for i in limbs.indices {
            let v = limbs[i] * 2 + carry
            limbs[i] = v % 1_000_000_000
            carry = v / 1_000_000_000
        }
        if carry > 0 { limbs.append(carry) }
    }
    while limbs.count > 1, limbs.last == 0 { limbs.removeLast() }
    var text = String(limbs.last ?? 0)
    for limb in limbs.dropLast().reversed() {
        let digits = String(limb)
        text += String(repeating: "0", count: 9 - digits.count) + digits
    }
    return text
}
