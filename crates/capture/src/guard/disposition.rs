//! The file name a download offers in its `Content-Disposition` header
//! (recorded in `report.downloads_blocked`, never used to write a file).

/// The file name of a `Content-Disposition` header (`filename*=UTF-8''…`
/// percent-decoded, else `filename="…"`), without any folder part.
pub(super) fn disposition_filename(h: &str) -> String {
    let mut plain = None;
    let mut ext = None;
    for part in h.split(';').map(str::trim) {
        let Some((k, v)) = part.split_once('=') else {
            continue;
        };
        let v = v.trim().trim_matches('"');
        match k.trim().to_ascii_lowercase().as_str() {
            "filename*" => {
                let raw = v.rsplit('\'').next().unwrap_or(v);
                let mut bytes = Vec::new();
                let mut it = raw.bytes();
                while let Some(b) = it.next() {
                    if b == b'%' {
                        let hex: Vec<u8> = it.by_ref().take(2).collect();
                        match u8::from_str_radix(&String::from_utf8_lossy(&hex), 16) {
                            Ok(x) => bytes.push(x),
                            Err(_) => bytes.extend_from_slice(&hex),
                        }
                    } else {
                        bytes.push(b);
                    }
                }
                ext = Some(String::from_utf8_lossy(&bytes).into_owned());
            }
            "filename" => plain = Some(v.to_string()),
            _ => {}
        }
    }
    let name = ext.or(plain).unwrap_or_default();
    name.rsplit(['/', '\\']).next().unwrap_or("").to_string()
}

#[cfg(test)]
mod tests {
    use super::disposition_filename as f;

    #[test]
    fn file_names_of_content_disposition() {
        assert_eq!(f("attachment; filename=\"evil.txt\""), "evil.txt");
        assert_eq!(f("attachment; filename=plain.bin"), "plain.bin");
        assert_eq!(
            f("attachment; filename=\"x.txt\"; filename*=UTF-8''%C3%A5%C3%A4%C3%B6.txt"),
            "åäö.txt"
        );
        assert_eq!(f("attachment; filename=\"../../.bashrc\""), ".bashrc");
        assert_eq!(f("attachment"), "");
    }
}
