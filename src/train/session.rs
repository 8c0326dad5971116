//! A training session: the data, the network and the trainer of one config, the history of
//! every curve, early stopping and divergence (`recording`). Pure Rust; the page drives it
//! through `web`.

use rand::SeedableRng;
use rand_chacha::ChaCha8Rng;

mod evaluation;
mod examples;
mod recording;
mod slices;
mod step;
use evaluation::Measured;
pub use evaluation::{accuracy, Evaluation};
pub use examples::Examples;
pub use recording::{Best, Status};

use super::config::{Config, Effect};
use super::history::History;
use super::settings::SettingError;
use crate::data::{self, Image, Point};
use crate::kernel::Kernel;
use crate::nn::init::initialize;
use crate::nn::{Dropout, Mlp, Regularization};

/// `|z| < LINEAR_REGION` is "tanh's linear region": there tanh(z) stays within 8 % of z
/// (tanh 0.5 = 0.462). `linear_fraction` is the share of hidden pre-activations z[l]_i, over
/// every hidden unit and every training example, inside it.
pub const LINEAR_REGION: f64 = 0.5;

/// A weight this large means training has blown up even if nothing is infinite yet.
pub const DIVERGED_WEIGHT: f64 = 1e12;

/// How many grid points go through the network at once in `probability_grid`.
const GRID_CHUNK: usize = 128;
/// The largest n whose n×n grid inputs `probability_grid` keeps for the next call.
const GRID_KEPT: usize = 200;

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

pub struct Session {
    config: Config,
    train: Examples,
    dev: Examples,
    /// where `reset` starts from
    initial: Mlp,
    /// the network's parameters now: their one owner. The kernel reads them in place and
    /// the gradient step writes them; everything else holding an `Mlp` is a snapshot of
    /// another moment (`initial`, `last_good`, `best`, the next weights of `pending`).
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
    /// the dropout (mini-batch) costs of this epoch's steps, for the noisy curve of dropout
    step_costs: (f64, usize),
    /// false: no evaluations, no history, no early stopping (a λ sweep only needs the end)
    recording: bool,
    /// where `net` is trained and measured, `SLICE` examples at a time: the mini-batch, the
    /// activations and the gradients (the parameters stay in `net`, their one owner)
    kernel: Kernel,
    /// the dropout masks drawn for the iteration under way, shown once it is done
    drawn: Option<Dropout>,
    /// an iteration whose batch is being worked through in slices, or whose new weights
    /// are being measured before they take over
    pending: Option<slices::Pending>,
    /// the evaluation of the network at this iteration, kept so the page does not repeat it
    evaluated: std::cell::RefCell<Option<(u64, Evaluation)>>,
    /// `linearity()` at this iteration, kept for the same reason
    linear: std::cell::Cell<Option<(u64, f64)>>,
    /// the grid's inputs and a kernel to run them through, kept between `probability_grid`s
    grid: std::cell::RefCell<Option<evaluation::GridCache>>,
}

impl Session {
    pub fn new(config: Config) -> Session {
        let mut data_rng = rng(config.seed, Stream::Data as u64);
        if config.dataset.is_images() && config.csv.is_none() {
            let (train, dev) = data::digits::split(config.digits, config.images, &mut data_rng);
            return Session::with_images(config, train, dev);
        }
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
        let (train, dev) = (Examples::new(train, &config), Examples::new(dev, &config));
        Session::with_examples(config, train, dev, real_count)
    }

    /// A session on images (digits mode), the augmented copies after the real ones, as
    /// `with_data` does for points.
    pub fn with_images(config: Config, mut train: Vec<Image>, dev: Vec<Image>) -> Session {
        let real_count = train.len();
        let copies = data::augment_images(&train, &config.augment, &mut rng(config.seed, Stream::Augment as u64));
        train.extend(copies);
        Session::with_examples(config, Examples::of_images(train), Examples::of_images(dev), real_count)
    }

    fn with_examples(config: Config, train: Examples, dev: Examples, real_count: usize) -> Session {
        let initial = initialize(config.inputs(), &config.layers, config.act, &mut rng(config.seed, Stream::Init as u64));
        let kernel = Kernel::new(&initial, train.len().max(dev.len()).min(slices::SLICE));
        let mut session = Session {
            kernel,
            drawn: None,
            pending: None,
            evaluated: Default::default(),
            linear: Default::default(),
            grid: Default::default(),
            net: initial.clone(),
            last_good: initial.clone(),
            real_count,
            step_costs: (0.0, 0),
            recording: true,
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
        self.pending = None;
        self.forget_evaluation();
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
        self.record();
    }

    /// Starts the run again from given weights (a saved model) instead of the seed's
    /// initialization; `reset` then replays from them. The network must have the config's
    /// inputs, hidden layers and activation.
    pub fn start_from(&mut self, net: Mlp) -> Result<(), String> {
        let (features, layers, act) = (self.config.inputs(), &self.config.layers, self.config.act);
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
    pub fn set(&mut self, key: &str, value: &str) -> Result<Effect, SettingError> {
        self.set_all([(key, value)])
    }

    /// Changes several settings as one setup (see `Config::set_all`): all or none.
    /// View settings leave training alone; live ones keep the epoch's batch order, so no
    /// example of the epoch is seen twice or skipped; a new batch size starts a new epoch.
    pub fn set_all<'a>(&mut self, pairs: impl IntoIterator<Item = (&'a str, &'a str)>) -> Result<Effect, SettingError> {
        let mut config = self.config.clone();
        let effect = config.set_all(pairs)?;
        match effect {
            Effect::View | Effect::Live => {
                if config.batch != self.config.batch {
                    self.cursor = self.order.len();
                }
                if effect == Effect::Live {
                    self.forget_evaluation(); // the penalty may have changed
                }
                self.config = config;
            }
            Effect::Reset => *self = Session::new(config),
        }
        Ok(effect)
    }

    /// This epoch's order of the training examples and how far the steps have come in it:
    /// `order[..cursor]` have been seen, the rest will be, once each.
    pub fn batch_order(&self) -> (&[usize], usize) {
        (&self.order, self.cursor)
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
        &self.train.points[..self.real_count.min(self.train.points.len())]
    }

    /// The augmented copies in the training set.
    pub fn augmented_points(&self) -> &[Point] {
        &self.train.points[self.real_count.min(self.train.points.len())..]
    }

    /// Digits mode: the real training images (without augmented copies).
    pub fn real_train_images(&self) -> &[Image] {
        &self.train.images[..self.real_count.min(self.train.images.len())]
    }

    /// Digits mode: the augmented copies, one block of `real_train_images().len()` per kind.
    pub fn augmented_images(&self) -> &[Image] {
        &self.train.images[self.real_count.min(self.train.images.len())..]
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

    /// One iteration, whole: its slices one after the other (see `step.rs`).
    fn step(&mut self) {
        while !self.advance() {}
    }
}
