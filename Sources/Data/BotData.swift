// BotData: the OHLCV store (Parquet partitions + SQLite manifest), backfill, refresh scheduler, gap
// monitor, coverage and synthetic data. The SQLite wrapper lives in SQLite/.
