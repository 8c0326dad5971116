//! A training session: the data, the network and the trainer of one config, the history of
//! every curve, early stopping and divergence. Pure Rust; the page drives it through `web`.

use ndarray::{Array1, Array2, ArrayView1, ArrayView2};
use rand::SeedableRng;
use rand_chacha::ChaCha8Rng;

#[path = "slices.rs"]
mod slices;

use super::config::{Config, Effect};
use super::history::{History, Record};
use crate::data::{self, Point};
use crate::nn::cost::{self, frobenius_sq};
use crate::nn::init::initialize;
use crate::render::grid_points;
use crate::nn::{Dropout, Mlp, Regularization};

/// `|z| < LINEAR_REGION` is "tanh's linear region": there tanh(z) stays within 8 % of z
/// (tanh 0.5 = 0.462). `linear_fraction` is the share of hidden pre-activations z[l]_i, over
/// every hidden unit and every training example, inside it.
pub const LINEAR_REGION: f64 = 0.5;

/// A weight this large means training has blown up even if nothing is infinite yet.
const DIVERGED_WEIGHT: f64 = 1e12;

/// How many records the curves keep at most.
const HISTORY_CAPACITY: usize = 1000;

/// One independent random stream per purpose, all from the one seed.
#[derive(Clone, Copy)]
enum Stream {
    Data = 0,
    Init = 1,
    Dropout = 2,
    Batches = 3,
    Augment = 4,
}

pub fn rng(seed: u32, stream: u64) -> ChaCha8Rng {
    let mut rng = ChaCha8Rng::seed_from_u64(seed as u64);
    rng.set_stream(stream);
    rng
}

#[derive(Clone, Debug, PartialEq)]
pub enum Status {
    Training,
    /// early stopping ended the run at this iteration and restored the best weights
    Stopped { at: u64 },
    /// the cost or the weights stopped being finite numbers
    Diverged { message: String },
}

/// The lowest dev cost seen so far and the weights that gave it.
#[derive(Clone, Debug)]
pub struct Best {
    pub iteration: u64,
    pub dev_cost: f64,
    pub net: Mlp,
}

/// The numbers of one evaluation of the current network, without dropout.
#[derive(Clone, Debug, PartialEq)]
pub struct Evaluation {
    pub data_cost: f64,
    pub penalty: f64,
    pub total_cost: f64,
    /// NaN when there is no dev set
    pub dev_cost: f64,
    pub train_accuracy: f64,
    pub dev_accuracy: f64,
    /// ‖W[l]‖_F for each layer
    pub weight_norms: Vec<f64>,
    pub zero_weights: usize,
    pub weight_count: usize,
    pub linear_fraction: f64,
    /// input features with at least one weight out of them that is not exactly 0
    pub features_in_use: usize,
}

/// A labelled set in the lecture's layout: X is (n_x, m), Y is (m).
#[derive(Clone, Debug)]
pub struct Examples {
    pub points: Vec<Point>,
    pub x: Array2<f64>,
    pub y: Array1<f64>,
}

impl Examples {
    pub fn new(points: Vec<Point>, config: &Config) -> Examples {
        let x = data::feature_matrix(&points, &config.features);
        let y = data::labels(&points);
        Examples { points, x, y }
    }

    pub fn len(&self) -> usize {
        self.points.len()
    }

    pub fn is_empty(&self) -> bool {
        self.points.is_empty()
    }
}

pub struct Session {
    config: Config,
    train: Examples,
    dev: Examples,
    initial: Mlp,
    net: Mlp,
    dropout_rng: ChaCha8Rng,
    batch_rng: ChaCha8Rng,
    order: Vec<usize>,
    cursor: usize,
    iteration: u64,
    history: History,
    best: Option<Best>,
    status: Status,
    last_dropout: Option<Dropout>,
    /// the weights at the last evaluation, put back if a step diverges
    last_good: Mlp,
    /// how many training points are real; the rest are augmented copies
    real_count: usize,
    /// the dropout (mini-batch) costs of this epoch's steps, for the noisy curve of §5
    step_costs: (f64, usize),
    /// false: no evaluations, no history, no early stopping (a λ sweep only needs the end)
    recording: bool,
    /// an iteration whose batch is being worked through in slices
    pending: Option<slices::Pending>,
    /// the evaluation of the network at this iteration, kept so the page does not repeat it
    evaluated: std::cell::RefCell<Option<(u64, Evaluation)>>,
    /// `linearity()` at this iteration, kept for the same reason
    linear: std::cell::Cell<Option<(u64, f64)>>,
}

