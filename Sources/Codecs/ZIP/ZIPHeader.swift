/// The fields shared by an entry's local header and its central directory header (APPNOTE 4.3.7, 4.3.12),
/// and their little-endian encodings.
struct ZIPHeader {
    static let localSignature: UInt32 = 0x0403_4B50
    static let centralSignature: UInt32 = 0x0201_4B50
    static let endSignature: UInt32 = 0x0605_4B50
    static let localFixedSize = 30
    static let centralFixedSize = 46
    static let endFixedSize = 22

    /// Bit 11: file name and comment are UTF-8.
    static let utf8Flag: UInt16 = 1 << 11
    /// Unix host, APPNOTE version 2.0: fixed so archives are reproducible.
    static let versionMadeBy: UInt16 = 3 << 8 | 20

    var name: [UInt8]
    var method: ZIPEntry.Method
    var date: DOSDateTime
    var crc32: UInt32 = 0
    var compressedSize: UInt32 = 0
    var uncompressedSize: UInt32 = 0
    var localHeaderOffset: UInt32 = 0
    var unixMode: UInt16

    /// 2.0 for deflate, 1.0 for stored, as Info-ZIP and Python write.
    var versionNeeded: UInt16 { method == .deflated ? 20 : 10 }

    var localSize: Int { Self.localFixedSize + name.count }

    func encodedLocal() -> [UInt8] {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(localSize)
        bytes.appendLittleEndian(Self.localSignature)
        bytes.appendLittleEndian(versionNeeded)
        bytes.appendLittleEndian(Self.utf8Flag)
        bytes.appendLittleEndian(method.rawValue)
        bytes.appendLittleEndian(date.time)
        bytes.appendLittleEndian(date.date)
        bytes.appendLittleEndian(crc32)
        bytes.appendLittleEndian(compressedSize)
        bytes.appendLittleEndian(uncompressedSize)
        bytes.appendLittleEndian(UInt16(name.count))
        bytes.appendLittleEndian(UInt16(0))  // no extra field: nothing that varies between runs
        bytes.append(contentsOf: name)
        return bytes
    }

    func appendCentral(to bytes: inout [UInt8]) {
        bytes.appendLittleEndian(Self.centralSignature)
        bytes.appendLittleEndian(Self.versionMadeBy)
        bytes.appendLittleEndian(versionNeeded)
        bytes.appendLittleEndian(Self.utf8Flag)
        bytes.appendLittleEndian(method.rawValue)
        bytes.appendLittleEndian(date.time)
        bytes.appendLittleEndian(date.date)
        bytes.appendLittleEndian(crc32)
        bytes.appendLittleEndian(compressedSize)
        bytes.appendLittleEndian(uncompressedSize)
        bytes.appendLittleEndian(UInt16(name.count))
        bytes.appendLittleEndian(UInt16(0))  // extra field length
        bytes.appendLittleEndian(UInt16(0))  // comment length
        bytes.appendLittleEndian(UInt16(0))  // disk number start
        bytes.appendLittleEndian(UInt16(0))  // internal attributes
        bytes.appendLittleEndian(UInt32(0o100000 | UInt32(unixMode)) << 16)  // regular file + mode
        bytes.appendLittleEndian(localHeaderOffset)
        bytes.append(contentsOf: name)
    }

    static func encodedEnd(entryCount: UInt16, directorySize: UInt32, directoryOffset: UInt32) -> [UInt8] {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(endFixedSize)
        bytes.appendLittleEndian(endSignature)
        bytes.appendLittleEndian(UInt16(0))  // this disk
        bytes.appendLittleEndian(UInt16(0))  // disk with the central directory
        bytes.appendLittleEndian(entryCount)
        bytes.appendLittleEndian(entryCount)
        bytes.appendLittleEndian(directorySize)
        bytes.appendLittleEndian(directoryOffset)
        bytes.appendLittleEndian(UInt16(0))  // comment length
        return bytes
    }
}

extension [UInt8] {
    mutating func appendLittleEndian(_ value: UInt16) {
        append(UInt8(truncatingIfNeeded: value))
        append(UInt8(truncatingIfNeeded: value >> 8))
    }

    mutating func appendLittleEndian(_ value: UInt32) {
        for shift in stride(from: 0, to: 32, by: 8) { append(UInt8(truncatingIfNeeded: value >> UInt32(shift))) }
    }

    func littleEndianUInt16(at offset: Int) -> UInt16 {
        UInt16(self[offset]) | UInt16(self[offset + 1]) << 8
    }

    func littleEndianUInt32(at offset: Int) -> UInt32 {
        UInt32(self[offset]) | UInt32(self[offset + 1]) << 8 | UInt32(self[offset + 2]) << 16
            | UInt32(self[offset + 3]) << 24
    }
}
