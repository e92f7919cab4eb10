"""Reads a candle cache the way an analyst would, with DuckDB over the whole Hive tree:
read_parquet('<cache>/ohlcv_parquet/**/*.parquet', hive_partitioning=true).

Usage: store_duckdb_read.py CACHE_ROOT
Prints JSON: {"count": N, "open_time_type": "...", "rows": [[epoch_ms, open, high, low, close, volume, year, month,
utc_year, utc_month], ...]} ordered by file then open_time. utc_year/utc_month come from the timestamp itself in UTC,
year/month from the folder names, so the caller can check both agree with its own partitioning.
"""
import json
import sys

import duckdb

root = sys.argv[1]
connection = duckdb.connect()
connection.execute("SET TimeZone = 'UTC'")
pattern = f"{root}/ohlcv_parquet/**/*.parquet"
relation = f"read_parquet('{pattern}', hive_partitioning = true, filename = true)"
types = dict(connection.execute(f"SELECT column_name, column_type FROM (DESCRIBE SELECT * FROM {relation})").fetchall())
rows = connection.execute(
    f"""
    SELECT epoch_ms(open_time), open, high, low, close, volume, CAST(year AS INTEGER), CAST(month AS INTEGER),
           CAST(date_part('year', open_time) AS INTEGER), CAST(date_part('month', open_time) AS INTEGER)
    FROM {relation} ORDER BY filename, open_time
    """
).fetchall()
print(json.dumps({"count": len(rows), "open_time_type": types.get("open_time"), "rows": [list(row) for row in rows]}))
