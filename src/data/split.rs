//! Training set and dev set: the lecture picks λ (and keep_prob, and when to stop) by
//! watching the dev error, so every dataset is cut in two.

use rand_chacha::ChaCha8Rng;

use super::random::shuffle;
use super::Point;

/// Shuffle `points` with `rng`, then cut: the first `round(n · train_percent / 100)` are the
/// training set, the rest the dev set. `train_percent` is meant to be 10..=90; any value
/// still gives a valid cut (at most all points, at least none).
pub fn split(mut points: Vec<Point>, train_percent: f64, rng: &mut ChaCha8Rng) -> (Vec<Point>, Vec<Point>) {
    shuffle(&mut points, rng);
    let n_train = train_count(points.len(), train_percent);
    let dev = points.split_off(n_train);
    (points, dev)
}

/// How many of `n` points go to training. A float-to-int `as` saturates (NaN gives 0).
fn train_count(n: usize, train_percent: f64) -> usize {
    ((n as f64 * train_percent / 100.0).round() as usize).min(n)
}
