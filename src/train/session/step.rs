//! One gradient step on the training kernel, for batches of up to `SLICE` examples: the
//! kernel holds the weights between steps and `net` catches up when someone looks.

use ndarray::Array2;
use rand::seq::SliceRandom;

use super::{slices, Session, DIVERGED_WEIGHT};
use crate::nn::Dropout;

impl Session {
    /// `net` takes the kernel's weights if the kernel is ahead.
    pub(super) fn catch_up(&mut self) {
        if self.kernel_ahead {
            self.kernel.store(&mut self.net);
            self.kernel_ahead = false;
        }
    }

    /// One gradient step on the next mini-batch of at most `SLICE` examples, on the kernel:
    /// `(1/B) Σ_batch dL + penalty(m = whole set)`. True when the iteration is complete,
    /// false when its end-of-epoch evaluation on a big set still has slices to run.
    pub(super) fn kernel_step(&mut self) -> bool {
        if self.kernel_behind {
            self.kernel.load(&self.net);
            self.kernel_behind = false;
        }
        let m = self.train.len();
        let batch = if self.config.batch == 0 { m } else { self.config.batch.min(m) };
        if self.cursor >= m {
            if batch < m {
                self.order.shuffle(&mut self.batch_rng);
            }
            self.cursor = 0;
        }
        let end = (self.cursor + batch).min(m);
        let count = end - self.cursor;
        let x = self.train.x.as_slice().expect("X is contiguous");
        self.kernel.gather(x, m, self.train.y.as_slice().expect("Y is contiguous"), &self.order[self.cursor..end]);
        self.cursor = end;
        let cost = self.kernel_pass(count);
        let reg = self.regularization();
        self.kernel.update(&reg, self.config.lr, m as f64);
        self.kernel_ahead = true;
        let sane = cost.is_finite() && self.kernel.sane(DIVERGED_WEIGHT);
        let record = self.cursor >= m && self.recording;
        if sane && record && self.train.len() + self.dev.len() > slices::SLICE {
            // the new weights are measured in slices and take over when that is done
            let mut net = self.net.clone();
            self.kernel.store(&mut net);
            self.kernel_ahead = false;
            self.pending = Some(slices::Pending::evaluating(net, cost, self.last_dropout.clone()));
            return false;
        }
        self.iteration += 1;
        self.step_costs = (self.step_costs.0 + cost, self.step_costs.1 + 1);
        if !sane {
            self.net.clone_from(&self.last_good); // what the page keeps showing
            self.kernel.load(&self.net);
            self.kernel_ahead = false;
            self.diverge();
        } else if record {
            self.catch_up();
            self.record();
        }
        true
    }

    /// Forward and backward on the `count` examples gathered into the kernel, with this step's
    /// dropout (hidden masks, then input masks, from the one dropout stream): leaves the mean
    /// gradient in the kernel and returns the mean cost (0 when nothing is recorded: a λ sweep
    /// needs no cost per step). The masks are kept for the network diagram.
    pub(super) fn kernel_pass(&mut self, count: usize) -> f64 {
        let keep = &self.config.keep;
        let dropping = !Dropout::is_off(keep);
        if dropping {
            self.kernel.sample_masks(keep, count, &mut self.dropout_rng);
            if !self.config.inverted {
                self.kernel.plain_dropout(); // the lesson's mistake: kept units not scaled up
            }
            self.keep_last_masks(count);
        } else {
            self.last_dropout = None;
        }
        let keep_in = self.config.keep_in;
        if keep_in < 1.0 {
            let scale = if self.config.inverted { 1.0 / keep_in } else { 1.0 };
            self.kernel.drop_inputs(keep_in, scale, count, &mut self.dropout_rng);
        }
        if self.recording {
            self.kernel.data_cost_and_gradients(count, dropping)
        } else {
            self.kernel.data_gradients(count, dropping);
            0.0
        }
    }

    /// Copies this step's masks out for the network diagram, reusing the last ones' memory.
    fn keep_last_masks(&mut self, count: usize) {
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
