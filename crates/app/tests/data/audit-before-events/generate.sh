#!/bin/bash
# Generates the audit fixture with the binaries of today's code (before typed events).
set -euo pipefail
BIN=/tmp/h-audit/bin
OUT=/tmp/h-audit/fixture
rm -rf "$OUT" /tmp/h-audit/work
mkdir -p "$OUT" /tmp/h-audit/work/pkg
D="$OUT/data"
export OGONBLICK_DATA_DIR="$D" OGONBLICK_OPERATOR="Märta"
o() { "$BIN/ogonblick" "$@"; }
# the fixture site, until stdin closes
exec 3> >("$BIN/ogonblick-testsite" --until-stdin-closes > /tmp/h-audit/work/site.json)
sleep 1
BASE=$(python3 -c 'import json;print(json.load(open("/tmp/h-audit/work/site.json"))["base"])')
URL="$BASE/tall?h=700"
o settings set --name "Vetlanda kommun" --org-number 212000-0688 --e-archive "Vetlanda e-arkiv"
ID=$(o channel add --name "Kulturhuset på Instagram" --platform instagram --board "Kultur- och fritidsnämnden" --url "$URL")
o channel edit "$ID" --unit Kulturhuset --purpose "Evenemang för unga"
printf 'namn;plattform;adress\nMusikskolan;youtube;https://www.youtube.com/@musikskolan\n' > /tmp/h-audit/work/other.csv
o register import /tmp/h-audit/work/other.csv
o register export /tmp/h-audit/work/register.csv
o capture "$ID" --reason half-yearly
o channel close "$ID"
o capture "$ID" --reason pre-closure
/tmp/h-audit/bin/gen_fixture review "$D" "$ID"
PKG=/tmp/h-audit/work/pkg/Kulturhuset-avslut.zip
o export --channel "$ID" --out "$PKG"
# a damaged copy fails verification
python3 - "$PKG" /tmp/h-audit/work/pkg/damaged.zip <<'PY'
import sys
b=bytearray(open(sys.argv[1],'rb').read()); b[len(b)//3]^=0x20
open(sys.argv[2],'wb').write(b)
PY
cp "$PKG.sha256" /tmp/h-audit/work/pkg/damaged.zip.sha256
o verify /tmp/h-audit/work/pkg/damaged.zip || true
o verify "$PKG"
o close-complete "$ID" --package "$PKG"
o reindex
/tmp/h-audit/bin/gen_fixture dump "$D" "$ID" "$OUT"
exec 3>&-
o audit > "$OUT/audit-cli.txt" 2>&1 || true
o audit --json > "$OUT/audit-cli.json"
rm -rf "$D/locks" "$D/staging" "$D/profiles"
echo done
