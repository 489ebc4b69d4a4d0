//! Output helpers: JSON and plain tables.
//!
//! Everything printed goes through here: text from the register (names,
//! addresses, older records that predate the register's text checks) has
//! control characters and text-direction controls written out as `\u{…}`,
//! so it cannot drive the terminal; and a closed pipe (`ogonblick due |
//! head -1`) is an error [`is_closed_pipe`] recognises, which `main` turns
//! into a quiet exit.

use std::io::Write;

use ogonblick_model::messages::{CliLine, CliWord, Column, Tally};
use ogonblick_model::text::{escape_unsafe, is_unsafe_char};
use ogonblick_model::Timestamp;

/// Prints a value as pretty JSON on stdout. Control and text-direction
/// characters in strings are written as `\uXXXX` escapes (the same JSON
/// value, but safe on a terminal).
pub fn json<T: serde::Serialize>(value: &T) -> anyhow::Result<()> {
    let mut out = buffered();
    let mut ser = serde_json::Serializer::with_formatter(&mut out, SafeJson::default());
    value.serialize(&mut ser)?;
    writeln!(out)?;
    out.flush()?;
    Ok(())
}

/// Stdout written in large pieces: Rust's stdout writes at every newline,
/// a system call a line (54,000 for `channel list --json` at 2,000
/// channels). Whoever uses it flushes at the end, so that an error (a
/// closed pipe) is reported, not lost when it is dropped.
fn buffered() -> std::io::BufWriter<std::io::StdoutLock<'static>> {
    std::io::BufWriter::with_capacity(64 * 1024, std::io::stdout().lock())
}

