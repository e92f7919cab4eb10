extension ParquetReader {
    /// Reads and decodes one column chunk.
    func readColumnChunk(rowGroup: Int, column: Int) throws(ParquetError) -> ParquetColumnData {
        let schemaColumn = metadata.schema.columns[column]
        let chunk = metadata.rowGroups[rowGroup].columns[column]
        let start = Int(chunk.dictionaryPageOffset ?? chunk.dataPageOffset)
        var context = ChunkContext(
            compression: chunk.compression, numValues: Int(chunk.numValues), isOptional: schemaColumn.isOptional,
            maxPageSize: options.maxPageSize)
        func wrap(_ failure: PageFailure) -> ParquetError {
            if failure.isUnsupported {
                return .unsupported(
                    path: path,
                    feature: "\(failure.reason) (row group \(rowGroup), column '\(schemaColumn.name)', "
                        + "byte \(start + failure.offset))")
            }
            return .corruptColumnChunk(
                path: path, rowGroup: rowGroup, column: schemaColumn.name, offset: start + failure.offset,
                reason: failure.reason)
        }
        func unsupported(_ feature: String) -> ParquetError {
            .unsupported(path: path, feature: "\(feature) (row group \(rowGroup), column '\(schemaColumn.name)')")
        }
        switch chunk.compression {
        case .uncompressed, .snappy, .gzip: break
        default: throw unsupported("\(chunk.compression) compression")
        }
        do {
            return try withBytes(at: start, count: Int(chunk.totalCompressedSize)) { bytes in
                try decode(bytes, column: schemaColumn, context: &context)
            }
        } catch let failure as PageFailure {
            throw wrap(failure)
        } catch let error as ParquetError {
            throw error
        } catch {
            throw wrap(PageFailure(reason: "\(error)"))
        }
    }

    private func decode(
        _ bytes: UnsafeRawBufferPointer, column schemaColumn: ParquetColumn, context: inout ChunkContext
    ) throws -> ParquetColumnData {
        switch (schemaColumn.physicalType, schemaColumn.logicalType) {
        case (.int32, _):
            let (values, validity) = try context.decode(bytes, as: Int32.self)
            return .int32(values, validity: validity)
        case (.int64, _):
            let (values, validity) = try context.decode(bytes, as: Int64.self)
            return .int64(values, validity: validity)
        case (.double, _):
            let (values, validity) = try context.decode(bytes, as: Double.self)
            return .double(values, validity: validity)
        case (.boolean, _):
            let (values, validity) = try context.decode(bytes, as: Bool.self)
            return .boolean(values, validity: validity)
        case (.byteArray, .string?):
            let (values, validity) = try context.decode(bytes, as: String.self)
            return .string(values, validity: validity)
        case (.byteArray, _):
            let (values, validity) = try context.decode(bytes, as: [UInt8].self)
            return .bytes(values, validity: validity)
        case (let type, _):
            throw PageFailure(reason: "the physical type \(type)", isUnsupported: true)
        }
    }
}

/// Decodes the pages of one column chunk into one value per row.
struct ChunkContext {
    let compression: ParquetCompression
    let numValues: Int
    let isOptional: Bool
    let maxPageSize: Int
    /// Scratch space for definition levels, reused across pages.
    private var levelScratch: [UInt32] = []
    /// Scratch space for dictionary indices and RLE booleans, reused across pages.
    private var scratch: [UInt32] = []

    init(compression: ParquetCompression, numValues: Int, isOptional: Bool, maxPageSize: Int) {
        self.compression = compression
        self.numValues = numValues
        self.isOptional = isOptional
        self.maxPageSize = maxPageSize
    }

    mutating func decode<T: PlainDecodable>(_ chunk: UnsafeRawBufferPointer, as: T.Type) throws -> ([T], [Bool]?) {
        var validity: [Bool]? = isOptional ? [] : nil
        validity?.reserveCapacity(numValues)
        var failure: (any Error)?
        // Pages initialise the output in row order; `produced` counts the initialised prefix, so an
        // error part-way leaves a consistent (then discarded) array.
        let values = [T](unsafeUninitializedCapacity: numValues) { output, produced in
            do {
                try decodePages(chunk, into: output, produced: &produced, validity: &validity)
            } catch {
                failure = error
            }
        }
        if let failure { throw failure }
        // All rows present: report no validity, as for a required column.
        if let flags = validity, !flags.contains(false) { validity = nil }
        return (values, validity)
    }

