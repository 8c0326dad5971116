//! One iteration: the next mini-batch picked, its gradient `(1/B) Σ_batch dL` computed on the
//! kernel [`SLICE`] examples at a time, and the step taken on `net` with the penalty of the
//! whole training set (m = all of it, whatever the batch size).
//!
//! A batch of up to [`SLICE`] examples is one slice. A bigger one is summed slice by slice,
//! each slice's mean weighted by its share of the batch. The slices are fixed by the batch,
//! never by time, so a run is the same however its slices spread over animation frames.
//! Dropout masks are drawn slice by slice from the one dropout stream. The evaluation
//! recorded at the end of an epoch runs in slices too when the sets are big (see
//! `slices.rs`): the new weights take over only once it is done, so until then the page
//! sees the previous iteration, whole, its masks included.

use std::ops::Range;

use ndarray::Array2;
use rand::seq::SliceRandom;

use super::slices::{Pending, Summing, Tally, SLICE};
use super::{Session, DIVERGED_WEIGHT};
use crate::kernel::Input;
use crate::nn::{gradient_descent_step, Dropout, Gradients, Mlp};

impl Session {
    /// How many examples one iteration takes: the batch size, the whole set for 0.
    pub(super) fn batch_size(&self) -> usize {
        let m = self.train.len();
        if self.config.batch == 0 {
            m
        } else {
            self.config.batch.min(m)
        }
    }

    /// Picks the next mini-batch, whole or sliced: the next `batch_size()` places of this
    /// epoch's order (`order[range]`), shuffled when an epoch starts unless the batch is the
    /// whole set (which keeps the order it has).
    fn next_batch(&mut self) -> Range<usize> {
        let m = self.train.len();
        let batch = self.batch_size();
        if self.cursor >= m {
            if batch < m {
                self.order.shuffle(&mut self.batch_rng);
            }
            self.cursor = 0;
        }
        let end = (self.cursor + batch).min(m);
        let picked = self.cursor..end;
        self.cursor = end;
        picked
    }

    /// One slice of the current iteration; true when it completed the iteration (the
    /// gradient step taken, the evaluation recorded at the end of an epoch).
    pub(super) fn advance(&mut self) -> bool {
        let mut p = match self.pending.take() {
            Some(Pending::Evaluating { next, cost, masks, mut tally }) => {
                if !tally.add_slice(&mut self.kernel, &next, &self.train, &self.dev) {
                    self.pending = Some(Pending::Evaluating { next, cost, masks, tally });
                    return false;
                }
                let e = tally.evaluation(&next, self);
                self.net = next;
                self.commit(cost, masks);
                self.record_with(e);
                return true;
            }
            Some(Pending::Gradient(p)) => p,
            None => Summing::new(self.next_batch()),
        };
        let size = p.batch.len();
        let (from, to) = (p.done, (p.done + SLICE).min(size));
        // the first slice that drops units gives the masks the page shows for this iteration
        let (cost, kept) = self.kernel_pass(p.batch.start + from..p.batch.start + to, !p.masks);
        p.masks |= kept;
        if from == 0 && to == size {
            return self.finish(cost, None, p.masks); // one slice: the kernel's gradients are the batch's
        }
        let share = (to - from) as f64 / size as f64;
        p.cost += share * cost;
        let grads = p.grads.get_or_insert_with(|| zeros_like(&self.net));
        for (l, (dw, db)) in grads.dw.iter_mut().zip(grads.db.iter_mut()).enumerate() {
            let (kw, kb) = self.kernel.gradients(l);
            dw.iter_mut().zip(kw).for_each(|(a, &b)| *a += share * b);
            db.iter_mut().zip(kb).for_each(|(a, &b)| *a += share * b);
        }
        p.done = to;
        if p.done < size {
            self.pending = Some(Pending::Gradient(p));
            return false;
        }
        self.finish(p.cost, p.grads, p.masks)
    }

    /// Takes the step with the batch's gradients (`summed`, or the kernel's for a batch of one
    /// slice); true when the iteration is complete, false when its evaluation still has
    /// slices to run (a big training or dev set at the end of an epoch).
    fn finish(&mut self, cost: f64, summed: Option<Gradients>, masks: bool) -> bool {
        let m = self.train.len();
        let (reg, alpha) = (self.regularization(), self.config.lr);
        let grads = summed.as_ref().unwrap_or(self.kernel.grads());
        let record = self.cursor >= m && self.recording;
        if record && self.train.len() + self.dev.len() > SLICE && cost.is_finite() {
            let mut next = self.net.clone();
            gradient_descent_step(&mut next, grads, &reg, alpha, m as f64);
            if weights_sane(&next) {
                self.pending = Some(Pending::Evaluating { next, cost, masks, tally: Tally::default() });
                return false;
            }
        }
        gradient_descent_step(&mut self.net, grads, &reg, alpha, m as f64);
        self.commit(cost, masks);
        if !cost.is_finite() || !weights_sane(&self.net) {
            self.net.clone_from(&self.last_good); // what the page keeps showing
            self.diverge();
        } else if record {
            self.record();
        }
        true
    }

