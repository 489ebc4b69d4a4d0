//! PNG: the chunk list walked as it streams past (IHDR first, IEND last);
//! the version named by the chunks each version introduced.

use ogonblick_model::Message;

use super::{FormatId, Sniffer};

impl Sniffer {
    pub(super) fn walk_png(&mut self, data: &[u8]) {
        let mut i = 0usize;
        while i < data.len() && self.png_bad.is_none() {
            if self.png_skip > 0 {
                let n = (self.png_skip.min((data.len() - i) as u64)) as usize;
                self.png_skip -= n as u64;
                i += n;
                continue;
            }
            if self.png_last == Some(*b"IEND") {
                self.png_bad = Some(Message::FormatPngAfterIend {});
                break;
            }
            let need = 8 - self.png_hdr.len();
            let n = need.min(data.len() - i);
            self.png_hdr.extend_from_slice(&data[i..i + n]);
            i += n;
            if self.png_hdr.len() == 8 {
                let len = u32::from_be_bytes([
                    self.png_hdr[0],
                    self.png_hdr[1],
                    self.png_hdr[2],
                    self.png_hdr[3],
                ]);
                let typ = [
                    self.png_hdr[4],
                    self.png_hdr[5],
                    self.png_hdr[6],
                    self.png_hdr[7],
                ];
                self.png_hdr.clear();
                if !typ.iter().all(|b| b.is_ascii_alphabetic()) || len > 0x7fff_ffff {
                    self.png_bad = Some(Message::FormatPngBadChunk {
                        offset: (self.total as usize - (data.len() - i) - 8) as u64,
                    });
                    break;
                }
                if self.png_first.is_none() {
                    self.png_first = Some(typ);
                }
                self.png_last = Some(typ);
                self.png_chunks.insert(typ);
                self.png_skip = len as u64 + 4;
            }
        }
    }

    pub(super) fn finish_png(self) -> FormatId {
        let (puid, version) = if self.png_chunks.contains(b"iTXt") {
            ("fmt/13", "1.2")
        } else if [b"iCCP", b"sRGB", b"sPLT"]
            .iter()
            .any(|c| self.png_chunks.contains(*c))
        {
            ("fmt/12", "1.1")
        } else {
            ("fmt/11", "1.0")
        };
        let mut problems = Vec::new();
        if let Some(b) = &self.png_bad {
            problems.push(b.clone());
        }
        if self.png_first != Some(*b"IHDR") {
            problems.push(Message::FormatPngNotIhdrFirst {});
        }
        if self.png_last != Some(*b"IEND") || self.png_skip != 0 || !self.png_hdr.is_empty() {
            problems.push(Message::FormatPngNoIend {});
        }
        if !self.png_chunks.contains(b"IDAT") {
            problems.push(Message::FormatPngNoIdat {});
        }
        let valid = problems.is_empty();
        let chunks: Vec<String> = self
            .png_chunks
            .iter()
            .map(|c| String::from_utf8_lossy(c).into_owned())
            .collect();
        FormatId {
            puid: Some(puid.into()),
            name: "Portable Network Graphics".into(),
            version: Some(version.into()),
            mime: "image/png".into(),
            valid,
            check: if valid {
                Message::FormatPngOk {
                    chunks: chunks.join(", "),
                }
            } else {
                Message::FormatPngBroken { problems }
            },
        }
    }
}
