import ProcmodModel
import Testing

/// The text helpers that replaced Foundation's `NSString` methods and `String(format:)` when procmod
/// moved to FoundationEssentials: the reports, CSV files and paths they build must not change.
@Suite struct PlainTextTests {
    /// A CSV field doubles every quote, even one a combining mark follows (one Character, two scalars),
    /// and a Markdown cell escapes every bar; a line break inside CR LF is still a line break.
    @Test func replacingEveryWorksOnScalars() {
        #expect("a\"b".replacingEvery("\"", with: "\"\"") == "a\"\"b")
        #expect("\"\u{301}x".replacingEvery("\"", with: "\"\"") == "\"\"\u{301}x")
        #expect("Nhận | trả".replacingEvery("|", with: "\\|") == "Nhận \\| trả")
        #expect("a\r\nb".replacingEvery("\n", with: " ") == "a\r b")
        #expect("`code`".replacingEvery("`", with: "") == "code")
        #expect("không đổi".replacingEvery("|", with: "x") == "không đổi")
    }

    /// The folder a catalogue's relative entries are resolved against, as `NSString` gave it.
    @Test(arguments: [
        ("a/b/c.xml", "a/b"), ("c.xml", ""), ("/c.xml", "/"), ("/", "/"), ("", ""),
        ("a/b/", "a"), ("a//b.xml", "a"), ("a//b//c.xml", "a/b"), ("/srv/catalogue.xml", "/srv"), ("./x.xml", "."),
    ])
    func folderPart(path: String, folder: String) {
        #expect(path.folderPart == folder, "\(path)")
    }

    /// `%02d` and `%04d` as C wrote them: times in Prosimos files, codes of generated procedures.
    @Test func zeroPaddedMatchesPrintf() {
        #expect(zeroPadded(7, width: 4) == "0007")
        #expect(zeroPadded(12_345, width: 4) == "12345")
        #expect(zeroPadded(0, width: 2) == "00")
        #expect(zeroPadded(-5, width: 4) == "-005")
        #expect(zeroPadded(Int.min, width: 2) == "-9223372036854775808")
    }
}
