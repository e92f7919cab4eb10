"""Parses a JSON Lines file with Python's json module (every line one JSON object, newline-terminated)
and prints {"records": [...], "keys": [[...key order of each line...]]} as JSON.

Usage: smoke_jsonl.py FILE
"""
import json
import sys

with open(sys.argv[1], "rb") as f:
    data = f.read()
if data and not data.endswith(b"\n"):
    sys.exit("the file does not end with a newline")
records = []
keys = []
for number, line in enumerate(data.split(b"\n")[:-1] if data else [], start=1):
    value = json.loads(line.decode("utf-8"))
    if not isinstance(value, dict):
        sys.exit(f"line {number} is not an object")
    records.append(value)
    keys.append(list(value))
print(json.dumps({"records": records, "keys": keys}))
