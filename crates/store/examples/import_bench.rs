//! The register-import benchmark's tool (`bench/register/run.sh`):
//!
//! ```text
//! import_bench gen FILE ROWS        write a register CSV of ROWS channels
//! import_bench import DATA FILE     import FILE into the store in DATA; prints
//!                                   {"rows": N, "seconds": S} as JSON
//! import_bench reindex DATA         rebuild DATA's database from its files;
//!                                   prints {"rows": N, "seconds": S}
//! ```
//!
//! The import is the same call the CLI and the desktop make
//! (`Store::import_register`).

use std::io::Write;
use std::path::Path;
use std::sync::Arc;
use std::time::Instant;

use ogonblick_model::SystemClock;
use ogonblick_store::Store;

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    match args
        .iter()
        .map(String::as_str)
        .collect::<Vec<_>>()
        .as_slice()
    {
        ["gen", file, rows] => generate(Path::new(file), rows.parse().expect("ROWS")),
        ["import", data, file] => import(Path::new(data), Path::new(file)),
        ["reindex", data] => reindex(Path::new(data)),
        _ => {
            eprintln!(
                "usage: import_bench gen FILE ROWS | import_bench import DATA FILE | import_bench reindex DATA"
            );
            std::process::exit(2);
        }
    }
}

fn generate(file: &Path, rows: usize) {
    let mut out = std::io::BufWriter::new(std::fs::File::create(file).expect("create"));
    writeln!(out, "\u{feff}namn;plattform;adresser;nämnd;enhet;ansvarig;ersättare;syfte;målgrupp;intervall;status;anteckningar").unwrap();
    for i in 0..rows {
        writeln!(
            out,
            "Kanal {i} i Växjö;facebook;https://www.facebook.com/kanal{i} | https://www.facebook.com/kanal{i}/about;Nämnd {};Enhet {};Åsa Öberg;Pär Ähl;Information till invånare;Invånare;halvår;aktiv;Rad {i}",
            i % 20,
            i % 7
        )
        .unwrap();
    }
    out.flush().unwrap();
}

fn import(data: &Path, file: &Path) {
    let store = Store::open(data, Arc::new(SystemClock)).expect("open the store");
    let t = Instant::now();
    let r = store.import_register(file, "bench").expect("import");
    let secs = t.elapsed().as_secs_f64();
    println!("{{\"rows\": {}, \"seconds\": {secs:.3}}}", r.imported.len());
}

fn reindex(data: &Path) {
    let store = Store::open(data, Arc::new(SystemClock)).expect("open the store");
    let t = Instant::now();
    let r = store.reindex().expect("reindex");
    let secs = t.elapsed().as_secs_f64();
    println!("{{\"rows\": {}, \"seconds\": {secs:.3}}}", r.channels);
}
