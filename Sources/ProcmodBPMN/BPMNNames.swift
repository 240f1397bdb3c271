/// The namespaces of a BPMN 2.0 document and of procmod's extension.
public enum BPMNNamespace {
    public static let model = "http://www.omg.org/spec/BPMN/20100524/MODEL"
    public static let di = "http://www.omg.org/spec/BPMN/20100524/DI"
    public static let dc = "http://www.omg.org/spec/DD/20100524/DC"
    public static let ddi = "http://www.omg.org/spec/DD/20100524/DI"
    public static let xsi = "http://www.w3.org/2001/XMLSchema-instance"
    /// procmod's extension: the whole model in the process's `extensionElements`, and each branch's
    /// probability, loop and cap on its sequence flow.
    public static let procmod = "https://procmod.org/ns/bpmn/1"
}

/// An id as an XML NCName: letters, digits, `.`, `-`, `_`, not starting with a digit, `.` or `-`.
func ncName(_ id: String) -> String {
    var out = String(id.map { ch -> Character in
        ch.isASCII && (ch.isLetter || ch.isNumber || ch == "." || ch == "-" || ch == "_") ? ch : "_"
    })
    if let first = out.first, !(first.isLetter || first == "_") { out = "_" + out }
    return out.isEmpty ? "_" : out
}
