"""Reads decision journal JSON Lines files with Python's json module and prints every record as a list of
[key, value] pairs in file order, so key order is visible. Fails on a duplicate key, a line that is not
an object, or a file without a trailing newline.

Usage: decision_journal_read.py FILE...
"""
import json
import sys


def pairs(items):
    keys = [key for key, _ in items]
    if len(keys) != len(set(keys)):
        sys.exit(f"duplicate key in {keys}")
    return [[key, value] for key, value in items]


records = []
for path in sys.argv[1:]:
    with open(path, "rb") as f:
        data = f.read()
    if not data.endswith(b"\n"):
        sys.exit(f"{path} does not end with a newline")
    for number, line in enumerate(data.split(b"\n")[:-1], start=1):
        value = json.loads(line.decode("utf-8"), object_pairs_hook=pairs)
        if not isinstance(value, list):
            sys.exit(f"{path}:{number} is not an object")
        records.append(value)
print(json.dumps(records))
