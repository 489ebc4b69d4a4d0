//! Output helpers: JSON and plain tables.

use std::io::Write;

use ogonblick_model::Timestamp;

/// Prints a value as pretty JSON on stdout.
pub fn json<T: serde::Serialize>(value: &T) -> anyhow::Result<()> {
    let mut out = std::io::stdout().lock();
    serde_json::to_writer_pretty(&mut out, value)?;
    writeln!(out)?;
    Ok(())
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
    let mut out = std::io::stdout().lock();
    writeln!(out, "{s}")?;
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
    let cols = header.len();
    let mut width: Vec<usize> = header.iter().map(|h| h.chars().count()).collect();
    for r in rows {
        for (i, cell) in r.iter().enumerate().take(cols) {
            width[i] = width[i].max(cell.chars().count());
        }
    }
    let mut out = std::io::stdout().lock();
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
    for r in rows {
        writeln!(out, "{}", fmt_row(r.iter().map(String::as_str).collect()))?;
    }
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
pub fn nonzero_counts(counts: &[(u32, &str)]) -> Vec<String> {
    counts
        .iter()
        .filter(|(n, _)| *n > 0)
        .map(|(n, word)| format!("{n} {word}"))
        .collect()
}

/// Prints one board/unit group: a blank line, the heading
/// "board / unit: counts" and the group's table.
pub fn group_table(
    board: Option<&str>,
    unit: Option<&str>,
    counts: &str,
    header: &[&str],
    rows: &[Vec<String>],
) -> anyhow::Result<()> {
    line("")?;
    line(format!(
        "{} / {}: {}",
        board.unwrap_or("(no board)"),
        unit.unwrap_or("(no unit)"),
        counts
    ))?;
    table(header, rows)
}

/// The header cells every per-channel table starts with; see [`channel_cells`].
pub const CHANNEL_COLUMNS: [&str; 3] = ["  STATE", "ID", "CHANNEL"];

/// The first cells of a per-channel row, under [`CHANNEL_COLUMNS`]: the
/// state (indented, upper case), the channel id and the name cut to 30.
pub fn channel_cells(state: &str, id: impl std::fmt::Display, name: &str) -> Vec<String> {
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
