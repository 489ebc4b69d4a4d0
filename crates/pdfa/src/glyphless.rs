//! A tiny TrueType font with one glyph, for the invisible text layer of an
//! image PDF (text render mode 3: never painted). PDF/A wants every font
//! embedded, with widths that agree with the font program; this one is
//! 1000 units per em, and both glyphs (`.notdef` and glyph 1, a plain
//! rectangle) are [`ADVANCE`] units wide. The text layer maps every
//! character it uses to glyph 1 (a `CIDToGIDMap`) and back to Unicode (a
//! `ToUnicode` CMap), like Tesseract's `pdf.ttf`.

/// The advance width of every glyph, in 1/1000 em.
pub const ADVANCE: u16 = 500;
/// The font's PostScript name.
pub const NAME: &str = "OgonblickTextLayer";

fn be16(v: &mut Vec<u8>, x: u16) {
    v.extend_from_slice(&x.to_be_bytes());
}

fn be32(v: &mut Vec<u8>, x: u32) {
    v.extend_from_slice(&x.to_be_bytes());
}

fn checksum(data: &[u8]) -> u32 {
    let mut sum = 0u32;
    for chunk in data.chunks(4) {
        let mut w = [0u8; 4];
        w[..chunk.len()].copy_from_slice(chunk);
        sum = sum.wrapping_add(u32::from_be_bytes(w));
    }
    sum
}

fn head() -> Vec<u8> {
    let mut v = Vec::new();
    be32(&mut v, 0x0001_0000); // version
    be32(&mut v, 0x0001_0000); // fontRevision
    be32(&mut v, 0); // checkSumAdjustment, set last
    be32(&mut v, 0x5F0F_3CF5); // magic
    be16(&mut v, 0x000B); // flags: baseline y=0, lsb x=0, integer ppem
    be16(&mut v, 1000); // unitsPerEm
    v.extend_from_slice(&[0; 16]); // created, modified
    for x in [0u16, 0, ADVANCE, 700] {
        be16(&mut v, x); // xMin yMin xMax yMax
    }
    be16(&mut v, 0); // macStyle
    be16(&mut v, 8); // lowestRecPPEM
    be16(&mut v, 2); // fontDirectionHint
    be16(&mut v, 0); // indexToLocFormat: short
    be16(&mut v, 0); // glyphDataFormat
    v
}

fn hhea() -> Vec<u8> {
    let mut v = Vec::new();
    be32(&mut v, 0x0001_0000);
    be16(&mut v, 800); // ascender
    be16(&mut v, (-200i16) as u16); // descender
    be16(&mut v, 0); // lineGap
    be16(&mut v, ADVANCE); // advanceWidthMax
    be16(&mut v, 0); // minLeftSideBearing
    be16(&mut v, 0); // minRightSideBearing
    be16(&mut v, ADVANCE); // xMaxExtent
    be16(&mut v, 1); // caretSlopeRise
    be16(&mut v, 0); // caretSlopeRun
    be16(&mut v, 0); // caretOffset
    v.extend_from_slice(&[0; 8]); // reserved
    be16(&mut v, 0); // metricDataFormat
    be16(&mut v, 2); // numberOfHMetrics
    v
}

fn maxp() -> Vec<u8> {
    let mut v = Vec::new();
    be32(&mut v, 0x0001_0000);
    // numGlyphs, maxPoints, maxContours, maxCompositePoints,
    // maxCompositeContours, maxZones, then eight zeros.
    for x in [2u16, 4, 1, 0, 0, 2, 0, 0, 0, 0, 0, 0, 0, 0] {
        be16(&mut v, x);
    }
    v
}

fn hmtx() -> Vec<u8> {
    let mut v = Vec::new();
    for _ in 0..2 {
        be16(&mut v, ADVANCE);
        be16(&mut v, 0);
    }
    v
}

/// Glyph 0 empty, glyph 1 a rectangle (0,0)-(ADVANCE,700).
fn glyf_loca() -> (Vec<u8>, Vec<u8>) {
    let mut g = Vec::new();
    be16(&mut g, 1); // numberOfContours
    for x in [0u16, 0, ADVANCE, 700] {
        be16(&mut g, x);
    }
    be16(&mut g, 3); // endPtsOfContours
    be16(&mut g, 0); // instructionLength
    g.extend_from_slice(&[1, 1, 1, 1]); // on-curve, 16-bit deltas
    for dx in [0i16, 0, ADVANCE as i16, 0] {
        be16(&mut g, dx as u16);
    }
    for dy in [0i16, 700, 0, -700] {
        be16(&mut g, dy as u16);
    }
    while g.len() % 4 != 0 {
        g.push(0);
    }
    let mut l = Vec::new();
    for off in [0u16, 0, (g.len() / 2) as u16] {
        be16(&mut l, off);
    }
    (g, l)
}

/// A format 4 cmap that maps nothing (the text layer addresses glyphs by CID).
fn cmap() -> Vec<u8> {
    let mut v = Vec::new();
    be16(&mut v, 0); // version
    be16(&mut v, 1); // numTables
    be16(&mut v, 3); // Windows
    be16(&mut v, 1); // Unicode BMP
    be32(&mut v, 12); // offset
    for x in [4u16, 24, 0, 2, 2, 0, 0, 0xFFFF, 0, 0xFFFF, 1, 0] {
        be16(&mut v, x);
    }
    v
}

