#!/usr/bin/env python3
"""Runs E-ARK's own validator (PyPI `eark-validator`, tested with 1.1.3) on a
package and prints one JSON object on stdout:

  {"package": ..., "structure": "...", "errors": [{"id","level","message","location"}...],
   "warnings": [...], "raw": <the validator's own report>}

Why this glue exists:
* at import the validator fetches four CSIP vocabulary files from
  earkcsip.dilcis.eu with urllib; the same files ship inside its wheel
  (eark_validator/ipxml/resources/vocabs/), so urlopen is redirected to them
  and the run works offline;
* its CLI exits 0 even for an invalid package, so the report is read as JSON.

Usage: python3 eark_validate.py PACKAGE.zip|FOLDER
Exit: 0 when the validator ran (whatever the result), 2 when it could not run.
"""
import io
import re
import json
import os
import sys
import urllib.request


def _vocab_dir():
    import importlib.util
    spec = importlib.util.find_spec("eark_validator")
    if spec is None or not spec.submodule_search_locations:
        print(json.dumps({"error": "eark-validator is not installed: pip install eark-validator==1.1.3"}))
        sys.exit(2)
    return os.path.join(list(spec.submodule_search_locations)[0], "ipxml", "resources", "vocabs")


VOCABS = _vocab_dir()


def _plain_xpath(loc):
    """The validator's location is '<rule context><test><xpath of the node>';
    keep the node's xpath with the namespace predicates removed."""
    i = loc.find("/*[local-name()")
    if i < 0:
        return loc
    return re.sub(r"\*\[local-name\(\)='([A-Za-z]+)' and namespace-uri\(\)='[^']*'\]", r"\1", loc[i:])
_real_urlopen = urllib.request.urlopen


def _local_urlopen(url, *args, **kwargs):
    u = url if isinstance(url, str) else url.get_full_url()
    if u.startswith("https://earkcsip.dilcis.eu/schema/") or u.startswith("https://earksip.dilcis.eu/schema/"):
        name = u.rsplit("/", 1)[-1]
        path = os.path.join(VOCABS, name)
        if os.path.exists(path):
            return open(path, "rb")
    raise OSError(f"offline: refusing to fetch {u}")


urllib.request.urlopen = _local_urlopen
# schematron.py does `from urllib.request import urlopen` at import time, so the
# patch must be in place before the import below.
from eark_validator import packages as PACKAGES  # noqa: E402
from eark_validator.specifications.specification import SpecificationVersion  # noqa: E402
from pathlib import Path  # noqa: E402


def main():
    if len(sys.argv) != 2:
        print(__doc__, file=sys.stderr)
        sys.exit(2)
    target = Path(sys.argv[1])
    report = PACKAGES.PackageValidator(target, SpecificationVersion.V2_1_0).validation_report
    raw = json.loads(report.model_dump_json())
    errors, warnings = [], []

    def walk(node, where):
        if isinstance(node, dict):
            if "rule_id" in node or ("id" in node and "severity" in node):
                loc = node.get("location") or ""
                item = {
                    "id": node.get("rule_id") or node.get("id"),
                    # the node the rule fired on, as a plain XPath, e.g. /mets/metsHdr/agent[3]
                    "path": _plain_xpath(loc),
                    "level": node.get("severity") or node.get("level"),
                    "message": node.get("message"),
                    "location": (node.get("location") or {}),
                    "where": where,
                }
                lvl = str(item["level"]).lower()
                if lvl == "error":
                    errors.append(item)
                elif lvl in ("warning", "warn"):
                    warnings.append(item)
            for k, v in node.items():
                walk(v, where + "/" + k)
        elif isinstance(node, list):
            for i, v in enumerate(node):
                walk(v, f"{where}[{i}]")

    walk(raw, "")
    structure = (raw.get("structure") or {}).get("status")
    print(json.dumps({"package": str(target), "structure": structure, "errors": errors,
                      "warnings": warnings, "raw": raw}, ensure_ascii=False))


if __name__ == "__main__":
    main()
