//! One diverging, colour-blind-safe scale for classes, neurons and weights: orange for
//! class 0 / negative, blue for class 1 / positive, a light grey in between (the two hues
//! stay apart for deuteranopes and protanopes alike).

pub type Rgb = [u8; 3];

pub const NEGATIVE: Rgb = [230, 120, 20];
pub const MIDDLE: Rgb = [236, 236, 236];
pub const POSITIVE: Rgb = [20, 110, 190];

/// |w| at which a weight reaches its full colour, wherever a weight is drawn: the network
/// diagram's links and digits mode's pictures of W[1]. One fixed scale, so weight decay
/// visibly fades both, and a weight has the same colour in both.
pub const STRONG_WEIGHT: f64 = 1.5;

/// The colour of a weight on the diverging scale: orange below 0, blue above, full at
/// ±STRONG_WEIGHT.
pub fn weight_color(w: f64) -> Rgb {
    diverging(weight_position(w))
}

/// Where a weight sits on the scale, in [0, 1] (½ is 0). The strength of the colour grows as
/// √(|w| / STRONG_WEIGHT): a pixel's weight starts 1/√64 as large as a 2-D input's
/// (`randn/√n_x`), and on a linear scale its picture would be blank (0.1 would be 7 % of
/// full colour; on this one it is 26 %), while large weights still saturate at 1.5.
pub fn weight_position(w: f64) -> f64 {
    0.5 + 0.5 * w.signum() * (w.abs() / STRONG_WEIGHT).min(1.0).sqrt()
}

/// The background behind the boundary is the scale washed toward white by this share, so
/// points in the strong colours stay readable on it.
const WASH: f64 = 0.5;

/// The colour of t ∈ [0, 1] (0 orange, ½ grey, 1 blue).
pub fn diverging(t: f64) -> Rgb {
    let t = if t.is_nan() { 0.5 } else { t.clamp(0.0, 1.0) };
    let (from, to, s) = if t < 0.5 { (NEGATIVE, MIDDLE, t * 2.0) } else { (MIDDLE, POSITIVE, t * 2.0 - 1.0) };
    std::array::from_fn(|c| (from[c] as f64 + (to[c] as f64 - from[c] as f64) * s).round() as u8)
}

/// A 256-entry lookup table of the washed-out scale, for painting probabilities fast.
pub fn background_lut() -> [[u8; 4]; 256] {
    std::array::from_fn(|i| {
        let [r, g, b] = diverging(i as f64 / 255.0);
        let wash = |v: u8| (v as f64 + (255.0 - v as f64) * WASH).round() as u8;
        [wash(r), wash(g), wash(b), 255]
    })
}

/// The strong colour of a class, for data points.
pub fn class_color(y: f64) -> Rgb {
    if y > 0.5 {
        POSITIVE
    } else {
        NEGATIVE
    }
}