/// serde_json's pretty formatter, with every character that must not reach a
/// terminal raw escaped (serde_json itself escapes only U+0000–U+001F).
#[derive(Default)]
struct SafeJson(serde_json::ser::PrettyFormatter<'static>);

impl serde_json::ser::Formatter for SafeJson {
    fn write_string_fragment<W: ?Sized + Write>(
        &mut self,
        w: &mut W,
        fragment: &str,
    ) -> std::io::Result<()> {
        let mut rest = fragment;
        while let Some((i, c)) = rest.char_indices().find(|(_, c)| is_unsafe_char(*c)) {
            w.write_all(&rest.as_bytes()[..i])?;
            let mut units = [0u16; 2];
            for u in c.encode_utf16(&mut units) {
                write!(w, "\\u{:04x}", u)?;
            }
            rest = &rest[i + c.len_utf8()..];
        }
        w.write_all(rest.as_bytes())
    }
    fn begin_array<W: ?Sized + Write>(&mut self, w: &mut W) -> std::io::Result<()> {
        self.0.begin_array(w)
    }
    fn end_array<W: ?Sized + Write>(&mut self, w: &mut W) -> std::io::Result<()> {
        self.0.end_array(w)
    }
    fn begin_array_value<W: ?Sized + Write>(
        &mut self,
        w: &mut W,
        first: bool,
    ) -> std::io::Result<()> {
        self.0.begin_array_value(w, first)
    }
    fn end_array_value<W: ?Sized + Write>(&mut self, w: &mut W) -> std::io::Result<()> {
        self.0.end_array_value(w)
    }
    fn begin_object<W: ?Sized + Write>(&mut self, w: &mut W) -> std::io::Result<()> {
        self.0.begin_object(w)
    }
    fn end_object<W: ?Sized + Write>(&mut self, w: &mut W) -> std::io::Result<()> {
        self.0.end_object(w)
    }
    fn begin_object_key<W: ?Sized + Write>(
        &mut self,
        w: &mut W,
        first: bool,
    ) -> std::io::Result<()> {
        self.0.begin_object_key(w, first)
    }
    fn begin_object_value<W: ?Sized + Write>(&mut self, w: &mut W) -> std::io::Result<()> {
        self.0.begin_object_value(w)
    }
    fn end_object_value<W: ?Sized + Write>(&mut self, w: &mut W) -> std::io::Result<()> {
        self.0.end_object_value(w)
    }
}

/// Whether `err` is a write to a pipe whose reader has gone.
pub fn is_closed_pipe(err: &anyhow::Error) -> bool {
    err.chain().any(|e| {
        e.downcast_ref::<std::io::Error>()
            .is_some_and(|io| io.kind() == std::io::ErrorKind::BrokenPipe)
            || e.downcast_ref::<serde_json::Error>()
                .is_some_and(|j| j.io_error_kind() == Some(std::io::ErrorKind::BrokenPipe))
    })
}

/// Prints a line on stderr (a warning, progress), escaped like stdout; a
/// stderr that cannot be written is ignored rather than a panic.
pub fn err_line(s: impl std::fmt::Display) {
    let s = s.to_string();
    let _ = writeln!(std::io::stderr().lock(), "{}", escape_unsafe(&s, true));
}

/// Prints `value` as pretty JSON when `as_json`, otherwise as text with `text`.
pub fn json_or<T: serde::Serialize>(
    as_json: bool,
    value: &T,
    text: impl FnOnce(&T) -> anyhow::Result<()>,
) -> anyhow::Result<()> {
    if as_json {
        json(value)
    } else {
        text(value)
    }
}

/// Prints a line on stdout.
pub fn line(s: impl std::fmt::Display) -> anyhow::Result<()> {
    let s = s.to_string();
    let mut out = std::io::stdout().lock();
    writeln!(out, "{}", escape_unsafe(&s, true))?;
    out.flush()?;
    Ok(())
}

/// A local date and time, to the minute.
pub fn time(t: &Timestamp) -> String {
    t.with_timezone(&chrono::Local)
        .format("%Y-%m-%d %H:%M")
        .to_string()
}

pub fn opt(s: &Option<String>) -> &str {
    s.as_deref().unwrap_or("")
}

/// Prints a table with a header row; columns are padded to the widest cell
/// (counted in characters, so åäö line up).
pub fn table(header: &[&str], rows: &[Vec<String>]) -> anyhow::Result<()> {
    let rows: Vec<Vec<String>> = rows
        .iter()
        .map(|r| {
            r.iter()
                .map(|c| escape_unsafe(c, false).into_owned())
                .collect()
        })
        .collect();
    let cols = header.len();
    let mut width: Vec<usize> = header.iter().map(|h| h.chars().count()).collect();
    for r in &rows {
        for (i, cell) in r.iter().enumerate().take(cols) {
            width[i] = width[i].max(cell.chars().count());
        }
    }
    let mut out = buffered();
    let fmt_row = |cells: Vec<&str>| {
        let mut s = String::new();
        for (i, c) in cells.iter().enumerate() {
            s.push_str(c);
            if i + 1 < cells.len() {
                s.push_str(&" ".repeat(width[i] - c.chars().count() + 2));
            }
        }
        s
    };
    writeln!(out, "{}", fmt_row(header.to_vec()))?;
    for r in &rows {
        writeln!(out, "{}", fmt_row(r.iter().map(String::as_str).collect()))?;
    }
    out.flush()?;
    Ok(())
}

/// Cuts a cell to `max` characters.
pub fn cut(s: &str, max: usize) -> String {
    if s.chars().count() <= max {
        s.to_string()
    } else {
        let mut t: String = s.chars().take(max.saturating_sub(1)).collect();
        t.push('…');
        t
    }
}

/// The non-zero counts as "N word" parts, in the order given.
pub fn nonzero_counts(counts: &[(u32, Tally)]) -> Vec<String> {
    counts
        .iter()
        .filter(|(n, _)| *n > 0)
        .map(|&(n, what)| {
            crate::lang::line(CliLine::CliCount {
                count: n.into(),
                what,
            })
        })
        .collect()
}

/// Prints a table whose header is `columns` in the CLI's language.
pub fn table_of(columns: &[Column], rows: &[Vec<String>]) -> anyhow::Result<()> {
    let header = crate::lang::header(columns);
    table(&header.iter().map(String::as_str).collect::<Vec<_>>(), rows)
}

/// Prints one board/unit group: a blank line, the heading
/// "board / unit: counts" and the group's table.
pub fn group_table(
    board: Option<&str>,
    unit: Option<&str>,
    counts: &str,
    columns: &[Column],
    rows: &[Vec<String>],
) -> anyhow::Result<()> {
    use crate::lang::word;
    line("")?;
    line(crate::lang::line(CliLine::CliGroup {
        board: board.map_or_else(|| word(CliWord::NoBoard), str::to_string),
        unit: unit.map_or_else(|| word(CliWord::NoUnit), str::to_string),
        counts: counts.to_string(),
    }))?;
    let mut header = crate::lang::header(columns);
    // The state column is indented like its cells.
    header[0] = format!("  {}", header[0]);
    table(&header.iter().map(String::as_str).collect::<Vec<_>>(), rows)
}

/// The columns every per-channel table starts with; see [`channel_cells`].
pub const CHANNEL_COLUMNS: [Column; 3] = [Column::State, Column::Id, Column::Channel];

/// The first cells of a per-channel row, under [`CHANNEL_COLUMNS`]: the
/// state (`not-due`, …: indented, upper case, in the CLI's language), the
/// channel id and the name cut to 30.
pub fn channel_cells(state: &str, id: impl std::fmt::Display, name: &str) -> Vec<String> {
    let state = crate::lang::line(CliLine::CliState {
        state: state.to_string(),
    });
    vec![
        format!("  {}", state.to_uppercase()),
        id.to_string(),
        cut(name, 30),
    ]
}

/// The RESPONSIBLE and SUBSTITUTE cells, each cut to 20.
pub fn people_cells(responsible: &Option<String>, substitute: &Option<String>) -> [String; 2] {
    [cut(opt(responsible), 20), cut(opt(substitute), 20)]
}
