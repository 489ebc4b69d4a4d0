//! A snapshot's web archive as one WACZ 1.1.1 file: each page's WARC (a
//! `warcinfo` record naming the tool, the browser, the operator and the
//! snapshot put before the page's records) under `archive/`, a CDXJ index
//! of the responses in `indexes/index.cdx` (the name the replay tools
//! read), `pages/pages.jsonl` with every captured address,
//! `datapackage.json` with every file's SHA-256 and size, and
//! `datapackage-digest.json` with the SHA-256 of that. WARCs are stored
//! (they are gzip already), the rest deflated. Everything is streamed:
//! memory stays at one record's head whatever the pages held.

use std::fs::File;
use std::io::{BufRead, BufReader, Read, Seek, Write};
use std::path::{Path, PathBuf};

use ogonblick_model::Timestamp;
use serde_json::json;
use sha2::{Digest, Sha256};
use zip::write::SimpleFileOptions;
use zip::CompressionMethod;

use crate::warc::{record_id, warc_date, warcinfo, WarcFile};

/// The WACZ version written.
pub const WACZ_VERSION: &str = "1.1.1";
/// The media type of a WACZ file.
pub const WACZ_MEDIA_TYPE: &str = "application/x-wacz";

/// Who made the web archive, for every WARC's `warcinfo` record.
pub struct WaczInfo<'a> {
    pub snapshot_id: &'a str,
    pub operator: &'a str,
    pub software: &'a str,
    pub browser: &'a str,
    pub created: Timestamp,
}

/// One captured page: its address, title, when it was taken, and the WARC
/// its capture wrote.
pub struct WaczPage {
    pub url: String,
    pub title: Option<String>,
    pub ts: Timestamp,
    pub warc: PathBuf,
}

/// Writes the WACZ at `out` (a new file; the caller renames it into place).
/// `work` is a folder for the WARCs while they are built; the caller
/// removes it.
pub fn write_wacz(
    out: &Path,
    work: &Path,
    info: &WaczInfo,
    pages: &[WaczPage],
) -> std::io::Result<()> {
    std::fs::create_dir_all(work)?;
    let mut warcs = Vec::new();
    let mut index: Vec<String> = Vec::new();
    for (n, page) in pages.iter().enumerate() {
        let name = format!("{}-{:02}.warc.gz", info.snapshot_id, n + 1);
        let path = work.join(&name);
        let mut w = WarcFile::create(&path)?;
        let mut block = Vec::new();
        let fields = [
            ("software", info.software.to_string()),
            ("format", "WARC File Format 1.1".to_string()),
            (
                "conformsTo",
                "https://iipc.github.io/warc-specifications/specifications/warc-format/warc-1.1/"
                    .to_string(),
            ),
            ("browser", info.browser.to_string()),
            ("operator", info.operator.to_string()),
            ("snapshot-id", info.snapshot_id.to_string()),
            ("page", page.url.clone()),
        ];
        let id = record_id(&format!("warcinfo/{}/{name}", info.snapshot_id));
        w.write(&warcinfo(id, info.created, &name, &fields, &mut block))?;
        w.append(&page.warc)?;
        w.finish()?;
        index_warc(&path, &name, &mut index)?;
        warcs.push((name, path));
    }
    index.sort();
    let mut cdx = Vec::new();
    for line in &index {
        cdx.extend_from_slice(line.as_bytes());
        cdx.push(b'\n');
    }
    let mut jsonl = serde_json::to_vec(
        &json!({"format": "json-pages-1.0", "id": "pages", "title": "All Pages"}),
    )?;
    jsonl.push(b'\n');
    for (n, p) in pages.iter().enumerate() {
        let line = json!({
            "id": format!("page-{:02}", n + 1),
            "url": p.url,
            "ts": p.ts.format("%Y-%m-%dT%H:%M:%SZ").to_string(),
            "title": p.title.clone().unwrap_or_else(|| p.url.clone()),
        });
        jsonl.extend_from_slice(&serde_json::to_vec(&line)?);
        jsonl.push(b'\n');
    }

    let file = File::create(out)?;
    let mut zip = zip::ZipWriter::new(file);
    let stored = SimpleFileOptions::default()
        .compression_method(CompressionMethod::Stored)
        .large_file(true);
    let deflated = SimpleFileOptions::default().compression_method(CompressionMethod::Deflated);
    let mut resources = Vec::new();
    for (name, path) in &warcs {
        let zname = format!("archive/{name}");
        zip.start_file(&zname, stored)?;
        let mut f = File::open(path)?;
        let mut h = Sha256::new();
        let mut buf = vec![0u8; 1 << 16];
        let mut size = 0u64;
        loop {
            let k = f.read(&mut buf)?;
            if k == 0 {
                break;
            }
            h.update(&buf[..k]);
            zip.write_all(&buf[..k])?;
            size += k as u64;
        }
        resources.push(resource(&zname, &hex::encode(h.finalize()), size));
    }
    for (zname, bytes) in [("indexes/index.cdx", &cdx), ("pages/pages.jsonl", &jsonl)] {
        zip.start_file(zname, deflated)?;
        zip.write_all(bytes)?;
        resources.push(resource(
            zname,
            &hex::encode(Sha256::digest(bytes)),
            bytes.len() as u64,
        ));
    }
    let first = pages.first();
    let mut package = json!({
        "profile": "data-package",
        "resources": resources,
        "title": format!("Snapshot {}", info.snapshot_id),
        "created": warc_date(&info.created),
        "wacz_version": WACZ_VERSION,
        "software": info.software,
    });
    if let Some(p) = first {
        package["mainPageURL"] = json!(p.url);
        package["mainPageDate"] = json!(warc_date(&p.ts));
    }
    let package = serde_json::to_vec_pretty(&package)?;
    zip.start_file("datapackage.json", deflated)?;
    zip.write_all(&package)?;
    let digest = json!({
        "path": "datapackage.json",
        "hash": format!("sha256:{}", hex::encode(Sha256::digest(&package))),
    });
    zip.start_file("datapackage-digest.json", deflated)?;
    zip.write_all(&serde_json::to_vec_pretty(&digest)?)?;
    let file = zip.finish()?;
    file.sync_all()
}

