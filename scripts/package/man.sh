#!/usr/bin/env bash
# Writes the man page ogonblick(1) on stdout from the program's own --help
# texts (every command and subcommand), so the page never disagrees with the
# program it describes. Usage: man.sh PATH/TO/ogonblick VERSION
set -euo pipefail
BIN="$1"
VERSION="$2"
# roff: a backslash is \e, a line starting with . or ' is protected by \&.
esc() { sed -e 's/\\/\\e/g' -e "s/^\([.']\)/\\\\\&\1/"; }
# The subcommands listed under "Commands:" in a --help text, "help" left out.
subcommands() {
  awk '/^Commands:/ { on = 1; next } on && /^$/ { exit }
       on && /^  [a-z]/ { if ($1 != "help") print $1 }'
}
section() {
  # One command's help under its own heading, then its subcommands'.
  local path=("$@") text
  text="$("$BIN" "${path[@]}" --help)"
  printf '.SS "ogonblick %s"\n.nf\n' "${path[*]}"
  printf '%s\n' "$text" | esc
  printf '.fi\n'
  local sub
  for sub in $(printf '%s\n' "$text" | subcommands); do
    section "${path[@]}" "$sub"
  done
}

TOP="$("$BIN" --help)"
ABOUT="$(printf '%s\n' "$TOP" | head -1)"
cat <<ROFF
.TH OGONBLICK 1 "" "ogonblick $VERSION" "User Commands"
.SH NAME
ogonblick \\- social-media snapshots for the e-archive
.SH SYNOPSIS
.B ogonblick
[\\fIOPTIONS\\fR] \\fICOMMAND\\fR ...
.SH DESCRIPTION
$(printf '%s\n' "$ABOUT" | esc)
.PP
Ögonblick keeps a municipality's social-media channels on the public record:
the channel register, snapshots (full-page PNG and PDF/A-2b, taken with
headless Chromium) and FGS 2.0 / E-ARK archive packages. The desktop app is
.BR ogonblick-desktop ;
it works on the same data directory.
.nf
$(printf '%s\n' "$TOP" | tail -n +2 | esc)
.fi
.SH COMMANDS
ROFF
for cmd in $(printf '%s\n' "$TOP" | subcommands); do
  section "$cmd"
done
cat <<'ROFF'
.SH ENVIRONMENT
.TP
.B OGONBLICK_DATA_DIR
The data directory (else ~/.local/share/ogonblick; --data-dir wins over both).
.TP
.B OGONBLICK_OPERATOR
Who is working, for the audit log (else the login name).
.TP
.B OGONBLICK_LANG
The language of messages: sv or en.
.TP
.B OGONBLICK_CHROMIUM
The Chromium (or Chrome, Edge) to capture with (default /usr/bin/chromium).
.SH EXIT STATUS
0 when the command did what was asked, 1 for a user error (the message says
what to do), 2 for a fault of the machine or the program.
.SH FILES
.TP
.I /usr/bin/ogonblick-desktop
The desktop app, in the menu as \(:Ogonblick.
.SH SEE ALSO
.BR chromium (1)
ROFF
