//! The loops the kernel spends its time in, over rows of examples. On wasm they use `f64x2`
//! (two examples per instruction); elsewhere plain loops with the same order of operations,
//! so both give the same bits: element-wise work is the same per lane, and every sum keeps
//! two partial sums (even and odd examples) added at the end, then the odd one out.

#[cfg(target_arch = "wasm32")]
use core::arch::wasm32::*;

/// `y[k] = (((0 + w(0)·row(0)[k]) + w(1)·row(1)[k]) + …) + b` for n terms, in that order (b
/// only if given), four terms a pass over y, so each loaded y is used four times and the
/// weights stay in registers; the first pass starts from 0 and the last adds b.
#[inline]
pub fn weighted_sum<'a>(y: &mut [f64], n: usize, w: impl Fn(usize) -> f64, row: impl Fn(usize) -> &'a [f64], b: Option<f64>) {
    if n == 0 {
        y.fill(0.0);
        y.iter_mut().for_each(|v| *v += b.unwrap_or(0.0));
        return;
    }
    let mut i = 0;
    while i < n {
        let (first, bias) = (i == 0, if i + 4 >= n { b } else { None });
        match n - i {
            1 => chunk::<1>(y, [w(i)], [row(i)], first, bias),
            2 => chunk::<2>(y, [w(i), w(i + 1)], [row(i), row(i + 1)], first, bias),
            3 => chunk::<3>(y, [w(i), w(i + 1), w(i + 2)], [row(i), row(i + 1), row(i + 2)], first, bias),
            _ => chunk::<4>(y, [w(i), w(i + 1), w(i + 2), w(i + 3)], [row(i), row(i + 1), row(i + 2), row(i + 3)], first, bias),
        }
        i += 4;
    }
}

#[inline(always)]
fn chunk<const K: usize>(y: &mut [f64], w: [f64; K], x: [&[f64]; K], first: bool, bias: Option<f64>) {
    match (first, bias) {
        (true, None) => pass::<K, true, false>(y, w, x, 0.0),
        (true, Some(b)) => pass::<K, true, true>(y, w, x, b),
        (false, None) => pass::<K, false, false>(y, w, x, 0.0),
        (false, Some(b)) => pass::<K, false, true>(y, w, x, b),
    }
}

/// One pass of `weighted_sum`: `y[k] = ((s + w[0]·x[0][k]) + …) + w[K−1]·x[K−1][k]` with
/// s = 0 when `ZERO`, else y[k]; then `+ b` when `BIAS`.
#[inline(always)]
fn pass<const K: usize, const ZERO: bool, const BIAS: bool>(y: &mut [f64], w: [f64; K], x: [&[f64]; K], b: f64) {
    let m = y.len();
    let x = x.map(|r| &r[..m]);
    #[cfg(target_arch = "wasm32")]
    {
        let (ws, bv) = (w.map(|v| f64x2_splat(v)), f64x2_splat(b));
        for p in 0..m / 2 {
            // SAFETY: 2p + 1 < m, and y and every x[i] hold m entries.
            unsafe {
                let at = y.as_mut_ptr().add(2 * p) as *mut v128;
                let mut acc = if ZERO { f64x2_splat(0.0) } else { v128_load(at) };
                for i in 0..K {
                    acc = f64x2_add(acc, f64x2_mul(ws[i], v128_load(x[i].as_ptr().add(2 * p) as *const v128)));
                }
                if BIAS {
                    acc = f64x2_add(acc, bv);
                }
                v128_store(at, acc);
            }
        }
        if m % 2 == 1 {
            let k = m - 1;
            y[k] = one::<K, ZERO, BIAS>(y[k], &w, &x, k, b);
        }
    }
    #[cfg(not(target_arch = "wasm32"))]
    for (k, yk) in y.iter_mut().enumerate() {
        *yk = one::<K, ZERO, BIAS>(*yk, &w, &x, k, b);
    }
}

/// `pass` at one example k.
#[inline(always)]
fn one<const K: usize, const ZERO: bool, const BIAS: bool>(y: f64, w: &[f64; K], x: &[&[f64]; K], k: usize, b: f64) -> f64 {
    let mut acc = if ZERO { 0.0 } else { y };
    for i in 0..K {
        acc += w[i] * x[i][k];
    }
    if BIAS {
        acc += b;
    }
    acc
}

/// `out[k] = (Σ_i w[i] · src[i·stride + k]) + b`: one unit's row of `Z = W A + b`, the sum
/// started at 0 and taken in the order of i, then b added.
#[inline]
pub fn linear(out: &mut [f64], w: &[f64], b: f64, src: &[f64], stride: usize) {
    weighted_sum(out, w.len(), |i| w[i], |i| &src[i * stride..], Some(b));
}

