"""Parses a JSON Lines file with Python's json module: every line must be one JSON object whose keys are
sorted. Prints the objects as one JSON array.

Usage: jsonl_read.py FILE
"""
import json
import sys

records = []
with open(sys.argv[1], "rb") as f:
    data = f.read()
if not data.endswith(b"\n"):
    sys.exit("the file does not end with a newline")
for number, line in enumerate(data.split(b"\n")[:-1], start=1):
    value = json.loads(line)
    if not isinstance(value, dict):
        sys.exit(f"line {number} is not an object")
    if list(value) != sorted(value):
        sys.exit(f"line {number} keys are not sorted: {list(value)}")
    records.append(value)
print(json.dumps(records))
