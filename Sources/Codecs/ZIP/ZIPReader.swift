import Foundation

/// Reads a ZIP archive (without ZIP64 or encryption) to list and verify its entries.
///
/// Opening parses the end of central directory record and the central directory; reading an entry checks
/// its local header, inflates with the recorded size as the output limit, and verifies size and CRC-32.
/// Every length read from the file is checked against the file's size before anything is allocated, so
/// a corrupt or hostile archive yields a ``ZIPError``, never an unbounded allocation.
///
/// Not `Sendable`: it owns an open file descriptor.
public final class ZIPReader {
    /// The archive being read.
    public let url: URL
    /// The entries in central directory order.
    public let entries: [ZIPEntry]
    private let file: FileDescriptor
    private let directoryOffset: Int64

    /// Opens `url` and reads its central directory.
    public init(url: URL) throws(ZIPError) {
        self.url = url
        let path = url.path
        do {
            file = try FileDescriptor.reading(path)
        } catch {
            throw ZIPError(error)
        }
        let size: Int64
        do {
            size = try file.size()
        } catch {
            throw ZIPError(error)
        }
        let end = try Self.findEnd(in: file, size: size, path: path)
        directoryOffset = end.directoryOffset
        entries = try Self.readDirectory(in: file, end: end, path: path)
    }

    /// The entry named `name`, if any.
    public func entry(named name: String) -> ZIPEntry? {
        entries.first { $0.name == name }
    }

    /// The uncompressed bytes of the entry named `name`, verified.
    public func contents(named name: String) throws(ZIPError) -> [UInt8] {
        guard let entry = entry(named: name) else { throw .entryNotFound(path: url.path, name: name) }
        return try contents(of: entry)
    }

    /// The uncompressed bytes of `entry`, after checking its local header, size and CRC-32.
    public func contents(of entry: ZIPEntry) throws(ZIPError) -> [UInt8] {
        let path = url.path
        guard entry.flags & 1 == 0 else { throw .unsupported(path: path, entry: entry.name, feature: "encryption") }
        guard entry.method == .stored || entry.method == .deflated else {
            throw .unsupported(path: path, entry: entry.name, feature: "compression \(entry.method)")
        }
        let header = try read(
            count: ZIPHeader.localFixedSize, at: entry.localHeaderOffset, what: "local header of \(entry.name)")
        guard ZIPBytes.uint32(header, at: 0) == ZIPHeader.localSignature else {
            throw .corrupt(path: path, detail: "no local header for \(entry.name) at offset \(entry.localHeaderOffset)")
        }
        let localName = try read(
            count: Int(ZIPBytes.uint16(header, at: 26)),
            at: entry.localHeaderOffset + Int64(ZIPHeader.localFixedSize),
            what: "local name of \(entry.name)")
        guard String(decoding: localName, as: UTF8.self) == entry.name else {
            throw .corrupt(
                path: path,
                detail: "the local header at offset \(entry.localHeaderOffset) names "
                    + "'\(String(decoding: localName, as: UTF8.self))', the central directory '\(entry.name)'")
        }
        let dataStart =
            entry.localHeaderOffset + Int64(ZIPHeader.localFixedSize) + Int64(ZIPBytes.uint16(header, at: 26))
            + Int64(ZIPBytes.uint16(header, at: 28))
        guard dataStart + entry.compressedSize <= directoryOffset else {
            throw .truncated(
                path: path,
                detail: "data of \(entry.name) (\(entry.compressedSize) bytes at offset \(dataStart)) runs into "
                    + "the central directory at \(directoryOffset)")
        }
        let compressed = try read(count: Int(entry.compressedSize), at: dataStart, what: "data of \(entry.name)")
        let bytes: [UInt8]
        if entry.method == .stored {
            bytes = compressed
        } else {
            do {
                // One byte of slack, so an entry that inflates to more than it declares is caught as such.
                // DEFLATE expands at most 1032:1, so a small entry declaring a huge size cannot make us
                // reserve that size up front.
                bytes = try Zlib.decompress(
                    compressed, format: .raw,
                    expectedSize: Int(min(entry.uncompressedSize, Int64(compressed.count) * 1032)),
                    limit: Int(entry.uncompressedSize) + 1)
            } catch .outputLimitExceeded {
                throw .sizeMismatch(
                    path: path, entry: entry.name, expected: entry.uncompressedSize,
                    actual: entry.uncompressedSize + 1)
            } catch .truncated {
                throw .corrupt(path: path, detail: "the deflate data of \(entry.name) ends early")
            } catch {
                throw .corrupt(path: path, detail: "the deflate data of \(entry.name) is invalid (\(error))")
            }
        }
        guard Int64(bytes.count) == entry.uncompressedSize else {
            throw .sizeMismatch(
                path: path, entry: entry.name, expected: entry.uncompressedSize, actual: Int64(bytes.count))
        }
        let crc = Zlib.crc32(bytes)
        guard crc == entry.crc32 else {
            throw .crcMismatch(path: path, entry: entry.name, expected: entry.crc32, actual: crc)
        }
        return bytes
    }

    /// Reads every entry, checking sizes and CRC-32s; throws the first problem found.
    public func verify() throws(ZIPError) {
        for entry in entries { _ = try contents(of: entry) }
    }

    // MARK: - Structure

    struct End {
        var offset: Int64
        var entryCount: Int
        var directorySize: Int64
        var directoryOffset: Int64
    }

