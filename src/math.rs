//! `sin`, `cos`, `ln` and `tanh` from `+ − × ÷` alone, so that a seed draws the same points
//! and the same network on every platform. The standard library hands these to the platform's libm (the system's on native
//! targets, a compiled-in port on wasm), which may round the last bit differently; IEEE 754
//! fixes the result of every basic operation (and of `sqrt`), so code built only from those is
//! bit-identical everywhere. Accuracy is within a few ulps of the true value, plenty for data.

use std::f64::consts::FRAC_PI_2;

use rand::Rng;

// π/2 split in two (fdlibm's `pio2_1`, `pio2_1t`, written as bits): the high part has 33
// significant bits, so `k · PIO2_HI` is exact for the modest `k` met here and `x − k·π/2`
// loses nothing.
const PIO2_HI: f64 = f64::from_bits(0x3FF9_21FB_5440_0000);
const PIO2_LO: f64 = f64::from_bits(0x3DD0_B461_1A62_6331); // π/2 − PIO2_HI

// ln 2 split likewise (fdlibm's `ln2_hi`, `ln2_lo`), so that `e · LN2_HI` is exact.
pub(crate) const LN2_HI: f64 = f64::from_bits(0x3FE6_2E42_FEE0_0000);
pub(crate) const LN2_LO: f64 = f64::from_bits(0x3DEA_39EF_3579_3C76);

/// sin x.
pub fn sin(x: f64) -> f64 {
    let (quadrant, r) = reduce(x);
    match quadrant {
        0 => sin_near_zero(r),
        1 => cos_near_zero(r),
        2 => -sin_near_zero(r),
        _ => -cos_near_zero(r),
    }
}

/// cos x.
pub fn cos(x: f64) -> f64 {
    let (quadrant, r) = reduce(x);
    match quadrant {
        0 => cos_near_zero(r),
        1 => -sin_near_zero(r),
        2 => -cos_near_zero(r),
        _ => sin_near_zero(r),
    }
}

/// Natural logarithm, for `x > 0` (0 gives −∞, negative numbers NaN).
pub fn ln(x: f64) -> f64 {
    if x.is_nan() || x < 0.0 {
        return f64::NAN;
    }
    if x == 0.0 {
        return f64::NEG_INFINITY;
    }
    if x.is_infinite() {
        return x;
    }
    // x = m · 2^e with m in [√½, √2], read straight from the bits.
    let (x, mut e) = if x < f64::MIN_POSITIVE { (x * 2f64.powi(54), -54) } else { (x, 0) };
    let bits = x.to_bits();
    e += ((bits >> 52) & 0x7ff) as i32 - 1023;
    let mut m = f64::from_bits((bits & ((1u64 << 52) - 1)) | (1023u64 << 52));
    if m > std::f64::consts::SQRT_2 {
        m /= 2.0;
        e += 1;
    }
    // ln m = 2 atanh s with s = (m − 1)/(m + 1), |s| ≤ 0.172: the series converges fast.
    let s = (m - 1.0) / (m + 1.0);
    let s2 = s * s;
    let mut power = s;
    let mut sum = s;
    for k in 1..=14 {
        power *= s2;
        sum += power / (2 * k + 1) as f64;
    }
    let e = e as f64;
    e * LN2_HI + (e * LN2_LO + 2.0 * sum)
}

/// A standard normal draw by the Box–Muller transform, from two uniforms.
pub fn randn(rng: &mut impl Rng) -> f64 {
    let u1 = 1.0 - rng.random::<f64>(); // in (0, 1], so ln is finite
    let u2 = rng.random::<f64>();
    (-2.0 * ln(u1)).sqrt() * cos(std::f64::consts::TAU * u2)
}

/// tanh x = t / (t + 2) with t = e^(2|x|) − 1, the sign put back (`fast_exp`). Within a few
/// ulps of the true value, and several times faster than the platform's: it is the
/// activation the network evaluates most.
pub fn tanh(x: f64) -> f64 {
    crate::fast_exp::tanh(x)
}

