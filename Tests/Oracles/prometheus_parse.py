"""Parses Prometheus text exposition format (read from stdin) with prometheus_client's own parser and prints
the families as JSON: [{"name", "type", "documentation", "samples": [{"name", "labels", "value"}]}].
Values are printed as repr() text so NaN and infinities survive JSON.

Usage: prometheus_parse.py < metrics.txt
"""
import json
import sys

from prometheus_client.parser import text_string_to_metric_families

text = sys.stdin.read()
families = []
for family in text_string_to_metric_families(text):
    families.append({
        "name": family.name,
        "type": family.type,
        "documentation": family.documentation,
        "samples": [
            {"name": s.name, "labels": dict(s.labels), "value": repr(float(s.value))}
            for s in family.samples
        ],
    })
print(json.dumps(families))
