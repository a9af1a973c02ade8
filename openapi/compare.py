#!/usr/bin/env python3
"""Compares what two OpenAPI documents promise, ignoring form.

For every operation it collects, per status, the media types, the schema each names and
the problem codes the answer mentions (`code` in backticks), after resolving shared
responses (`$ref` to components.responses). It prints every difference, or that there is
none, and exits non-zero when there is one.

    python3 openapi/compare.py before.json after.json
"""

import json
import re
import sys

CODE = re.compile(r"`([a-z][a-z0-9-]*[a-z0-9])`")
METHODS = ("get", "put", "post", "patch", "delete")


def promises(doc):
    shared = doc.get("components", {}).get("responses", {})
    found = {}
    for path, item in doc["paths"].items():
        for method in METHODS:
            op = item.get(method)
            if op is None:
                continue
            for status, answer in op["responses"].items():
                if "$ref" in answer:
                    answer = shared[answer["$ref"].rsplit("/", 1)[1]]
                # Only hyphenated slugs are problem codes; OAuth's error names use underscores.
                codes = {c for c in CODE.findall(answer.get("description", "")) if "-" in c}
                for media, content in (answer.get("content") or {"-": {}}).items():
                    schema = json.dumps(content.get("schema"), sort_keys=True)
                    found[(method.upper(), path, status, media)] = (schema, codes)
    return found


def main(before_path, after_path):
    before = promises(json.load(open(before_path)))
    after = promises(json.load(open(after_path)))
    differences = []
    for key in sorted(before.keys() | after.keys()):
        label = " ".join(key)
        if key not in after:
            differences.append(f"{label}: answer lost")
        elif key not in before:
            differences.append(f"{label}: answer gained")
        else:
            (schema_a, codes_a), (schema_b, codes_b) = before[key], after[key]
            if schema_a != schema_b:
                differences.append(f"{label}: schema {schema_a} became {schema_b}")
            for code in sorted(codes_a - codes_b):
                differences.append(f"{label}: code `{code}` lost")
            for code in sorted(codes_b - codes_a):
                differences.append(f"{label}: code `{code}` gained")
    operations = len({(m, p) for (m, p, _, _) in after})
    if differences:
        print("\n".join(differences))
        print(f"{len(differences)} difference(s) over {operations} operations")
        return 1
    print(f"{operations} operations, {len(after)} answers: no operation gained or lost a status, code or schema")
    return 0


if __name__ == "__main__":
    sys.exit(main(*sys.argv[1:3]))
