"""Reads an alert JSON Lines file with Python's json module and reports it as one JSON object
{"mode": "600", "records": [...]}.

Usage: alerts_read_jsonl.py audit FILE     audit records: every value a string, keys in the order
                                           channel, category, title, severity, timestamp, created_at,
                                           status, [error], ctx_* (sorted), body; adds timestamp_ms and
                                           created_at_ms parsed with datetime.fromisoformat
       alerts_read_jsonl.py messages FILE  alert messages: keys sorted, context an object of strings
"""
import json
import os
import stat
import sys
from datetime import datetime, timezone

kind, path = sys.argv[1], sys.argv[2]
with open(path, "rb") as f:
    data = f.read()
if not data.endswith(b"\n"):
    sys.exit("the file does not end with a newline")


def epoch_ms(text):
    value = datetime.fromisoformat(text)
    if value.utcoffset() is None or value.utcoffset().total_seconds() != 0:
        sys.exit(f"{text!r} is not a UTC time")
    delta = value - datetime(1970, 1, 1, tzinfo=timezone.utc)
    return (delta.days * 86400 + delta.seconds) * 1000 + delta.microseconds // 1000


records = []
for number, line in enumerate(data.split(b"\n")[:-1], start=1):
    value = json.loads(line)
    if not isinstance(value, dict):
        sys.exit(f"line {number} is not an object")
    keys = list(value)
    if kind == "audit":
        if not all(isinstance(v, str) for v in value.values()):
            sys.exit(f"line {number} has a value that is not a string")
        head = ["channel", "category", "title", "severity", "timestamp", "created_at", "status"]
        if "error" in value:
            head.append("error")
        context = [k for k in keys if k.startswith("ctx_")]
        if keys != head + sorted(context) + ["body"]:
            sys.exit(f"line {number} keys are out of order: {keys}")
        value["timestamp_ms"] = epoch_ms(value["timestamp"])
        value["created_at_ms"] = epoch_ms(value["created_at"])
    elif kind == "messages":
        if keys != sorted(keys):
            sys.exit(f"line {number} keys are not sorted: {keys}")
        if not all(isinstance(v, str) for v in value["context"].values()):
            sys.exit(f"line {number} has a context value that is not a string")
    else:
        sys.exit(f"unknown kind {kind!r}")
    records.append(value)
mode = format(stat.S_IMODE(os.stat(path).st_mode), "o")
print(json.dumps({"mode": mode, "records": records}, ensure_ascii=False))
