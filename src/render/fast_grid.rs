//! The decision boundary for the screen, fast: the network evaluated on the n×n grid in f32,
//! layer by layer over all points at once (loops the compiler turns into SIMD), with a
//! rational tanh that is within 1e-4 of the true one. Pixels need no more; every number the
//! page reports (`grid()`, costs, accuracies) still comes from the exact f64 network.

use crate::data::grid_points;
use crate::data::Feature;
use crate::nn::{Activation, Mlp};

/// tanh by its (7, 6) Padé approximant, clamped to [−1, 1]: off by at most 1e-4, branch-free.
#[inline]
pub fn tanh_approx(x: f32) -> f32 {
    let x = x.clamp(-5.0, 5.0);
    let x2 = x * x;
    let p = x * (135135.0 + x2 * (17325.0 + x2 * (378.0 + x2)));
    let q = 135135.0 + x2 * (62370.0 + x2 * (3150.0 + 28.0 * x2));
    (p / q).clamp(-1.0, 1.0)
}

/// The feature rows of the grid, kept between frames (they depend only on n and the features).
pub struct FastGrid {
    n: usize,
    features: Vec<Feature>,
    inputs: Vec<Vec<f32>>,
    /// two scratch layers, reused every frame
    a: Vec<Vec<f32>>,
    z: Vec<Vec<f32>>,
}

impl FastGrid {
    pub fn new() -> FastGrid {
        FastGrid { n: 0, features: Vec::new(), inputs: Vec::new(), a: Vec::new(), z: Vec::new() }
    }

    /// P(y = 1) on the n×n grid over the view square, row-major, row 0 at the top.
    pub fn probabilities(&mut self, net: &Mlp, features: &[Feature], n: usize) -> Vec<f32> {
        if self.n != n || self.features != features {
            let points = grid_points(n);
            self.inputs = features.iter().map(|f| (0..n * n).map(|k| f.value(points[[0, k]], points[[1, k]]) as f32).collect()).collect();
            self.n = n;
            self.features = features.to_vec();
        }
        let m = n * n;
        let layers = net.weights().len();
        let mut a = std::mem::take(&mut self.a);
        let mut z = std::mem::take(&mut self.z);
        for l in 0..layers {
            let (w, b) = (&net.weights()[l], &net.biases()[l]);
            resize(&mut z, w.nrows(), m);
            let input: &[Vec<f32>] = if l == 0 { &self.inputs } else { &a };
            for (j, zj) in z.iter_mut().enumerate() {
                zj.fill(b[j] as f32);
                for (i, ai) in input.iter().enumerate() {
                    let wji = w[[j, i]] as f32;
                    if wji != 0.0 {
                        zj.iter_mut().zip(ai).for_each(|(zv, &av)| *zv += wji * av);
                        // Z = W A + b
                    }
                }
            }
            if l + 1 < layers {
                let g = net.activation();
                z.iter_mut().for_each(|zj| activate(g, zj));
                std::mem::swap(&mut a, &mut z);
            }
        }
        // ŷ = σ(z) = ½ + ½ tanh(z/2)
        let p = z[0].iter().map(|&v| 0.5 + 0.5 * tanh_approx(0.5 * v)).collect();
        self.a = a;
        self.z = z;
        p
    }
}

impl Default for FastGrid {
    fn default() -> FastGrid {
        FastGrid::new()
    }
}

fn resize(rows: &mut Vec<Vec<f32>>, count: usize, m: usize) {
    rows.resize_with(count, Vec::new);
    rows.iter_mut().for_each(|r| r.resize(m, 0.0));
}

fn activate(g: Activation, z: &mut [f32]) {
    match g {
        Activation::Tanh => z.iter_mut().for_each(|v| *v = tanh_approx(*v)),
        Activation::Relu => z.iter_mut().for_each(|v| *v = v.max(0.0)),
        Activation::Sigmoid => z.iter_mut().for_each(|v| *v = 0.5 + 0.5 * tanh_approx(0.5 * *v)),
        Activation::Linear => {}
    }
}
