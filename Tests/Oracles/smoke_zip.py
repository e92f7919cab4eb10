"""Checks a smoke report archive with Python's zipfile against the report folder it was made from:
testzip() must find nothing, and every member must be byte-identical to the file of the same name.
Prints {"names": [...in archive order], "methods": {...}, "identical": {...}} as JSON.

Usage: smoke_zip.py ARCHIVE REPORT_DIR
"""
import json
import os
import sys
import zipfile

archive, folder = sys.argv[1], sys.argv[2]
with zipfile.ZipFile(archive) as z:
    bad = z.testzip()
    if bad is not None:
        sys.exit(f"testzip found a bad member: {bad}")
    names = [info.filename for info in z.infolist()]
    methods = {info.filename: info.compress_type for info in z.infolist()}
    identical = {}
    for name in names:
        with open(os.path.join(folder, name), "rb") as f:
            identical[name] = z.read(name) == f.read()
print(json.dumps({"names": names, "methods": methods, "identical": identical}))