    /// The iteration is done: counted, its masks shown, its cost in the epoch's mean.
    fn commit(&mut self, cost: f64, masks: bool) {
        self.iteration += 1;
        if masks {
            std::mem::swap(&mut self.last_dropout, &mut self.drawn);
        } else {
            self.last_dropout = None;
        }
        self.step_costs = (self.step_costs.0 + cost, self.step_costs.1 + 1);
    }

    /// Forward and backward on the examples at places `at` of this epoch's order, with this
    /// step's dropout (hidden masks, then input masks, from the one dropout stream): leaves
    /// the mean gradient in the kernel and returns the mean cost (0 when nothing is recorded:
    /// a λ sweep needs no cost per step), and whether the masks were kept for the network
    /// diagram (when `keep_masks` and units were dropped).
    fn kernel_pass(&mut self, at: Range<usize>, keep_masks: bool) -> (f64, bool) {
        let count = at.len();
        let picked = &self.order[at];
        let (x, y) = (self.train.x.as_slice().expect("X is contiguous"), self.train.y.as_slice().expect("Y is contiguous"));
        let keep = &self.config.keep;
        let dropping = !Dropout::is_off(keep);
        let keep_in = self.config.keep_in;
        // The whole training set in its stored order without dropout: the forward pass of
        // the last evaluation (of the same examples in the same columns) is this step's, if
        // the kernel still holds it for these weights.
        let whole = count == self.train.len() && picked.iter().enumerate().all(|(i, &c)| i == c);
        if self.recording && whole && !dropping && keep_in >= 1.0 && self.kernel.holds(&self.net, count) {
            let cost = self.kernel.data_cost_and_gradients_held(&self.net, Input { rows: x, stride: count }, y);
            return (cost, false);
        }
        self.kernel.gather(x, self.train.len(), y, picked);
        if dropping {
            self.kernel.sample_masks(keep, count, &mut self.dropout_rng);
            if !self.config.inverted {
                self.kernel.plain_dropout(); // the lesson's mistake: kept units not scaled up
            }
        }
        if keep_in < 1.0 {
            let scale = if self.config.inverted { 1.0 / keep_in } else { 1.0 };
            self.kernel.drop_inputs(keep_in, scale, count, &mut self.dropout_rng);
        }
        let cost = if self.recording {
            self.kernel.data_cost_and_gradients(&self.net, count, dropping)
        } else {
            self.kernel.data_gradients(&self.net, count, dropping);
            0.0
        };
        let kept = dropping && keep_masks;
        if kept {
            self.keep_masks(count);
        }
        (cost, kept)
    }

    /// Copies this slice's masks out into `drawn`, reusing the memory of the ones before.
    fn keep_masks(&mut self, count: usize) {
        let keep = &self.config.keep;
        let sizes = self.kernel.hidden_sizes();
        let fits = self
            .drawn
            .as_ref()
            .is_some_and(|d| d.masks.len() == sizes.len() && d.masks.iter().zip(sizes).all(|(mk, &n)| mk.dim() == (n, count)));
        if !fits {
            let masks = sizes.iter().map(|&n| Array2::zeros((n, count))).collect();
            self.drawn = Some(Dropout { keep_prob: keep.clone(), masks });
        }
        let drop = self.drawn.as_mut().unwrap();
        drop.keep_prob.clone_from(keep);
        for (l, mask) in drop.masks.iter_mut().enumerate() {
            for (i, mut row) in mask.rows_mut().into_iter().enumerate() {
                row.iter_mut().zip(self.kernel.mask_row(l, i, count)).for_each(|(d, &s)| *d = s);
            }
        }
    }
}

/// Gradients of `net`'s shape, all 0.
fn zeros_like(net: &Mlp) -> Gradients {
    Gradients {
        dw: net.weights().iter().map(|w| Array2::zeros(w.dim())).collect(),
        db: net.biases().iter().map(|b| ndarray::Array1::zeros(b.len())).collect(),
    }
}

/// Every weight below the divergence bound and every bias finite.
fn weights_sane(net: &Mlp) -> bool {
    net.weights().iter().all(|w| w.iter().all(|v| v.abs() < DIVERGED_WEIGHT))
        && net.biases().iter().all(|b| b.iter().all(|v| v.is_finite()))
}
