//! Real images: the 8×8 handwritten digits of UCI's "Optical Recognition of Handwritten
//! Digits" (E. Alpaydin, C. Kaynak; 1,797 images, 17 grey levels; CC BY 4.0), the copy
//! scikit-learn ships as `digits.csv.gz`, packed by `tools/digits.mjs` into `digits.bin`
//! (60 KB). Natively (tests, benches) the file is compiled in. In the browser it is a file
//! beside the wasm that the page fetches only when digits mode is first asked for and hands
//! over once (`load`), so the page's first frame and the binary's size do not carry it.
//!
//! The lecture's network is a binary classifier, so the task is one digit against another
//! (4 against 9 by default): y = 1 for the first digit of the pair, 0 for the second. The
//! inputs are the 64 pixels, row by row, scaled to 0–1.

use std::sync::OnceLock;

use ndarray::{Array1, Array2};
use rand_chacha::ChaCha8Rng;

use super::random::shuffle;

/// Pixels per row and per column.
pub const SIDE: usize = 8;
/// Inputs of the network in digits mode: one per pixel.
pub const PIXELS: usize = SIDE * SIDE;
/// Images in the file.
pub const COUNT: usize = 1797;
/// The darkest grey level (the lightest is 0).
pub const MAX_LEVEL: u8 = 16;
/// The pair of the default setup: is it a 4 (y = 1) or a 9 (y = 0)?
pub const DEFAULT_PAIR: [u8; 2] = [4, 9];
/// Training images of the default setup: few enough that a 64→20→3→1 network overfits them.
pub const DEFAULT_IMAGES: usize = 60;

#[cfg(not(target_arch = "wasm32"))]
const FILE: &[u8] = include_bytes!("digits.bin");

/// The decoded file: set once, natively on first use, in the browser by `load`.
static DIGITS: OnceLock<Vec<Digit>> = OnceLock::new();

/// The file's first 4 (image 4), the dataset picker's picture: kept here so that picture
/// needs no data (`tests/digits_data.rs` checks it against the file).
pub const FIRST_FOUR: [u8; PIXELS] = [
    0, 0, 0, 1, 11, 0, 0, 0, 0, 0, 0, 7, 8, 0, 0, 0, 0, 0, 1, 13, 6, 2, 2, 0, 0, 0, 7, 15, 0, 9, 8, 0, 0, 5, 16, 10, 0, 16, 6, 0, 0, 4, 15,
    16, 13, 16, 1, 0, 0, 0, 0, 3, 15, 10, 0, 0, 0, 0, 0, 2, 16, 4, 0, 0,
];

/// One handwritten digit as stored: its grey levels 0–16, row by row from the top left, and
/// which digit it is.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Digit {
    pub levels: [u8; PIXELS],
    pub digit: u8,
}

/// One example of the binary task: 64 pixels row by row, 0 (blank) to 1 (darkest), and its
/// label y, 0.0 or 1.0. Augmented copies are images too, with pixels between the levels.
#[derive(Clone, Debug, PartialEq)]
pub struct Image {
    pub pixels: [f64; PIXELS],
    pub y: f64,
}

impl Image {
    /// The pixel in row `r`, column `c` (0 outside the image).
    pub fn at(&self, r: isize, c: isize) -> f64 {
        let inside = (0..SIDE as isize).contains(&r) && (0..SIDE as isize).contains(&c);
        if inside {
            self.pixels[r as usize * SIDE + c as usize]
        } else {
            0.0
        }
    }
}

/// Every digit of the file, in scikit-learn's order, decoded once. In the browser the page
/// must have handed the file over (`load`) before a digits run starts.
pub fn all() -> &'static [Digit] {
    #[cfg(not(target_arch = "wasm32"))]
    let digits = DIGITS.get_or_init(|| decode(FILE).expect("digits.bin is the file tools/digits.mjs writes"));
    #[cfg(target_arch = "wasm32")]
    let digits = DIGITS.get().expect("the digits data is not loaded: the page hands it over (loadDigits) before a digits run");
    digits
}

/// Whether the file has been decoded (natively it always can be).
pub fn loaded() -> bool {
    cfg!(not(target_arch = "wasm32")) || DIGITS.get().is_some()
}

/// Takes the file (the bytes of `digits.bin`) once; a second call with any bytes changes
/// nothing. Fails, keeping nothing, when the bytes are not the format `decode` reads.
pub fn load(bytes: &[u8]) -> Result<(), &'static str> {
    if DIGITS.get().is_some() {
        return Ok(());
    }
    let digits = decode(bytes).ok_or("the digits data is damaged: not the 1,797 images of digits.bin")?;
    let _ = DIGITS.set(digits);
    Ok(())
}

/// Reads the format `tools/digits.mjs` writes: the labels as nibbles, the pixels as nibbles
/// (15 standing for 15 or 16), then one bit for every nibble 15 saying whether it is 16.
pub fn decode(bytes: &[u8]) -> Option<Vec<Digit>> {
    let nibble = |bytes: &[u8], i: usize| bytes.get(i / 2).map(|b| (b >> (4 * (i % 2))) & 0xf);
    let (labels, rest) = bytes.split_at_checked(COUNT.div_ceil(2))?;
    let (levels, bits) = rest.split_at_checked(COUNT * PIXELS / 2)?;
    let mut top = 0; // nibbles of 15 read so far
    let mut digits = Vec::with_capacity(COUNT);
    for i in 0..COUNT {
        let digit = nibble(labels, i).filter(|&d| d <= 9)?;
        let mut image = [0; PIXELS];
        for (p, level) in image.iter_mut().enumerate() {
            *level = nibble(levels, i * PIXELS + p)?;
            if *level == 15 {
                *level += (bits.get(top / 8)? >> (top % 8)) & 1;
                top += 1;
            }
        }
        digits.push(Digit { levels: image, digit });
    }
    (bits.len() == top.div_ceil(8)).then_some(digits)
}

/// The images of `pair[0]` (y = 1) and `pair[1]` (y = 0), in the file's order.
pub fn pair_images(pair: [u8; 2]) -> Vec<Image> {
    all()
        .iter()
        .filter(|d| pair.contains(&d.digit))
        .map(|d| Image { pixels: d.levels.map(|v| v as f64 / MAX_LEVEL as f64), y: if d.digit == pair[0] { 1.0 } else { 0.0 } })
        .collect()
}

/// The pair's images shuffled by `rng` (the data stream), then cut: the first `train`
/// images are the training set, the rest (all of them) the dev set.
pub fn split(pair: [u8; 2], train: usize, rng: &mut ChaCha8Rng) -> (Vec<Image>, Vec<Image>) {
    let mut images = pair_images(pair);
    shuffle(&mut images, rng);
    let dev = images.split_off(train.min(images.len()));
    (images, dev)
}

/// The network input `X` of shape `(64, m)`: column `j` is `images[j]`'s pixels.
pub fn pixel_matrix(images: &[Image]) -> Array2<f64> {
    Array2::from_shape_fn((PIXELS, images.len()), |(p, j)| images[j].pixels[p])
}

/// The labels `Y`, one 0.0/1.0 per image.
pub fn image_labels(images: &[Image]) -> Array1<f64> {
    images.iter().map(|i| i.y).collect()
}

/// The image in column `j` of a pixel matrix (the inverse of `pixel_matrix`), label `y`.
pub fn column_image(x: ndarray::ArrayView2<f64>, j: usize, y: f64) -> Image {
    let mut pixels = [0.0; PIXELS];
    for (p, v) in pixels.iter_mut().enumerate() {
        *v = x[[p, j]];
    }
    Image { pixels, y }
}
