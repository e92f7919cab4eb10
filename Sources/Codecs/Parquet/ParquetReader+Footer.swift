extension ParquetReader {
    /// Decodes the footer and checks it describes a flat file whose column chunks lie inside the data
    /// area, so later reads need no further trust in it.
    static func parseFooter(
        _ footer: [UInt8], path: String, footerStart: Int, options: ParquetReaderOptions
    ) throws(ParquetError) -> ParquetFileMetadata {
        let raw: FooterCoding.RawFooter
        do {
            raw = try footer.withUnsafeBytes { buffer in
                Result { () throws(ThriftDecodingError) in
                    var reader = ThriftCompactReader(buffer)
                    return try FooterCoding.decodeFooter(from: &reader)
                }
            }.get()
        } catch {
            throw corrupt(error, path: path, base: footerStart)
        }
        func fail(_ reason: String) -> ParquetError {
            .corruptFooter(path: path, offset: footerStart, reason: reason)
        }

        // Schema: a root whose children are all leaves.
        guard let root = raw.schema.first else { throw fail("the schema is empty") }
        let leaves = raw.schema.dropFirst()
        guard let children = root.numChildren, Int(children) == leaves.count else {
            throw fail(
                "the schema root declares \(root.numChildren.map(String.init) ?? "no") children "
                    + "but \(leaves.count) elements follow")
        }
        var columns: [ParquetColumn] = []
        for element in leaves {
            if let count = element.numChildren, count > 0 {
                throw .unsupported(path: path, feature: "a nested column ('\(element.name)')")
            }
            guard let rawType = element.type else { throw fail("column '\(element.name)' has no physical type") }
            guard let type = ParquetColumn.PhysicalType(rawValue: rawType) else {
                throw fail("column '\(element.name)' has unknown physical type \(rawType)")
            }
            let repetition = element.repetition ?? SchemaElement.required
            guard repetition != SchemaElement.repeated else {
                throw .unsupported(path: path, feature: "a repeated column ('\(element.name)')")
            }
            guard repetition == SchemaElement.required || repetition == SchemaElement.optional else {
                throw fail("column '\(element.name)' has unknown repetition \(repetition)")
            }
            columns.append(
                ParquetColumn(
                    name: element.name, physicalType: type, logicalType: element.logicalType,
                    isOptional: repetition == SchemaElement.optional))
        }

        // Row groups: one chunk per column, row counts consistent, byte ranges inside the data area.
        var rowGroups: [ParquetRowGroupMetadata] = []
        var totalRows: Int64 = 0
        for (groupIndex, group) in raw.rowGroups.enumerated() {
            guard let numRows = group.numRows, numRows >= 0 else {
                throw fail("row group \(groupIndex) has no valid row count")
            }
            guard numRows <= Int64(options.maxRowGroupRows) else {
                throw .limitExceeded(
                    path: path, what: "a row group of \(numRows) rows", value: Int(numRows),
                    limit: options.maxRowGroupRows)
            }
            guard group.columns.count == columns.count else {
                throw fail(
                    "row group \(groupIndex) has \(group.columns.count) column chunks for \(columns.count) columns")
            }
            let (sum, overflow) = totalRows.addingReportingOverflow(numRows)
            guard !overflow else { throw fail("row counts overflow") }
            totalRows = sum
            var chunks: [ParquetColumnChunkMetadata] = []
            for (columnIndex, chunk) in group.columns.enumerated() {
                let name = columns[columnIndex].name
                func chunkFail(_ reason: String) -> ParquetError {
                    fail("row group \(groupIndex) column '\(name)': \(reason)")
                }
                if let filePath = chunk.filePath, !filePath.isEmpty {
                    throw .unsupported(path: path, feature: "column data in another file ('\(filePath)')")
                }
                guard let meta = chunk.metadata else { throw chunkFail("no column metadata") }
                guard let rawType = meta.type, rawType == columns[columnIndex].physicalType.rawValue else {
                    throw chunkFail("its type disagrees with the schema")
                }
                guard let rawCodec = meta.codec, let codec = ParquetCompression(rawValue: rawCodec) else {
                    throw chunkFail("unknown compression codec \(meta.codec.map(String.init) ?? "(missing)")")
                }
                guard let numValues = meta.numValues, numValues == numRows else {
                    throw chunkFail("it holds \(meta.numValues.map(String.init) ?? "no") values for \(numRows) rows")
                }
                guard let compressed = meta.totalCompressedSize, compressed >= 0,
                    let uncompressed = meta.totalUncompressedSize, uncompressed >= 0,
                    let dataPageOffset = meta.dataPageOffset
                else { throw chunkFail("missing or negative sizes or offsets") }
                var start = dataPageOffset
                if let dictionary = meta.dictionaryPageOffset, dictionary > 0, dictionary < dataPageOffset {
                    start = dictionary
                }
                let (end, endOverflow) = start.addingReportingOverflow(compressed)
                guard start >= 4, !endOverflow, end <= Int64(footerStart) else {
                    throw chunkFail(
                        "its bytes \(start)..<\(endOverflow ? -1 : end) lie outside the data area 4..<\(footerStart)")
                }
                chunks.append(
                    ParquetColumnChunkMetadata(
                        pathInSchema: meta.path, physicalType: columns[columnIndex].physicalType,
                        encodings: meta.encodings.compactMap(ParquetEncoding.init(rawValue:)), compression: codec,
                        numValues: numValues, totalUncompressedSize: uncompressed, totalCompressedSize: compressed,
                        dataPageOffset: dataPageOffset,
                        dictionaryPageOffset: start == dataPageOffset ? nil : start, statistics: meta.statistics))
            }
            rowGroups.append(
                ParquetRowGroupMetadata(numRows: numRows, totalByteSize: group.totalByteSize, columns: chunks))
        }
        if let numRows = raw.numRows, numRows != totalRows {
            throw fail("the file declares \(numRows) rows but its row groups hold \(totalRows)")
        }
        return ParquetFileMetadata(
            version: raw.version, schema: ParquetSchema(columns), numRows: totalRows, rowGroups: rowGroups,
            keyValueMetadata: raw.keyValueMetadata, createdBy: raw.createdBy)
    }

    static func corrupt(_ error: ThriftDecodingError, path: String, base: Int) -> ParquetError {
        switch error {
        case .truncated(let offset):
            .corruptFooter(path: path, offset: base + offset, reason: "the footer ends in the middle of a value")
        case .malformed(let reason, let offset):
            .corruptFooter(path: path, offset: base + offset, reason: reason)
        case .missingField(let name):
            .corruptFooter(path: path, offset: base, reason: "required field \(name) is missing")
        }
    }
}