    private mutating func decodePages<T: PlainDecodable>(
        _ chunk: UnsafeRawBufferPointer, into output: UnsafeMutableBufferPointer<T>, produced: inout Int,
        validity: inout [Bool]?
    ) throws {
        var dictionary: [T]?
        var position = 0
        while produced < numValues {
            let pageStart = position
            let (header, page) = try nextPage(chunk, at: &position, produced: produced)
            do {
                switch header.kind {
                case .dictionaryPage?:
                    dictionary = try decodeDictionary(page, header: header, as: T.self)
                case .dataPage?:
                    if try decodeInPlace(page, header: header, output: output, produced: &produced) { continue }
                    let body = try decompress(page, uncompressedSize: Int(header.uncompressedSize))
                    try body.withUnsafeBytes { body in
                        try decodeDataPage(
                            body, levels: nil, header: header, dictionary: dictionary, output: output,
                            produced: &produced, validity: &validity)
                    }
                case .dataPageV2?:
                    try decodeDataPageV2(
                        page, header: header, dictionary: dictionary, output: output, produced: &produced,
                        validity: &validity)
                case .indexPage?, nil:
                    continue
                }
            } catch var failure as PageFailure {
                failure.offset = pageStart
                throw failure
            }
        }
    }

    /// Reads the page header at `position` and returns it with the page's stored bytes, checked to lie
    /// within the chunk and against its checksum; advances `position` past the page.
    private func nextPage(
        _ chunk: UnsafeRawBufferPointer, at position: inout Int, produced: Int
    ) throws -> (PageHeader, UnsafeRawBufferPointer) {
        let pageStart = position
        guard position < chunk.count else {
            throw PageFailure(
                reason: "the column chunk ends after \(produced) of \(numValues) values", offset: position)
        }
        var reader = ThriftCompactReader(chunk, from: position)
        let header: PageHeader
        do {
            header = try PageHeader.decode(from: &reader)
        } catch {
            throw PageFailure(reason: "unreadable page header (\(error))", offset: pageStart)
        }
        position = reader.position
        let size = Int(header.compressedSize)
        guard size >= 0, size <= chunk.count - position else {
            throw PageFailure(reason: "a page of \(size) bytes runs past the column chunk end", offset: pageStart)
        }
        guard header.uncompressedSize >= 0, Int(header.uncompressedSize) <= maxPageSize else {
            throw PageFailure(
                reason: "a page declares \(header.uncompressedSize) uncompressed bytes, over \(maxPageSize)",
                offset: pageStart)
        }
        let page = UnsafeRawBufferPointer(rebasing: chunk[position..<position + size])
        position += size
        if let crc = header.crc, UInt32(bitPattern: crc) != Zlib.crc32(page) {
            throw PageFailure(reason: "page checksum mismatch (the page bytes were damaged)", offset: pageStart)
        }
        return (header, page)
    }

    /// The fast path for required fixed-width PLAIN pages: decompress (or copy) straight into the
    /// output, whose memory layout is the PLAIN encoding. Returns false when the page needs the
    /// general path.
    private func decodeInPlace<T: PlainDecodable>(
        _ page: UnsafeRawBufferPointer, header: PageHeader, output: UnsafeMutableBufferPointer<T>, produced: inout Int
    ) throws -> Bool {
        guard !isOptional, let width = T.memoryPlainWidth, header.encoding == ParquetEncoding.plain.rawValue,
            compression == .snappy || compression == .uncompressed
        else { return false }
        let rows = Int(header.numValues)
        guard rows >= 0, rows <= numValues - produced, Int(header.uncompressedSize) == rows * width else {
            return false
        }
        let target = UnsafeMutableRawBufferPointer(start: output.baseAddress! + produced, count: rows * width)
        if compression == .snappy {
            do {
                try Snappy.decompress(page, into: target)
            } catch {
                throw PageFailure(reason: error.description)
            }
        } else {
            guard page.count == target.count else {
                throw PageFailure(reason: "uncompressed page of \(page.count) bytes declares \(target.count)")
            }
            target.copyMemory(from: page)
        }
        produced += rows
        return true
    }

    private func decompress(_ page: UnsafeRawBufferPointer, uncompressedSize: Int) throws -> [UInt8] {
        switch compression {
        case .uncompressed:
            guard page.count == uncompressedSize else {
                throw PageFailure(reason: "uncompressed page of \(page.count) bytes declares \(uncompressedSize)")
            }
            return Array(page)
        case .snappy:
            do {
                return try Snappy.decompress(page, expectedLength: uncompressedSize, limit: maxPageSize)
            } catch {
                throw PageFailure(reason: error.description)
            }
        case .gzip:
            let output: [UInt8]
            do {
                output = try Zlib.decompress(
                    page, format: .zlibOrGzip, expectedSize: uncompressedSize, limit: max(uncompressedSize, 1))
            } catch {
                throw PageFailure(reason: error.description)
            }
            guard output.count == uncompressedSize else {
                throw PageFailure(
                    reason: "gzip page inflates to \(output.count) bytes, not the declared \(uncompressedSize)")
            }
            return output
        default:
            throw PageFailure(reason: "unsupported codec \(compression)")
        }
    }

