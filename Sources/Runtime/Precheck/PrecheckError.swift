import BotData

/// Why a paper pre-check could not run or its report could not be kept. Findings about the configuration,
/// the cache or the risk profile are not errors: they are in the ``PrecheckReport``.
public enum PrecheckError: Error, Sendable, Equatable, CustomStringConvertible {
    /// `--manifest` names a file other than the store's manifest, so the cache beside it cannot be read.
    case unsupportedManifest(path: String)
    /// The candle cache exists but cannot be read (corrupt partition, manifest not migrated, I/O error).
    case cacheUnreadable(OHLCVStoreError)
    /// The report file could not be written.
    case archiveFailed(path: String, reason: String)

    public var description: String {
        switch self {
        case .unsupportedManifest(let path):
            "--manifest \(path): the manifest must be the cache's \(OHLCVStore.manifestName) (its Parquet files "
                + "lie beside it); give that file, or leave --manifest out to use the environment's data_cache_path"
        case .cacheUnreadable(let error):
            "the pre-check cannot read the candle cache: \(error)"
        case .archiveFailed(let path, let reason):
            "cannot write the pre-check report \(path): \(reason); check the folder's permissions and free space, "
                + "or pass --audit-dir '' to skip keeping the report"
        }
    }
}
