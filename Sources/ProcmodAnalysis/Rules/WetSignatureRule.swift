import ProcmodModel

/// An ink signature where the signer could sign digitally.
struct WetSignatureRule: Rule {
    let ruleID = RuleID.wetSignature
    let name = "Wet signature"
    let summary = "A step applies an ink signature where a digital signature has the same legal value."
    let rationale = """
        An e-document signed digitally by the competent person and the agency equals the paper original \
        (Decree 30/2020/NĐ-CP, Art. 5; Circular 41/2017/TT-BTTTT). A digital signature removes the wait for \
        the paper to reach the signer and the signed paper to come back.
        """
    let category = RuleCategory.redundantPaper
    let legalBasis = ["Decree 30/2020/NĐ-CP Art. 5.1"]
    let defaultSeverity = Severity.note
    let examples = [
        RuleExample(triggers: true, element: "sign", flow: """
            <step id="sign" kind="sign" actor="head"><signature kind="wet"/></step>
            """),
        RuleExample(triggers: false, flow: """
            <step id="sign" kind="sign" actor="head"><signature kind="digital"/></step>
            """),
        // The declarer signs the register beside the officer (Civil Status Law Art. 16.2): a citizen's own
        // signature at the desk is not an official's to digitise.
        RuleExample(triggers: false, flow: """
            <step id="register" kind="record" actor="officer" with="applicant"><signature signer="applicant" kind="wet"/></step>
            """),
    ]
    let fix: RuleFix? = .lever(.digitalSignature(signers: [], keepCadence: true))
    let fixExamples = [
        RuleFixExample(before: """
            <step id="sign" kind="sign" actor="head"><signature kind="wet"/></step>
            """, after: """
            <step id="sign" kind="sign" actor="head"><signature kind="digital"/></step>
            """),
    ]

    func check(_ a: ProcedureAnalysis, _ options: RuleOptions) -> [Finding] {
        let loads = Dictionary(uniqueKeysWithValues: a.loads.map { ($0.actor, $0) })
        return a.stepNodes.compactMap { i in
            let step = a.step(i)
            // Officials' signatures only: an applicant's or a third party's own signature is a matter of the
            // channel (print-sign-scan, online submission), never a call to "sign digitally".
            guard let signature = step.signature, signature.kind == .wet,
                  let kind = a.procedure.actors[signature.signer]?.kind, kind != .applicant, kind != .thirdParty else { return nil }
            var saving = Saving()
            saving.elapsedDays = a.flow.visits[i] * (loads[signature.signer]?.cadenceWaitDays ?? 0)
            return finding("wetSignature", ["step": step.id, "actor": signature.signer],
                           element: step.id, at: signature.location, saving: saving)
        }
    }
}
