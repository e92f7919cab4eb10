"""Writes a ZIP archive with Python's zipfile from a JSON list on stdin:
[{"name": "a.txt", "path": "/abs/source", "method": "deflated" | "stored"}, ...]

Usage: zip_write.py ARCHIVE < spec.json
"""
import json
import sys
import zipfile

methods = {"deflated": zipfile.ZIP_DEFLATED, "stored": zipfile.ZIP_STORED}
spec = json.load(sys.stdin)
with zipfile.ZipFile(sys.argv[1], "w") as z:
    for item in spec:
        with open(item["path"], "rb") as f:
            data = f.read()
        info = zipfile.ZipInfo(item["name"], date_time=(2024, 5, 17, 12, 30, 44))
        info.compress_type = methods[item["method"]]
        z.writestr(info, data)