fn name() -> Vec<u8> {
    let names: [(u16, &str); 5] = [(1, NAME), (2, "Regular"), (3, NAME), (4, NAME), (6, NAME)];
    let mut strings = Vec::new();
    let mut records = Vec::new();
    for (id, s) in names {
        let bytes: Vec<u8> = s.encode_utf16().flat_map(|u| u.to_be_bytes()).collect();
        for x in [
            3u16,
            1,
            0x0409,
            id,
            bytes.len() as u16,
            strings.len() as u16,
        ] {
            be16(&mut records, x);
        }
        strings.extend_from_slice(&bytes);
    }
    let mut v = Vec::new();
    be16(&mut v, 0);
    be16(&mut v, names.len() as u16);
    be16(&mut v, (6 + records.len()) as u16);
    v.extend_from_slice(&records);
    v.extend_from_slice(&strings);
    v
}

fn os2() -> Vec<u8> {
    let mut v = Vec::new();
    be16(&mut v, 4); // version
    be16(&mut v, ADVANCE); // xAvgCharWidth
    be16(&mut v, 400); // usWeightClass
    be16(&mut v, 5); // usWidthClass
    be16(&mut v, 0); // fsType: installable embedding
    v.extend_from_slice(&[0; 20]); // sub/superscript, strikeout
    be16(&mut v, 0); // sFamilyClass
    v.extend_from_slice(&[0; 10]); // panose
    v.extend_from_slice(&[0; 16]); // ulUnicodeRange1-4
    v.extend_from_slice(b"OGON"); // achVendID
    be16(&mut v, 0x0040); // fsSelection: regular
    be16(&mut v, 0xFFFF); // usFirstCharIndex
    be16(&mut v, 0xFFFF); // usLastCharIndex
    be16(&mut v, 800); // sTypoAscender
    be16(&mut v, (-200i16) as u16); // sTypoDescender
    be16(&mut v, 0); // sTypoLineGap
    be16(&mut v, 800); // usWinAscent
    be16(&mut v, 200); // usWinDescent
    v.extend_from_slice(&[0; 8]); // ulCodePageRange1-2
    be16(&mut v, 500); // sxHeight
    be16(&mut v, 700); // sCapHeight
    be16(&mut v, 0); // usDefaultChar
    be16(&mut v, 32); // usBreakChar
    be16(&mut v, 1); // usMaxContext
    v
}

fn post() -> Vec<u8> {
    let mut v = Vec::new();
    be32(&mut v, 0x0003_0000);
    be32(&mut v, 0); // italicAngle
    be16(&mut v, (-100i16) as u16); // underlinePosition
    be16(&mut v, 50); // underlineThickness
    be32(&mut v, 1); // isFixedPitch
    v.extend_from_slice(&[0; 16]);
    v
}

/// The font program (an sfnt with cmap, glyf, head, hhea, hmtx, loca, maxp,
/// name, OS/2 and post).
pub fn font() -> Vec<u8> {
    let (glyf, loca) = glyf_loca();
    // Sorted by tag, as the table directory requires.
    let mut tables: Vec<(&[u8; 4], Vec<u8>)> = vec![
        (b"OS/2", os2()),
        (b"cmap", cmap()),
        (b"glyf", glyf),
        (b"head", head()),
        (b"hhea", hhea()),
        (b"hmtx", hmtx()),
        (b"loca", loca),
        (b"maxp", maxp()),
        (b"name", name()),
        (b"post", post()),
    ];
    tables.sort_by_key(|(t, _)| **t);
    let n = tables.len() as u16;
    let mut out = Vec::new();
    be32(&mut out, 0x0001_0000);
    be16(&mut out, n);
    let pow = 1u16 << (15 - n.leading_zeros()); // largest power of two <= n
    be16(&mut out, pow * 16); // searchRange
    be16(&mut out, pow.trailing_zeros() as u16); // entrySelector
    be16(&mut out, n * 16 - pow * 16); // rangeShift
    let mut offset = 12 + 16 * n as u32;
    let mut head_at = 0usize;
    let mut body = Vec::new();
    for (tag, data) in &tables {
        out.extend_from_slice(*tag);
        be32(&mut out, checksum(data));
        be32(&mut out, offset);
        be32(&mut out, data.len() as u32);
        if *tag == b"head" {
            head_at = offset as usize;
        }
        body.extend_from_slice(data);
        while body.len() % 4 != 0 {
            body.push(0);
        }
        offset = 12 + 16 * n as u32 + body.len() as u32;
    }
    out.extend_from_slice(&body);
    let adj = 0xB1B0_AFBAu32.wrapping_sub(checksum(&out));
    out[head_at + 8..head_at + 12].copy_from_slice(&adj.to_be_bytes());
    out
}

#[cfg(test)]
mod tests {
    #[test]
    fn font_is_a_valid_sfnt() {
        let f = super::font();
        assert_eq!(&f[..4], &[0, 1, 0, 0]);
        assert_eq!(u16::from_be_bytes([f[4], f[5]]), 10);
        // The whole-font checksum is the magic constant.
        assert_eq!(super::checksum(&f), 0xB1B0_AFBA);
    }
}
