//! One iteration in slices, so that no single call runs long: a batch of more than
//! [`SLICE`] examples is worked through [`SLICE`] columns at a time, and the step is taken
//! when the last slice is done. The slices are fixed by the batch, never by time, so a run
//! is the same however its slices spread over animation frames. The gradient is the same
//! `(1/B) Σ_batch dL` (each slice's mean weighted by its share of the batch); dropout masks
//! are drawn slice by slice from the one dropout stream. The evaluation recorded at the
//! end of an epoch runs in slices too, on the new weights, which take over only once it is
//! done: until then the page sees the previous iteration, whole.

use ndarray::{s, Array1, Array2, Axis};
use rand::seq::SliceRandom;

use super::{weights_sane, Evaluation, Examples, Session, Status, LINEAR_REGION};
use crate::nn::cost::{self, frobenius_sq};
use crate::nn::{gradient_descent_step, Dropout, Gradients, Mlp};

/// Examples per slice: one slice is about 1,000 examples' forward and backward pass.
pub const SLICE: usize = 1000;

/// An iteration under way: its gradient being summed, or its step taken and the new
/// weights being evaluated before they take over.
pub(super) enum Pending {
    Gradient(Summing),
    Evaluating { net: Mlp, cost: f64, dropout: Option<Dropout>, tally: Tally },
}

/// The batch (None: the whole training set, used in place), how many of its columns are
/// done, and the sums so far.
pub(super) struct Summing {
    batch: Option<(Array2<f64>, Array1<f64>)>,
    cols: usize,
    done: usize,
    cost: f64,
    grads: Option<Gradients>,
    /// the masks of the first slice, shown as "units dropped in this iteration"
    dropout: Option<Dropout>,
}

impl Session {
    pub(super) fn forget_evaluation(&self) {
        self.evaluated.take();
        self.linear.take();
    }

    /// `evaluate()`, from the record of this iteration when there is one.
    pub fn evaluation(&self) -> Evaluation {
        if let Some((at, e)) = &*self.evaluated.borrow() {
            if *at == self.iteration {
                return e.clone();
            }
        }
        let e = self.evaluate();
        self.evaluated.replace(Some((self.iteration, e.clone())));
        e
    }

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
    fn begin(&mut self) -> Summing {
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
        Summing { batch: picked, cols, done: 0, cost: 0.0, grads: None, dropout: None }
    }

    /// One slice of the current iteration; true when it completed the iteration (the
    /// gradient step taken, the evaluation recorded at the end of an epoch).
    pub(super) fn advance(&mut self) -> bool {
        let mut p = match self.pending.take() {
            Some(Pending::Gradient(p)) => p,
            Some(Pending::Evaluating { net, cost, dropout, mut tally }) => {
                if !tally.add_slice(&net, &self.train, &self.dev) {
                    self.pending = Some(Pending::Evaluating { net, cost, dropout, tally });
                    return false;
                }
                let e = tally.evaluation(&net, self);
                self.net = net;
                self.commit(cost, dropout);
                self.record_with(e);
                return true;
            }
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
            self.pending = Some(Pending::Gradient(p));
            return false;
        }
        self.finish(p.cost, &p.grads.expect("at least one slice"), p.dropout)
    }

    /// Takes the step; true when the iteration is complete, false when its evaluation
    /// still has slices to run (a big training or dev set at the end of an epoch).
    fn finish(&mut self, cost: f64, grads: &Gradients, dropout: Option<Dropout>) -> bool {
        let m = self.train.len();
        let reg = self.regularization();
        let record = self.cursor >= m && self.recording;
        if record && self.train.len() + self.dev.len() > SLICE && cost.is_finite() {
            let mut net = self.net.clone();
            gradient_descent_step(&mut net, grads, &reg, self.config.lr, m as f64);
            if weights_sane(&net) {
                self.pending = Some(Pending::Evaluating { net, cost, dropout, tally: Tally::default() });
                return false;
            }
        }
        gradient_descent_step(&mut self.net, grads, &reg, self.config.lr, m as f64);
        self.commit(cost, dropout);
        if !cost.is_finite() || !weights_sane(&self.net) {
            self.net.clone_from(&self.last_good); // what the page keeps showing
            self.diverge();
        } else if record {
            self.record();
        }
        true
    }

    fn commit(&mut self, cost: f64, dropout: Option<Dropout>) {
        self.iteration += 1;
        self.last_dropout = dropout;
        self.step_costs = (self.step_costs.0 + cost, self.step_costs.1 + 1);
    }
}

/// An evaluation summed slice by slice: the training set, then the dev set.
#[derive(Default)]
pub(super) struct Tally {
    train_done: usize,
    dev_done: usize,
    cost: f64,
    right: usize,
    linear: usize,
    z_count: usize,
    dev_cost: f64,
    dev_right: usize,
}

impl Tally {
    /// One slice of examples; true when every example has been seen.
    fn add_slice(&mut self, net: &Mlp, train: &Examples, dev: &Examples) -> bool {
        let right = |logits: &ndarray::Array1<f64>, y: ndarray::ArrayView1<f64>| {
            logits.iter().zip(y).filter(|(&z, &y)| (z > 0.0) == (y > 0.5)).count()
        };
        if self.train_done < train.len() {
            let (from, to) = (self.train_done, (self.train_done + SLICE).min(train.len()));
            let y = train.y.slice(s![from..to]);
            let (hidden_z, logits) = net.hidden_z_and_logits(train.x.slice(s![.., from..to]));
            self.cost += cost::data_cost(logits.view(), y) * (to - from) as f64;
            self.right += right(&logits, y);
            self.z_count += hidden_z.iter().map(|z| z.len()).sum::<usize>();
            self.linear += hidden_z.iter().map(|z| z.iter().filter(|v| v.abs() < LINEAR_REGION).count()).sum::<usize>();
            self.train_done = to;
        } else if self.dev_done < dev.len() {
            let (from, to) = (self.dev_done, (self.dev_done + SLICE).min(dev.len()));
            let y = dev.y.slice(s![from..to]);
            let logits = net.logits(dev.x.slice(s![.., from..to]));
            self.dev_cost += cost::data_cost(logits.view(), y) * (to - from) as f64;
            self.dev_right += right(&logits, y);
            self.dev_done = to;
        }
        self.train_done >= train.len() && self.dev_done >= dev.len()
    }

    /// The evaluation of `net` (the session gives the sizes and the penalty).
    fn evaluation(&self, net: &Mlp, session: &Session) -> Evaluation {
        let (m, dev) = (session.train.len() as f64, session.dev.len() as f64);
        let data_cost = self.cost / m;
        let penalty = session.regularization().penalty(net.weights(), m);
        let dev_mean = |sum: f64| if session.dev.is_empty() { f64::NAN } else { sum / dev };
        let weights = net.weights();
        Evaluation {
            data_cost,
            penalty,
            total_cost: data_cost + penalty,
            dev_cost: dev_mean(self.dev_cost),
            train_accuracy: self.right as f64 / m,
            dev_accuracy: dev_mean(self.dev_right as f64),
            weight_norms: weights.iter().map(|w| frobenius_sq(w).sqrt()).collect(),
            zero_weights: weights.iter().map(|w| w.iter().filter(|&&v| v == 0.0).count()).sum(),
            weight_count: weights.iter().map(|w| w.len()).sum(),
            linear_fraction: if self.z_count == 0 { f64::NAN } else { self.linear as f64 / self.z_count as f64 },
            features_in_use: weights[0].columns().into_iter().filter(|c| c.iter().any(|&w| w != 0.0)).count(),
        }
    }
}
