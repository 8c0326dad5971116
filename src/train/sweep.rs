//! The λ sweep: the current setup trained from the same initialization for each λ
//! of a grid, then measured on the training and dev sets. A sweep advances in slices so the
//! page stays responsive while it runs.

use super::config::Config;
use super::session::Session;
use crate::nn::Penalty;

/// One λ's result. Costs are data costs (cross-entropy without the penalty), so the training
/// and dev values compare directly across λ.
#[derive(Clone, Debug, PartialEq)]
pub struct SweepPoint {
    pub lambda: f64,
    pub train_error: f64,
    pub dev_error: f64,
    pub train_cost: f64,
    pub dev_cost: f64,
}

pub struct Sweep {
    config: Config,
    lambdas: Vec<f64>,
    iterations: usize,
    current: Option<Session>,
    results: Vec<SweepPoint>,
}

impl Sweep {
    /// Sweeps λ with the config's penalty, or L2 when it has none. Each run has the config's
    /// seed, so the same data, initialization, masks and batches; early stopping is off.
    pub fn new(mut config: Config, lambdas: Vec<f64>, iterations: usize) -> Result<Sweep, String> {
        if lambdas.is_empty() {
            return Err("a sweep needs at least one λ".into());
        }
        for &lambda in &lambdas {
            config.clone().set("lambda", &lambda.to_string()).map_err(|e| e.to_string())?;
        }
        if config.reg == Penalty::None {
            config.reg = Penalty::L2;
        }
        config.patience = 0;
        Ok(Sweep { config, lambdas, iterations, current: None, results: Vec::new() })
    }

    /// Trains at most `budget` more iterations; returns true once every λ is done.
    pub fn advance(&mut self, mut budget: usize) -> bool {
        while budget > 0 && !self.is_done() {
            let iterations = self.iterations;
            let session = self.session();
            let slice = (iterations - session.iteration() as usize).min(budget);
            let ran = session.train(slice);
            budget -= slice;
            // done with this λ: all its iterations, or it stopped early (diverged)
            if ran < slice || session.iteration() as usize >= iterations {
                self.finish_lambda();
            }
        }
        self.is_done()
    }

    /// Trains at most `budget` more slices of iterations (an iteration on a batch of more
    /// than 1,000 examples takes several; see `Session::train_slices`), the same steps as
    /// `advance`, so the page's thread can stop within a frame however heavy one iteration is.
    /// Returns true once every λ is done.
    pub fn advance_slices(&mut self, budget: usize) -> bool {
        for _ in 0..budget {
            if self.is_done() {
                break;
            }
            let iterations = self.iterations;
            let session = self.session();
            let (ran, _) = if (session.iteration() as usize) < iterations { session.train_slices(1) } else { (0, 0) };
            if ran == 0 || session.iteration() as usize >= iterations {
                self.finish_lambda();
            }
        }
        self.is_done()
    }

    /// The session of the λ under way, made on first use.
    fn session(&mut self) -> &mut Session {
        self.current.get_or_insert_with(|| {
            let mut config = self.config.clone();
            config.lambda = self.lambdas[self.results.len()];
            let mut s = Session::new(config);
            s.set_recording(false);
            s
        })
    }

    /// Measures the λ under way and records its point.
    fn finish_lambda(&mut self) {
        let Some(mut s) = self.current.take() else { return };
        let e = s.measure();
        self.results.push(SweepPoint {
            lambda: s.config().lambda,
            train_error: 1.0 - e.train_accuracy,
            dev_error: 1.0 - e.dev_accuracy,
            train_cost: e.data_cost,
            dev_cost: e.dev_cost,
        });
    }

    /// Records the next λ's result trained elsewhere (a Web Worker running the same setup);
    /// its λ must be the next one of the sweep.
    pub fn push_result(&mut self, point: SweepPoint) -> Result<(), String> {
        match self.lambdas.get(self.results.len()) {
            Some(&l) if l.to_bits() == point.lambda.to_bits() && self.current.is_none() => {
                self.results.push(point);
                Ok(())
            }
            _ => Err(format!("the sweep does not expect a result for λ = {} now", point.lambda)),
        }
    }

    pub fn is_done(&self) -> bool {
        self.results.len() == self.lambdas.len()
    }

    /// Share of the work done, 0 to 1.
    pub fn progress(&self) -> f64 {
        let partial = self.current.as_ref().map_or(0.0, |s| s.iteration() as f64 / self.iterations.max(1) as f64);
        (self.results.len() as f64 + partial) / self.lambdas.len() as f64
    }

    pub fn results(&self) -> &[SweepPoint] {
        &self.results
    }

    /// The λ with the lowest dev error (the first of equals), once done.
    pub fn best(&self) -> Option<&SweepPoint> {
        self.results.iter().fold(None, |best: Option<&SweepPoint>, p| match best {
            Some(b) if b.dev_error <= p.dev_error => Some(b),
            _ => Some(p),
        })
    }
}
