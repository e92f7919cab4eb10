"""Reads each Parquet file named on the command line with pyarrow and with DuckDB and prints one JSON
object: {path: {"pyarrow": {...}, "duckdb": {...}}} with schema, values, metadata and statistics."""
import json
import sys

import duckdb
import pyarrow as pa
import pyarrow.parquet as pq

from parquet_common import arrow_columns, render

pa.set_cpu_count(1)


def read_pyarrow(path):
    # Also verifies the CRC-32 we store in every page header.
    table = pq.read_table(path, page_checksum_verification=True)
    file = pq.ParquetFile(path)
    meta = file.metadata
    kv = {k.decode(): v.decode() for k, v in (meta.metadata or {}).items()}
    row_groups = []
    for index in range(meta.num_row_groups):
        group = meta.row_group(index)
        chunks = []
        for column in range(group.num_columns):
            chunk = group.column(column)
            stats = chunk.statistics
            entry = {
                "path": chunk.path_in_schema,
                "physical_type": chunk.physical_type,
                "compression": chunk.compression,
                "encodings": list(chunk.encodings),
                "has_dictionary_page": chunk.has_dictionary_page,
                "num_values": chunk.num_values,
            }
            if stats is not None:
                entry["null_count"] = stats.null_count if stats.has_null_count else None
                entry["has_min_max"] = stats.has_min_max
                if stats.has_min_max:
                    entry["min"] = render(stats.min_raw)
                    entry["max"] = render(stats.max_raw)
            chunks.append(entry)
        row_groups.append({"num_rows": group.num_rows, "columns": chunks})
    return {
        "schema": [[f.name, str(f.type), f.nullable] for f in table.schema],
        "columns": arrow_columns(table),
        "num_rows": table.num_rows,
        "key_value_metadata": kv,
        "created_by": meta.created_by,
        "row_groups": row_groups,
    }


def read_duckdb(path):
    con = duckdb.connect()
    con.execute("SET threads=1")
    described = con.execute("DESCRIBE SELECT * FROM read_parquet(?)", [path]).fetchall()
    selects = []
    for name, kind, *_ in described:
        quoted = '"' + name.replace('"', '""') + '"'
        selects.append(f"epoch_ms({quoted})" if kind.startswith("TIMESTAMP") else quoted)
    rows = con.execute(f"SELECT {', '.join(selects)} FROM read_parquet(?)", [path]).fetchall()
    columns = {name: [render(row[i]) for row in rows] for i, (name, *_) in enumerate(described)}
    return {"schema": [[name, kind] for name, kind, *_ in described], "columns": columns}


def main():
    result = {}
    for path in sys.argv[1:]:
        result[path] = {"pyarrow": read_pyarrow(path), "duckdb": read_duckdb(path)}
    json.dump(result, sys.stdout)


if __name__ == "__main__":
    main()
