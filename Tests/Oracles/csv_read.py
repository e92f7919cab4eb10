"""Reads a CSV file with Python's csv module and prints its records as a JSON list of lists.

Usage: csv_read.py FILE
"""
import csv
import json
import sys

with open(sys.argv[1], newline="", encoding="utf-8") as f:
    print(json.dumps([row for row in csv.reader(f, strict=True)]))
