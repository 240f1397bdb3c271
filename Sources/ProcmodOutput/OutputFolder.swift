#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A folder outputs are written into (`procmod init`'s project, `report --format svg`'s charts).
public enum OutputFolder {
    /// Creates the folder and any missing folders above it, as `mkdir -p` does; a folder that already
    /// exists is fine. Fails with the system's reason when a part exists and is not a folder, or when
    /// a folder cannot be created (permissions, a read-only disk).
    public static func create(_ path: String) throws(OutputError) {
        var prefix = path.hasPrefix("/") ? "/" : ""
        for part in path.split(separator: "/") {
            prefix += (prefix.isEmpty || prefix.hasSuffix("/") ? "" : "/") + part
            if mkdir(prefix, 0o777) == 0 || errno == EEXIST && isFolder(prefix) { continue }
            let reason = errno == EEXIST ? "\(prefix) exists and is not a folder" : String(cString: strerror(errno))
            throw OutputError.cannotWrite(path: path, reason: reason)
        }
    }

    private static func isFolder(_ path: String) -> Bool {
        var info = stat()
        return stat(path, &info) == 0 && info.st_mode & S_IFMT == S_IFDIR
    }
}
