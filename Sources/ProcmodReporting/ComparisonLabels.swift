public import ProcmodModel

/// Labels of the before/after report in Vietnamese and English.
public enum ComparisonLabels {
    static let table: [String: (vi: String, en: String)] = [
        "steps": ("Số bước", "Steps"),
        Figure.applicantVisits.rawValue: ("Số lần người dân đến cơ quan", "Applicant visits"),
        "agencyHandoffs": ("Số lần chuyển hồ sơ giữa cơ quan", "Hand-offs between agencies"),
        "documentsRequired": ("Số loại giấy tờ yêu cầu", "Documents required"),
        "copies": ("Bản sao giấy", "Paper copies"),
        "certifiedCopies": ("Bản sao chứng thực", "Certified copies"),
        "pages": ("Số trang giấy nộp", "Pages of paper handed in"),
        "paperShare": ("Tỷ lệ giấy tờ bản giấy", "Paper share of requirements"),
        "expectedLeadTimeDays": ("Thời gian dự kiến (ngày làm việc, phân tích)", "Expected lead time (working days, analytic)"),
        Figure.applicantHours.rawValue: ("Số giờ của người dân", "Applicant hours"),
        "applicantCostPerCaseVND": ("Chi phí của người dân mỗi hồ sơ (VND)", "Applicant cost per case (VND)"),
        "agencyCostPerCaseVND": ("Chi phí của cơ quan mỗi hồ sơ (VND)", "Agency cost per case (VND)"),
        "costPerCaseVND": ("Chi phí tuân thủ mỗi hồ sơ (VND, TT 02/2017)", "Compliance cost per case (VND, Circular 02/2017)"),
        "costPerYearVND": ("Chi phí tuân thủ mỗi năm (VND)", "Compliance cost per year (VND)"),
        "agencyCostPerYearVND": ("Chi phí xử lý của cơ quan mỗi năm (VND, không tính vào chi phí tuân thủ)", "Agency cost per year (VND, not compliance cost)"),
        Figure.leadTimeWorkingDays.rawValue: ("Thời gian giải quyết, ngày làm việc (trung bình)", "Lead time, working days (mean)"),
        Figure.leadTimeWorkingDaysP50.rawValue: ("Thời gian giải quyết, ngày làm việc (trung vị)", "Lead time, working days (median)"),
        Figure.leadTimeWorkingDaysP90.rawValue: ("Thời gian giải quyết, ngày làm việc (p90)", "Lead time, working days (p90)"),
        Figure.leadTimeCalendarDays.rawValue: ("Thời gian giải quyết, ngày lịch (trung bình)", "Lead time, calendar days (mean)"),
        Figure.leadTimeCalendarDaysP90.rawValue: ("Thời gian giải quyết, ngày lịch (p90)", "Lead time, calendar days (p90)"),
        Figure.onTimeShare.rawValue: ("Tỷ lệ đúng hạn (gồm trước hạn)", "On-time share (early or on time)"),
        Figure.lateShare.rawValue: ("Tỷ lệ trễ hạn", "Late share"),
        Figure.statutoryWorkingDays.rawValue: ("Thời gian tính theo thời hạn luật định, ngày làm việc", "Time on the statutory clock, working days"),
        "before": ("Trước", "Before"),
        "after": ("Sau", "After"),
        "change": ("Thay đổi", "Change"),
        "difference": ("Chênh lệch (95% CI)", "Difference (95% CI)"),
        "significant": ("Có ý nghĩa", "Significant"),
        "yes": ("có", "yes"),
        "no": ("không", "no"),
        "figure": ("Chỉ tiêu", "Figure"),
        "static": ("Chỉ tiêu tĩnh (mô hình)", "Static figures (from the model)"),
        "simulated": ("Mô phỏng", "Simulated"),
        Figure.utilisation.rawValue: ("Mức sử dụng theo đơn vị", "Utilisation by actor"),
        "waterfall": ("Đóng góp của từng giải pháp", "What each lever contributed"),
        "lever": ("Giải pháp", "Lever"),
        "findings": ("Phát hiện của bộ phân tích", "Analyzer findings"),
        "rule": ("Quy tắc", "Rule"),
        "changes": ("Các thay đổi", "Changes"),
        "procedure": ("Quy trình", "The procedure"),
        "distribution": ("Phân bố thời gian giải quyết (ngày làm việc)", "Lead-time distribution (working days)"),
        "replications": ("lần lặp, hạt giống", "replications, seed"),
        Figure.cases.rawValue: ("hồ sơ mỗi lần", "cases each"),
        "actor": ("Đơn vị", "Actor"),
        "scenario": ("Kịch bản", "Scenario"),
        "warnings": ("Lưu ý khi đọc số liệu mô phỏng", "Read the simulated figures with care"),
        "workingDays": ("ngày làm việc", "working days"),
        "visits": ("lần đến", "visits"),
        "deadline": ("thời hạn", "deadline"),
        "sameDay": ("thời hạn: trong ngày", "deadline: same day"),
        "shareOfCases": ("tỷ lệ hồ sơ", "share of cases"),
        "costPerCase": ("chi phí/hồ sơ", "cost per case"),
        "removed": ("đã bỏ", "removed"),
        // "bổ sung" means supplementing a dossier in civil-status work: an added step is "thêm mới".
        "added": ("thêm mới", "added"),
    ]

    /// The label of `key` in `language` (the key itself when unknown).
    public static func label(_ key: String, _ language: Language) -> String {
        guard let entry = table[key] else { return key }
        return language == .vi ? entry.vi : entry.en
    }
}
