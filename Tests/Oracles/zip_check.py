"""Checks a ZIP archive with Python's zipfile: testzip() must find nothing; extracts every member into a
folder and prints the central directory as JSON.

Usage: zip_check.py ARCHIVE OUTPUT_DIR
"""
import json
import os
import sys
import zipfile

archive, out = sys.argv[1], sys.argv[2]
with zipfile.ZipFile(archive) as z:
    bad = z.testzip()
    if bad is not None:
        sys.exit(f"testzip found a bad member: {bad}")
    members = []
    for index, info in enumerate(z.infolist()):
        data = z.read(info)
        # Names may hold characters that are awkward on disk; store by index.
        with open(os.path.join(out, str(index)), "wb") as f:
            f.write(data)
        members.append({
            "name": info.filename,
            "size": info.file_size,
            "compressedSize": info.compress_size,
            "crc": info.CRC,
            "method": info.compress_type,
            "flags": info.flag_bits,
            "externalAttributes": info.external_attr,
            "createSystem": info.create_system,
            "dateTime": list(info.date_time),
            "extra": info.extra.hex(),
        })
print(json.dumps(members))