fn resource(path: &str, sha: &str, size: u64) -> serde_json::Value {
    let name = path.rsplit('/').next().unwrap_or(path).to_ascii_lowercase();
    json!({"name": name, "path": path, "hash": format!("sha256:{sha}"), "bytes": size})
}

/// Adds a CDXJ line for every `response` record of the WARC at `path`
/// (stored in the WACZ as `name`), reading it member by member.
fn index_warc(path: &Path, name: &str, index: &mut Vec<String>) -> std::io::Result<()> {
    let mut br = BufReader::new(File::open(path)?);
    loop {
        let offset = br.stream_position()?;
        if br.fill_buf()?.is_empty() {
            return Ok(());
        }
        let mut head = Vec::new();
        {
            let dec = flate2::bufread::GzDecoder::new(&mut br);
            let mut r = BufReader::new(dec);
            let mut warc = Vec::new();
            read_head(&mut r, &mut warc)?;
            let ty = field(&warc, "WARC-Type");
            if ty.as_deref() == Some("response") {
                read_head(&mut r, &mut head)?;
                let target = field(&warc, "WARC-Target-URI").unwrap_or_default();
                let date = field(&warc, "WARC-Date").unwrap_or_default();
                let digest = field(&warc, "WARC-Payload-Digest").unwrap_or_default();
                head.insert(0, (String::new(), String::new()));
                head.push(("WARC-Target-URI".into(), target));
                head.push(("WARC-Date".into(), date));
                head.push(("WARC-Payload-Digest".into(), digest));
            }
            std::io::copy(&mut r, &mut std::io::sink())?;
        }
        let end = br.stream_position()?;
        if head.is_empty() {
            continue;
        }
        let status_line = head.get(1).map(|h| h.0.clone()).unwrap_or_default();
        let status = status_line.split(' ').nth(1).unwrap_or("").to_string();
        let mime = field(&head, "Content-Type")
            .map(|m| m.split(';').next().unwrap_or("").trim().to_string())
            .unwrap_or_default();
        let url = field(&head, "WARC-Target-URI").unwrap_or_default();
        let date = field(&head, "WARC-Date").unwrap_or_default();
        let ts: String = date.chars().filter(char::is_ascii_digit).take(14).collect();
        let line = json!({
            "url": url,
            "mime": mime,
            "status": status,
            "digest": field(&head, "WARC-Payload-Digest").unwrap_or_default(),
            "length": (end - offset).to_string(),
            "offset": offset.to_string(),
            "filename": name,
        });
        index.push(format!("{} {ts} {line}", surt(&url)));
    }
}

