#!/usr/bin/env python3
"""Reads a persisted paper pre-check report with Python's json and hashlib.

Usage: paper_precheck_report.py <report.json>
Prints {"sha256", "size_bytes", "status", "environment", "keys", "ends_with_newline"} as JSON; exits
non-zero when the file is not valid JSON.
"""
import hashlib
import json
import sys


def main() -> int:
    with open(sys.argv[1], "rb") as handle:
        data = handle.read()
    document = json.loads(data.decode("utf-8"))
    print(json.dumps({
        "sha256": hashlib.sha256(data).hexdigest(),
        "size_bytes": len(data),
        "status": document["status"],
        "environment": document["environment"],
        "keys": list(document.keys()),
        "ends_with_newline": data.endswith(b"\n"),
    }))
    return 0


if __name__ == "__main__":
    sys.exit(main())
