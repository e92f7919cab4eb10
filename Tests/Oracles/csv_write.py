"""Writes the JSON list of lists on stdin as CSV with Python's csv module (minimal quoting).

Usage: csv_write.py FILE crlf|lf < records.json
"""
import csv
import json
import sys

terminator = "\r\n" if sys.argv[2] == "crlf" else "\n"
with open(sys.argv[1], "w", newline="", encoding="utf-8") as f:
    writer = csv.writer(f, lineterminator=terminator)
    writer.writerows(json.load(sys.stdin))
