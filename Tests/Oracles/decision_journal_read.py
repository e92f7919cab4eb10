"""Reads decision journal JSON Lines files with Python's json module and prints every record as a list of
[key, type, text] triples in file order, so key order is visible and numbers keep every digit (text is
repr() for numbers; type is str, float, int or null). Fails on a duplicate key, a line that is not an
object, or a file without a trailing newline.

Usage: decision_journal_read.py FILE...
"""
import json
import sys


def triples(items):
    keys = [key for key, _ in items]
    if len(keys) != len(set(keys)):
        sys.exit(f"duplicate key in {keys}")
    out = []
    for key, value in items:
        if value is None:
            out.append([key, "null", ""])
        elif isinstance(value, str):
            out.append([key, "str", value])
        elif isinstance(value, bool):
            out.append([key, "bool", repr(value)])
        elif isinstance(value, int):
            out.append([key, "int", repr(value)])
        elif isinstance(value, float):
            out.append([key, "float", repr(value)])
        else:
            sys.exit(f"unexpected nested value for {key}: {value!r}")
    return out


records = []
for path in sys.argv[1:]:
    with open(path, "rb") as f:
        data = f.read()
    if not data.endswith(b"\n"):
        sys.exit(f"{path} does not end with a newline")
    for number, line in enumerate(data.split(b"\n")[:-1], start=1):
        value = json.loads(line.decode("utf-8"), object_pairs_hook=triples)
        if not isinstance(value, list):
            sys.exit(f"{path}:{number} is not an object")
        records.append(value)
print(json.dumps(records))
