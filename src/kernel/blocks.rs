//! The two products of a layer with many inputs, `Z = W A + b` and `dW = dZ Aᵀ`, a block of
//! outputs at a time: several units × several examples held in registers while the inputs
//! stream past, so each loaded input row serves several units and no partial sum goes
//! through memory. Every output keeps exactly the sum of `lanes` (the same terms, the same
//! order: `linear`'s from 0 in the order of the inputs then + b, `dot`'s even and odd
//! examples then the odd one out), so the bits are those of `lanes`; only which outputs are
//! computed together changes. On wasm the blocks use `f64x2`; elsewhere these are `lanes`'
//! loops, one output row after the other.

use super::lanes;
#[cfg(target_arch = "wasm32")]
use core::arch::wasm32::*;

/// Where a matrix with one column per example sits: row r starts at `rows[r * stride]`.
#[derive(Clone, Copy)]
pub struct Rows<'a> {
    pub rows: &'a [f64],
    pub stride: usize,
}

impl<'a> Rows<'a> {
    fn row(&self, r: usize) -> &'a [f64] {
        &self.rows[r * self.stride..]
    }
}

/// The most inputs `linear` lists for skipping (the 64 pixels of a digit).
#[cfg(target_arch = "wasm32")]
const LISTED: usize = 64;

/// `Z = W A + b` over the first m examples: `z` row j (stride `z_stride`) gets
/// `(Σ_i W[j][i] · a[i][k]) + b[j]`, the sum from 0 in the order of i, as `lanes::linear`.
/// W is row-major, `(b.len(), n_in)`. `sparse`: inputs are often exactly 0 (pixels), so
/// the blocks skip inputs that are +0 for all their examples. That changes no bit: such a
/// term is ±0 when its weight is finite (checked), and adding ±0 leaves a sum that started
/// at +0 as it was (it never becomes −0: in round-to-nearest only −0 + −0 is −0).
pub fn linear(z: &mut [f64], z_stride: usize, w: &[f64], b: &[f64], a: Rows, m: usize, sparse: bool) {
    let n_in = w.len().checked_div(b.len()).unwrap_or(0);
    #[cfg(target_arch = "wasm32")]
    if n_in > 0 {
        assert!(w.len() == n_in * b.len() && z.len() >= (b.len() - 1) * z_stride + m);
        assert!(a.rows.len() >= (n_in - 1) * a.stride + m);
        let mut done = 0;
        if sparse && n_in <= LISTED && w.iter().all(|v| v.is_finite()) {
            done = m - m % 4;
            // SAFETY: every unit < b.len() and example < m lies within w, b, z and a, as asserted.
            unsafe { linear_sparse(z, z_stride, w, b, a, done, n_in) };
        }
        let (z, a) = (&mut z[done..], Rows { rows: &a.rows[done..], stride: a.stride });
        // SAFETY: as above, for the examples from `done` on.
        unsafe { linear_all::<4, 2>(z, z_stride, w, b, a, m - done, n_in) };
        return;
    }
    let _ = sparse;
    for (j, &bj) in b.iter().enumerate() {
        lanes::linear(&mut z[j * z_stride..j * z_stride + m], &w[j * n_in..(j + 1) * n_in], bj, a.rows, a.stride);
    }
}

