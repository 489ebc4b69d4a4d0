//! `ogonblick-testsite [--port P]`: serves the fixture site on 127.0.0.1 and
//! prints its base URLs as one line of JSON on stdout, then runs until killed
//! (or until stdin closes when started with `--until-stdin-closes`).

use std::io::{Read, Write};
use std::process::ExitCode;

fn main() -> ExitCode {
    match run() {
        Ok(c) => c,
        Err(e) => {
            eprintln!("ogonblick-testsite: {e:#}");
            ExitCode::from(1)
        }
    }
}

fn run() -> anyhow::Result<ExitCode> {
    let mut port = 0u16;
    let mut until_stdin = false;
    let mut args = std::env::args().skip(1);
    while let Some(a) = args.next() {
        match a.as_str() {
            "--port" => {
                let v = args
                    .next()
                    .ok_or_else(|| anyhow::anyhow!("--port needs a number"))?;
                port = v
                    .parse()
                    .map_err(|_| anyhow::anyhow!("--port: '{v}' is not a port number"))?;
            }
            "--until-stdin-closes" => until_stdin = true,
            "-h" | "--help" => {
                println!("usage: ogonblick-testsite [--port P] [--until-stdin-closes]");
                return Ok(ExitCode::SUCCESS);
            }
            other => {
                anyhow::bail!("unknown argument '{other}'; usage: ogonblick-testsite [--port P]")
            }
        }
    }
    let site = ogonblick_testsite::TestSite::start_on(port)?;
    let mut out = std::io::stdout().lock();
    writeln!(out, "{}", site.describe())?;
    out.flush()?;
    drop(out);
    if until_stdin {
        let mut sink = Vec::new();
        let _ = std::io::stdin().read_to_end(&mut sink);
    } else {
        loop {
            std::thread::park();
        }
    }
    Ok(ExitCode::SUCCESS)
}
