// BotCodecs: the file formats the platform reads and writes without third-party packages: YAML
// (configuration), Parquet (the candle cache), ZIP (archives), CSV (candle import/export), JSON Lines
// (journals and audit logs) and atomic whole-file writes. Each is tested against an outside reference
// (PyYAML, pyarrow, DuckDB, unzip, Python zipfile); see DESIGN.md §2.
