/// Text edits the reports and loaders need, on Unicode scalars (as Foundation's `NSString` methods
/// they replace did on UTF-16), so a quote followed by a combining mark is still a quote.
extension String {
    /// The text with every `scalar` replaced by `replacement` (`"a|b"` with `|` → `\|` gives `a\|b`).
    package func replacingEvery(_ scalar: Unicode.Scalar, with replacement: String) -> String {
        guard unicodeScalars.contains(scalar) else { return self }
        var out = String.UnicodeScalarView()
        for s in unicodeScalars {
            if s == scalar { out.append(contentsOf: replacement.unicodeScalars) } else { out.append(s) }
        }
        return String(out)
    }

    /// The folder part of a path, as `NSString.deletingLastPathComponent` gives it: `a/b/c.xml` → `a/b`,
    /// `c.xml` → empty, `/c.xml` → `/`; repeated slashes count as one and trailing ones are ignored
    /// (`a//b/` → `a`).
    package var folderPart: String {
        var path = ""
        for ch in self where !(ch == "/" && path.hasSuffix("/")) { path.append(ch) }
        if path.count > 1, path.hasSuffix("/") { path.removeLast() }
        guard let slash = path.lastIndex(of: "/") else { return "" }
        return slash == path.startIndex ? "/" : String(path[..<slash])
    }
}
