/// Why an output file cannot be written. Every case names the path and says what the user can do.
public enum OutputError: Error, Sendable, CustomStringConvertible {
    /// The output names a file the command reads (same device and inode, links followed).
    case isInput(path: String, input: String)
    /// The output exists and is a directory, a device, a pipe or a socket.
    case notRegularFile(path: String, kind: String)
    /// The output exists and is read-only; `--force` replaces it.
    case readOnly(path: String)
    /// The folder the output would go in does not exist.
    case noDirectory(path: String, directory: String)
    /// Creating, writing or renaming failed (permissions, a full disk).
    case cannotWrite(path: String, reason: String)

    public var description: String {
        switch self {
        case .isInput(let path, let input):
            path == input ? "\(path) is one of the command's input files; procmod never overwrites its input"
                : "\(path) is the input file \(input) under another name; procmod never overwrites its input"
        case .notRegularFile(let path, let kind):
            "\(path) is \(kind), not a regular file; procmod replaces only regular files (write to standard output with -o -)"
        case .readOnly(let path):
            "\(path) is read-only; procmod does not replace it unless you add --force"
        case .noDirectory(let path, let directory):
            "cannot write \(path): the directory \(directory) does not exist"
        case .cannotWrite(let path, let reason):
            "cannot write \(path): \(reason)"
        }
    }

    /// True for a usage error (exit 64) rather than a file that cannot be created (exit 73).
    public var isUsage: Bool {
        if case .isInput = self { return true }
        return false
    }
}
