//! Perceptual hashes of a PNG's square tiles, streamed row by row (memory ≈
//! one row of tiles, whatever the page's height). Each tile is averaged
//! into 9 × 8 grey cells; its dHash has a bit per pair of horizontal
//! neighbours (is the left one brighter?). The hash sees shapes and
//! ignores colour and brightness, so the tile's mean colour is kept too.

use std::fs::File;
use std::io::BufReader;
use std::path::Path;

use ogonblick_model::Message;

use crate::CompareError;

/// One tile's fingerprint.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Tile {
    pub hash: u64,
    pub mean: [u8; 3],
}

/// The tiles of a page, row by row.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Tiles {
    /// Image size in px (= CSS px: captures are at scale 1).
    pub width: u32,
    pub height: u32,
    /// Side of a tile in px (the last column and row may be smaller).
    pub size: u32,
    pub cols: u32,
    pub rows: u32,
    /// `rows` × `cols`, row-major.
    pub tiles: Vec<Tile>,
}

impl Tiles {
    pub fn get(&self, row: u32, col: u32) -> Option<&Tile> {
        if row < self.rows && col < self.cols {
            self.tiles.get((row * self.cols + col) as usize)
        } else {
            None
        }
    }
}

/// Hashes every `size` × `size` tile of the PNG at `path`.
pub fn read_tiles(path: &Path, size: u32) -> Result<Tiles, CompareError> {
    let size = size.max(8);
    let bad = |why: Message| CompareError::Png {
        path: path.to_path_buf(),
        why: Box::new(why),
    };
    let read_failed = |e: png::DecodingError| {
        bad(Message::PngRead {
            detail: e.to_string(),
        })
    };
    let file = File::open(path).map_err(|source| CompareError::Io {
        path: path.to_path_buf(),
        source,
    })?;
    let mut decoder = png::Decoder::new(BufReader::new(file));
    decoder.set_transformations(png::Transformations::EXPAND | png::Transformations::STRIP_16);
    let mut reader = decoder.read_info().map_err(read_failed)?;
    let (width, height, interlaced) = {
        let i = reader.info();
        (i.width, i.height, i.interlaced)
    };
    if width == 0 || height == 0 {
        return Err(bad(Message::PngNoPixels {}));
    }
    if interlaced {
        return Err(bad(Message::PngInterlaced {}));
    }
    let channels = match reader.output_color_type().0 {
        png::ColorType::Grayscale => 1usize,
        png::ColorType::GrayscaleAlpha => 2,
        png::ColorType::Rgb => 3,
        png::ColorType::Rgba => 4,
        png::ColorType::Indexed => return Err(bad(Message::PngPalette {})),
    };
    let cols = width.div_ceil(size);
    let rows = height.div_ceil(size);
    // Per tile of the current row: 72 grey cells (sum, count) and the colour sums.
    let mut cells = vec![[0u64; 2]; cols as usize * 72];
    let mut colour = vec![[0u64; 4]; cols as usize];
    let mut tiles = Vec::with_capacity((cols * rows) as usize);
    // Per column of pixels: its tile and the cell's index in `cells` (less
    // the row part).
    let at: Vec<(usize, usize)> = (0..width)
        .map(|x| {
            let tx = x / size;
            let tile_w = size.min(width - tx * size);
            let cx = ((x - tx * size) * 9 / tile_w) as usize;
            (tx as usize, tx as usize * 72 + cx)
        })
        .collect();
    let mut y = 0u32;
    while let Some(row) = reader.next_row().map_err(read_failed)? {
        let data = row.data();
        let tile_top = y / size * size;
        let tile_h = size.min(height - tile_top);
        let cy = ((y - tile_top) * 8 / tile_h) as usize;
        for (px, &(tx, cell)) in data.chunks_exact(channels).zip(&at) {
            let (r, g, b) = match channels {
                1 | 2 => (px[0], px[0], px[0]),
                _ => (px[0], px[1], px[2]),
            };
            let grey = (299 * r as u64 + 587 * g as u64 + 114 * b as u64) / 1000;
            let cell = &mut cells[cell + cy * 9];
            cell[0] += grey;
            cell[1] += 1;
            let c = &mut colour[tx];
            c[0] += r as u64;
            c[1] += g as u64;
            c[2] += b as u64;
            c[3] += 1;
        }
        y += 1;
        if y.is_multiple_of(size) || y == height {
            for tx in 0..cols as usize {
                tiles.push(finish_tile(&cells[tx * 72..tx * 72 + 72], &colour[tx]));
            }
            cells.iter_mut().for_each(|c| *c = [0; 2]);
            colour.iter_mut().for_each(|c| *c = [0; 4]);
        }
    }
    if y != height {
        return Err(bad(Message::PngRowsShort { read: y, height }));
    }
    Ok(Tiles {
        width,
        height,
        size,
        cols,
        rows,
        tiles,
    })
}

fn finish_tile(cells: &[[u64; 2]], colour: &[u64; 4]) -> Tile {
    let mean = |c: &[u64; 2]| c[0].checked_div(c[1]).unwrap_or(0);
    let mut hash = 0u64;
    for row in 0..8 {
        for col in 0..8 {
            let l = mean(&cells[row * 9 + col]);
            let r = mean(&cells[row * 9 + col + 1]);
            hash = (hash << 1) | u64::from(l > r);
        }
    }
    let n = colour[3].max(1);
    Tile {
        hash,
        mean: [
            (colour[0] / n) as u8,
            (colour[1] / n) as u8,
            (colour[2] / n) as u8,
        ],
    }
}
