//! What each evaluation of a session does: it goes into the history, the dev minimum is
//! tracked (`Best`, what early stopping restores), early stopping ends the run after
//! `patience` iterations without a new minimum, and a cost or weights that are no longer
//! finite end it as diverged.

use super::{Evaluation, Session};
use crate::nn::Mlp;
use crate::train::history::Record;
use crate::train::lecture_keys::StopOn;

#[derive(Clone, Debug, PartialEq)]
pub enum Status {
    Training,
    /// early stopping ended the run at this iteration and restored the best weights
    Stopped {
        at: u64,
    },
    /// the cost or the weights stopped being finite numbers
    Diverged {
        message: String,
    },
}

/// The lowest dev cost seen so far and the weights that gave it.
#[derive(Clone, Debug)]
pub struct Best {
    pub iteration: u64,
    pub dev_cost: f64,
    /// the dev error (1 − accuracy) at that iteration
    pub dev_error: f64,
    pub net: Mlp,
}

impl Best {
    /// What early stopping watches (`stopOn`): the dev cost or the dev error.
    fn watched(stop_on: StopOn, dev_cost: f64, dev_error: f64) -> f64 {
        match stop_on {
            StopOn::Cost => dev_cost,
            StopOn::Error => dev_error,
        }
    }
}

impl Session {
    /// Puts the weights of the dev-cost minimum back.
    pub fn restore_best(&mut self) {
        if let Some(best) = &self.best {
            self.net = best.net.clone();
            self.pending = None;
            self.forget_evaluation();
        }
    }

    pub(super) fn diverge(&mut self) {
        self.forget_evaluation();
        self.status = Status::Diverged {
            message: format!(
                "Training diverged at iteration {}: the cost or the weights are no longer finite numbers. \
                 Lower the learning rate α (now {}) or λ (now {}), then reset.",
                self.iteration, self.config.lr, self.config.lambda
            ),
        };
    }

    /// Evaluates, appends to the history, tracks the dev minimum and applies early stopping.
    pub(super) fn record(&mut self) {
        let e = self.measure();
        self.record_with(e);
    }

    pub(super) fn record_with(&mut self, e: Evaluation) {
        self.evaluated.replace(Some((self.iteration, e.clone())));
        let (sum, steps) = std::mem::take(&mut self.step_costs);
        let step_cost = if steps == 0 { e.data_cost } else { sum / steps as f64 };
        if !e.total_cost.is_finite() {
            self.net.clone_from(&self.last_good);
            self.diverge();
            return;
        }
        self.last_good.clone_from(&self.net);
        let (stop_on, dev_error) = (self.config.stop_on, 1.0 - e.dev_accuracy);
        let watched = Best::watched(stop_on, e.dev_cost, dev_error);
        if e.dev_cost.is_finite() && self.best.as_ref().is_none_or(|b| watched < Best::watched(stop_on, b.dev_cost, b.dev_error)) {
            self.best = Some(Best { iteration: self.iteration, dev_cost: e.dev_cost, dev_error, net: self.net.clone() });
        }
        self.history.push(Record { iteration: self.iteration, evaluation: e, step_cost });
        if let (patience @ 1.., Some(best)) = (self.config.patience, &self.best) {
            if self.iteration - best.iteration >= patience as u64 {
                self.status = Status::Stopped { at: self.iteration };
                self.restore_best();
            }
        }
    }
}
