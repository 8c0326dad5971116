//! Digits mode's data as a CSV file, for looking at elsewhere: one row per image, the real
//! training images (not the augmented copies) and then the dev images, with the digit, the
//! label y of the pair's task, the split, and the 64 grey levels 0–16 row by row, as UCI and
//! scikit-learn's `digits.csv.gz` store them. The page does not read it back: the images are
//! built in, and a link (`dataset=digits&digits=…&images=…&seed=…`) brings the same split.

use super::digits::{Image, MAX_LEVEL, PIXELS, SIDE};

/// The header: `digit,y,split,r0c0,…,r7c7` (row, then column, from the top left).
pub fn header() -> String {
    let pixels: Vec<String> = (0..PIXELS).map(|p| format!("r{}c{}", p / SIDE, p % SIDE)).collect();
    format!("digit,y,split,{}", pixels.join(","))
}

/// The CSV text of `train` then `dev` for the pair `pair` (y = 1 is `pair[0]`).
pub fn write(train: &[Image], dev: &[Image], pair: [u8; 2]) -> String {
    let mut text = header();
    text.push('\n');
    for (split, images) in [("train", train), ("dev", dev)] {
        for image in images {
            let digit = if image.y > 0.5 { pair[0] } else { pair[1] };
            let levels: Vec<String> = image.pixels.iter().map(|v| format!("{}", (v * MAX_LEVEL as f64).round())).collect();
            text.push_str(&format!("{digit},{},{split},{}\n", image.y, levels.join(",")));
        }
    }
    text
}
