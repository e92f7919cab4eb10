#!/usr/bin/env python3
"""Random YAML documents written by PyYAML's own emitter, for a differential test of our reader.

Usage: yaml_random_documents.py SEED COUNT

Builds COUNT random data trees (nested lists and mappings of tricky scalars: YAML 1.1 look-alikes,
indicator characters, quotes, line breaks, unicode), dumps each with randomly chosen emitter options
(block or flow style, every scalar style, narrow widths that force folding, indentation 2-8, explicit
document markers) and prints a JSON list of {"yaml": TEXT, "json": CANONICAL}, where CANONICAL is
PyYAML's reading rendered as yaml_to_json.py renders it. Trees whose canonical JSON would hold two
equal keys (e.g. None and "null") are skipped, since JSON cannot tell them apart.
"""
import json
import random
import sys

import yaml

from yaml_to_json import NoTimestampLoader, key_text, normalize

TRICKY = [
    "yes", "No", "ON", "off", "y", "~", "null", "NULL", "1:30", "190:20:30", "0755", "0o17", "0x1F", "0b101",
    "1e3", "1.5e+3", ".inf", "-.Inf", ".nan", "-.5", "1_000", "2024-01-01", "21:00", "a: b", "a #b", "- x",
    "? y", "[a]", "{b}", '"q"', "'s'", "&a", "*b", "!t", "%p", "@x", "`y", "|", ">", "  lead", "trail  ",
    "multi\nline", "tab\there", "zażółć 🚀", "", "=", "<<", "-", "---", "...", "a\\b", "end\n", "\n\nx\n\n",
    "ab  cd", "long " * 30,
]
CHARACTERS = "abcdefgh :-#'\"\n ,[]{}&*!|>%@`\\"


def scalar(rng):
    roll = rng.random()
    if roll < 0.15:
        return rng.randint(-10**6, 10**6)
    if roll < 0.25:
        return rng.choice([0.1, -2.5, 1e20, 1e-7, 3.0, float("inf"), -float("inf"), 123.456, -0.0, 0.30000000000000004])
    if roll < 0.3:
        return rng.choice([True, False, None])
    if roll < 0.7:
        return rng.choice(TRICKY)
    return "".join(rng.choice(CHARACTERS) for _ in range(rng.randint(0, 25)))


def tree(rng, depth=0):
    roll = rng.random()
    if depth > 3 or roll < 0.4:
        return scalar(rng)
    if roll < 0.7:
        return [tree(rng, depth + 1) for _ in range(rng.randint(0, 4))]
    mapping = {}
    for _ in range(rng.randint(0, 4)):
        key = scalar(rng) if rng.random() < 0.5 else "".join(rng.choice("abcxyz_") for _ in range(rng.randint(1, 8)))
        if isinstance(key, float) and key != key:
            continue
        mapping[key] = tree(rng, depth + 1)
    return mapping


def has_colliding_keys(value):
    if isinstance(value, dict):
        texts = [key_text(k) for k in value]
        return len(set(texts)) != len(texts) or any(has_colliding_keys(v) for v in value.values())
    if isinstance(value, list):
        return any(has_colliding_keys(v) for v in value)
    return False


def main(seed, count):
    rng = random.Random(seed)
    cases = []
    while len(cases) < count:
        documents = [tree(rng) for _ in range(rng.randint(1, 2))]
        options = dict(
            default_flow_style=rng.choice([False, True, None]),
            width=rng.choice([10, 20, 40, 80, 1000]),
            indent=rng.choice([2, 3, 4, 8]),
            allow_unicode=rng.random() < 0.5,
            explicit_start=rng.random() < 0.3,
            explicit_end=rng.random() < 0.2,
        )
        style = rng.choice([None, None, "'", '"', "|", ">"])
        if style:
            options["default_style"] = style
        text = yaml.safe_dump_all(documents, **options)
        loaded = list(yaml.load_all(text, Loader=NoTimestampLoader))
        if has_colliding_keys(loaded):
            continue
        rendered = json.dumps(normalize(loaded), sort_keys=True, ensure_ascii=False, separators=(",", ":"))
        cases.append({"yaml": text, "json": rendered})
    json.dump(cases, sys.stdout, ensure_ascii=False)


if __name__ == "__main__":
    main(int(sys.argv[1]), int(sys.argv[2]))
