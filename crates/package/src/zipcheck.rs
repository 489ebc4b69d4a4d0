//! What `verify` checks in a zip's own structure, beyond what the zip crate
//! does when it reads an entry: the zip crate keeps one entry per name (a
//! later duplicate hides an earlier one, which an unpacking program might
//! still extract), and it reads an entry's data from where the central
//! directory says without comparing the local header, which streaming
//! unpackers trust instead. Both are read here straight from the file, with
//! bounded reads.

use std::collections::BTreeMap;
use std::fs::File;
use std::io::{self, BufReader, Read, Seek, SeekFrom};

/// Deflate cannot expand data more than 1032-fold; a zip entry that claims
/// more has a lying header (a "zip bomb").
pub const DEFLATE_MAX_RATIO: u64 = 1032;

const CENTRAL_SIG: u32 = 0x0201_4b50;
const LOCAL_SIG: u32 = 0x0403_4b50;

/// The names in the central directory, in order, read from `start` until the
/// headers end. At most `max` entries are read (the end record's count).
pub fn central_names(f: &File, start: u64, max: usize) -> io::Result<Vec<Vec<u8>>> {
    let mut r = BufReader::new(f);
    r.seek(SeekFrom::Start(start))?;
    let mut names = Vec::new();
    let mut fixed = [0u8; 46];
    while names.len() < max {
        if read_full(&mut r, &mut fixed)? < 46 || u32_at(&fixed, 0) != CENTRAL_SIG {
            break;
        }
        let n = u16_at(&fixed, 28) as usize;
        let m = u16_at(&fixed, 30) as i64;
        let k = u16_at(&fixed, 32) as i64;
        let mut name = vec![0u8; n];
        if read_full(&mut r, &mut name)? < n {
            break;
        }
        r.seek_relative(m + k)?;
        names.push(name);
    }
    Ok(names)
}

/// Names that occur more than once, with their count.
pub fn duplicates(names: &[Vec<u8>]) -> Vec<(String, usize)> {
    let mut seen: BTreeMap<&[u8], usize> = BTreeMap::new();
    for n in names {
        *seen.entry(n.as_slice()).or_default() += 1;
    }
    seen.into_iter()
        .filter(|(_, c)| *c > 1)
        .map(|(n, c)| (String::from_utf8_lossy(n).into_owned(), c))
        .collect()
}

/// An entry's local header.
pub struct Local {
    pub flags: u16,
    pub method: u16,
    pub crc32: u32,
    pub compressed: u32,
    pub uncompressed: u32,
    pub name: Vec<u8>,
}

/// Reads the local header at `at`; `None` if there is none.
pub fn local_header(f: &File, at: u64) -> io::Result<Option<Local>> {
    let mut r = f;
    r.seek(SeekFrom::Start(at))?;
    let mut fixed = [0u8; 30];
    if read_full(&mut r, &mut fixed)? < 30 || u32_at(&fixed, 0) != LOCAL_SIG {
        return Ok(None);
    }
    let n = u16_at(&fixed, 26) as usize;
    let mut name = vec![0u8; n];
    if read_full(&mut r, &mut name)? < n {
        return Ok(None);
    }
    Ok(Some(Local {
        flags: u16_at(&fixed, 6),
        method: u16_at(&fixed, 8),
        crc32: u32_at(&fixed, 14),
        compressed: u32_at(&fixed, 18),
        uncompressed: u32_at(&fixed, 22),
        name,
    }))
}

/// How the local header disagrees with the central directory's record of
/// the same entry, if it does: each field that differs (`name`, `method`,
/// `crc`, `compressed`, `size`, the catalogue's `zip-local-field`) with the
/// local header's value. Sizes and CRC are only in the local header when no
/// data descriptor follows (flag bit 3) and not in zip64 form.
pub fn disagreement(
    local: &Local,
    name: &[u8],
    method: u16,
    crc32: u32,
    compressed: u64,
    uncompressed: u64,
) -> Option<Vec<(&'static str, String)>> {
    let mut what = Vec::new();
    if local.name != name {
        what.push(("name", String::from_utf8_lossy(&local.name).into_owned()));
    }
    if local.method != method {
        what.push(("method", local.method.to_string()));
    }
    if local.flags & 0x08 == 0 {
        if local.crc32 != crc32 {
            what.push(("crc", format!("{:08x}", local.crc32)));
        }
        if local.compressed != u32::MAX && u64::from(local.compressed) != compressed {
            what.push(("compressed", local.compressed.to_string()));
        }
        if local.uncompressed != u32::MAX && u64::from(local.uncompressed) != uncompressed {
            what.push(("size", local.uncompressed.to_string()));
        }
    }
    (!what.is_empty()).then_some(what)
}

fn read_full(r: &mut impl Read, buf: &mut [u8]) -> io::Result<usize> {
    let mut n = 0;
    while n < buf.len() {
        match r.read(&mut buf[n..]) {
            Ok(0) => break,
            Ok(k) => n += k,
            Err(e) if e.kind() == io::ErrorKind::Interrupted => {}
            Err(e) => return Err(e),
        }
    }
    Ok(n)
}

fn u16_at(b: &[u8], i: usize) -> u16 {
    u16::from_le_bytes([b[i], b[i + 1]])
}

fn u32_at(b: &[u8], i: usize) -> u32 {
    u32::from_le_bytes([b[i], b[i + 1], b[i + 2], b[i + 3]])
}
