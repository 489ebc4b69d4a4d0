//! The password of a connection whose address has none, looked up as libpq
//! does (the `postgres` crate does not): in the file `PGPASSFILE` names,
//! else `~/.pgpass` (on Windows `%APPDATA%\postgresql\pgpass.conf`). Each
//! line is `host:port:database:user:password`; `*` matches anything, `\:`
//! and `\\` stand for `:` and `\`, a line starting with `#` is a comment;
//! the first line that matches counts. On Unix a file others can read is
//! ignored, as libpq ignores it. The desktop saves addresses without a
//! password (`shared_register.rs`); this is how a password-login server is
//! reached.

use std::path::{Path, PathBuf};

use postgres::config::Host;
use postgres::Config;

/// Where the password file is (`PGPASSFILE`, else the user's default).
fn pgpass_path() -> Option<PathBuf> {
    if let Some(p) = std::env::var_os("PGPASSFILE").filter(|p| !p.is_empty()) {
        return Some(PathBuf::from(p));
    }
    if cfg!(windows) {
        std::env::var_os("APPDATA").map(|d| Path::new(&d).join("postgresql").join("pgpass.conf"))
    } else {
        std::env::var_os("HOME").map(|h| Path::new(&h).join(".pgpass"))
    }
}

/// Gives `config` the password of the password file when it has none.
pub(super) fn fill_password(config: &mut Config) {
    if config.get_password().is_some() {
        return;
    }
    let Some(path) = pgpass_path() else { return };
    if !private(&path) {
        return;
    }
    let Ok(text) = std::fs::read_to_string(&path) else {
        return;
    };
    let host = match config.get_hosts().first() {
        Some(Host::Tcp(h)) => h.clone(),
        // libpq's name for the default socket.
        _ => "localhost".to_string(),
    };
    let port = config
        .get_ports()
        .first()
        .copied()
        .unwrap_or(5432)
        .to_string();
    let user = config.get_user().unwrap_or_default().to_string();
    let db = config.get_dbname().unwrap_or(&user).to_string();
    if let Some(password) = lookup(&text, [&host, &port, &db, &user]) {
        config.password(password);
    }
}

#[cfg(unix)]
fn private(path: &Path) -> bool {
    use std::os::unix::fs::PermissionsExt;
    std::fs::metadata(path).is_ok_and(|m| m.permissions().mode() & 0o077 == 0)
}

#[cfg(not(unix))]
fn private(_: &Path) -> bool {
    true
}

/// The password of the first line matching host, port, database and user.
pub(super) fn lookup(text: &str, want: [&str; 4]) -> Option<String> {
    text.lines()
        .filter(|l| !l.trim_start().starts_with('#'))
        .filter_map(fields)
        .find(|f| {
            f[..4]
                .iter()
                .zip(want)
                .all(|(got, w)| got == "*" || got == w)
        })
        .map(|mut f| f.swap_remove(4))
}

/// The five fields of a line, unescaped; `None` for a line of fewer.
fn fields(line: &str) -> Option<Vec<String>> {
    let mut out = vec![String::new()];
    let mut chars = line.chars();
    while let Some(c) = chars.next() {
        match c {
            '\\' => out.last_mut()?.push(chars.next().unwrap_or('\\')),
            ':' if out.len() < 5 => out.push(String::new()),
            c => out.last_mut()?.push(c),
        }
    }
    (out.len() == 5).then_some(out)
}

#[cfg(test)]
mod tests {
    use super::lookup;

    const FILE: &str = "# the archive's register\n\
        db.example.org:5432:ogonblick:anna:hemligt\\:ord\n\
        *:*:*:bo:bos\\\\lösen\n\
        kort:rad\n";

    #[test]
    fn the_first_matching_line_gives_the_password_unescaped() {
        let want = ["db.example.org", "5432", "ogonblick", "anna"];
        assert_eq!(lookup(FILE, want).as_deref(), Some("hemligt:ord"));
        let any = ["annan.example.org", "6543", "test", "bo"];
        assert_eq!(lookup(FILE, any).as_deref(), Some("bos\\lösen"));
    }

    #[test]
    fn nothing_matches_another_port_database_or_user() {
        for want in [
            ["db.example.org", "5433", "ogonblick", "anna"],
            ["db.example.org", "5432", "annan", "anna"],
            ["db.example.org", "5432", "ogonblick", "cecilia"],
        ] {
            assert_eq!(lookup(FILE, want), None, "{want:?}");
        }
    }
}