/// `Σ_k a[k] · b[k]` over `a.len()` entries, as even and odd partial sums.
#[inline]
pub fn dot(a: &[f64], b: &[f64]) -> f64 {
    let b = &b[..a.len()];
    let pairs = a.len() / 2;
    #[cfg(target_arch = "wasm32")]
    let (even, odd) = {
        let mut acc = f64x2_splat(0.0);
        for p in 0..pairs {
            // SAFETY: 2p + 1 < a.len() == b.len().
            unsafe {
                let va = v128_load(a.as_ptr().add(2 * p) as *const v128);
                let vb = v128_load(b.as_ptr().add(2 * p) as *const v128);
                acc = f64x2_add(acc, f64x2_mul(va, vb));
            }
        }
        (f64x2_extract_lane::<0>(acc), f64x2_extract_lane::<1>(acc))
    };
    #[cfg(not(target_arch = "wasm32"))]
    let (even, odd) = {
        let (mut even, mut odd) = (0.0, 0.0);
        for p in 0..pairs {
            even += a[2 * p] * b[2 * p];
            odd += a[2 * p + 1] * b[2 * p + 1];
        }
        (even, odd)
    };
    let mut s = even + odd;
    if a.len() % 2 == 1 {
        s += a[a.len() - 1] * b[a.len() - 1];
    }
    s
}

/// `Σ_k a[k]`, as even and odd partial sums.
#[inline]
pub fn sum(a: &[f64]) -> f64 {
    let (mut even, mut odd) = (0.0, 0.0);
    for p in a.chunks_exact(2) {
        even += p[0];
        odd += p[1];
    }
    let mut s = even + odd;
    if a.len() % 2 == 1 {
        s += a[a.len() - 1];
    }
    s
}

/// `out[k] = tanh(z[k])`, bit for bit `fast_exp::tanh`, two at a time on wasm.
#[inline]
pub fn tanh(z: &[f64], out: &mut [f64]) {
    #[cfg(target_arch = "wasm32")]
    elementwise(z, out, crate::fast_exp::tanh, |x| Some(tanh2(x)));
    #[cfg(not(target_arch = "wasm32"))]
    elementwise(z, out, crate::fast_exp::tanh);
}

/// `out[k] = f(z[k])`, two lanes at a time through `pair`, which gives f of both lanes or
/// declines (`None`: both go through `f`); the odd one out goes through `f`.
#[cfg(target_arch = "wasm32")]
#[inline(always)]
fn elementwise(z: &[f64], out: &mut [f64], f: impl Fn(f64) -> f64, pair: impl Fn(v128) -> Option<v128>) {
    let z = &z[..out.len()];
    let mut oc = out.chunks_exact_mut(2);
    let mut zc = z.chunks_exact(2);
    for (op, zp) in (&mut oc).zip(&mut zc) {
        // SAFETY: both chunks hold exactly two f64 (16 bytes); unaligned loads are allowed.
        match pair(unsafe { v128_load(zp.as_ptr() as *const v128) }) {
            // SAFETY: as the load.
            Some(v) => unsafe { v128_store(op.as_mut_ptr() as *mut v128, v) },
            None => op.iter_mut().zip(zp).for_each(|(o, &x)| *o = f(x)),
        }
    }
    for (o, &x) in oc.into_remainder().iter_mut().zip(zc.remainder()) {
        *o = f(x);
    }
}

/// `out[k] = f(z[k])` (the twin of the wasm `elementwise`, whose lanes give f's bits).
#[cfg(not(target_arch = "wasm32"))]
#[inline(always)]
fn elementwise(z: &[f64], out: &mut [f64], f: impl Fn(f64) -> f64) {
    out.iter_mut().zip(z).for_each(|(o, &x)| *o = f(x));
}

/// `fast_exp::tanh` of two lanes, step for step (the same operations, so the same bits).
#[cfg(target_arch = "wasm32")]
#[inline(always)]
fn tanh2(x: v128) -> v128 {
    use crate::fast_exp::{EXP2_TE, INV_LN2_64, LN2_64_HI, LN2_64_LO, ROUND};
    let sign = i64x2_splat(i64::MIN);
    let a = f64x2_pmin(f64x2_abs(x), f64x2_splat(20.0)); // |x| capped at 20 (NaN stays NaN; replaced below)
    let y = f64x2_add(a, a);
    let round = f64x2_splat(ROUND);
    let shifted = f64x2_add(f64x2_mul(y, f64x2_splat(INV_LN2_64)), round);
    let nf = f64x2_sub(shifted, round);
    let r = f64x2_sub(f64x2_sub(y, f64x2_mul(nf, f64x2_splat(LN2_64_HI))), f64x2_mul(nf, f64x2_splat(LN2_64_LO)));
    let mut p = f64x2_splat(1.0 / 720.0);
    for ci in [1.0 / 120.0, 1.0 / 24.0, 1.0 / 6.0, 0.5, 1.0] {
        p = f64x2_add(f64x2_mul(p, r), f64x2_splat(ci));
    }
    let p = f64x2_mul(r, p);
    // n = round(y · 64/ln2) ≥ 0 sits in the low bits of `shifted`
    let n = i64x2_sub(shifted, i64x2_splat(ROUND.to_bits() as i64));
    let (j0, j1) = ((i64x2_extract_lane::<0>(n) & 63) as usize, (i64x2_extract_lane::<1>(n) & 63) as usize);
    // SAFETY: j0, j1 < 64 and each entry of EXP2_TE is two f64: (2^(j/64), its tail).
    let (te0, te1) = unsafe { (v128_load(EXP2_TE[j0].as_ptr() as *const v128), v128_load(EXP2_TE[j1].as_ptr() as *const v128)) };
    let (t, e) = (i64x2_shuffle::<0, 2>(te0, te1), i64x2_shuffle::<1, 3>(te0, te1));
    let two_k = i64x2_shl(i64x2_add(u64x2_shr(n, 6), i64x2_splat(1023)), 52);
    let one = f64x2_splat(1.0);
    let em1 = f64x2_add(f64x2_mul(two_k, f64x2_add(e, f64x2_mul(t, p))), f64x2_sub(two_k, one));
    let q = f64x2_div(em1, f64x2_add(em1, f64x2_splat(2.0)));
    let q = v128_or(q, v128_and(x, sign)); // q ≥ +0: copysign(q, x)
    v128_bitselect(q, x, f64x2_eq(x, x)) // NaN stays NaN
}

