"""Writes Parquet files with pyarrow and DuckDB into the folder given as the only argument, then prints
JSON {file name: {"writer": ..., "columns": {name: [values]}, "schema": [[name, type]]}}: the values as
pyarrow reads them back, in physical terms (timestamps as integers in their stored unit)."""
import json
import math
import os
import sys

import duckdb
import pyarrow as pa
import pyarrow.parquet as pq

from parquet_common import arrow_columns

pa.set_cpu_count(1)


def sample_table(rows=1000):
    words = ["alpha", "beta", "gamma", "delta", "zażółć", "日本", ""]
    i32 = [(i * 7919) % 2001 - 1000 for i in range(rows)]
    i64 = [(i * 104729) * (1 << 33) - (1 << 60) for i in range(rows)]
    f64 = [((i * 37) % 1000) / 8.0 - 60.5 for i in range(rows)]
    f64[3] = -0.0
    f64[5] = math.inf
    f64[6] = -math.inf
    f64[7] = 1e-310
    flag = [(i % 3) == 0 for i in range(rows)]
    name = [words[(i * 5) % len(words)] for i in range(rows)]
    ts = [1_700_000_000_000 + i * 60_000 for i in range(rows)]
    opt_i64 = [None if i % 4 == 1 else i * 3 for i in range(rows)]
    opt_str = [None if i % 5 == 2 else f"s{i % 17}" for i in range(rows)]
    opt_f64 = [None if i % 6 == 0 else i / 3 for i in range(rows)]
    opt_bool = [None if i % 7 == 3 else i % 2 == 0 for i in range(rows)]
    return pa.table({
        "i32": pa.array(i32, pa.int32()),
        "i64": pa.array(i64, pa.int64()),
        "f64": pa.array(f64, pa.float64()),
        "flag": pa.array(flag, pa.bool_()),
        "name": pa.array(name, pa.string()),
        "ts": pa.array(ts, pa.timestamp("ms", tz="UTC")),
        "opt_i64": pa.array(opt_i64, pa.int64()),
        "opt_str": pa.array(opt_str, pa.string()),
        "opt_f64": pa.array(opt_f64, pa.float64()),
        "opt_bool": pa.array(opt_bool, pa.bool_()),
    })


def cache_table(rows=744):
    """Like the Python original's monthly candle cache: six float64 columns."""
    price = 42000.0
    open_time, o, h, l, c, v = [], [], [], [], [], []
    for i in range(rows):
        step = ((i * 7919) % 201 - 100) / 10.0
        open_price = price
        price = round(price + step, 2)
        open_time.append(float(1_704_067_200_000 + i * 3_600_000))
        o.append(open_price)
        h.append(max(open_price, price) + 5.25)
        l.append(min(open_price, price) - 4.75)
        c.append(price)
        v.append(round(((i * 31) % 97) * 1.5 + 0.001, 3))
    return pa.table({"open_time": open_time, "open": o, "high": h, "low": l, "close": c, "volume": v})


def main():
    folder = sys.argv[1]
    table = sample_table()
    variants = {
        "pa_default.parquet": {},
        "pa_none_dict.parquet": {"compression": "none"},
        "pa_none_plain.parquet": {"compression": "none", "use_dictionary": False},
        "pa_snappy_dict.parquet": {"compression": "snappy"},
        "pa_snappy_plain.parquet": {"compression": "snappy", "use_dictionary": False},
        "pa_gzip_dict.parquet": {"compression": "gzip"},
        "pa_gzip_plain.parquet": {"compression": "gzip", "use_dictionary": False},
        "pa_v2_snappy_dict.parquet": {"data_page_version": "2.0", "compression": "snappy"},
        "pa_v2_none_plain.parquet": {"data_page_version": "2.0", "compression": "none", "use_dictionary": False},
        "pa_v2_gzip_dict.parquet": {"data_page_version": "2.0", "compression": "gzip"},
        "pa_small_pages.parquet": {"row_group_size": 300, "data_page_size": 512, "compression": "snappy"},
        "pa_strings_dict.parquet": {"use_dictionary": ["name", "opt_str"], "compression": "snappy"},
        "pa_v1_format.parquet": {"version": "1.0", "compression": "snappy"},
        # The dictionary outgrows its limit part-way, so chunks mix dictionary and PLAIN data pages.
        "pa_dict_fallback.parquet": {"dictionary_pagesize_limit": 200, "data_page_size": 256, "write_batch_size": 64},
        "pa_v2_dict_fallback.parquet": {"data_page_version": "2.0", "dictionary_pagesize_limit": 200,
                                        "data_page_size": 256, "write_batch_size": 64},
    }
    result = {}
    for name, options in variants.items():
        path = os.path.join(folder, name)
        pq.write_table(table, path, **options)
        result[name] = {"writer": "pyarrow", "options": {k: str(v) for k, v in options.items()}}
    cache = cache_table()
    pq.write_table(cache, os.path.join(folder, "pa_cache.parquet"))
    result["pa_cache.parquet"] = {"writer": "pyarrow", "options": {}}

    # Valid files using features the Swift reader refuses with ParquetError.unsupported.
    pq.write_table(table, os.path.join(folder, "unsupported_delta.parquet"), use_dictionary=False,
                   column_encoding={"i64": "DELTA_BINARY_PACKED"})
    pq.write_table(table, os.path.join(folder, "unsupported_zstd.parquet"), compression="zstd")
    result["unsupported_delta.parquet"] = {"writer": "pyarrow", "options": {"column_encoding": "DELTA_BINARY_PACKED"}}
    result["unsupported_zstd.parquet"] = {"writer": "pyarrow", "options": {"compression": "zstd"}}

    con = duckdb.connect()
    con.execute("SET threads=1")
    con.register("sample", table)
    for name, codec in [("duck_default.parquet", None), ("duck_gzip.parquet", "gzip"),
                        ("duck_snappy.parquet", "snappy"), ("duck_uncompressed.parquet", "uncompressed")]:
        path = os.path.join(folder, name)
        extra = f", CODEC '{codec}'" if codec else ""
        con.execute(f"COPY (SELECT * FROM sample) TO '{path}' (FORMAT PARQUET{extra})")
        result[name] = {"writer": "duckdb", "options": {"codec": codec or "default"}}

    for name, entry in result.items():
        written = pq.read_table(os.path.join(folder, name))
        entry["schema"] = [[f.name, str(f.type)] for f in written.schema]
        entry["columns"] = arrow_columns(written)
    json.dump(result, sys.stdout)


if __name__ == "__main__":
    main()
