#!/usr/bin/env bash
# Fails when ARCHITECTURE.md's codemap does not name a Rust module that exists,
# or names one that does not. A module is every `*.rs` file under a crate's
# `src/` (and src-tauri/src), other than lib.rs, main.rs, mod.rs and the unit
# tests of a module (`tests.rs`); the
# codemap names it by its path inside `src/` (`commands/channel.rs`) or, when
# that is unambiguous within its crate's section, by its file name.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"
python3 - <<'EOF'
import pathlib, re, sys

doc = pathlib.Path("ARCHITECTURE.md").read_text(encoding="utf-8")

# The codemap's sections: "### `crates/NAME` ..." or "### `src-tauri` ...".
sections = {}
current = None
for line in doc.splitlines():
    m = re.match(r"^### `([^`]+)`", line)
    if m:
        current = m.group(1).rstrip("/")
        sections[current] = []
        continue
    if line.startswith("## "):
        current = None
    if current is not None:
        sections[current].append(line)

missing, stale = [], []
crates = sorted(pathlib.Path("crates").glob("*/src")) + [pathlib.Path("src-tauri/src")]
for src in crates:
    crate = str(src.parent)
    text = "\n".join(sections.get(crate, []))
    if crate not in sections:
        missing.append(f"{crate}: no '### `{crate}`' section in the codemap")
        continue
    for f in sorted(src.rglob("*.rs")):
        rel = f.relative_to(src).as_posix()
        if f.name in ("lib.rs", "main.rs", "mod.rs", "tests.rs"):
            continue
        if rel in text or (("/" not in rel) and re.search(r"(?<![\w/])" + re.escape(f.name), text)):
            continue
        # A nested module may be named by its file name when no other file of
        # the crate has the same name.
        same = [g for g in src.rglob(f.name)]
        if len(same) == 1 and re.search(r"(?<![\w])" + re.escape(f.name), text):
            continue
        missing.append(f"{crate}/src/{rel}")
    # Names in the section that look like module files but do not exist.
    for name in set(re.findall(r"`([\w/.-]+\.rs)`", text)) | set(re.findall(r"(?<![\w/.-])([a-z_][\w/-]*\.rs)\b", text)):
        if name in ("lib.rs", "main.rs", "mod.rs", "build.rs"):
            continue
        if not any(True for _ in src.rglob(pathlib.Path(name).name)) and not (src.parent / name).exists() \
                and not pathlib.Path(name).exists():
            stale.append(f"{crate}: names '{name}', which does not exist")

if missing or stale:
    for m in missing:
        print(f"ARCHITECTURE.md does not name the module {m}", file=sys.stderr)
    for s in stale:
        print(f"ARCHITECTURE.md {s}", file=sys.stderr)
    print("check-architecture: FAILED: keep ARCHITECTURE.md's codemap true to the code", file=sys.stderr)
    sys.exit(1)
print(f"check-architecture: every module of {len(crates)} crates is in the codemap")
EOF
