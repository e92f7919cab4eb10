"""Snappy interop through pyarrow's codec. `compress IN OUT` and `decompress IN OUT SIZE` act on raw
snappy blocks; `check IN OUT` compresses IN with pyarrow to OUT."""
import sys

import pyarrow as pa


def main():
    mode, source, target = sys.argv[1:4]
    data = open(source, "rb").read()
    if mode == "compress":
        out = pa.compress(data, codec="snappy", asbytes=True)
    elif mode == "decompress":
        out = pa.decompress(data, decompressed_size=int(sys.argv[4]), codec="snappy", asbytes=True)
    else:
        raise SystemExit(f"unknown mode {mode}")
    open(target, "wb").write(out)


if __name__ == "__main__":
    main()
