/// The manifest's tables (`ohlcv_manifest.sqlite`), as migrations.
///
/// The manifest is an index, not a copy of the candles (DESIGN.md §4.3): per series its first/last open time
/// and true row count, per partition its file, rows, range and SHA-256, the backfill ledger and watermarks
/// (seed 003) and the gap monitor's state. The Python original's tables (`ohlcv`, `metadata`) may exist in
/// the same file; they are left alone and read only by `OHLCVStore.legacyMetadata()`.
enum ManifestSchema {
    static let migrations: [SQLiteMigration] = [
        SQLiteMigration(
            "create_series_and_partitions",
            sql: """
                CREATE TABLE series (
                    id INTEGER PRIMARY KEY,
                    exchange TEXT NOT NULL,
                    symbol TEXT NOT NULL,
                    interval TEXT NOT NULL,
                    first_open_time INTEGER,
                    last_open_time INTEGER,
                    row_count INTEGER NOT NULL DEFAULT 0,
                    updated_at INTEGER NOT NULL,
                    UNIQUE (exchange, symbol, interval)
                );
                CREATE TABLE partitions (
                    series_id INTEGER NOT NULL REFERENCES series(id) ON DELETE CASCADE,
                    year INTEGER NOT NULL,
                    month INTEGER NOT NULL CHECK (month BETWEEN 1 AND 12),
                    path TEXT NOT NULL UNIQUE,
                    rows INTEGER NOT NULL,
                    first_open_time INTEGER NOT NULL,
                    last_open_time INTEGER NOT NULL,
                    sha256 TEXT NOT NULL,
                    bytes INTEGER NOT NULL,
                    modified_ns INTEGER NOT NULL,
                    written_at INTEGER NOT NULL,
                    PRIMARY KEY (series_id, year, month)
                );
                """),
        SQLiteMigration(
            "create_ledger_and_watermarks",
            sql: """
                CREATE TABLE ledger (
                    content_key TEXT PRIMARY KEY,
                    series_id INTEGER NOT NULL REFERENCES series(id) ON DELETE CASCADE,
                    range_start INTEGER NOT NULL,
                    range_end INTEGER NOT NULL,
                    rows INTEGER NOT NULL,
                    kind TEXT NOT NULL CHECK (kind IN ('parquet', 'csv')),
                    path TEXT NOT NULL,
                    created_at INTEGER NOT NULL
                );
                CREATE INDEX ledger_by_series ON ledger (series_id, range_start);
                CREATE TABLE watermarks (
                    series_id INTEGER PRIMARY KEY REFERENCES series(id) ON DELETE CASCADE,
                    high_water_open_time INTEGER NOT NULL,
                    updated_at INTEGER NOT NULL
                );
                """),
        // The gap monitor's persisted state (reference-data §6.2 keeps it in memory, so a restart silently
        // forgot open incidents); written by the gap monitor, not by the store.
        SQLiteMigration(
            "create_gap_state",
            sql: """
                CREATE TABLE gap_state (
                    series_id INTEGER PRIMARY KEY REFERENCES series(id) ON DELETE CASCADE,
                    status TEXT NOT NULL DEFAULT 'ok',
                    first_seen_at INTEGER,
                    warning_times TEXT NOT NULL DEFAULT '[]',
                    last_warning_alert_at INTEGER,
                    incident_opened_at INTEGER,
                    sms_escalated_at INTEGER,
                    last_open_time INTEGER,
                    updated_at INTEGER NOT NULL
                );
                """),
    ]
}
