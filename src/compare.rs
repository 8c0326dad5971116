//! Side by side: two to four runs on the same data, from the same initialization, trained
//! together, each with its own settings. Two presets:
//! - the course's table: "no regularization", "L2, λ = 0.7" and
//!   "dropout, keep_prob = 0.86", everything else as on the page;
//! - data augmentation: N real points, the same N plus N augmented copies, and 2N real
//!   points, all measured on one dev set — augmented copies help less than as many new points,
//!   because they are not independent of their originals.
//!
//! Every run trains on the first `real` points of one shared pool (plus the augmented copies
//! its config asks for) and is measured on the pool's dev set. In digits mode the pool holds
//! images instead of points, and the same holds for them.

use crate::data::{Augmentation, Image, Point};
use crate::train::settings::{Allowed, Code, SettingError};
use crate::train::{Config, Session, Status};

pub const MIN_RUNS: usize = 2;
pub const MAX_RUNS: usize = 4;
/// The course's table: λ of the L2 run and keep_prob of the dropout run (on every hidden layer).
pub const COURSE_LAMBDA: &str = "0.7";
pub const COURSE_KEEP_PROB: &str = "0.86";
/// λ of the L1 run offered as a fourth in the course's preset.
pub const L1_LAMBDA: &str = "0.7";

/// The settings that may differ between runs: the config keys below and `real`, how many
/// points of the pool's training set the run uses.
pub const RUN_KEYS: [&str; 5] = ["reg", "lambda", "keep", "augment", "real"];

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Preset {
    /// the course's table on the page's own data
    Regularization,
    /// N real points vs N real + N copies of this kind (of each of the page's kinds, when this
    /// is the page's first) vs 2N real points
    Augmentation(Augmentation),
}

impl Preset {
    /// `regularization`, or `augmentation` (with the page's augmentation kind, jitter if none),
    /// or `augmentation:flip` / `:rotate` / `:jitter`.
    pub fn parse(name: &str, base: &Config) -> Result<Preset, String> {
        match name.split_once(':') {
            None if name == "regularization" => Ok(Preset::Regularization),
            None if name == "augmentation" => Ok(Preset::Augmentation(base.augment.first().copied().unwrap_or(Augmentation::Jitter))),
            Some(("augmentation", kind)) => Augmentation::parse(kind)
                .map(Preset::Augmentation)
                .ok_or_else(|| format!("{kind:?} is not an augmentation: use flip, rotate or jitter")),
            _ => Err(format!("{name:?} is not a comparison: use regularization or augmentation")),
        }
    }
}

/// The data every run shares: each trains on a prefix of `train`, all on the same `dev`
/// (in digits mode, of `train_images` and `dev_images`; the point lists are then empty).
#[derive(Clone, Debug)]
pub struct Pool {
    pub train: Vec<Point>,
    pub dev: Vec<Point>,
    pub train_images: Vec<Image>,
    pub dev_images: Vec<Image>,
}

impl Pool {
    /// The page's own training and dev sets (without augmented copies).
    pub fn of_page(base: &Config) -> Pool {
        let session = Session::new(Config { augment: Vec::new(), ..base.clone() });
        Pool {
            train: session.real_train_points().to_vec(),
            dev: session.dev_set().points.clone(),
            train_images: session.real_train_images().to_vec(),
            dev_images: session.dev_set().images.clone(),
        }
    }

    /// How many training examples (points or images) the pool holds.
    pub fn train_len(&self) -> usize {
        self.train.len().max(self.train_images.len())
    }

    /// Twice the page's training set and a dev set of the page's size, drawn at once with the
    /// page's seed and split as the page splits, so the first N training points are an
    /// ordinary random sample of N. Data from a CSV file cannot grow: there the page's own
    /// training set is the 2N and its first half the N.
    pub fn doubled(base: &Config) -> Pool {
        let page = Pool::of_page(base);
        if base.csv.is_some() {
            return page;
        }
        if base.dataset.is_images() {
            // the pair's images are all there are: 2N train, and the dev set is what is left
            return Pool::of_page(&Config { images: 2 * page.train_images.len(), ..base.clone() });
        }
        let (n, dev) = (page.train.len(), page.dev.len());
        let total = 2 * n + dev;
        let config = Config { points: total, train: 100.0 * (2 * n) as f64 / total as f64, ..base.clone() };
        Pool::of_page(&config)
    }
}

