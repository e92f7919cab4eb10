"""Reads a gap audit JSONL file with Python's json and prints its records as one JSON array.

Fails (exit 1) when a line is not a JSON object with exactly the reference keys in the reference order.
"""
import json
import sys

KEYS = ["timestamp", "environment", "exchange", "symbol", "interval", "status", "gap_minutes", "row_count",
        "last_timestamp", "warnings_in_window", "incident_minutes"]

records = []
with open(sys.argv[1], encoding="utf-8") as handle:
    for number, line in enumerate(handle, 1):
        record = json.loads(line)
        if not isinstance(record, dict) or list(record) != KEYS:
            print(f"line {number}: keys {list(record)}", file=sys.stderr)
            sys.exit(1)
        if json.dumps(record, ensure_ascii=False) != line.rstrip("\n"):
            print(f"line {number}: not in json.dumps form: {line!r}", file=sys.stderr)
            sys.exit(1)
        records.append(record)
print(json.dumps(records))
