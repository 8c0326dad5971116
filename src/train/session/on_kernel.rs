//! The session's side of the training kernel: measuring on it, and copying its dropout masks
//! out for the network diagram.

use ndarray::Array2;

use super::{Evaluation, Session, LINEAR_REGION};
use crate::nn::Dropout;

impl Session {
    /// The numbers of `evaluate`, measured on the kernel (which holds the current weights
    /// after `train`): the same sums in the same order, without allocating per example.
    pub fn measure(&mut self) -> Evaluation {
        let m = self.train.len() as f64;
        let (tx, ty) = (self.train.x.as_slice().expect("X is contiguous"), self.train.y.as_slice().expect("Y is contiguous"));
        let train = self.kernel.score(tx, ty, LINEAR_REGION);
        let (dev_cost, dev_accuracy) = if self.dev.is_empty() {
            (f64::NAN, f64::NAN)
        } else {
            let (dx, dy) = (self.dev.x.as_slice().expect("X is contiguous"), self.dev.y.as_slice().expect("Y is contiguous"));
            let dev = self.kernel.score(dx, dy, LINEAR_REGION);
            (dev.cost, dev.accuracy)
        };
        let penalty = self.kernel.penalty(&self.regularization(), m);
        let (zero_weights, weight_count) = self.kernel.zero_weights();
        Evaluation {
            data_cost: train.cost,
            penalty,
            total_cost: train.cost + penalty,
            dev_cost,
            train_accuracy: train.accuracy,
            dev_accuracy,
            weight_norms: (0..self.kernel.layers()).map(|l| self.kernel.weight_norm(l)).collect(),
            zero_weights,
            weight_count,
            linear_fraction: if train.hidden == 0 { f64::NAN } else { train.linear as f64 / train.hidden as f64 },
            features_in_use: self.kernel.features_in_use(),
        }
    }

    /// Copies this step's masks out for the network diagram, reusing the last ones' memory.
    pub(super) fn keep_last_masks(&mut self, count: usize) {
        let keep = &self.config.keep;
        let sizes = self.net.hidden_sizes();
        let fits = self.last_dropout.as_ref().is_some_and(|d| d.masks.iter().zip(&sizes).all(|(mk, &n)| mk.dim() == (n, count)));
        if !fits {
            let masks = sizes.iter().map(|&n| Array2::zeros((n, count))).collect();
            self.last_dropout = Some(Dropout { keep_prob: keep.clone(), masks });
        }
        let drop = self.last_dropout.as_mut().unwrap();
        drop.keep_prob.clone_from(keep);
        for (l, mask) in drop.masks.iter_mut().enumerate() {
            for (i, mut row) in mask.rows_mut().into_iter().enumerate() {
                row.iter_mut().zip(self.kernel.mask_row(l, i, count)).for_each(|(d, &s)| *d = s);
            }
        }
    }
}
