import CXlsxWriter
#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif

/// A thin, safe wrapper of libxlsxwriter: the only file that touches its pointers. Cells hold numbers
/// as numbers (with a number format), text as text.
final class Workbook {
    enum Style: Hashable { case plain, bold, title, money, decimal, percent, wrap }

    private let workbook: UnsafeMutablePointer<lxw_workbook>
    private var formats: [Style: UnsafeMutablePointer<lxw_format>] = [:]
    private(set) var closed = false

    /// A workbook written to `path` when closed.
    init?(path: String) {
        guard let w = workbook_new(path) else { return nil }
        workbook = w
        func add(_ style: Style, _ configure: (UnsafeMutablePointer<lxw_format>) -> Void) {
            guard let f = workbook_add_format(w) else { return }
            configure(f)
            formats[style] = f
        }
        add(.bold) { format_set_bold($0) }
        add(.title) { format_set_bold($0); format_set_font_size($0, 13) }
        add(.money) { format_set_num_format($0, "#,##0") }
        add(.decimal) { format_set_num_format($0, "#,##0.00") }
        add(.percent) { format_set_num_format($0, "0.0%") }
        add(.wrap) { format_set_text_wrap($0); format_set_align($0, UInt8(LXW_ALIGN_VERTICAL_TOP.rawValue)) }
    }

    deinit { if !closed { _ = workbook_close(workbook) } }

    /// A new sheet (Excel allows 31 characters and no `[]:*?/\` in a name).
    func sheet(_ name: String) -> Sheet? {
        let clean = String(name.filter { !"[]:*?/\\".contains($0) }.prefix(31))
        guard let ws = workbook_add_worksheet(workbook, clean) else { return nil }
        return Sheet(worksheet: ws, formats: formats)
    }

    /// A workbook's bytes: `fill` writes its sheets into a temporary file, which is read back and removed
    /// (libxlsxwriter writes to a path only).
    static func bytes(_ fill: (Workbook) -> Void) throws -> [UInt8] {
        let path = FileManager.default.temporaryDirectory
            .appendingPathComponent("procmod-\(ProcessInfo.processInfo.processIdentifier)-\(UUID().uuidString).xlsx").path
        defer { try? FileManager.default.removeItem(atPath: path) }
        guard let book = Workbook(path: path) else { throw SpreadsheetError("cannot create a workbook at \(path)") }
        fill(book)
        if let message = book.close() { throw SpreadsheetError("cannot write the workbook: \(message)") }
        return Array(try Data(contentsOf: URL(fileURLWithPath: path)))
    }

    /// Writes the file; nil on success, else libxlsxwriter's message.
    func close() -> String? {
        closed = true
        let error = workbook_close(workbook)
        return error == LXW_NO_ERROR ? nil : String(cString: lxw_strerror(error))
    }

    struct Sheet {
        let worksheet: UnsafeMutablePointer<lxw_worksheet>
        let formats: [Style: UnsafeMutablePointer<lxw_format>]

        func text(_ row: Int, _ column: Int, _ value: String, _ style: Style = .plain) {
            _ = worksheet_write_string(worksheet, lxw_row_t(row), lxw_col_t(column), value, formats[style])
        }

        func number(_ row: Int, _ column: Int, _ value: Double, _ style: Style = .decimal) {
            guard value.isFinite else { return text(row, column, value.isNaN ? "—" : (value > 0 ? "∞" : "−∞")) }
            _ = worksheet_write_number(worksheet, lxw_row_t(row), lxw_col_t(column), value, formats[style])
        }

        func width(_ column: Int, _ characters: Double, _ style: Style? = nil) {
            _ = worksheet_set_column(worksheet, lxw_col_t(column), lxw_col_t(column), characters, style.flatMap { formats[$0] })
        }

        /// Keeps the first `rows` rows in view when scrolling.
        func freeze(rows: Int) { worksheet_freeze_panes(worksheet, lxw_row_t(rows), 0) }
    }
}
