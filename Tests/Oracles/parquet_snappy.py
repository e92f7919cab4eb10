"""Snappy interop through pyarrow's codec, for every file in the folder given as the only argument:
`NAME.raw` is compressed by pyarrow to `NAME.pyarrow-snappy`; `NAME.ours-snappy` (a raw snappy block we
wrote, with its uncompressed size in `NAME.size`) is decompressed by pyarrow to `NAME.pyarrow-raw`."""
import os
import sys

import pyarrow as pa


def main():
    folder = sys.argv[1]
    for name in sorted(os.listdir(folder)):
        path = os.path.join(folder, name)
        stem, ext = os.path.splitext(path)
        if ext == ".raw":
            data = open(path, "rb").read()
            open(stem + ".pyarrow-snappy", "wb").write(pa.compress(data, codec="snappy", asbytes=True))
        elif ext == ".ours-snappy":
            size = int(open(stem + ".size").read())
            data = open(path, "rb").read()
            out = pa.decompress(data, decompressed_size=size, codec="snappy", asbytes=True)
            open(stem + ".pyarrow-raw", "wb").write(out)


if __name__ == "__main__":
    main()
