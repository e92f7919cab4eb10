import Foundation

extension ZIPWriter {
    /// How an archive is written. The defaults give reproducible archives: the same entries in the same
    /// order produce the same bytes, whenever and wherever they are written.
    public struct Options: Sendable {
        /// The timestamp of entries that do not carry their own (default 1980-01-01 00:00:00).
        public var fixedDate: DOSDateTime
        /// Whether ``ZIPWriter/write(_:to:options:)`` sorts entries by name (UTF-8 byte order) instead of
        /// keeping the given order.
        public var sortsEntriesByName: Bool
        /// The zlib compression level, 0–9.
        public var compressionLevel: Int32
        /// The Unix permission bits recorded for every entry.
        public var entryMode: FileMode
        /// The permission bits of the archive file itself.
        public var archiveMode: FileMode

        /// Options for a reproducible archive; every parameter has the reproducible default.
        public init(
            fixedDate: DOSDateTime = .zipEpoch, sortsEntriesByName: Bool = false, compressionLevel: Int32 = 6,
            entryMode: FileMode = .readableByAll, archiveMode: FileMode = .readableByAll
        ) {
            self.fixedDate = fixedDate
            self.sortsEntriesByName = sortsEntriesByName
            self.compressionLevel = compressionLevel
            self.entryMode = entryMode
            self.archiveMode = archiveMode
        }
    }

    /// A file to put in an archive: its name inside the archive and where its bytes come from.
    public struct Entry: Sendable {
        /// Where an entry's bytes come from.
        public enum Source: Sendable {
            case bytes([UInt8])
            /// A file read in chunks, so archives larger than memory can be written.
            case file(URL)
        }

        /// The '/'-separated relative path inside the archive.
        public var name: String
        /// Where the bytes come from.
        public var source: Source
        /// This entry's timestamp; nil uses ``Options/fixedDate``.
        public var date: DOSDateTime?

        /// An entry named `name` (a relative path with '/' separators) with bytes from `source`.
        public init(name: String, source: Source, date: DOSDateTime? = nil) {
            self.name = name
            self.source = source
            self.date = date
        }

        /// An entry holding `bytes`.
        public static func bytes(_ bytes: [UInt8], named name: String, date: DOSDateTime? = nil) -> Entry {
            Entry(name: name, source: .bytes(bytes), date: date)
        }

        /// An entry holding the contents of the file at `url`.
        public static func file(_ url: URL, named name: String, date: DOSDateTime? = nil) -> Entry {
            Entry(name: name, source: .file(url), date: date)
        }
    }

    /// The classic (non-ZIP64) format's ceilings; tests inject smaller ones.
    struct Limits: Sendable {
        /// The largest size or offset a 32-bit field holds; 0xFFFFFFFF itself means "see ZIP64".
        var maxFieldValue: Int64 = 0xFFFF_FFFE
        /// The 16-bit entry count.
        var maxEntryCount: Int = 65_535

        static let classic = Limits()
    }
}
