//! How linear the network is: R² of a plane fitted to its output logit over the view.

use ndarray::ArrayView1;

/// R² of the least-squares fit `z ≈ c₀ + c₁x₁ + c₂x₂` (normal equations, 3×3, by Cramer's rule).
pub fn plane_r2(x1: ArrayView1<f64>, x2: ArrayView1<f64>, z: ArrayView1<f64>) -> f64 {
    let n = z.len() as f64;
    let mean = |v: ArrayView1<f64>| v.sum() / n;
    let (m1, m2, mz) = (mean(x1), mean(x2), mean(z));
    let (mut s11, mut s12, mut s22, mut s1z, mut s2z, mut szz) = (0.0, 0.0, 0.0, 0.0, 0.0, 0.0);
    for i in 0..z.len() {
        let (a, b, c) = (x1[i] - m1, x2[i] - m2, z[i] - mz);
        s11 += a * a;
        s12 += a * b;
        s22 += b * b;
        s1z += a * c;
        s2z += b * c;
        szz += c * c;
    }
    if szz <= 1e-300 {
        return 1.0; // a constant is a (flat) plane
    }
    let det = s11 * s22 - s12 * s12;
    let c1 = (s1z * s22 - s2z * s12) / det;
    let c2 = (s2z * s11 - s1z * s12) / det;
    let explained = c1 * s1z + c2 * s2z;
    (explained / szz).clamp(0.0, 1.0)
}
