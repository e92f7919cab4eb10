#!/usr/bin/env bash
# Benchmarks our Parquet writer and reader against pyarrow on the same candle table, single-threaded.
# Usage: scripts/bench-parquet.sh [--rows N] [--codec snappy|gzip|none] [--dictionary on|off] [--repeat N]
#        [--row-group N] [--checksums on|off]   (our page CRC-32s; pyarrow writes none by default)
# Prints one JSON object: {"ours": {...}, "pyarrow": {...}, "write_ratio": ..., "read_ratio": ...}
# (ratios are our seconds over pyarrow's; below 1.5 meets the target).
set -euo pipefail
cd "$(dirname "$0")/.."

rows=1000000 codec=snappy dictionary=on repeat=3 row_group=1048576 checksums=on
while [ $# -gt 0 ]; do
    case "$1" in
        --rows) rows=$2; shift 2 ;;
        --codec) codec=$2; shift 2 ;;
        --dictionary) dictionary=$2; shift 2 ;;
        --repeat) repeat=$2; shift 2 ;;
        --row-group) row_group=$2; shift 2 ;;
        --checksums) checksums=$2; shift 2 ;;
        *) echo "unknown option $1" >&2; exit 64 ;;
    esac
done

scratch=$(mktemp -d)
trap 'rm -rf "$scratch"' EXIT

swift build -c release --product bench >&2
ours=$(.build/release/bench parquet --rows "$rows" --codec "$codec" --dictionary "$dictionary" \
    --row-group "$row_group" --repeat "$repeat" --checksums "$checksums" --out "$scratch/ours.parquet")

python3 - "$scratch" "$codec" "$dictionary" "$row_group" "$repeat" "$ours" <<'PY'
import json, os, sys, time
import pyarrow as pa
import pyarrow.parquet as pq

folder, codec, dictionary, row_group, repeat, ours = sys.argv[1:]
pa.set_cpu_count(1)
pa.set_io_thread_count(1)
ours = json.loads(ours)
# The very table our benchmark wrote, so both sides encode identical values.
table = pq.read_table(os.path.join(folder, "ours.parquet"), use_threads=False)
path = os.path.join(folder, "pyarrow.parquet")
write = read = float("inf")
for _ in range(int(repeat)):
    start = time.perf_counter()
    pq.write_table(table, path, compression=codec if codec != "none" else "none",
                   use_dictionary=dictionary == "on", row_group_size=int(row_group))
    write = min(write, time.perf_counter() - start)
    start = time.perf_counter()
    back = pq.read_table(path, use_threads=False)
    read = min(read, time.perf_counter() - start)
    assert back.num_rows == table.num_rows
theirs = {
    "rows": table.num_rows, "codec": codec, "dictionary": dictionary, "row_group_size": int(row_group),
    "write_seconds": write, "read_seconds": read, "write_rows_per_second": table.num_rows / write,
    "read_rows_per_second": table.num_rows / read, "file_bytes": os.path.getsize(path),
    "pyarrow_version": pa.__version__,
}
print(json.dumps({
    "ours": ours, "pyarrow": theirs,
    "write_ratio": ours["write_seconds"] / write, "encode_ratio": ours["encode_seconds"] / write,
    "read_ratio": ours["read_seconds"] / read,
}, indent=2, sort_keys=True))
PY
