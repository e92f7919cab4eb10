"""Reads one JSON document from stdin and writes it back with json.dumps(indent=2, ensure_ascii=False).

Python keeps the key order of the input, so equal output means the input already was in json.dumps form.
"""
import json
import sys

sys.stdout.write(json.dumps(json.loads(sys.stdin.read()), indent=2, ensure_ascii=False))