    /// Finds the end of central directory record: the last signature whose comment reaches the file's end.
    private static func findEnd(in file: FileDescriptor, size: Int64, path: String) throws(ZIPError) -> End {
        let fixed = Int64(ZIPHeader.endFixedSize)
        guard size >= fixed else { throw .notAnArchive(path: path) }
        let searchStart = max(0, size - fixed - Int64(UInt16.max))
        let tail: [UInt8]
        do {
            tail = try file.read(count: Int(size - searchStart), at: searchStart)
        } catch {
            throw ZIPError(error)
        }
        var index = tail.count - Int(fixed)
        while index >= 0 {
            if tail[index] == 0x50, tail[index + 1] == 0x4B, tail[index + 2] == 0x05, tail[index + 3] == 0x06,
                index + Int(fixed) + Int(ZIPBytes.uint16(tail, at: index + 20)) == tail.count
            {
                let disk = ZIPBytes.uint16(tail, at: index + 4)
                let directoryDisk = ZIPBytes.uint16(tail, at: index + 6)
                let entriesHere = ZIPBytes.uint16(tail, at: index + 8)
                let entryCount = ZIPBytes.uint16(tail, at: index + 10)
                let directorySize = ZIPBytes.uint32(tail, at: index + 12)
                let directoryOffset = ZIPBytes.uint32(tail, at: index + 16)
                if entryCount == 0xFFFF || directorySize == 0xFFFF_FFFF || directoryOffset == 0xFFFF_FFFF {
                    throw .unsupported(path: path, entry: "(archive)", feature: "ZIP64")
                }
                guard disk == 0, directoryDisk == 0, entriesHere == entryCount else {
                    throw .unsupported(path: path, entry: "(archive)", feature: "a multi-disk (split) archive")
                }
                let end = End(
                    offset: searchStart + Int64(index), entryCount: Int(entryCount),
                    directorySize: Int64(directorySize), directoryOffset: Int64(directoryOffset))
                guard end.directoryOffset + end.directorySize <= end.offset else {
                    throw .truncated(
                        path: path,
                        detail: "the central directory (\(directorySize) bytes at offset \(directoryOffset)) "
                            + "does not fit before the end record at \(end.offset)")
                }
                return end
            }
            index -= 1
        }
        throw .notAnArchive(path: path)
    }

    private static func readDirectory(in file: FileDescriptor, end: End, path: String) throws(ZIPError) -> [ZIPEntry] {
        let directory: [UInt8]
        do {
            directory = try file.read(count: Int(end.directorySize), at: end.directoryOffset)
        } catch {
            throw ZIPError(error)
        }
        guard directory.count == end.directorySize else {
            throw .truncated(
                path: path, detail: "the central directory ends at byte \(end.directoryOffset + Int64(directory.count))"
            )
        }
        var entries: [ZIPEntry] = []
        entries.reserveCapacity(end.entryCount)
        var position = 0
        let fixed = ZIPHeader.centralFixedSize
        for number in 0..<end.entryCount {
            guard position + fixed <= directory.count,
                ZIPBytes.uint32(directory, at: position) == ZIPHeader.centralSignature
            else {
                throw .corrupt(
                    path: path,
                    detail: "central directory header \(number + 1) of \(end.entryCount) missing at offset "
                        + "\(end.directoryOffset + Int64(position))")
            }
            let nameLength = Int(ZIPBytes.uint16(directory, at: position + 28))
            let extraLength = Int(ZIPBytes.uint16(directory, at: position + 30))
            let commentLength = Int(ZIPBytes.uint16(directory, at: position + 32))
            let next = position + fixed + nameLength + extraLength + commentLength
            guard next <= directory.count else {
                throw .corrupt(path: path, detail: "central directory header \(number + 1) overruns the directory")
            }
            let nameBytes = directory[(position + fixed)..<(position + fixed + nameLength)]
            let name = String(decoding: nameBytes, as: UTF8.self)
            let compressedSize = ZIPBytes.uint32(directory, at: position + 20)
            let uncompressedSize = ZIPBytes.uint32(directory, at: position + 24)
            let localOffset = ZIPBytes.uint32(directory, at: position + 42)
            if compressedSize == 0xFFFF_FFFF || uncompressedSize == 0xFFFF_FFFF || localOffset == 0xFFFF_FFFF {
                throw .unsupported(path: path, entry: name, feature: "ZIP64")
            }
            guard Int64(localOffset) < end.directoryOffset else {
                throw .corrupt(path: path, detail: "local header offset of \(name) points past the entries")
            }
            entries.append(
                ZIPEntry(
                    name: name,
                    method: ZIPEntry.Method(rawValue: ZIPBytes.uint16(directory, at: position + 10)),
                    crc32: ZIPBytes.uint32(directory, at: position + 16),
                    compressedSize: Int64(compressedSize),
                    uncompressedSize: Int64(uncompressedSize),
                    modificationDate: DOSDateTime(
                        date: ZIPBytes.uint16(directory, at: position + 14),
                        time: ZIPBytes.uint16(directory, at: position + 12)),
                    flags: ZIPBytes.uint16(directory, at: position + 8),
                    versionMadeBy: ZIPBytes.uint16(directory, at: position + 4),
                    externalAttributes: ZIPBytes.uint32(directory, at: position + 38),
                    localHeaderOffset: Int64(localOffset)))
            position = next
        }
        return entries
    }

    private func read(count: Int, at offset: Int64, what: String) throws(ZIPError) -> [UInt8] {
        let bytes: [UInt8]
        do {
            bytes = try file.read(count: count, at: offset)
        } catch {
            throw ZIPError(error)
        }
        guard bytes.count == count else {
            throw .truncated(path: url.path, detail: "\(what) (\(count) bytes at offset \(offset)) is cut off")
        }
        return bytes
    }
}