impl Session {
    pub fn new(config: Config) -> Session {
        let mut data_rng = rng(config.seed, Stream::Data as u64);
        let (train, dev) = match &config.csv {
            Some(table) => table.split(config.train, &mut data_rng),
            None => {
                let points = data::generate(config.dataset, config.points, config.noise, &mut data_rng);
                data::split(points, config.train, &mut data_rng)
            }
        };
        Session::with_data(config, train, dev)
    }

    /// A session on given points (a CSV, say) instead of a generated dataset. The training
    /// set gets the augmented copies the config asks for, after the real points.
    pub fn with_data(config: Config, mut train: Vec<Point>, dev: Vec<Point>) -> Session {
        let real_count = train.len();
        let copies = data::augment(&train, &config.augment, &mut rng(config.seed, Stream::Augment as u64));
        train.extend(copies);
        let train = Examples::new(train, &config);
        let dev = Examples::new(dev, &config);
        let initial = initialize(config.features.len(), &config.layers, config.act, &mut rng(config.seed, Stream::Init as u64));
        let mut session = Session {
            net: initial.clone(),
            last_good: initial.clone(),
            real_count,
            step_costs: (0.0, 0),
            recording: true,
            pending: None,
            evaluated: Default::default(),
            linear: Default::default(),
            initial,
            train,
            dev,
            dropout_rng: rng(config.seed, Stream::Dropout as u64),
            batch_rng: rng(config.seed, Stream::Batches as u64),
            order: Vec::new(),
            cursor: 0,
            iteration: 0,
            history: History::new(HISTORY_CAPACITY),
            best: None,
            status: Status::Training,
            last_dropout: None,
            config,
        };
        session.reset();
        session
    }

    /// Replays the run from the start: the same initialization, dropout masks and batch order.
    pub fn reset(&mut self) {
        self.net = self.initial.clone();
        self.dropout_rng = rng(self.config.seed, Stream::Dropout as u64);
        self.batch_rng = rng(self.config.seed, Stream::Batches as u64);
        self.order = (0..self.train.len()).collect();
        self.cursor = self.order.len(); // the first step shuffles
        self.iteration = 0;
        self.history.clear();
        self.best = None;
        self.status = Status::Training;
        self.last_dropout = None;
        self.step_costs = (0.0, 0);
        self.pending = None;
        self.forget_evaluation();
        self.record();
    }

    /// Starts the run again from given weights (a saved model) instead of the seed's
    /// initialization; `reset` then replays from them. The network must have the config's
    /// inputs, hidden layers and activation.
    pub fn start_from(&mut self, net: Mlp) -> Result<(), String> {
        let (features, layers, act) = (self.config.features.len(), &self.config.layers, self.config.act);
        if net.inputs() != features || net.hidden_sizes() != *layers || net.activation() != act {
            let shape = |inputs: usize, hidden: &[usize], act: crate::nn::Activation| {
                let hidden: Vec<String> = hidden.iter().map(|n| n.to_string()).collect();
                format!("{inputs} inputs, hidden layers [{}], {}", hidden.join(","), act.name())
            };
            return Err(format!(
                "the network has {}, but the setup asks for {}",
                shape(net.inputs(), &net.hidden_sizes(), net.activation()),
                shape(features, layers, act)
            ));
        }
        self.initial = net;
        self.reset();
        Ok(())
    }

    /// Trains without evaluating or recording anything until the end (for sweeps).
    pub fn set_recording(&mut self, on: bool) {
        self.recording = on;
    }