/// `linear` over m examples (a multiple of 4) four at a time: the inputs that are not +0 for
/// all four listed once, then every block of units summed over the listed inputs only.
#[cfg(target_arch = "wasm32")]
#[inline(always)]
unsafe fn linear_sparse(z: &mut [f64], z_stride: usize, w: &[f64], b: &[f64], a: Rows, m: usize, n_in: usize) {
    let (zp, wp, ap) = (z.as_mut_ptr(), w.as_ptr(), a.rows.as_ptr());
    let mut listed = [0u32; LISTED];
    for k in (0..m).step_by(4) {
        let mut n = 0;
        for i in 0..n_in {
            let (x0, x1) = (v128_load(ap.add(i * a.stride + k) as *const v128), v128_load(ap.add(i * a.stride + k + 2) as *const v128));
            listed[n] = i as u32;
            n += usize::from(v128_any_true(v128_or(x0, x1)));
        }
        let listed = &listed[..n];
        let mut j = 0;
        while j + 4 <= b.len() {
            let inputs = listed.iter().map(|&i| i as usize);
            linear_block::<4, 2>(zp.add(j * z_stride + k), z_stride, wp.add(j * n_in), n_in, &b[j..j + 4], ap.add(k), a.stride, inputs);
            j += 4;
        }
        while j < b.len() {
            let inputs = listed.iter().map(|&i| i as usize);
            linear_block::<1, 2>(zp.add(j * z_stride + k), z_stride, wp.add(j * n_in), n_in, &b[j..j + 1], ap.add(k), a.stride, inputs);
            j += 1;
        }
    }
}

/// `linear` in blocks of up to J units × P pairs of examples.
#[cfg(target_arch = "wasm32")]
#[inline(always)]
unsafe fn linear_all<const J: usize, const P: usize>(z: &mut [f64], z_stride: usize, w: &[f64], b: &[f64], a: Rows, m: usize, n_in: usize) {
    let mut j = 0;
    while j + J <= b.len() {
        linear_units::<J, P>(z, z_stride, w, b, a, m, n_in, j);
        j += J;
    }
    while j < b.len() {
        linear_units::<1, P>(z, z_stride, w, b, a, m, n_in, j);
        j += 1;
    }
}

/// `linear` for units j..j + J: P pairs of examples a block, then a pair at a time, then the
/// odd example out one unit at a time.
#[cfg(target_arch = "wasm32")]
#[inline(always)]
#[allow(clippy::too_many_arguments)]
unsafe fn linear_units<const J: usize, const P: usize>(
    z: &mut [f64],
    z_stride: usize,
    w: &[f64],
    b: &[f64],
    a: Rows,
    m: usize,
    n_in: usize,
    j: usize,
) {
    let (zp, wp, ap) = (z.as_mut_ptr().add(j * z_stride), w.as_ptr().add(j * n_in), a.rows.as_ptr());
    let mut k = 0;
    while k + 2 * P <= m {
        linear_block::<J, P>(zp.add(k), z_stride, wp, n_in, &b[j..j + J], ap.add(k), a.stride, 0..n_in);
        k += 2 * P;
    }
    while k + 2 <= m {
        linear_block::<J, 1>(zp.add(k), z_stride, wp, n_in, &b[j..j + J], ap.add(k), a.stride, 0..n_in);
        k += 2;
    }
    if k < m {
        for u in 0..J {
            let mut acc = 0.0;
            for i in 0..n_in {
                acc += *wp.add(u * n_in + i) * *ap.add(i * a.stride + k);
            }
            *zp.add(u * z_stride + k) = acc + b[j + u];
        }
    }
}

/// J units × P pairs of examples: `J·P` sums of `f64x2` in registers over the `inputs` in
/// their order (every input, or only those `linear_sparse` listed).
#[cfg(target_arch = "wasm32")]
#[inline(always)]
#[allow(clippy::too_many_arguments, clippy::needless_range_loop)] // registers indexed as the block's units × pairs
unsafe fn linear_block<const J: usize, const P: usize>(
    z: *mut f64,
    z_stride: usize,
    w: *const f64,
    n_in: usize,
    b: &[f64],
    a: *const f64,
    a_stride: usize,
    inputs: impl Iterator<Item = usize>,
) {
    let mut acc = [[f64x2_splat(0.0); P]; J];
    for i in inputs {
        let x: [v128; P] = core::array::from_fn(|p| v128_load(a.add(i * a_stride + 2 * p) as *const v128));
        for u in 0..J {
            let wv = v128_load64_splat(w.add(u * n_in + i) as *const u64);
            for p in 0..P {
                acc[u][p] = f64x2_add(acc[u][p], f64x2_mul(wv, x[p]));
            }
        }
    }
    for u in 0..J {
        let bv = f64x2_splat(b[u]);
        for p in 0..P {
            v128_store(z.add(u * z_stride + 2 * p) as *mut v128, f64x2_add(acc[u][p], bv));
        }
    }
}

