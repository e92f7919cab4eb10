/// Encodes one column chunk: an optional dictionary page, then data pages v1.
enum ChunkWriter {
    static func write<T: PlainValue>(
        _ values: [T], _ validity: [Bool]?, _ column: ParquetColumn, _ rows: Range<Int>,
        _ options: ParquetWriteOptions, _ file: inout [UInt8]
    ) throws(ParquetError) -> ParquetColumnChunkMetadata {
        let hasNulls = validity.map { $0[rows].contains(false) } ?? false
        // The present values, packed; definition levels (1 present, 0 null) when the column is optional.
        var packed: [T] = []
        var levels: [UInt32]?
        if column.isOptional {
            var rowLevels = [UInt32](repeating: 1, count: rows.count)
            if hasNulls, let validity {
                packed.reserveCapacity(rows.count)
                for (offset, row) in rows.enumerated() {
                    if validity[row] { packed.append(values[row]) } else { rowLevels[offset] = 0 }
                }
            }
            levels = rowLevels
        }
        let nullCount = hasNulls ? rows.count - packed.count : 0
        return try (hasNulls ? packed[...] : values[rows]).withUnsafeBufferPointer { present throws(ParquetError) in
            try write(present, levels: levels, nullCount: nullCount, column: column, rows: rows.count, options, &file)
        }
    }

    private static func write<T: PlainValue>(
        _ present: UnsafeBufferPointer<T>, levels: [UInt32]?, nullCount: Int, column: ParquetColumn, rows: Int,
        _ options: ParquetWriteOptions, _ file: inout [UInt8]
    ) throws(ParquetError) -> ParquetColumnChunkMetadata {
        let chunkStart = file.count
        var uncompressedTotal = 0
        var dictionaryPageOffset: Int64?
        var encodings: [ParquetEncoding] = []

        let dictionary =
            options.useDictionary && T.supportsDictionary
            ? buildDictionary(present, limit: options.dictionaryPageSizeLimit) : nil
        var bytesPerValue = 1.0
        if let dictionary {
            dictionaryPageOffset = Int64(file.count)
            var body: [UInt8] = []
            body.reserveCapacity(dictionary.byteSize)
            dictionary.values.withUnsafeBufferPointer { T.appendPlain($0, to: &body) }
            var header = PageHeader()
            header.type = PageHeader.Kind.dictionaryPage.rawValue
            header.numValues = Int32(dictionary.values.count)
            header.encoding = ParquetEncoding.plain.rawValue
            uncompressedTotal += try body.withUnsafeBufferPointer { buffer throws(ParquetError) in
                try appendPage(UnsafeRawBufferPointer(buffer), header: header, column: column, options, &file)
            }
            encodings.append(.plain)
            bytesPerValue = Double(max(dictionary.bitWidth, 1)) / 8
        } else if !present.isEmpty {
            let sample = present.prefix(1024)
            bytesPerValue = Double(sample.reduce(0) { $0 + $1.plainSize }) / Double(sample.count)
            if T.self == Bool.self { bytesPerValue = 1.0 / 8 }
        }
        if levels != nil { encodings.append(.rle) }
        encodings.append(dictionary == nil ? .plain : .rleDictionary)

        let dataPageOffset = Int64(file.count)
        let rowsPerPage = max(1, min(Int(Double(options.dataPageSize) / max(bytesPerValue, 1.0 / 8)), 1 << 30))
        var row = 0
        var valueIndex = 0
        repeat {
            let pageRows = min(rowsPerPage, rows - row)
            var header = PageHeader()
            header.type = PageHeader.Kind.dataPage.rawValue
            header.numValues = Int32(pageRows)
            header.encoding = (dictionary == nil ? ParquetEncoding.plain : .rleDictionary).rawValue
            header.definitionLevelEncoding = ParquetEncoding.rle.rawValue
            if levels == nil && dictionary == nil && T.isMemoryPlain {
                // Required fixed-width values are their own PLAIN encoding: compress them in place.
                let values = UnsafeBufferPointer(rebasing: present[valueIndex..<valueIndex + pageRows])
                uncompressedTotal += try appendPage(
                    UnsafeRawBufferPointer(values), header: header, column: column, options, &file)
                row += pageRows
                valueIndex += pageRows
                continue
            }
            var body: [UInt8] = []
            var pageValues = pageRows
            if let levels {
                body.append(contentsOf: [0, 0, 0, 0])
                levels.withUnsafeBufferPointer { all in
                    let slice = UnsafeBufferPointer(rebasing: all[row..<row + pageRows])
                    pageValues = slice.reduce(0) { $0 + Int($1) }
                    RLEHybrid.encode(slice, bitWidth: 1, into: &body)
                }
                let length = UInt32(body.count - 4)
                for index in 0..<4 { body[index] = UInt8(truncatingIfNeeded: length >> (8 * UInt32(index))) }
            }
            let values = UnsafeBufferPointer(rebasing: present[valueIndex..<valueIndex + pageValues])
            if let dictionary {
                body.append(UInt8(dictionary.bitWidth))
                dictionary.indices.withUnsafeBufferPointer { all in
                    let slice = UnsafeBufferPointer(rebasing: all[valueIndex..<valueIndex + pageValues])
                    RLEHybrid.encode(slice, bitWidth: dictionary.bitWidth, into: &body)
                }
            } else {
                body.reserveCapacity(body.count + Int(Double(pageValues) * bytesPerValue) + 16)
                T.appendPlain(values, to: &body)
            }
            uncompressedTotal += try body.withUnsafeBufferPointer { buffer throws(ParquetError) in
                try appendPage(UnsafeRawBufferPointer(buffer), header: header, column: column, options, &file)
            }
            row += pageRows
            valueIndex += pageValues
        } while row < rows

        return ParquetColumnChunkMetadata(
            pathInSchema: [column.name], physicalType: column.physicalType, encodings: encodings,
            compression: options.compression, numValues: Int64(rows), totalUncompressedSize: Int64(uncompressedTotal),
            totalCompressedSize: Int64(file.count - chunkStart), dataPageOffset: dataPageOffset,
            dictionaryPageOffset: dictionaryPageOffset,
            statistics: statistics(present, nullCount: nullCount))
    }

