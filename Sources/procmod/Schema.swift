import ArgumentParser
import ProcmodLoader

extension Procmod {
    /// `procmod schema`: print the DSL's XML Schema for editors and other tools.
    struct Schema: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Print the XML Schema (XSD) of the procedure DSL.",
            discussion: """
                Point your editor's XML support at the output for completion and validation.

                Example:
                  procmod schema > procedure-1.xsd
                """
        )

        func run() throws {
            Terminal.out(ProcedureSchema.text)
        }
    }
}