/// Reads header lines up to the empty line: the first line as a name with
/// no value, the rest as `(name, value)`.
fn read_head(r: &mut impl BufRead, out: &mut Vec<(String, String)>) -> std::io::Result<()> {
    let mut first = true;
    loop {
        let mut line = String::new();
        if r.by_ref().take(64 << 10).read_line(&mut line)? == 0 {
            return Ok(());
        }
        let line = line.trim_end_matches(['\r', '\n']);
        if line.is_empty() {
            return Ok(());
        }
        if first {
            out.push((line.to_string(), String::new()));
            first = false;
        } else if let Some((k, v)) = line.split_once(':') {
            out.push((k.trim().to_string(), v.trim().to_string()));
        }
    }
}

fn field(h: &[(String, String)], name: &str) -> Option<String> {
    h.iter()
        .find(|(k, _)| k.eq_ignore_ascii_case(name))
        .map(|(_, v)| v.clone())
}

/// The SURT form of an address, as the replay tools (Python `surt`) sort
/// and look it up: no scheme or fragment, host labels reversed with
/// commas (`www.` dropped), a port that is not the scheme's default, the
/// path and query lower-cased and the query's arguments sorted.
pub fn surt(url: &str) -> String {
    let (scheme, rest) = url.split_once("://").unwrap_or(("http", url));
    let rest = rest.split('#').next().unwrap_or("");
    let split = rest.find(['/', '?']).unwrap_or(rest.len());
    let (authority, path) = rest.split_at(split);
    let authority = authority
        .rsplit('@')
        .next()
        .unwrap_or("")
        .to_ascii_lowercase();
    let (host, port) = match authority.rsplit_once(':') {
        Some((h, p)) if !h.ends_with(']') || authority.starts_with('[') => (h.to_string(), p),
        _ => (authority.clone(), ""),
    };
    let default = matches!(
        (scheme.to_ascii_lowercase().as_str(), port),
        ("http", "80") | ("https", "443")
    );
    let host = host.strip_prefix("www.").unwrap_or(&host);
    let mut key: Vec<&str> = host.split('.').collect();
    key.reverse();
    let mut out = key.join(",");
    if !port.is_empty() && !default {
        out.push(':');
        out.push_str(port);
    }
    out.push(')');
    let path = path.to_ascii_lowercase();
    let (p, q) = path.split_once('?').unwrap_or((&path, ""));
    out.push_str(if p.is_empty() { "/" } else { p });
    if !q.is_empty() {
        let mut args: Vec<&str> = q.split('&').collect();
        args.sort();
        out.push('?');
        out.push_str(&args.join("&"));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::surt;

    /// The keys Python's `surt` gives for these addresses (checked by hand).
    #[test]
    fn surt_agrees_with_the_replay_tools() {
        assert_eq!(
            surt("http://127.0.0.1:8080/a/B?z=1&a=2"),
            "1,0,0,127:8080)/a/b?a=2&z=1"
        );
        assert_eq!(surt("https://www.Example.com/"), "com,example)/");
        assert_eq!(surt("https://example.com:443/x#f"), "com,example)/x");
        assert_eq!(
            surt("http://sub.example.org/p?b=2&a=1&a=0"),
            "org,example,sub)/p?a=0&a=1&b=2"
        );
    }
}
