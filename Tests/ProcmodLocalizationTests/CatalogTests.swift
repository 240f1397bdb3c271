import ProcmodLocalization
import ProcmodModel
import Testing

@Suite("The report catalog")
struct CatalogTests {
    private func placeholders(_ template: String) -> Set<String> {
        var names: Set<String> = []
        var rest = Substring(template)
        while let open = rest.firstIndex(of: "{"), let close = rest[open...].firstIndex(of: "}") {
            names.insert(String(rest[rest.index(after: open)..<close]))
            rest = rest[rest.index(after: close)...]
        }
        return names
    }

    @Test("Vietnamese and English hold the same keys, none empty")
    func sameKeys() {
        let en = Set(Catalog.english.keys), vi = Set(Catalog.vietnamese.keys)
        #expect(en.subtracting(vi).sorted() == [], "keys missing in Vietnamese")
        #expect(vi.subtracting(en).sorted() == [], "keys missing in English")
        for (key, text) in Catalog.english where text.isEmpty { Issue.record("empty English text for \(key)") }
        for (key, text) in Catalog.vietnamese where text.isEmpty { Issue.record("empty Vietnamese text for \(key)") }
    }

    @Test("Each key's placeholders are the same in both languages")
    func samePlaceholders() {
        for (key, en) in Catalog.english {
            guard let vi = Catalog.vietnamese[key] else { continue }
            #expect(placeholders(en) == placeholders(vi), "\(key)")
        }
    }

    @Test("Every rule and lever has a title in both languages")
    func rulesAndLevers() {
        let rules = Catalog.english.keys.filter { $0.hasPrefix("rule.") }
        #expect(rules.count == 25)
        for lever in ["channel-share", "online-submission", "share-data", "electronic-copies", "electronic-result",
                      "digital-signature", "electronic-transfer", "online-payment", "postal-delivery", "capacity", "deadline",
                      "duration", "remove", "parallelize", "merge", "fix", "cleanup"] {
            #expect(Catalog.vietnamese["lever." + lever] != nil, "\(lever)")
        }
    }

    @Test("Numbers as each language writes them")
    func numbers() {
        let vi = NumberStyle(.vi), en = NumberStyle(.en)
        #expect(vi.number(1_400_000) == "1.400.000")
        #expect(en.number(1_400_000) == "1,400,000")
        #expect(vi.number(0.74) == "0,74")
        #expect(vi.number(-1234.5) == "-1.234,5")
        #expect(vi.percent(0.293) == "29,3%")
        #expect(en.percent(0.293) == "29.3%")
        #expect(vi.moneyProse(270_201_555_556) == "270 tỷ đồng")
        #expect(vi.moneyProse(66_060_000_000) == "66,1 tỷ đồng")
        #expect(vi.moneyProse(1_101_000) == "1,1 triệu đồng")
        #expect(vi.moneyProse(1_186_842_222_222) == "1.187 tỷ đồng")
        #expect(vi.moneyProse(45_222) == "45.222 đồng")
        #expect(en.moneyProse(66_060_000_000) == "66.1 billion VND")
        let day = LocalDate(year: 2026, month: 3, day: 5)!
        #expect(vi.date(day) == "05/03/2026")
        #expect(en.date(day) == "2026-03-05")
    }

    @Test("A message says ids by the model's names, shares as percentages, reasons from the catalog")
    func messages() {
        var names = NameBook()
        names.documents["id-card"] = LocalizedName(vi: "Căn cước", en: "Identity card")
        let vi = Localizer(.vi, names: names), en = Localizer(.en)
        #expect(vi.render(Message("change.registerPartly", ["document": "id-card", "share": "0.25"]))
                == "chỉ yêu cầu Căn cước khi cơ sở dữ liệu chưa có (25% số hồ sơ)")
        #expect(en.render(Message("change.registerPartly", ["document": "id-card", "share": "0.25"]))
                == "asks for 'id-card' only when the register does not hold it (25% of cases)")
        #expect(vi.render(Message("change.requirement", ["document": "id-card", "reason": "reason.obsolete"]))
                == "Căn cước: bỏ yêu cầu vì giấy tờ không còn giá trị pháp lý")
        #expect(vi.render(Message("change.registerDropped", ["document": "id-card", "register": "population"]))
                == "không còn yêu cầu Căn cước: cơ quan khai thác Cơ sở dữ liệu quốc gia về dân cư")
    }
}

@Suite("Legal citations in Vietnamese")
struct CitationTests {
    @Test func citations() {
        let vi = Localizer(.vi)
        #expect(vi.citation("Decree 61/2018/NĐ-CP Art. 19.6(a)") == "điểm a khoản 6 Điều 19 Nghị định số 61/2018/NĐ-CP")
        #expect(vi.citation("Decree 123/2015/NĐ-CP, Art. 3.3") == "khoản 3 Điều 3 Nghị định số 123/2015/NĐ-CP")
        #expect(vi.citation("Decree 123/2015/NĐ-CP Art. 3.5 (as amended by Decree 07/2025/NĐ-CP)")
                == "khoản 5 Điều 3 Nghị định số 123/2015/NĐ-CP (được sửa đổi bởi Nghị định số 07/2025/NĐ-CP)")
        #expect(vi.citation("Luật Hộ tịch 60/2014/QH13, Art. 16") == "Điều 16 Luật Hộ tịch 60/2014/QH13")
        #expect(vi.citation("Decree 152/2020/NĐ-CP") == "Nghị định số 152/2020/NĐ-CP")
        #expect(vi.citation("Residence Law 68/2020/QH14 Art. 38.3 (household and temporary-residence books, to 31/12/2022)")
                == "khoản 3 Điều 38 Luật Cư trú 68/2020/QH14 (sổ hộ khẩu, sổ tạm trú có giá trị đến hết 31/12/2022)")
        #expect(vi.citation("Joint Circular 05/2015/TTLT-BTP-BCA-BYT Art. 8.1 (chained procedures)")
                == "khoản 1 Điều 8 Thông tư liên tịch số 05/2015/TTLT-BTP-BCA-BYT (liên thông thủ tục)")
        #expect(Localizer(.en).citation("Decree 61/2018/NĐ-CP Art. 19.6(a)") == "Decree 61/2018/NĐ-CP Art. 19.6(a)")
    }
}