    /// Compresses `body`, appends header and page to `file`; returns the page's uncompressed size
    /// including its header.
    private static func appendPage(
        _ body: UnsafeRawBufferPointer, header: PageHeader, column: ParquetColumn, _ options: ParquetWriteOptions,
        _ file: inout [UInt8]
    ) throws(ParquetError) -> Int {
        guard body.count <= Int(Int32.max) else {
            throw .invalidInput(reason: "a page of column '\(column.name)' exceeds 2 GiB; lower dataPageSize")
        }
        var header = header
        header.uncompressedSize = Int32(body.count)
        let compressed: [UInt8]
        switch options.compression {
        case .uncompressed:
            header.compressedSize = Int32(body.count)
            if options.writesPageChecksums { header.crc = Int32(bitPattern: Zlib.crc32(body)) }
            let headerBytes = encodeHeader(header)
            file.append(contentsOf: headerBytes)
            file.append(contentsOf: body)
            return headerBytes.count + body.count
        case .snappy:
            compressed = Snappy.compress(body)
        case .gzip:
            do {
                compressed = try Zlib.compress(body, format: .gzip, level: options.gzipLevel)
            } catch {
                throw .invalidInput(reason: "gzip compression failed: \(error)")
            }
        default:
            throw .invalidInput(reason: "the writer supports UNCOMPRESSED, SNAPPY and GZIP, not \(options.compression)")
        }
        header.compressedSize = Int32(compressed.count)
        if options.writesPageChecksums { header.crc = Int32(bitPattern: Zlib.crc32(compressed)) }
        let headerBytes = encodeHeader(header)
        file.append(contentsOf: headerBytes)
        file.append(contentsOf: compressed)
        return headerBytes.count + body.count
    }

    private static func encodeHeader(_ header: PageHeader) -> [UInt8] {
        var writer = ThriftCompactWriter(reservingCapacity: 32)
        header.encode(to: &writer)
        return writer.bytes
    }

    // MARK: Dictionary

    struct Dictionary<T> {
        var values: [T]
        var indices: [UInt32]
        var bitWidth: Int
        var byteSize: Int
    }

    /// A dictionary of `values`, or nil when its PLAIN size would exceed `limit` bytes.
    private static func buildDictionary<T: PlainValue>(
        _ values: UnsafeBufferPointer<T>, limit: Int
    ) -> Dictionary<T>? {
        guard !values.isEmpty else { return nil }
        var positions: [T.Key: UInt32] = [:]
        positions.reserveCapacity(min(values.count, 8192))
        let projectionSample = 8192
        var distinct: [T] = []
        var byteSize = 0
        let indices = [UInt32](unsafeUninitializedCapacity: values.count) { buffer, count in
            for (index, value) in values.enumerated() {
                // Give up early when the first values project a dictionary far over the limit, as for
                // timestamps or prices that rarely repeat; building it would only be thrown away.
                if index == projectionSample && byteSize / projectionSample * values.count > 2 * limit { return }
                let key = value.dictionaryKey
                if let position = positions[key] {
                    buffer[index] = position
                } else {
                    byteSize += value.plainSize
                    if byteSize > limit { return }
                    let position = UInt32(distinct.count)
                    positions[key] = position
                    distinct.append(value)
                    buffer[index] = position
                }
            }
            count = values.count
        }
        guard byteSize <= limit, indices.count == values.count else { return nil }
        let bitWidth = max(1, RLEHybrid.bitWidth(forMax: UInt32(max(distinct.count - 1, 0))))
        return Dictionary(values: distinct, indices: indices, bitWidth: bitWidth, byteSize: byteSize)
    }

    // MARK: Statistics

    private static func statistics<T: PlainValue>(_ values: UnsafeBufferPointer<T>, nullCount: Int) -> ParquetStatistics
    {
        var statistics = ParquetStatistics(nullCount: Int64(nullCount))
        var first = 0
        while first < values.count && values[first].isUnordered { first += 1 }
        guard first < values.count else { return statistics }
        var minimum = values[first]
        var maximum = minimum
        // An unordered value (NaN) compares false both ways, so it can never replace an extreme.
        for index in (first + 1)..<values.count {
            let value = values[index]
            if T.precedes(value, minimum) { minimum = value }
            if T.precedes(maximum, value) { maximum = value }
        }
        statistics.minValue = T.statisticsBytes(minimum, isMin: true)
        statistics.maxValue = T.statisticsBytes(maximum, isMin: false)
        if T.hasLegacyStatistics {
            statistics.legacyMin = statistics.minValue
            statistics.legacyMax = statistics.maxValue
        }
        return statistics
    }
}
