//! The loops the kernel spends its time in, over rows of examples. On wasm they use `f64x2`
//! (two examples per instruction); elsewhere plain loops with the same order of operations,
//! so both give the same bits: element-wise work is the same per lane, and every sum keeps
//! two partial sums (even and odd examples) added at the end, then the odd one out.

#[cfg(target_arch = "wasm32")]
use core::arch::wasm32::*;

/// `y[k] += w · x[k]`
#[inline]
pub fn axpy(y: &mut [f64], w: f64, x: &[f64]) {
    let x = &x[..y.len()];
    #[cfg(target_arch = "wasm32")]
    {
        let wv = f64x2_splat(w);
        let mut yc = y.chunks_exact_mut(2);
        let mut xc = x.chunks_exact(2);
        for (yp, xp) in (&mut yc).zip(&mut xc) {
            // SAFETY: both chunks hold exactly two f64 (16 bytes); unaligned loads are allowed.
            unsafe {
                let v = f64x2_add(v128_load(yp.as_ptr() as *const v128), f64x2_mul(wv, v128_load(xp.as_ptr() as *const v128)));
                v128_store(yp.as_mut_ptr() as *mut v128, v);
            }
        }
        for (yv, &xv) in yc.into_remainder().iter_mut().zip(xc.remainder()) {
            *yv += w * xv;
        }
    }
    #[cfg(not(target_arch = "wasm32"))]
    for (yv, &xv) in y.iter_mut().zip(x) {
        *yv += w * xv;
    }
}

/// `out[k] = (Σ_i w[i] · src[i·stride + k]) + b`: one unit's row of `Z = W A + b`, the sum
/// kept in a register per pair of examples (in the order of i, then b).
#[inline]
pub fn linear(out: &mut [f64], w: &[f64], b: f64, src: &[f64], stride: usize) {
    let m = out.len();
    let pairs = m / 2;
    #[cfg(target_arch = "wasm32")]
    {
        let bv = f64x2_splat(b);
        for p in 0..pairs {
            let mut acc = f64x2_splat(0.0);
            for (i, &wi) in w.iter().enumerate() {
                let at = i * stride + 2 * p;
                assert!(at + 1 < src.len());
                // SAFETY: checked just above.
                let x = unsafe { v128_load(src.as_ptr().add(at) as *const v128) };
                acc = f64x2_add(acc, f64x2_mul(f64x2_splat(wi), x));
            }
            // SAFETY: 2p + 1 < m == out.len().
            unsafe { v128_store(out.as_mut_ptr().add(2 * p) as *mut v128, f64x2_add(acc, bv)) };
        }
    }
    #[cfg(not(target_arch = "wasm32"))]
    for k in 0..2 * pairs {
        let mut acc = 0.0;
        for (i, &wi) in w.iter().enumerate() {
            acc += wi * src[i * stride + k];
        }
        out[k] = acc + b;
    }
    if m % 2 == 1 {
        let k = m - 1;
        let mut acc = 0.0;
        for (i, &wi) in w.iter().enumerate() {
            acc += wi * src[i * stride + k];
        }
        out[k] = acc + b;
    }
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

/// `g[k] = tanh(z[k])`, bit for bit `fast_exp::tanh`, two at a time on wasm.
#[inline]
pub fn tanh(z: &[f64], g: &mut [f64]) {
    let z = &z[..g.len()];
    #[cfg(target_arch = "wasm32")]
    {
        use crate::fast_exp::{EXP2_E, EXP2_T, INV_LN2_64, LN2_64_HI, LN2_64_LO, ROUND};
        let mut gc = g.chunks_exact_mut(2);
        let mut zc = z.chunks_exact(2);
        let (cap, round, one, two) = (f64x2_splat(20.0), f64x2_splat(ROUND), f64x2_splat(1.0), f64x2_splat(2.0));
        let round_bits = i64x2_splat(ROUND.to_bits() as i64);
        let sign = i64x2_splat(i64::MIN);
        let c = [1.0 / 720.0, 1.0 / 120.0, 1.0 / 24.0, 1.0 / 6.0, 0.5, 1.0].map(|v| f64x2_splat(v));
        for (gp, zp) in (&mut gc).zip(&mut zc) {
            // SAFETY: both chunks hold exactly two f64 (16 bytes); unaligned loads are allowed.
            let x = unsafe { v128_load(zp.as_ptr() as *const v128) };
            let a = f64x2_abs(x);
            let a = v128_bitselect(a, cap, f64x2_lt(a, cap)); // NaN → 20, as the scalar
            let y = f64x2_add(a, a);
            let shifted = f64x2_add(f64x2_mul(y, f64x2_splat(INV_LN2_64)), round);
            let nf = f64x2_sub(shifted, round);
            let r = f64x2_sub(f64x2_sub(y, f64x2_mul(nf, f64x2_splat(LN2_64_HI))), f64x2_mul(nf, f64x2_splat(LN2_64_LO)));
            let mut p = c[0];
            for &ci in &c[1..] {
                p = f64x2_add(f64x2_mul(p, r), ci);
            }
            let p = f64x2_mul(r, p);
            let n = i64x2_sub(shifted, round_bits);
            let (j0, j1) = ((i64x2_extract_lane::<0>(n) & 63) as usize, (i64x2_extract_lane::<1>(n) & 63) as usize);
            let t = f64x2(f64::from_bits(EXP2_T[j0]), f64::from_bits(EXP2_T[j1]));
            let e = f64x2(f64::from_bits(EXP2_E[j0]), f64::from_bits(EXP2_E[j1]));
            let two_k = i64x2_shl(i64x2_add(i64x2_shr(n, 6), i64x2_splat(1023)), 52);
            let em1 = f64x2_add(f64x2_mul(two_k, f64x2_add(e, f64x2_mul(t, p))), f64x2_sub(two_k, one));
            let q = f64x2_div(em1, f64x2_add(em1, two));
            let q = v128_or(v128_andnot(q, sign), v128_and(x, sign)); // copysign
            let q = v128_bitselect(q, x, f64x2_eq(x, x)); // NaN stays NaN
                                                          // SAFETY: as the load above.
            unsafe { v128_store(gp.as_mut_ptr() as *mut v128, q) };
        }
        for (gv, &zv) in gc.into_remainder().iter_mut().zip(zc.remainder()) {
            *gv = crate::fast_exp::tanh(zv);
        }
    }
    #[cfg(not(target_arch = "wasm32"))]
    for (gv, &zv) in g.iter_mut().zip(z) {
        *gv = crate::fast_exp::tanh(zv);
    }
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
        let mut y = b.clone();
        axpy(&mut y, 0.5, &a);
        assert!(y.iter().zip(&a).zip(&b).all(|((y, a), b)| *y == b + 0.5 * a));
        assert_eq!(sum(&a[..4]), (a[0] + a[2]) + (a[1] + a[3]));
    }
}
