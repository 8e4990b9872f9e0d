import Foundation

/// What a directory holds for the loader: its loadable files, and what it passed over and
/// why, in path order. Only regular files (or symbolic links to them) are ever returned to be
/// opened; a named pipe, socket or device under a loadable name is reported and left alone.
///
/// Hidden files and folders are skipped, as `rg` and `git` do, and so are the files of the
/// folders `speechq export --format jsonl` writes (they hold `speechq_meta.jsonl`): their
/// rows are tables, not documents. Symbolic links to folders are not followed, so a walk
/// cannot go round in circles; it stops `maximumDepth` folders down, and says so.
struct DirectoryWalk {
    enum Entry {
        case file(String)
        case failure(LoadFailure)
        case skipped(SkippedInput)

        var path: String {
            switch self {
            case .file(let path): return path
            case .failure(let failure): return failure.source
            case .skipped(let skipped): return skipped.path
            }
        }
    }

    let maximumDepth: Int

    /// The name of a directory entry as bytes, read where it lies. Not through
    /// `entry.pointee`, which copies a whole `dirent` (280 bytes): the kernel packs entries
    /// by their own length, so the last ones of readdir's buffer are shorter, and the copy
    /// read past the buffer's end (AddressSanitizer: heap-buffer-overflow in a folder of
    /// 400 files).
    static func name(of entry: UnsafeMutablePointer<dirent>) -> [UInt8] {
        let offset = MemoryLayout<dirent>.offset(of: \dirent.d_name)!
        let name = (UnsafeRawPointer(entry) + offset).assumingMemoryBound(to: CChar.self)
        return Array(UnsafeRawBufferPointer(start: name, count: strlen(name)))
    }

    /// The entries below `root`, sorted by path so that loading order is stable.
    func entries(below root: String) -> [Entry] {
        var entries: [Entry] = []
        var exportFolders = Set<String>()
        // Folders still to read, with how far below `root` each is; a stack, not recursion.
        var pending: [(path: String, depth: Int)] = [(root, 0)]
        while let (directory, depth) = pending.popLast() {
            guard let stream = opendir(directory) else {
                entries.append(.failure(.unreadableDirectory(directory, reason: FileReading.systemReason())))
                continue
            }
            defer { closedir(stream) }
            while let entry = readdir(stream) {
                let rawName = Self.name(of: entry)
                let name = String(decoding: rawName, as: UTF8.self)
                if name.hasPrefix(".") { continue }
                let path = (directory as NSString).appendingPathComponent(name)
                // A name in GBK (files from old office machines) cannot be held in a path
                // String: opening the decoded name would fail as "no such file". Say why.
                guard String(validating: rawName, as: UTF8.self) != nil else {
                    var info = stat()
                    let isDirectory = fstatat(dirfd(stream), rawName.map { CChar(bitPattern: $0) } + [0], &info, AT_SYMLINK_NOFOLLOW) == 0
                        && info.st_mode & S_IFMT == S_IFDIR
                    if isDirectory || DocumentLoader.directoryExtensions.contains((name as NSString).pathExtension.lowercased()) {
                        entries.append(.failure(.nameNotUTF8(path)))
                    }
                    continue
                }
                if name == "speechq_meta.jsonl" {
                    exportFolders.insert((path as NSString).deletingLastPathComponent)
                    continue
                }
                let loadable = DocumentLoader.directoryExtensions.contains((name as NSString).pathExtension.lowercased())
                var info = stat()
                guard lstat(path, &info) == 0 else {
                    // Gone since the folder was listed.
                    if loadable { entries.append(.failure(LoadFailure(source: path, reason: FileReading.systemReason()))) }
                    continue
                }
                switch info.st_mode & S_IFMT {
                case S_IFDIR:
                    if depth < maximumDepth {
                        pending.append((path, depth + 1))
                    } else {
                        entries.append(.failure(.tooDeep(path, limit: maximumDepth)))
                    }
                case S_IFREG:
                    if loadable { entries.append(.file(path)) }
                case S_IFLNK:
                    guard loadable else { continue }
                    var target = stat()
                    guard stat(path, &target) == 0 else {
                        entries.append(.failure(.brokenLink(path, reason: FileReading.systemReason())))
                        continue
                    }
                    switch target.st_mode & S_IFMT {
                    case S_IFREG: entries.append(.file(path))
                    case S_IFDIR: continue
                    default: entries.append(.skipped(SkippedInput(path: path, reason: .notRegularFile(.init(mode: target.st_mode), throughLink: true))))
                    }
                default:
                    if loadable { entries.append(.skipped(SkippedInput(path: path, reason: .notRegularFile(.init(mode: info.st_mode), throughLink: false)))) }
                }
            }
        }
        return entries.filter { entry in
            guard case .file(let path) = entry else { return true }
            return !exportFolders.contains((path as NSString).deletingLastPathComponent)
        }.sorted { $0.path < $1.path }
    }
}