/// e^x, within a couple of ulps: `x = k ln 2 + r` with |r| ≤ ½ ln 2, `e^r − 1` by its series, then `2^k (1 + (e^r − 1))`.
/// Overflows to ∞ above 709.78 and underflows to 0 below −745.2, like the platform's.
pub fn exp(x: f64) -> f64 {
    if x > 709.78 {
        return f64::INFINITY;
    }
    if x.is_nan() {
        return x;
    }
    if x <= -745.2 {
        return 0.0;
    }
    let k = (x * std::f64::consts::LOG2_E + 0.5f64.copysign(x)) as i64; // truncation rounds
    let kf = k as f64;
    let r = (x - kf * LN2_HI) - kf * LN2_LO;
    let e = 1.0 + expm1_series(r);
    if k < -1020 {
        // 2^k is subnormal: scale in two steps so no bit is lost early
        return e * f64::from_bits(((k + 1023 + 60) as u64) << 52) * f64::from_bits(((1023 - 60) as u64) << 52);
    }
    if k > 1023 {
        return e * 2.0 * f64::from_bits(((k - 1 + 1023) as u64) << 52);
    }
    e * f64::from_bits(((k + 1023) as u64) << 52)
}

/// ln(1 + x) for x > −1, accurate even where 1 + x rounds away most of x: with u = 1 + x,
/// `ln u · x / (u − 1)` cancels the rounding of u (Goldberg's trick).
pub fn log1p(x: f64) -> f64 {
    let u = 1.0 + x;
    if u == 1.0 {
        return x;
    }
    if u == f64::INFINITY {
        return u;
    }
    ln_fast(u) * (x / (u - 1.0))
}

/// 1/(2k+1) for k = 1 … 12: the series of atanh.
const INV_ODD: [f64; 12] = [
    1.0 / 3.0,
    1.0 / 5.0,
    1.0 / 7.0,
    1.0 / 9.0,
    1.0 / 11.0,
    1.0 / 13.0,
    1.0 / 15.0,
    1.0 / 17.0,
    1.0 / 19.0,
    1.0 / 21.0,
    1.0 / 23.0,
    1.0 / 25.0,
];

/// ln x for normal positive x, as `ln` but with the series in Horner form and no division
/// per term (`ln` itself stays as it is: the datasets of every seed are drawn through it).
fn ln_fast(x: f64) -> f64 {
    if x.is_nan() || x < f64::MIN_POSITIVE || x.is_infinite() {
        return ln(x);
    }
    let bits = x.to_bits();
    let mut e = ((bits >> 52) & 0x7ff) as i32 - 1023;
    let mut m = f64::from_bits((bits & ((1u64 << 52) - 1)) | (1023u64 << 52));
    if m > std::f64::consts::SQRT_2 {
        m *= 0.5;
        e += 1;
    }
    let s = (m - 1.0) / (m + 1.0);
    let s2 = s * s;
    let mut p = INV_ODD[11];
    for &c in INV_ODD[..11].iter().rev() {
        p = p * s2 + c;
    }
    let e = e as f64;
    e * LN2_HI + (e * LN2_LO + 2.0 * (s + s * s2 * p))
}

/// 1/n! for n = 1 … 13: the Taylor coefficients of e^r − 1.
pub(crate) const INV_FACTORIAL: [f64; 13] = [
    1.0,
    1.0 / 2.0,
    1.0 / 6.0,
    1.0 / 24.0,
    1.0 / 120.0,
    1.0 / 720.0,
    1.0 / 5040.0,
    1.0 / 40320.0,
    1.0 / 362880.0,
    1.0 / 3628800.0,
    1.0 / 39916800.0,
    1.0 / 479001600.0,
    1.0 / 6227020800.0,
];

/// e^r − 1 for |r| ≤ ½ ln 2 by its Taylor series to r¹³, in Horner form.
#[inline]
fn expm1_series(r: f64) -> f64 {
    let mut p = INV_FACTORIAL[12];
    for &c in INV_FACTORIAL[..12].iter().rev() {
        p = p * r + c;
    }
    p * r
}

/// `x = quadrant·π/2 + r` with `|r| ≤ π/4` (a hair more after rounding) and `quadrant` in 0..4.
fn reduce(x: f64) -> (u8, f64) {
    let k = (x / FRAC_PI_2).round();
    let r = (x - k * PIO2_HI) - k * PIO2_LO;
    (k.rem_euclid(4.0) as u8, r)
}

/// Taylor series of sin on |r| ≤ π/4; the first term left out is below 1e-19.
fn sin_near_zero(r: f64) -> f64 {
    let r2 = r * r;
    let mut term = r;
    let mut sum = r;
    for k in 1..=8 {
        term *= -r2 / ((2 * k) * (2 * k + 1)) as f64;
        sum += term;
    }
    sum
}

/// Taylor series of cos on |r| ≤ π/4; the first term left out is below 1e-17.
fn cos_near_zero(r: f64) -> f64 {
    let r2 = r * r;
    let mut term = 1.0;
    let mut sum = 1.0;
    for k in 1..=9 {
        term *= -r2 / ((2 * k - 1) * (2 * k)) as f64;
        sum += term;
    }
    sum
}

