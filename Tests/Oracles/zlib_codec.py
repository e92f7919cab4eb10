"""Compresses or decompresses files with Python's zlib/gzip modules.

Usage: zlib_codec.py compress|decompress raw|zlib|gzip INPUT OUTPUT [INPUT OUTPUT ...]
"""
import gzip
import sys
import zlib

action, framing, paths = sys.argv[1], sys.argv[2], sys.argv[3:]


def convert(data):
    if framing == "gzip":
        return gzip.compress(data, mtime=0) if action == "compress" else gzip.decompress(data)
    wbits = -15 if framing == "raw" else 15
    if action == "compress":
        c = zlib.compressobj(9, zlib.DEFLATED, wbits)
        return c.compress(data) + c.flush()
    d = zlib.decompressobj(wbits)
    out = d.decompress(data) + d.flush()
    if not d.eof:
        sys.exit("stream did not end")
    if d.unused_data:
        sys.exit("trailing data after the stream")
    return out


for source, target in zip(paths[0::2], paths[1::2]):
    with open(source, "rb") as f:
        data = f.read()
    with open(target, "wb") as f:
        f.write(convert(data))
