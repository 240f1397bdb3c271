public import ProcmodModel

/// The sentences and labels of procmod's reports, one table per language (Catalog+en.swift,
/// Catalog+vi.swift). Both tables hold the same keys (a test checks it, and that each key's
/// placeholders are the same in both), so a report never falls back to the other language.
public enum Catalog {
    /// The table of `language`.
    public static func table(_ language: Language) -> [String: String] {
        language == .vi ? vietnamese : english
    }
}
