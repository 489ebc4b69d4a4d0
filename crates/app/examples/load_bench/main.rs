//! The load benchmark's tool (`bench/load/run.sh`, issue 15):
//!
//! ```text
//! load_bench run URL DATA CLIENTS ROUNDS [AT]
//! load_bench split URL DATA [AT]
//! ```
//!
//! `split` times, from one client, the register calls `due` and `coverage`
//! are made of (the median of 5 runs each), to tell the database's share
//! from the rest.
//!
//! runs CLIENTS concurrent clients of ROUNDS rounds each against the
//! PostgreSQL register at URL (its snapshot files in DATA; see
//! `clients.rs`), the reports asked as of AT (RFC 3339; default a moment
//! after every snapshot `register_bench` generates, as a report asked now
//! is: nothing in a register finished after now), then checks that no update was
//! lost and prints one JSON object: per query kind the median, p95 and max
//! in ms over all clients, the writes (successes, refusals, lost). Exits 1
//! when an update was lost.

mod clients;

use std::path::Path;

/// After every snapshot `register_bench gen` makes for its moment
/// (2027-03-20T10:00:00Z, whose history runs until 6 days later).
const AT: &str = "2027-03-27T00:00:00Z";

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let a: Vec<&str> = args.iter().map(String::as_str).collect();
    match a.as_slice() {
        ["split", url, data] => return split(url, Path::new(data), clients::parse_at(AT)),
        ["split", url, data, at] => return split(url, Path::new(data), clients::parse_at(at)),
        _ => {}
    }
    let (url, data, n, rounds, at) = match a.as_slice() {
        ["run", url, data, n, rounds] => (*url, *data, *n, *rounds, AT),
        ["run", url, data, n, rounds, at] => (*url, *data, *n, *rounds, *at),
        _ => {
            eprintln!("usage: load_bench run URL DATA CLIENTS ROUNDS [AT]");
            std::process::exit(2);
        }
    };
    let at = clients::parse_at(at);
    let (n, rounds): (usize, usize) =
        (n.parse().expect("CLIENTS"), rounds.parse().expect("ROUNDS"));
    let data = Path::new(data);
    let o = clients::run(url, data, n, rounds, at);
    let c = clients::check(url, data, &o, at);
    let stats = |v: &[f64]| {
        format!(
            "{{\"median\": {:.2}, \"p95\": {:.2}, \"max\": {:.2}, \"n\": {}}}",
            clients::quantile(v, 0.5),
            clients::quantile(v, 0.95),
            clients::quantile(v, 1.0),
            v.len()
        )
    };
    println!(
        "{{\"clients\": {n}, \"rounds\": {rounds}, \"history\": {}, \"due\": {}, \"coverage\": {}, \"edit\": {}, \"successes\": {}, \"refusals\": {}, \"gave_up\": {}, \"counted\": {}, \"audited\": {}, \"lost\": {}}}",
        stats(&o.history_ms),
        stats(&o.due_ms),
        stats(&o.coverage_ms),
        stats(&o.edit_ms),
        o.successes,
        o.refusals,
        o.gave_up,
        c.counted,
        c.audited,
        c.lost
    );
    if c.lost != 0 {
        eprintln!("LOST UPDATES: {c:?} against {} successes", o.successes);
        std::process::exit(1);
    }
}

/// The median ms of 5 runs of each register call behind `due` and
/// `coverage`, and of the two reports, printed as JSON.
fn split(url: &str, data: &Path, at: ogonblick_model::Timestamp) {
    let app = clients::open(url, data, 0, at);
    let time = |f: &dyn Fn()| {
        f();
        let v: Vec<f64> = (0..5)
            .map(|_| {
                let t = std::time::Instant::now();
                f();
                t.elapsed().as_secs_f64() * 1000.0
            })
            .collect();
        clients::quantile(&v, 0.5)
    };
    let parts = [
        ("schedule", time(&|| drop(app.schedule().unwrap()))),
        ("channels", time(&|| drop(app.store().channels().unwrap()))),
        (
            "channel_briefs",
            time(&|| drop(app.store().channel_briefs().unwrap())),
        ),
        (
            "latest_good_snapshots",
            time(&|| drop(app.store().latest_good_snapshots(at).unwrap())),
        ),
        (
            "history_summaries",
            time(&|| drop(app.store().history_summaries(at).unwrap())),
        ),
        (
            "report_rows",
            time(&|| drop(app.store().report_rows(at, false).unwrap())),
        ),
        (
            "report_rows_with_history",
            time(&|| drop(app.store().report_rows(at, true).unwrap())),
        ),
        ("due", time(&|| drop(app.due(Some(at)).unwrap()))),
        (
            "coverage",
            time(&|| drop(app.coverage_with(Some(at), false).unwrap())),
        ),
    ];
    let fields: Vec<String> = parts
        .iter()
        .map(|(k, ms)| format!("\"{k}\": {ms:.2}"))
        .collect();
    println!("{{{}}}", fields.join(", "));
}
