//! The only random draws the datasets make. Each is built from `rng.random::<f64>()`
//! (53 random bits scaled to [0, 1), the same on every platform) and the portable
//! functions in `math`, so one seed gives the same points in every browser.

use rand::Rng;
use rand_chacha::ChaCha8Rng;

use super::VIEW;
use crate::math;

/// A uniform draw from [a, b).
pub(crate) fn uniform(rng: &mut ChaCha8Rng, a: f64, b: f64) -> f64 {
    a + (b - a) * rng.random::<f64>()
}

/// A standard normal draw (`math::randn`). It always takes two uniforms, so a generator
/// that draws one normal per coordinate uses the stream the same way whatever its spread:
/// with the seed fixed, moving the noise slider moves the same points.
pub(crate) fn normal(rng: &mut ChaCha8Rng) -> f64 {
    math::randn(rng)
}

/// Fisher–Yates shuffle, one uniform per swap (as in TensorFlow Playground's `shuffle`).
pub(crate) fn shuffle<T>(items: &mut [T], rng: &mut ChaCha8Rng) {
    for i in (1..items.len()).rev() {
        // `random() * (i + 1)` can round up to `i + 1` itself, hence the `min`.
        let j = ((rng.random::<f64>() * (i + 1) as f64) as usize).min(i);
        items.swap(i, j);
    }
}

/// A ball that leaves the field bounces back in: reflect a coordinate off the walls at ±VIEW
/// until it lies inside. Used after Gaussian spread, whose tails are unbounded; it takes no
/// extra draws (unlike redrawing), so the stream stays in step. Values inside are untouched.
pub(crate) fn bounce_into_view(v: f64) -> f64 {
    if (-VIEW..=VIEW).contains(&v) || !v.is_finite() {
        return v;
    }
    // Reflection at both walls is a triangle wave of period 4·VIEW.
    let t = (v + VIEW).rem_euclid(4.0 * VIEW); // in [0, 4·VIEW)
    if t <= 2.0 * VIEW {
        t - VIEW
    } else {
        3.0 * VIEW - t
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use rand::SeedableRng;

    #[test]
    fn bouncing_reflects_off_the_walls() {
        assert_eq!(bounce_into_view(1.25), 1.25);
        assert_eq!(bounce_into_view(VIEW), VIEW);
        assert_eq!(bounce_into_view(VIEW + 1.0), VIEW - 1.0);
        assert_eq!(bounce_into_view(-VIEW - 2.0), -VIEW + 2.0);
        // Across the whole field and off the far wall too.
        assert_eq!(bounce_into_view(3.0 * VIEW + 1.0), -VIEW + 1.0);
    }

    #[test]
    fn normal_draws_have_mean_0_and_variance_1() {
        let mut rng = ChaCha8Rng::seed_from_u64(7);
        let n = 20_000;
        let draws: Vec<f64> = (0..n).map(|_| normal(&mut rng)).collect();
        let mean = draws.iter().sum::<f64>() / n as f64;
        let var = draws.iter().map(|z| (z - mean).powi(2)).sum::<f64>() / n as f64;
        assert!(mean.abs() < 0.03, "mean {mean}");
        assert!((var - 1.0).abs() < 0.05, "variance {var}");
    }

    #[test]
    fn shuffle_is_a_permutation() {
        let mut rng = ChaCha8Rng::seed_from_u64(1);
        let mut items: Vec<usize> = (0..50).collect();
        shuffle(&mut items, &mut rng);
        assert_ne!(items, (0..50).collect::<Vec<_>>());
        items.sort();
        assert_eq!(items, (0..50).collect::<Vec<_>>());
    }
}
