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
        var bytes = ZIPBytes(reservingCapacity: localSize)
        bytes.append(Self.localSignature)
        bytes.append(versionNeeded)
        bytes.append(Self.utf8Flag)
        bytes.append(method.rawValue)
        bytes.append(date.time)
        bytes.append(date.date)
        bytes.append(crc32)
        bytes.append(compressedSize)
        bytes.append(uncompressedSize)
        bytes.append(UInt16(name.count))
        bytes.append(UInt16(0))  // no extra field: nothing that varies between runs
        bytes.append(contentsOf: name)
        return bytes.bytes
    }

    func appendCentral(to bytes: inout ZIPBytes) {
        bytes.append(Self.centralSignature)
        bytes.append(Self.versionMadeBy)
        bytes.append(versionNeeded)
        bytes.append(Self.utf8Flag)
        bytes.append(method.rawValue)
        bytes.append(date.time)
        bytes.append(date.date)
        bytes.append(crc32)
        bytes.append(compressedSize)
        bytes.append(uncompressedSize)
        bytes.append(UInt16(name.count))
        bytes.append(UInt16(0))  // extra field length
        bytes.append(UInt16(0))  // comment length
        bytes.append(UInt16(0))  // disk number start
        bytes.append(UInt16(0))  // internal attributes
        bytes.append(UInt32(0o100000 | UInt32(unixMode)) << 16)  // regular file + mode
        bytes.append(localHeaderOffset)
        bytes.append(contentsOf: name)
    }

    static func encodedEnd(entryCount: UInt16, directorySize: UInt32, directoryOffset: UInt32) -> [UInt8] {
        var bytes = ZIPBytes(reservingCapacity: endFixedSize)
        bytes.append(endSignature)
        bytes.append(UInt16(0))  // this disk
        bytes.append(UInt16(0))  // disk with the central directory
        bytes.append(entryCount)
        bytes.append(entryCount)
        bytes.append(directorySize)
        bytes.append(directoryOffset)
        bytes.append(UInt16(0))  // comment length
        return bytes.bytes
    }
}

/// Little-endian field access for ZIP records. A wrapper rather than an `Array` extension, so it cannot
/// clash with other formats' helpers in this module.
struct ZIPBytes {
    var bytes: [UInt8] = []

    init(reservingCapacity capacity: Int = 0) {
        bytes.reserveCapacity(capacity)
    }

    mutating func append(_ value: UInt16) {
        bytes.append(UInt8(truncatingIfNeeded: value))
        bytes.append(UInt8(truncatingIfNeeded: value >> 8))
    }

    mutating func append(_ value: UInt32) {
        for shift in stride(from: 0, to: 32, by: 8) { bytes.append(UInt8(truncatingIfNeeded: value >> UInt32(shift))) }
    }

    mutating func append(contentsOf other: [UInt8]) {
        bytes.append(contentsOf: other)
    }

    static func uint16(_ bytes: [UInt8], at offset: Int) -> UInt16 {
        UInt16(bytes[offset]) | UInt16(bytes[offset + 1]) << 8
    }

    static func uint32(_ bytes: [UInt8], at offset: Int) -> UInt32 {
        UInt32(bytes[offset]) | UInt32(bytes[offset + 1]) << 8 | UInt32(bytes[offset + 2]) << 16
            | UInt32(bytes[offset + 3]) << 24
    }
}