    private func decodeDictionary<T: PlainDecodable>(
        _ page: UnsafeRawBufferPointer, header: PageHeader, as: T.Type
    ) throws -> [T] {
        guard
            header.encoding == ParquetEncoding.plain.rawValue
                || header.encoding == ParquetEncoding.plainDictionary.rawValue
        else { throw PageFailure(reason: "dictionary page encoding \(header.encoding) is not PLAIN") }
        let body = try decompress(page, uncompressedSize: Int(header.uncompressedSize))
        let count = Int(header.numValues)
        // Every dictionary entry takes at least one byte (booleans are never dictionary-encoded).
        guard count >= 0, count <= body.count else {
            throw PageFailure(reason: "dictionary declares \(count) entries in \(body.count) bytes")
        }
        var failure: (any Error)?
        let values = body.withUnsafeBytes { bytes in
            [T](unsafeUninitializedCapacity: count) { output, initialized in
                guard let base = output.baseAddress else { return }
                do {
                    _ = try T.decodePlain(bytes, count: count, into: base)
                    initialized = count
                } catch {
                    failure = error
                }
            }
        }
        if let failure { throw failure }
        return values
    }

    /// Decodes `count` definition levels (bit width 1) into `scratch`; returns how many are 1.
    private mutating func decodeLevels(_ input: UnsafeRawBufferPointer, count: Int) throws -> Int {
        if levelScratch.count < count { levelScratch = [UInt32](repeating: 0, count: count) }
        let consumed: Int
        do {
            consumed = try levelScratch.withUnsafeMutableBufferPointer { buffer throws(RLEHybrid.Failure) in
                try RLEHybrid.decode(input, bitWidth: 1, count: count, into: buffer.baseAddress!)
            }
        } catch {
            throw PageFailure(reason: "definition levels: \(error.reason)")
        }
        _ = consumed
        var present = 0
        for index in 0..<count {
            let level = levelScratch[index]
            guard level <= 1 else { throw PageFailure(reason: "definition level \(level) above the maximum 1") }
            present += Int(level)
        }
        return present
    }

    private mutating func decodeDataPage<T: PlainDecodable>(
        _ body: UnsafeRawBufferPointer, levels: UnsafeRawBufferPointer?, header: PageHeader, dictionary: [T]?,
        output: UnsafeMutableBufferPointer<T>, produced: inout Int, validity: inout [Bool]?
    ) throws {
        let rows = Int(header.numValues)
        guard rows >= 0, rows <= numValues - produced else {
            throw PageFailure(reason: "page declares \(rows) values but only \(numValues - produced) remain")
        }
        var values = body
        var present = rows
        if isOptional {
            let levelBytes: UnsafeRawBufferPointer
            if let levels {
                levelBytes = levels
            } else {
                guard header.definitionLevelEncoding == ParquetEncoding.rle.rawValue else {
                    throw PageFailure(reason: "definition level encoding \(header.definitionLevelEncoding) is not RLE")
                }
                guard body.count >= 4 else { throw PageFailure(reason: "page too short for its definition levels") }
                let length = Int(body.loadUnaligned(as: UInt32.self).littleEndian)
                guard length <= body.count - 4 else {
                    throw PageFailure(reason: "definition levels of \(length) bytes run past the page end")
                }
                levelBytes = UnsafeRawBufferPointer(rebasing: body[4..<4 + length])
                values = UnsafeRawBufferPointer(rebasing: body[(4 + length)...])
            }
            present = try decodeLevels(levelBytes, count: rows)
            for index in 0..<rows { validity?.append(levelScratch[index] != 0) }
        }
        let target = output.baseAddress! + produced
        if present == rows {
            try decodeValues(values, count: rows, encoding: header.encoding, dictionary: dictionary, into: target)
        } else {
            // Decode the present values, then spread them over the rows with placeholders for nulls.
            var failure: (any Error)?
            let packed = [T](unsafeUninitializedCapacity: present) { buffer, initialized in
                do {
                    if present > 0 {
                        try decodeValues(
                            values, count: present, encoding: header.encoding, dictionary: dictionary,
                            into: buffer.baseAddress!)
                    }
                    initialized = present
                } catch {
                    failure = error
                }
            }
            if let failure { throw failure }
            var next = 0
            for index in 0..<rows {
                if levelScratch[index] != 0 {
                    (target + index).initialize(to: packed[next])
                    next += 1
                } else {
                    (target + index).initialize(to: T.placeholder)
                }
            }
        }
        produced += rows
    }