/// One run: a session on the first `real` training points of the pool.
pub struct Run {
    session: Session,
    real: usize,
}

impl Run {
    fn new(config: Config, real: usize, pool: &Pool) -> Run {
        let session = if config.dataset.is_images() {
            Session::with_images(config, pool.train_images[..real].to_vec(), pool.dev_images.clone())
        } else {
            Session::with_data(config, pool.train[..real].to_vec(), pool.dev.clone())
        };
        Run { session, real }
    }

    pub fn session(&self) -> &Session {
        &self.session
    }

    pub fn config(&self) -> &Config {
        self.session.config()
    }

    /// How many real training points it uses; the augmented copies come on top.
    pub fn real(&self) -> usize {
        self.real
    }

    fn settings(&self) -> (&Config, usize) {
        (self.config(), self.real)
    }
}

pub struct SideBySide {
    preset: Preset,
    base: Config,
    pool: Pool,
    runs: Vec<Run>,
    /// the run whose slice of an iteration comes next (`train_slices` takes turns)
    turn: usize,
}

impl SideBySide {
    /// The preset's three runs, built from the page's config. Early stopping is off, so the
    /// runs always stand at the same iteration.
    pub fn new(base: Config, preset: Preset) -> SideBySide {
        let base = Config { patience: 0, ..base };
        let pool = match preset {
            Preset::Regularization => Pool::of_page(&base),
            Preset::Augmentation(_) => Pool::doubled(&base),
        };
        let mut comparison = SideBySide { preset, base, pool, runs: Vec::new(), turn: 0 };
        for (config, real) in comparison.suggestions().into_iter().take(3) {
            comparison.runs.push(Run::new(config, real, &comparison.pool));
        }
        comparison
    }

    pub fn preset(&self) -> Preset {
        self.preset
    }

    pub fn pool(&self) -> &Pool {
        &self.pool
    }

    pub fn runs(&self) -> &[Run] {
        &self.runs
    }

    /// N: the page's training-set size (in the augmentation preset, the smaller real count).
    pub fn n(&self) -> usize {
        match self.preset {
            Preset::Regularization => self.pool.train_len(),
            Preset::Augmentation(_) => self.pool.train_len() / 2,
        }
    }

    /// `iterations` more for every run (a run that diverged stays where it stopped).
    pub fn train(&mut self, iterations: usize) {
        self.finish_round();
        for run in &mut self.runs {
            run.session.train(iterations);
        }
    }

    /// `slices` more slices of iterations (see `Session::train_slices`), one run's at a
    /// time in turns, so the runs stay within an iteration of each other.
    pub fn train_slices(&mut self, slices: usize) {
        for _ in 0..slices {
            if self.runs.is_empty() {
                return;
            }
            self.turn %= self.runs.len();
            // a run keeps its turn until its iteration is done (or it has stopped)
            let (ran, done) = self.runs[self.turn].session.train_slices(1);
            if ran == 0 || done == 1 {
                self.turn += 1;
            }
        }
    }

    /// Brings every run to the same iteration: the turns of `train_slices` can leave a
    /// round half done (a pause, a script's `train`).
    pub fn finish_round(&mut self) {
        let target = self.runs.iter().map(|r| r.session.iteration()).max().unwrap_or(0);
        for run in &mut self.runs {
            while run.session.iteration() < target && *run.session.status() == Status::Training {
                run.session.train(1);
            }
        }
        self.turn = 0;
    }

    /// The slices an iteration of every run takes together.
    pub fn slices_per_iteration(&self) -> usize {
        self.runs.iter().map(|r| r.session.slices_per_iteration()).sum::<usize>().max(1)
    }

    /// Every run back to its start: the same initialization, masks and batches.
    pub fn reset(&mut self) {
        for run in &mut self.runs {
            run.session.reset();
        }
    }

