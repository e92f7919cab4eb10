#!/usr/bin/env python3
"""PyYAML oracle for the YAML reader tests.

Usage: yaml_to_json.py PATH...

Loads every document of each file with yaml.safe_load_all (YAML 1.1 resolver, except that timestamps
stay strings, as our reader keeps them) and prints one JSON object mapping each path to either
{"json": CANONICAL} or {"error": MESSAGE, "line": L, "column": C} (1-based; null when PyYAML gives
no position).

CANONICAL is the list of documents rendered as compact JSON with sorted keys and non-ASCII kept:
floats become {"$float": repr(x)} so both sides compare floats exactly (repr is shortest
round-trip), mapping keys are stringified the way json.dumps does (1 -> "1", True -> "true",
None -> "null").
"""
import json
import sys

import yaml


class NoTimestampLoader(yaml.SafeLoader):
    pass


# Copy the resolver table without the timestamp resolver, so dates load as strings.
NoTimestampLoader.yaml_implicit_resolvers = {
    first: [(tag, regexp) for tag, regexp in resolvers if tag != "tag:yaml.org,2002:timestamp"]
    for first, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
}


def key_text(key):
    if isinstance(key, bool):
        return "true" if key else "false"
    if key is None:
        return "null"
    if isinstance(key, float):
        if key != key:
            return "NaN"
        if key in (float("inf"), float("-inf")):
            return "Infinity" if key > 0 else "-Infinity"
        return repr(key)
    return str(key)


def normalize(value):
    if isinstance(value, dict):
        return {key_text(k): normalize(v) for k, v in value.items()}
    if isinstance(value, list):
        return [normalize(v) for v in value]
    if isinstance(value, bool) or value is None or isinstance(value, (int, str)):
        return value
    if isinstance(value, float):
        return {"$float": repr(value)}
    raise TypeError("unexpected value of type %s" % type(value).__name__)


def render(path):
    with open(path, "rb") as handle:
        data = handle.read()
    try:
        documents = list(yaml.load_all(data.decode("utf-8"), Loader=NoTimestampLoader))
    except yaml.YAMLError as error:
        mark = getattr(error, "problem_mark", None)
        return {
            "error": str(error),
            "line": mark.line + 1 if mark else None,
            "column": mark.column + 1 if mark else None,
        }
    except Exception as error:  # PyYAML lets some conversion errors escape as ValueError etc.
        return {"error": "%s: %s" % (type(error).__name__, error), "line": None, "column": None}
    return {"json": json.dumps(normalize(documents), sort_keys=True, ensure_ascii=False, separators=(",", ":"))}


def main(paths):
    json.dump({path: render(path) for path in paths}, sys.stdout, ensure_ascii=False)


if __name__ == "__main__":
    main(sys.argv[1:])