#[cfg(test)]
mod tests {
    use super::*;

    fn close(a: f64, b: f64) -> bool {
        (a - b).abs() <= 4.0 * f64::EPSILON * b.abs().max(1.0)
    }

    #[test]
    fn sin_and_cos_agree_with_the_standard_library() {
        for i in -4000..=4000 {
            let x = i as f64 * 0.01237; // about [−50, 50], crossing every quadrant
            assert!(close(sin(x), x.sin()), "sin({x}) = {} vs {}", sin(x), x.sin());
            assert!(close(cos(x), x.cos()), "cos({x}) = {} vs {}", cos(x), x.cos());
        }
        assert_eq!(sin(0.0), 0.0);
        assert_eq!(cos(0.0), 1.0);
    }

    #[test]
    fn tanh_agrees_with_the_standard_library() {
        let mut worst = 0.0f64;
        for i in -200_000..=200_000 {
            let x = i as f64 * 1.3e-4; // about [−26, 26]
            let (mine, std) = (tanh(x), x.tanh());
            let err = (mine - std).abs() / std.abs().max(f64::MIN_POSITIVE);
            worst = worst.max(if std == 0.0 { mine.abs() } else { err });
        }
        assert!(worst < 6.0 * f64::EPSILON, "worst relative error {worst:e}");
        for x in [1e-300, 1e-12, 1e-5] {
            assert!(close(tanh(x), x.tanh()) && close(tanh(-x), -x));
        }
        assert_eq!((tanh(0.0), tanh(30.0), tanh(-30.0), tanh(f64::INFINITY)), (0.0, 1.0, -1.0, 1.0));
        assert!(tanh(f64::NAN).is_nan());
    }

    /// Worst error in units of the last place of the standard library's value.
    fn worst_ulps(f: impl Fn(f64) -> f64, g: impl Fn(f64) -> f64, xs: impl Iterator<Item = f64>) -> f64 {
        let mut worst = 0.0f64;
        for x in xs {
            let (mine, std) = (f(x), g(x));
            if std == 0.0 || !std.is_finite() {
                assert_eq!(mine, std, "at {x}");
                continue;
            }
            let ulp = f64::from_bits(std.abs().to_bits() + 1) - std.abs();
            worst = worst.max((mine - std).abs() / ulp);
        }
        worst
    }

    #[test]
    fn exp_and_log1p_are_within_a_few_ulps_of_the_standard_library() {
        let dense = |lo: f64, hi: f64, n: i32| (0..=n).map(move |i| lo + (hi - lo) * i as f64 / n as f64);
        let exp_err = worst_ulps(exp, f64::exp, dense(-700.0, 700.0, 400_000).chain(dense(-40.0, 40.0, 400_000)));
        assert!(exp_err <= 2.0, "exp: worst {exp_err} ulps");
        let log_err = worst_ulps(log1p, f64::ln_1p, dense(0.0, 1.0, 400_000).chain(dense(-0.999, 30.0, 200_000)));
        assert!(log_err <= 4.0, "log1p: worst {log_err} ulps");
        let tiny = [1e-300, 1e-20, 1e-9, -1e-9, 3e-5];
        assert!(worst_ulps(log1p, f64::ln_1p, tiny.into_iter()) <= 1.0);
        assert!(worst_ulps(exp, f64::exp, tiny.into_iter()) <= 1.0);
        assert_eq!((exp(0.0), exp(-800.0), exp(800.0), exp(f64::NEG_INFINITY)), (1.0, 0.0, f64::INFINITY, 0.0));
        assert!(exp(f64::NAN).is_nan() && log1p(f64::NAN).is_nan());
        assert_eq!((log1p(0.0), log1p(-1.0), log1p(f64::INFINITY)), (0.0, f64::NEG_INFINITY, f64::INFINITY));
        let sub = exp(-740.0); // a subnormal result
        assert!((sub - (-740f64).exp()).abs() <= f64::from_bits(1), "{sub:e}");
    }

    #[test]
    fn ln_agrees_with_the_standard_library() {
        let mut x = 2f64.powi(-60);
        while x < 1e6 {
            assert!(close(ln(x), x.ln()), "ln({x}) = {} vs {}", ln(x), x.ln());
            x *= 1.0731;
        }
        assert_eq!(ln(1.0), 0.0);
        assert!(close(ln(f64::MIN_POSITIVE / 8.0), (f64::MIN_POSITIVE / 8.0).ln()));
        assert_eq!(ln(0.0), f64::NEG_INFINITY);
        assert!(ln(-1.0).is_nan());
    }
}
