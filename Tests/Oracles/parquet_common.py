"""Shared rendering for the Parquet oracles: every value becomes a string (or None for null) so Swift can
compare exactly: integers in decimal, doubles as the hex of their IEEE bits, bytes as hex."""
import struct


def render(value):
    if value is None:
        return None
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, float):
        return "d:" + format(struct.unpack("<Q", struct.pack("<d", value))[0], "016x")
    if isinstance(value, int):
        return str(value)
    if isinstance(value, (bytes, bytearray)):
        return "b:" + bytes(value).hex()
    if isinstance(value, str):
        return value
    raise TypeError(f"cannot render {type(value)}: {value!r}")


def arrow_columns(table):
    """Column values in physical terms: timestamps as integers in their stored unit."""
    import pyarrow as pa

    columns = {}
    for field in table.schema:
        column = table.column(field.name)
        if pa.types.is_timestamp(field.type):
            column = column.cast(pa.int64())
        columns[field.name] = [render(v) for v in column.to_pylist()]
    return columns