    /// Changes one setting. Live settings (λ, penalty, keep_prob, α, batch, patience) apply
    /// from the next iteration; the others rebuild the session. On error nothing changes.
    pub fn set(&mut self, key: &str, value: &str) -> Result<Effect, String> {
        let mut config = self.config.clone();
        let effect = config.set(key, value)?;
        match effect {
            Effect::Live => {
                self.config = config;
                self.pending = None; // an iteration under way starts again with the new setting
                self.forget_evaluation();
                self.order = (0..self.train.len()).collect();
                if key == "batch" {
                    self.cursor = self.order.len();
                }
            }
            Effect::Reset => *self = Session::new(config),
        }
        Ok(effect)
    }

    pub fn config(&self) -> &Config {
        &self.config
    }

    pub fn net(&self) -> &Mlp {
        &self.net
    }

    pub fn initial_net(&self) -> &Mlp {
        &self.initial
    }

    pub fn train_set(&self) -> &Examples {
        &self.train
    }

    /// The real training points (without augmented copies).
    pub fn real_train_points(&self) -> &[Point] {
        &self.train.points[..self.real_count]
    }

    /// The augmented copies in the training set.
    pub fn augmented_points(&self) -> &[Point] {
        &self.train.points[self.real_count..]
    }

    pub fn dev_set(&self) -> &Examples {
        &self.dev
    }

    pub fn iteration(&self) -> u64 {
        self.iteration
    }

    pub fn history(&self) -> &History {
        &self.history
    }

    pub fn best(&self) -> Option<&Best> {
        self.best.as_ref()
    }

    pub fn status(&self) -> &Status {
        &self.status
    }

    /// The dropout masks of the last iteration (first example of its batch), if dropout is on.
    pub fn last_dropout(&self) -> Option<&Dropout> {
        self.last_dropout.as_ref()
    }

    pub fn regularization(&self) -> Regularization {
        Regularization { penalty: self.config.reg, lambda: self.config.lambda }
    }

    /// Runs up to n iterations (gradient steps); fewer if the run stops or diverges.
    /// Returns how many ran.
    pub fn train(&mut self, n: usize) -> usize {
        let mut done = 0;
        while done < n && self.status == Status::Training {
            self.step();
            done += 1;
        }
        done
    }

    /// Puts the weights of the dev-cost minimum back.
    pub fn restore_best(&mut self) {
        if let Some(best) = &self.best {
            self.net = best.net.clone();
            self.pending = None;
            self.forget_evaluation();
        }
    }

    /// One gradient step on the next mini-batch: `(1/B) Σ_batch dL + penalty(m = whole set)`,
    /// worked through in slices (see `slices.rs`); an iteration under way is finished first.
    fn step(&mut self) {
        while !self.advance() {}
    }

