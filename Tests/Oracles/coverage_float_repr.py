"""Prints Python's repr(x) and repr(round(x, 6)) for each float given as a hex literal on stdin, one per line."""
import sys

for line in sys.stdin:
    line = line.strip()
    if not line:
        continue
    value = float.fromhex(line)
    print(repr(value), repr(round(value, 6)) if value == value and abs(value) != float("inf") else repr(value))
