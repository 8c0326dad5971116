//! One iteration in slices, so that no single call runs long: a batch of more than
//! [`SLICE`] examples is worked through [`SLICE`] columns at a time, and the step is taken
//! when the last slice is done. The slices are fixed by the batch, never by time, so a run
//! is the same however its slices spread over animation frames. The gradient is the same
//! `(1/B) Σ_batch dL` (each slice's mean weighted by its share of the batch); dropout masks
//! are drawn slice by slice from the one dropout stream.

use ndarray::{s, Array1, Array2, Axis};
use rand::seq::SliceRandom;

use super::{weights_sane, Session, Status};
use crate::nn::{gradient_descent_step, Dropout, Gradients};

/// Examples per slice: one slice is about 1,000 examples' forward and backward pass.
pub const SLICE: usize = 1000;

/// The iteration under way: its batch (None: the whole training set, used in place), how
/// many of its columns are done, and the sums so far.
pub(super) struct Pending {
    batch: Option<(Array2<f64>, Array1<f64>)>,
    cols: usize,
    done: usize,
    cost: f64,
    grads: Option<Gradients>,
    /// the masks of the first slice, shown as "units dropped in this iteration"
    dropout: Option<Dropout>,
}

impl Session {
    /// How many slices one iteration takes (1 unless the batch has more than SLICE examples).
    pub fn slices_per_iteration(&self) -> usize {
        self.batch_size().div_ceil(SLICE).max(1)
    }

    /// Runs up to `n` slices; fewer if the run stops or diverges. Returns (slices run,
    /// iterations completed).
    pub fn train_slices(&mut self, n: usize) -> (usize, usize) {
        let (mut slices, mut iterations) = (0, 0);
        while slices < n && self.status == Status::Training {
            slices += 1;
            if self.advance() {
                iterations += 1;
            }
        }
        (slices, iterations)
    }

    fn batch_size(&self) -> usize {
        let m = self.train.len();
        if self.config.batch == 0 {
            m
        } else {
            self.config.batch.min(m)
        }
    }

    /// Picks the next mini-batch (shuffling at the start of an epoch).
    fn begin(&mut self) -> Pending {
        let m = self.train.len();
        let batch = self.batch_size();
        if self.cursor >= m {
            if batch < m {
                self.order.shuffle(&mut self.batch_rng);
            }
            self.cursor = 0;
        }
        let end = (self.cursor + batch).min(m);
        let picked = (batch < m).then(|| {
            let idx = &self.order[self.cursor..end];
            (self.train.x.select(Axis(1), idx), self.train.y.select(Axis(0), idx))
        });
        let cols = end - self.cursor;
        self.cursor = end;
        Pending { batch: picked, cols, done: 0, cost: 0.0, grads: None, dropout: None }
    }

    /// One slice of the current iteration; true when it completed the iteration (the
    /// gradient step taken, the evaluation recorded at the end of an epoch).
    pub(super) fn advance(&mut self) -> bool {
        let mut p = match self.pending.take() {
            Some(p) => p,
            None => self.begin(),
        };
        let (x, y) = match &p.batch {
            Some((x, y)) => (x.view(), y.view()),
            None => (self.train.x.view(), self.train.y.view()),
        };
        let (from, to) = (p.done, (p.done + SLICE).min(p.cols));
        let whole = from == 0 && to == p.cols;
        let (x, y) = if whole { (x, y) } else { (x.slice_move(s![.., from..to]), y.slice_move(s![from..to])) };
        let keep = &self.config.keep;
        let dropout = (!Dropout::is_off(keep)).then(|| Dropout::sample(keep, &self.net.hidden_sizes(), to - from, &mut self.dropout_rng));
        let (cost, mut grads) = self.net.data_cost_and_gradients(x, y, dropout.as_ref());
        if whole {
            p.cost = cost;
        } else {
            let share = (to - from) as f64 / p.cols as f64;
            p.cost += share * cost;
            grads.dw.iter_mut().for_each(|dw| *dw *= share);
            grads.db.iter_mut().for_each(|db| *db *= share);
        }
        match &mut p.grads {
            Some(sum) => {
                sum.dw.iter_mut().zip(&grads.dw).for_each(|(a, b)| *a += b);
                sum.db.iter_mut().zip(&grads.db).for_each(|(a, b)| *a += b);
            }
            None => p.grads = Some(grads),
        }
        if p.dropout.is_none() {
            p.dropout = dropout;
        }
        p.done = to;
        if p.done < p.cols {
            self.pending = Some(p);
            return false;
        }
        self.finish(p.cost, &p.grads.expect("at least one slice"), p.dropout);
        true
    }

    fn finish(&mut self, cost: f64, grads: &Gradients, dropout: Option<Dropout>) {
        let m = self.train.len();
        let reg = self.regularization();
        gradient_descent_step(&mut self.net, grads, &reg, self.config.lr, m as f64);
        self.iteration += 1;
        self.last_dropout = dropout;
        self.step_costs = (self.step_costs.0 + cost, self.step_costs.1 + 1);
        if !cost.is_finite() || !weights_sane(&self.net) {
            self.net.clone_from(&self.last_good); // what the page keeps showing
            self.diverge();
        } else if self.cursor >= m && self.recording {
            self.record();
        }
    }
}