    fn diverge(&mut self) {
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
    fn record(&mut self) {
        let e = self.evaluate();
        self.record_with(e);
    }

    fn record_with(&mut self, e: Evaluation) {
        self.evaluated.replace(Some((self.iteration, e.clone())));
        let (sum, steps) = std::mem::take(&mut self.step_costs);
        let step_cost = if steps == 0 { e.data_cost } else { sum / steps as f64 };
        if !e.total_cost.is_finite() {
            self.net.clone_from(&self.last_good);
            self.diverge();
            return;
        }
        self.last_good.clone_from(&self.net);
        self.history.push(Record {
            iteration: self.iteration,
            data_cost: e.data_cost,
            penalty: e.penalty,
            total_cost: e.total_cost,
            dev_cost: e.dev_cost,
            train_accuracy: e.train_accuracy,
            dev_accuracy: e.dev_accuracy,
            weight_norms: e.weight_norms,
            zero_weights: e.zero_weights,
            linear_fraction: e.linear_fraction,
            step_cost,
        });
        if e.dev_cost.is_finite() && self.best.as_ref().is_none_or(|b| e.dev_cost < b.dev_cost) {
            self.best = Some(Best { iteration: self.iteration, dev_cost: e.dev_cost, net: self.net.clone() });
        }
        if let (patience @ 1.., Some(best)) = (self.config.patience, &self.best) {
            if self.iteration - best.iteration >= patience as u64 {
                self.status = Status::Stopped { at: self.iteration };
                self.restore_best();
            }
        }
    }

    /// The current network measured on the whole training and dev sets, without dropout.
    pub fn evaluate(&self) -> Evaluation {
        let m = self.train.len() as f64;
        let (hidden_z, logits) = self.net.hidden_z_and_logits(self.train.x.view());
        let data_cost = cost::data_cost(logits.view(), self.train.y.view());
        let penalty = self.regularization().penalty(self.net.weights(), m);
        let (dev_cost, dev_accuracy) = if self.dev.is_empty() {
            (f64::NAN, f64::NAN)
        } else {
            let dev_logits = self.net.logits(self.dev.x.view());
            (cost::data_cost(dev_logits.view(), self.dev.y.view()), accuracy(dev_logits.view(), self.dev.y.view()))
        };
        let z_count: usize = hidden_z.iter().map(|z| z.len()).sum();
        let linear: usize = hidden_z.iter().map(|z| z.iter().filter(|v| v.abs() < LINEAR_REGION).count()).sum();
        let weights = self.net.weights();
        Evaluation {
            data_cost,
            penalty,
            total_cost: data_cost + penalty,
            dev_cost,
            train_accuracy: accuracy(logits.view(), self.train.y.view()),
            dev_accuracy,
            weight_norms: weights.iter().map(|w| frobenius_sq(w).sqrt()).collect(),
            zero_weights: weights.iter().map(|w| w.iter().filter(|&&v| v == 0.0).count()).sum(),
            weight_count: weights.iter().map(|w| w.len()).sum(),
            linear_fraction: if z_count == 0 { f64::NAN } else { linear as f64 / z_count as f64 },
            features_in_use: weights[0].columns().into_iter().filter(|c| c.iter().any(|&w| w != 0.0)).count(),
        }
    }

    /// How close the network is to a linear function of (x₁, x₂): R² of the least-squares
    /// plane `z ≈ c₀ + c₁x₁ + c₂x₂` fitted to the output logit on a 32×32 grid over the view.
    /// 1 is a plane (a straight boundary); overfit networks score far lower.
    pub fn linearity(&self) -> f64 {
        if let Some((at, r2)) = self.linear.get() {
            if at == self.iteration {
                return r2;
            }
        }
        let points = grid_points(32);
        let z = self.net.logits(features_of(points.view(), &self.config).view());
        let r2 = plane_r2(points.row(0), points.row(1), z.view());
        self.linear.set(Some((self.iteration, r2)));
        r2
    }

    /// P(y = 1) at the given input points (x1, x2), without dropout.
    pub fn predict_points(&self, points: ArrayView2<f64>) -> Array1<f64> {
        let x = features_of(points, &self.config);
        self.net.predict(x.view())
    }

    /// P(y = 1) on an n×n grid over the view square, row-major, row 0 at the top.
    pub fn probability_grid(&self, n: usize) -> Vec<f64> {
        self.predict_points(grid_points(n).view()).to_vec()
    }
}

/// The feature rows of X for raw (x1, x2) columns.
pub fn features_of(points: ArrayView2<f64>, config: &Config) -> Array2<f64> {
    Array2::from_shape_fn((config.features.len(), points.ncols()), |(f, i)| config.features[f].value(points[[0, i]], points[[1, i]]))
}

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

/// The share of examples classified right, with ŷ > 0.5 ⇔ z > 0.
pub fn accuracy(logits: ArrayView1<f64>, y: ArrayView1<f64>) -> f64 {
    let right = logits.iter().zip(y.iter()).filter(|(&z, &y)| (z > 0.0) == (y > 0.5)).count();
    right as f64 / y.len() as f64
}

fn weights_sane(net: &Mlp) -> bool {
    net.weights().iter().all(|w| w.iter().all(|v| v.abs() < DIVERGED_WEIGHT)) && net.biases().iter().all(|b| b.iter().all(|v| v.is_finite()))
}