/// `out[k] = σ(z[k])`, bit for bit `nn::sigmoid`, two at a time on wasm where |z| ≤ 700 (the
/// rest, and NaN, go through `nn::sigmoid` itself).
#[inline]
pub fn sigmoid(z: &[f64], out: &mut [f64]) {
    #[cfg(target_arch = "wasm32")]
    elementwise(z, out, crate::nn::sigmoid, |x| {
        if !i64x2_all_true(f64x2_le(f64x2_abs(x), f64x2_splat(700.0))) {
            return None;
        }
        let e = exp_nonpositive2(f64x2_neg(f64x2_abs(x))); // e^(−|z|)
        let d = f64x2_add(f64x2_splat(1.0), e);
        // z ≥ 0: 1/(1 + e^(−z)); z < 0: e^z/(1 + e^z)
        Some(v128_bitselect(f64x2_div(f64x2_splat(1.0), d), f64x2_div(e, d), f64x2_ge(x, f64x2_splat(0.0))))
    });
    #[cfg(not(target_arch = "wasm32"))]
    elementwise(z, out, crate::nn::sigmoid);
}

/// `math::exp` of two lanes in [−700, −0], step for step: k = trunc(x log₂e − ½), r = x − k ln2
/// in two parts, e^r by its series, times 2^k.
#[cfg(target_arch = "wasm32")]
#[inline(always)]
fn exp_nonpositive2(x: v128) -> v128 {
    use crate::fast_exp::ROUND;
    use crate::math::{INV_FACTORIAL, LN2_HI, LN2_LO};
    let kf = f64x2_trunc(f64x2_add(f64x2_mul(x, f64x2_splat(std::f64::consts::LOG2_E)), f64x2_splat(-0.5)));
    let r = f64x2_sub(f64x2_sub(x, f64x2_mul(kf, f64x2_splat(LN2_HI))), f64x2_mul(kf, f64x2_splat(LN2_LO)));
    let mut p = f64x2_splat(INV_FACTORIAL[12]);
    for &c in INV_FACTORIAL[..12].iter().rev() {
        p = f64x2_add(f64x2_mul(p, r), f64x2_splat(c));
    }
    let e = f64x2_add(f64x2_splat(1.0), f64x2_mul(p, r));
    // k (≥ −1010 here) sits in the low bits of kf + 1.5·2^52
    let k = i64x2_sub(f64x2_add(kf, f64x2_splat(ROUND)), i64x2_splat(ROUND.to_bits() as i64));
    f64x2_mul(e, i64x2_shl(i64x2_add(k, i64x2_splat(1023)), 52))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sums_pair_even_and_odd_examples() {
        let a: Vec<f64> = (0..7).map(|i| 0.1 * i as f64 + 1e-17).collect();
        let b: Vec<f64> = (0..7).map(|i| 1.0 / (i as f64 + 3.0)).collect();
        let even: f64 = (0..3).map(|p| a[2 * p] * b[2 * p]).sum();
        let odd: f64 = (0..3).map(|p| a[2 * p + 1] * b[2 * p + 1]).sum();
        assert_eq!(dot(&a, &b), (even + odd) + a[6] * b[6]);
        let mut y = vec![f64::NAN; 7];
        let w = [0.5, -2.0, 3.0, 0.25, -1.0, 2.0];
        let rows = [&a, &b, &a, &b, &a, &b];
        weighted_sum(&mut y, 6, |i| w[i], |i| rows[i].as_slice(), Some(0.125));
        let expected = |k: usize| (0..6).fold(0.0, |acc, i| acc + w[i] * rows[i][k]) + 0.125;
        assert!((0..7).all(|k| y[k] == expected(k)), "in the order of the terms, from 0, then b");
        assert_eq!(sum(&a[..4]), (a[0] + a[2]) + (a[1] + a[3]));
    }
}