    private mutating func decodeDataPageV2<T: PlainDecodable>(
        _ page: UnsafeRawBufferPointer, header: PageHeader, dictionary: [T]?,
        output: UnsafeMutableBufferPointer<T>, produced: inout Int, validity: inout [Bool]?
    ) throws {
        let repetitionLength = Int(header.repetitionLevelsByteLength)
        let definitionLength = Int(header.definitionLevelsByteLength)
        guard repetitionLength >= 0, definitionLength >= 0, repetitionLength + definitionLength <= page.count,
            repetitionLength + definitionLength <= Int(header.uncompressedSize)
        else { throw PageFailure(reason: "level lengths exceed the page") }
        let levelsEnd = repetitionLength + definitionLength
        let levels = UnsafeRawBufferPointer(rebasing: page[repetitionLength..<levelsEnd])
        let compressedValues = UnsafeRawBufferPointer(rebasing: page[levelsEnd...])
        let valuesSize = Int(header.uncompressedSize) - levelsEnd
        let body: [UInt8]
        if header.isCompressed && compression != .uncompressed {
            body = try decompress(compressedValues, uncompressedSize: valuesSize)
        } else {
            guard compressedValues.count == valuesSize else {
                throw PageFailure(
                    reason: "uncompressed values of \(compressedValues.count) bytes declare \(valuesSize)")
            }
            body = Array(compressedValues)
        }
        try body.withUnsafeBytes { body in
            try decodeDataPage(
                body, levels: isOptional ? levels : nil, header: header, dictionary: dictionary, output: output,
                produced: &produced, validity: &validity)
        }
    }

    private mutating func decodeValues<T: PlainDecodable>(
        _ input: UnsafeRawBufferPointer, count: Int, encoding: Int32, dictionary: [T]?,
        into output: UnsafeMutablePointer<T>
    ) throws {
        switch ParquetEncoding(rawValue: encoding) {
        case .plain?:
            _ = try T.decodePlain(input, count: count, into: output)
        case .rleDictionary?, .plainDictionary?:
            guard let dictionary else { throw PageFailure(reason: "dictionary-encoded page without a dictionary page") }
            guard input.count >= 1 else { throw PageFailure(reason: "dictionary indices lack their bit width") }
            let bitWidth = Int(input[0])
            if scratch.count < count { scratch = [UInt32](repeating: 0, count: count) }
            do {
                _ = try scratch.withUnsafeMutableBufferPointer { buffer throws(RLEHybrid.Failure) in
                    try RLEHybrid.decode(
                        UnsafeRawBufferPointer(rebasing: input[1...]), bitWidth: bitWidth, count: count,
                        into: buffer.baseAddress!)
                }
            } catch {
                throw PageFailure(reason: "dictionary indices: \(error.reason)")
            }
            let entries = dictionary.count
            try dictionary.withUnsafeBufferPointer { entriesBuffer in
                for index in 0..<count {
                    let entry = Int(scratch[index])
                    guard entry < entries else {
                        throw PageFailure(reason: "dictionary index \(entry) beyond the \(entries) entries")
                    }
                    (output + index).initialize(to: entriesBuffer[entry])
                }
            }
        case .rle? where T.self == Bool.self:
            guard input.count >= 4 else { throw PageFailure(reason: "RLE booleans lack their length prefix") }
            let length = Int(input.loadUnaligned(as: UInt32.self).littleEndian)
            guard length <= input.count - 4 else { throw PageFailure(reason: "RLE booleans run past the page end") }
            if scratch.count < count { scratch = [UInt32](repeating: 0, count: count) }
            do {
                _ = try scratch.withUnsafeMutableBufferPointer { buffer throws(RLEHybrid.Failure) in
                    try RLEHybrid.decode(
                        UnsafeRawBufferPointer(rebasing: input[4..<4 + length]), bitWidth: 1, count: count,
                        into: buffer.baseAddress!)
                }
            } catch {
                throw PageFailure(reason: "RLE booleans: \(error.reason)")
            }
            let booleans = UnsafeMutableRawPointer(output).assumingMemoryBound(to: Bool.self)
            for index in 0..<count { (booleans + index).initialize(to: scratch[index] != 0) }
        default:
            let name = ParquetEncoding(rawValue: encoding)?.description ?? "\(encoding)"
            throw PageFailure(reason: "the \(name) value encoding", isUnsupported: true)
        }
    }
}