/// `dW = dZ Aᵀ` over the first m examples: `dw[j·n_in + i] = lanes::dot(dz row j, a row i)`
/// for the `dw.len() / n_in` rows of dZ and the n_in rows of A.
pub fn outer(dw: &mut [f64], n_in: usize, dz: Rows, a: Rows, m: usize) {
    let n_out = dw.len().checked_div(n_in).unwrap_or(0);
    #[cfg(target_arch = "wasm32")]
    if n_out > 0 && m >= 2 {
        assert!(dz.rows.len() >= (n_out - 1) * dz.stride + m && a.rows.len() >= (n_in - 1) * a.stride + m);
        // SAFETY: every row of dz and a and every example < m lies within them, as asserted.
        unsafe {
            outer_all::<2, 4>(dw, n_in, n_out, dz, a, m);
        }
        return;
    }
    for j in 0..n_out {
        for i in 0..n_in {
            dw[j * n_in + i] = lanes::dot(&dz.row(j)[..m], a.row(i));
        }
    }
}

/// `outer` in blocks of up to J rows of dZ × I rows of A.
#[cfg(target_arch = "wasm32")]
#[inline(always)]
unsafe fn outer_all<const J: usize, const I: usize>(dw: &mut [f64], n_in: usize, n_out: usize, dz: Rows, a: Rows, m: usize) {
    let mut j = 0;
    while j < n_out {
        if j + J <= n_out {
            outer_rows::<J, I>(dw, n_in, j, dz, a, m);
            j += J;
        } else {
            outer_rows::<1, I>(dw, n_in, j, dz, a, m);
            j += 1;
        }
    }
}

/// `outer` for rows j..j + J of dZ: I rows of A a block, then one at a time.
#[cfg(target_arch = "wasm32")]
#[inline(always)]
unsafe fn outer_rows<const J: usize, const I: usize>(dw: &mut [f64], n_in: usize, j: usize, dz: Rows, a: Rows, m: usize) {
    let mut i = 0;
    while i + I <= n_in {
        outer_block::<J, I>(dw, n_in, j, i, dz, a, m);
        i += I;
    }
    while i < n_in {
        outer_block::<J, 1>(dw, n_in, j, i, dz, a, m);
        i += 1;
    }
}

/// J rows of dZ × I rows of A: `J·I` sums of `f64x2` (even and odd examples) in registers
/// over every pair of examples, then each sum's two lanes added and the odd one out.
#[cfg(target_arch = "wasm32")]
#[inline(always)]
#[allow(clippy::needless_range_loop)] // registers indexed as the block's rows of dZ × rows of A
unsafe fn outer_block<const J: usize, const I: usize>(dw: &mut [f64], n_in: usize, j: usize, i: usize, dz: Rows, a: Rows, m: usize) {
    let (dzp, ap) = (dz.rows.as_ptr().add(j * dz.stride), a.rows.as_ptr().add(i * a.stride));
    let mut acc = [[f64x2_splat(0.0); I]; J];
    for p in 0..m / 2 {
        let x: [v128; I] = core::array::from_fn(|r| v128_load(ap.add(r * a.stride + 2 * p) as *const v128));
        for u in 0..J {
            let d = v128_load(dzp.add(u * dz.stride + 2 * p) as *const v128);
            for r in 0..I {
                acc[u][r] = f64x2_add(acc[u][r], f64x2_mul(d, x[r]));
            }
        }
    }
    for u in 0..J {
        for r in 0..I {
            let mut s = f64x2_extract_lane::<0>(acc[u][r]) + f64x2_extract_lane::<1>(acc[u][r]);
            if m % 2 == 1 {
                s += *dzp.add(u * dz.stride + m - 1) * *ap.add(r * a.stride + m - 1);
            }
            dw[(j + u) * n_in + i + r] = s;
        }
    }
}