    /// Changes one setting of one run (a key of `RUN_KEYS`), then starts every run again so
    /// that they stay comparable. On error nothing changes.
    pub fn set(&mut self, run: usize, key: &str, value: &str) -> Result<(), SettingError> {
        let current = self.runs.get(run).ok_or_else(|| {
            let allowed = Allowed { min: Some(0.0), max: Some(self.runs.len() as f64 - 1.0), integer: true, ..Allowed::default() };
            SettingError::new(Code::Range, "run", &run.to_string(), allowed)
        })?;
        let mut config = current.config().clone();
        let mut real = current.real;
        match key {
            "real" => {
                let most = self.pool.train_len();
                real = value.trim().parse().ok().filter(|r| (1..=most).contains(r)).ok_or_else(|| {
                    let allowed = Allowed { min: Some(1.0), max: Some(most as f64), integer: true, ..Allowed::default() };
                    SettingError::new(Code::Range, key, value, allowed)
                })?;
            }
            _ if RUN_KEYS.contains(&key) => {
                config.set(key, value)?;
            }
            _ => {
                let allowed = Allowed { options: RUN_KEYS.map(String::from).to_vec(), ..Allowed::default() };
                return Err(SettingError::new(Code::SharedByRuns, key, value, allowed));
            }
        }
        self.runs[run] = Run::new(config, real, &self.pool);
        self.reset();
        Ok(())
    }

    /// Adds the preset's next suggestion no run has yet (else a copy of the last run) and
    /// starts every run again. Returns its index.
    pub fn add_run(&mut self) -> Result<usize, String> {
        if self.runs.len() >= MAX_RUNS {
            return Err(format!("at most {MAX_RUNS} runs side by side"));
        }
        let fresh = self.suggestions().into_iter().find(|(config, real)| self.runs.iter().all(|r| r.settings() != (config, *real)));
        let (config, real) = fresh.unwrap_or_else(|| {
            let last = self.runs.last().expect("at least two runs");
            (last.config().clone(), last.real)
        });
        self.runs.push(Run::new(config, real, &self.pool));
        self.reset();
        Ok(self.runs.len() - 1)
    }

    pub fn remove_run(&mut self, run: usize) -> Result<(), String> {
        if run >= self.runs.len() {
            return Err(format!("there is no run {}", run + 1));
        }
        if self.runs.len() <= MIN_RUNS {
            return Err(format!("a comparison needs at least {MIN_RUNS} runs"));
        }
        self.runs.remove(run);
        Ok(())
    }

    /// The runs the preset offers, in order: its first three are the ones it opens with.
    fn suggestions(&self) -> Vec<(Config, usize)> {
        let with = |changes: &[(&str, &str)]| {
            let mut config = self.base.clone();
            for &(key, value) in changes {
                // dropout needs hidden layers: logistic regression has no keep_prob to set
                if key != "keep" || !config.layers.is_empty() {
                    config.set(key, value).expect("the presets' settings are valid");
                }
            }
            config
        };
        let n = self.n();
        match self.preset {
            Preset::Regularization => [
                vec![("reg", "none"), ("lambda", "0"), ("keep", "1")],
                vec![("reg", "l2"), ("lambda", COURSE_LAMBDA), ("keep", "1")],
                vec![("reg", "none"), ("lambda", "0"), ("keep", COURSE_KEEP_PROB)],
                vec![("reg", "l1"), ("lambda", L1_LAMBDA), ("keep", "1")],
                vec![("reg", "l2"), ("lambda", COURSE_LAMBDA), ("keep", COURSE_KEEP_PROB)],
            ]
            .iter()
            .map(|changes| (with(changes), n))
            .collect(),
            Preset::Augmentation(kind) => {
                let others = Augmentation::ALL.into_iter().filter(|&k| k != kind);
                // opened from a page that augments with several kinds (rotate and shift, say),
                // the augmented run makes the page's copies: N real + one copy per kind
                let page_kinds = if self.base.augment.first() == Some(&kind) {
                    self.base.augment.iter().map(|k| k.name()).collect::<Vec<_>>().join(",")
                } else {
                    kind.name().to_string()
                };
                let mut runs =
                    vec![(with(&[("augment", "")]), n), (with(&[("augment", &page_kinds)]), n), (with(&[("augment", "")]), 2 * n)];
                runs.extend(others.map(|k| (with(&[("augment", k.name())]), n)));
                runs
            }
        }
    }
}
