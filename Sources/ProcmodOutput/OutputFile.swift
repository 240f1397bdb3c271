#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A file written the safe way: into a fresh temporary file beside the target (created with
/// `mkstemp`, so a stale or planted name is never reused), then put in place with one `rename(2)`.
/// Readers see the old file or the new one, never half of one; an interrupted run leaves no temporary
/// file behind (see ``Interrupts``); the target keeps its permissions.
///
/// Before anything is created the target is checked (``OutputFile/check(_:inputs:force:)``): it must not
/// be one of the command's inputs, and if it exists it must be a regular, writable file.
public final class OutputFile {
    /// The path the user named.
    public let path: String
    /// The file that will be replaced: `path`, or the file a link at `path` names.
    private let destination: String
    private let temporary: String
    private var fd: Int32
    private let mode: mode_t
    private var done = false

    /// Checks `path` against `inputs` and creates the temporary file.
    public init(path: String, inputs: [String], force: Bool = false) throws(OutputError) {
        let existing = try Self.check(path, inputs: inputs, force: force)
        self.path = path
        destination = Self.resolved(path)
        let directory = Self.directory(of: destination)
        // The target's name, shortened so the temporary name stays within NAME_MAX (255 bytes).
        let name = String(decoding: (destination.split(separator: "/").last.map(String.init) ?? destination).utf8.prefix(200),
                          as: UTF8.self)
        var template = Array("\(directory)/.\(name).XXXXXX".utf8CString)
        // The temporary file is created and registered for removal with the interrupting signals held
        // back, so a signal between the two cannot leave it behind.
        // Afterwards they are unblocked, as `Interrupts.install` does (a parent may have started us with
        // them blocked, and then an interrupt would never arrive).
        // The handlers are installed first, so that a signal taken by another thread finds them.
        Interrupts.install()
        var blocked = sigset_t()
        sigemptyset(&blocked)
        for signal in Interrupts.signals { sigaddset(&blocked, signal) }
        pthread_sigmask(SIG_BLOCK, &blocked, nil)
        defer { pthread_sigmask(SIG_UNBLOCK, &blocked, nil) }
        let fd = template.withUnsafeMutableBufferPointer { buffer in buffer.baseAddress.map { mkstemp($0) } ?? -1 }
        guard fd >= 0 else {
            throw OutputError.cannotWrite(path: path, reason: "the directory \(directory) is not writable, or the disk is full")
        }
        self.fd = fd
        temporary = String(decoding: template.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
        mode = existing.map { $0.st_mode & 0o7777 } ?? Self.defaultMode()
        Interrupts.register(temporary)
    }

    deinit { abandon() }

    /// Appends `bytes` to the file.
    public func write(_ bytes: some Collection<UInt8>) throws(OutputError) {
        let data = Array(bytes)
        var offset = 0
        while offset < data.count {
            let n = data.withUnsafeBytes { raw in raw.baseAddress.map { Glibc.write(fd, $0 + offset, data.count - offset) } ?? -1 }
            if n < 0 && errno == EINTR { continue }
            guard n > 0 else {
                let reason = errno == ENOSPC ? "the disk is full" : "a write failed (errno \(errno))"
                abandon()
                throw OutputError.cannotWrite(path: path, reason: reason)
            }
            offset += n
        }
    }

    /// Appends `text` as UTF-8.
    public func write(_ text: String) throws(OutputError) { try write(text.utf8) }

    /// Flushes the file to disk and renames it into place.
    public func commit() throws(OutputError) {
        guard !done else { return }
        done = true
        defer { Interrupts.unregister(temporary) }
        _ = fchmod(fd, mode)
        let synced = fsync(fd) == 0
        close(fd)
        guard synced, rename(temporary, destination) == 0 else {
            unlink(temporary)
            throw OutputError.cannotWrite(path: path, reason: "the file could not be put in place (errno \(errno))")
        }
    }

    /// Removes the temporary file; the target is left as it was.
    public func abandon() {
        guard !done else { return }
        done = true
        close(fd)
        unlink(temporary)
        Interrupts.unregister(temporary)
    }

    /// Writes `text` to `path` in one go: check, temporary file, rename.
    public static func write(_ text: String, to path: String, inputs: [String], force: Bool = false) throws(OutputError) {
        let file = try OutputFile(path: path, inputs: inputs, force: force)
        try file.write(text)
        try file.commit()
    }

    /// Refuses an output that names an input (by device and inode, links followed), one that exists and
    /// is not a regular file, one that is read-only (unless `force`), and one whose folder does not
    /// exist. Returns the existing file's status, if there is one.
    @discardableResult
    public static func check(_ path: String, inputs: [String], force: Bool = false) throws(OutputError) -> stat? {
        guard !path.isEmpty else { throw OutputError.cannotWrite(path: path, reason: "the output path is empty") }
        var target = stat()
        let exists = stat(path, &target) == 0
        if exists {
            for input in inputs {
                var other = stat()
                if stat(input, &other) == 0, other.st_dev == target.st_dev, other.st_ino == target.st_ino {
                    throw OutputError.isInput(path: path, input: input)
                }
            }
            switch target.st_mode & S_IFMT {
            case S_IFREG: break
            case S_IFDIR: throw OutputError.notRegularFile(path: path, kind: "a directory")
            case S_IFCHR, S_IFBLK: throw OutputError.notRegularFile(path: path, kind: "a device")
            case S_IFIFO: throw OutputError.notRegularFile(path: path, kind: "a pipe")
            case S_IFSOCK: throw OutputError.notRegularFile(path: path, kind: "a socket")
            default: throw OutputError.notRegularFile(path: path, kind: "not a regular file")
            }
            if target.st_mode & 0o222 == 0 && !force { throw OutputError.readOnly(path: path) }
        } else {
            var link = stat()
            if lstat(path, &link) == 0 {
                // A dangling link: writing would replace the link, not create what it points to.
                throw OutputError.notRegularFile(path: path, kind: "a link to nothing")
            }
        }
        let directory = directory(of: resolved(path))
        var folder = stat()
        guard stat(directory, &folder) == 0, folder.st_mode & S_IFMT == S_IFDIR else {
            throw OutputError.noDirectory(path: path, directory: directory)
        }
        return exists ? target : nil
    }

    /// The file a link at `path` names (the path itself when it is no link or does not exist yet), so
    /// that the rename replaces the file the user meant rather than the link.
    private static func resolved(_ path: String) -> String {
        var buffer = [CChar](repeating: 0, count: Int(PATH_MAX) + 1)
        return realpath(path, &buffer).map { String(cString: $0) } ?? path
    }

    private static func directory(of path: String) -> String {
        guard let slash = path.lastIndex(of: "/") else { return "." }
        return slash == path.startIndex ? "/" : String(path[..<slash])
    }

    private static func defaultMode() -> mode_t {
        let mask = umask(0)
        umask(mask)
        return 0o666 & ~mask
    }
}
