//! Bounded samples, so that an instrument costs what it shows, not what the data weighs: a
//! picture drawn every frame reads at most a fixed number of examples, evenly spaced through
//! the set (the same ones every frame, so the picture does not flicker).

use std::borrow::Cow;

use ndarray::{Array1, Array2, ArrayView1, ArrayView2, Axis};

/// The tanh instrument's histogram and the derivation's backprop read at most this many
/// training examples.
pub const MOST_EXAMPLES: usize = 1000;
/// The boundary draws at most this many augmented copies (the real points are all drawn: a CSV
/// has at most 5,000 rows).
pub const MOST_AUGMENTED_DRAWN: usize = 2000;

/// At most `most` indices of 0..n, evenly spaced from 0; all of them when n ≤ most.
pub fn evenly(n: usize, most: usize) -> impl Iterator<Item = usize> {
    let count = n.min(most);
    (0..count).map(move |k| if n <= most { k } else { k * n / count })
}

/// At most `most` of `items`, evenly spaced; the slice itself when it is short enough.
pub fn bounded<T: Clone>(items: &[T], most: usize) -> Cow<'_, [T]> {
    if items.len() <= most {
        Cow::Borrowed(items)
    } else {
        Cow::Owned(evenly(items.len(), most).map(|i| items[i].clone()).collect())
    }
}

/// The columns `evenly(x.ncols(), most)` of x (examples are columns), and their labels; None
/// when every column is taken anyway, so the caller uses the whole set without a copy.
pub fn columns(x: ArrayView2<f64>, y: ArrayView1<f64>, most: usize) -> Option<(Array2<f64>, Array1<f64>)> {
    if x.ncols() <= most {
        return None;
    }
    let picked: Vec<usize> = evenly(x.ncols(), most).collect();
    Some((x.select(Axis(1), &picked), y.select(Axis(0), &picked)))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn evenly_spaced_and_bounded() {
        assert_eq!(evenly(5, 10).collect::<Vec<_>>(), vec![0, 1, 2, 3, 4]);
        let picked: Vec<usize> = evenly(25_000, 1000).collect();
        assert_eq!(picked.len(), 1000);
        assert_eq!(picked[1], 25);
        assert!(picked.windows(2).all(|w| w[0] < w[1]) && *picked.last().unwrap() < 25_000);
    }
}
