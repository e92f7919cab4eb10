"""Builds a candle cache exactly as the Python original writes it (spec/reference-data.md §3.2, §3.3, §3.5):

  <root>/ohlcv_parquet/<exchange>/<SYMBOL>/<INTERVAL>/year=YYYY/month=MM/data.parquet
  six float64 columns open_time, open, high, low, close, volume (open_time in float milliseconds), Snappy,
  dictionary pages (pyarrow's defaults), Parquet format 2.6, one row group, sorted and unique;
  <root>/ohlcv_manifest.sqlite in WAL mode with the tables ohlcv (empty, manifest mode) and metadata holding
  last_timestamp::<S>::<I> and row_count::<S>::<I> (integer strings) plus symbols and intervals.

Variations seen in the field are included: a file with the columns in another order and a `timestamp` name, and a
file split into several row groups.

Usage: store_make_legacy_cache.py ROOT
Prints JSON {"series": {"exchange/SYMBOL/interval": [[open_time_ms, open, high, low, close, volume], ...]}}.
"""
import json
import os
import sqlite3
import sys

import pyarrow as pa
import pyarrow.parquet as pq

root = sys.argv[1]
DAY = 86_400_000
HOUR = 3_600_000
JAN_2024 = 1_704_067_200_000


def rows_for(start, count, step, base):
    rows = []
    for index in range(count):
        price = base + index * 1.25
        rows.append([float(start + index * step), price, price + 3.0, price - 2.0, price + 0.5, 10.0 + index % 4])
    return rows


def month_of(ms):
    import datetime

    moment = datetime.datetime.fromtimestamp(ms / 1000, tz=datetime.timezone.utc)
    return moment.year, moment.month


def write_series(exchange, symbol, interval, rows, order=None, names=None, row_group_size=None):
    canonical = ["open_time", "open", "high", "low", "close", "volume"]
    partitions = {}
    for row in rows:
        partitions.setdefault(month_of(row[0]), []).append(row)
    for (year, month), part in sorted(partitions.items()):
        folder = os.path.join(root, "ohlcv_parquet", exchange, symbol, interval, f"year={year:04d}", f"month={month:02d}")
        os.makedirs(folder, exist_ok=True)
        columns = {name: [row[i] for row in part] for i, name in enumerate(canonical)}
        order_used = order or canonical
        arrays = [pa.array(columns[name], type=pa.float64()) for name in order_used]
        labels = [(names or {}).get(name, name) for name in order_used]
        table = pa.Table.from_arrays(arrays, names=labels)
        pq.write_table(
            table, os.path.join(folder, "data.parquet"), compression="snappy", use_dictionary=True, version="2.6",
            row_group_size=row_group_size)


series = {
    "binance_spot/BTCUSDT/1d": rows_for(JAN_2024 - 20 * DAY, 50, DAY, 42_000.0),
    "zonda_spot/BTC-PLN/1h": rows_for(JAN_2024 - 5 * HOUR, 30, HOUR, 170_000.0),
    "kraken_spot/XBTUSD/1h": rows_for(JAN_2024 + 10 * HOUR, 25, HOUR, 43_000.5),
}
write_series("binance_spot", "BTCUSDT", "1d", series["binance_spot/BTCUSDT/1d"])
write_series(
    "zonda_spot", "BTC-PLN", "1h", series["zonda_spot/BTC-PLN/1h"],
    order=["close", "open_time", "volume", "open", "high", "low"], names={"open_time": "timestamp"})
write_series("kraken_spot", "XBTUSD", "1h", series["kraken_spot/XBTUSD/1h"], row_group_size=7)

database = sqlite3.connect(os.path.join(root, "ohlcv_manifest.sqlite"))
database.execute("PRAGMA journal_mode=WAL")
database.execute("PRAGMA synchronous=NORMAL")
database.execute(
    "CREATE TABLE IF NOT EXISTS ohlcv (symbol TEXT NOT NULL, interval TEXT NOT NULL, open_time INTEGER NOT NULL, "
    "open REAL NOT NULL, high REAL NOT NULL, low REAL NOT NULL, close REAL NOT NULL, volume REAL NOT NULL, "
    "PRIMARY KEY(symbol, interval, open_time))")
database.execute("CREATE TABLE IF NOT EXISTS metadata (key TEXT PRIMARY KEY, value TEXT NOT NULL)")
symbols, intervals = set(), set()
for name, rows in series.items():
    _, symbol, interval = name.split("/")
    symbols.add(symbol)
    intervals.add(interval)
    database.execute("INSERT OR REPLACE INTO metadata VALUES (?, ?)", (f"last_timestamp::{symbol}::{interval}", str(int(rows[-1][0]))))
    # The original's count only grows by newer timestamps (§3.3), so it can be short; make it so here.
    database.execute("INSERT OR REPLACE INTO metadata VALUES (?, ?)", (f"row_count::{symbol}::{interval}", str(len(rows) - 3)))
database.execute("INSERT OR REPLACE INTO metadata VALUES ('symbols', ?)", (",".join(sorted(symbols)),))
database.execute("INSERT OR REPLACE INTO metadata VALUES ('intervals', ?)", (",".join(sorted(intervals)),))
database.commit()
database.close()

print(json.dumps({"series": {name: [[int(row[0])] + row[1:] for row in rows] for name, rows in series.items()}}))
