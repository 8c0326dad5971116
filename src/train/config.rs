//! The setup of one run, with the URL keys of DESIGN.md: parsed, validated, written back.
//! Every bad value gets a message naming the key and what is allowed.

use std::sync::Arc;

use crate::data::csv::Table;
use crate::data::{Augmentation, Dataset, Feature, KEEPER_DEFAULT_NOISE, KEEPER_DEFAULT_POINTS};
use crate::nn::{Activation, Penalty};

use super::lecture_keys::{StopOn, LECTURE_KEYS};

pub const MAX_LAYERS: usize = 6;
pub const MAX_NEURONS: usize = 32;
pub const MAX_LAMBDA: f64 = 100.0;

/// Everything that decides a run. Two equal configs give bit-identical runs.
#[derive(Clone, Debug, PartialEq)]
pub struct Config {
    pub dataset: Dataset,
    pub points: usize,
    /// noise in percent
    pub noise: f64,
    /// training share in percent; the rest is the dev set
    pub train: f64,
    pub seed: u32,
    pub features: Vec<Feature>,
    pub layers: Vec<usize>,
    pub act: Activation,
    /// the learning rate α
    pub lr: f64,
    /// mini-batch size; 0 is the full batch
    pub batch: usize,
    pub reg: Penalty,
    pub lambda: f64,
    /// keep_prob per hidden layer
    pub keep: Vec<f64>,
    /// early stopping: stop after this many iterations without a new dev-cost minimum and
    /// restore the best weights; 0 is off
    pub patience: usize,
    /// augmented copies of the training points, one per kind
    pub augment: Vec<Augmentation>,
    /// view only: iterations per animation frame while playing
    pub speed: usize,
    /// view only: draw the dev points
    pub showdev: bool,
    /// view only: paint the boundary as two classes instead of P(y = 1)
    pub discretize: bool,
    /// view only: with dropout on, also plot J with keep_prob = 1 (§5's check)
    pub checkj: bool,
    /// data loaded from a CSV file, used instead of `dataset` (which is kept for going back);
    /// the URL says `dataset=csv`, but a link cannot carry the data itself
    pub csv: Option<Arc<Table>>,
    /// the lecture's options (lecture_keys.rs): inverted dropout or plain, the input layer's
    /// keep_prob, and what early stopping watches
    pub inverted: bool,
    pub keep_in: f64,
    pub stop_on: StopOn,
}

impl Default for Config {
    fn default() -> Config {
        Config {
            dataset: Dataset::Keeper,
            points: KEEPER_DEFAULT_POINTS,
            noise: KEEPER_DEFAULT_NOISE,
            train: 50.0,
            seed: 1,
            features: vec![Feature::X1, Feature::X2],
            layers: vec![20, 3],
            act: Activation::Tanh,
            lr: 0.5,
            batch: 0,
            reg: Penalty::None,
            lambda: 0.0,
            keep: vec![1.0, 1.0],
            patience: 0,
            augment: Vec::new(),
            speed: 10,
            showdev: true,
            discretize: false,
            checkj: false,
            csv: None,
            inverted: true,
            keep_in: 1.0,
            stop_on: StopOn::Cost,
        }
    }
}

/// `dataset=` of data loaded from a CSV file.
pub const CSV: &str = "csv";

/// The keys in the order the URL writes them.
pub const KEYS: [&str; 22] = [
    "dataset", "points", "noise", "train", "seed", "features", "layers", "act", "lr", "batch", "reg", "lambda", "keep", "patience",
    "augment", "speed", "showdev", "discretize", "checkj", LECTURE_KEYS[0], LECTURE_KEYS[1], LECTURE_KEYS[2],
];

/// What a change of a key asks of a running session.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Effect {
    /// takes effect at the next iteration, training goes on (λ, penalty, keep_prob, α, batch, patience)
    Live,
    /// new data, features or architecture: the run starts again
    Reset,
}

pub fn effect(key: &str) -> Effect {
    match key {
        "lr" | "batch" | "reg" | "lambda" | "keep" | "patience" | "earlyStopping" | "speed" | "showdev" | "discretize" | "checkj" | "inverted" | "keepIn" | "stopOn" => {
            Effect::Live
        }
        _ => Effect::Reset,
    }
}

impl Config {
    /// Reads `key=value` pairs (a URL's query or hash). Unknown keys are left to the page;
    /// a bad value is reported and its default kept.
    pub fn from_pairs<'a>(pairs: impl IntoIterator<Item = (&'a str, &'a str)>) -> (Config, Vec<String>) {
        let mut config = Config::default();
        let mut problems = Vec::new();
        let mut keep = None;
        for (key, value) in pairs {
            if key == "keep" {
                keep = Some(value); // applied after `layers`, whatever the order
            } else if KEYS.contains(&key) || key == "earlyStopping" {
                if let Err(e) = config.set(key, value) {
                    problems.push(e);
                }
            }
        }
        if let Some(value) = keep {
            if let Err(e) = config.set("keep", value) {
                problems.push(e);
            }
        }
        (config, problems)
    }

    /// Sets one key from its URL form. On error nothing changes and the message says why.
    pub fn set(&mut self, key: &str, value: &str) -> Result<Effect, String> {
        let value = value.trim();
        let bad = |allowed: &str| Err(format!("{key}={value:?} is not valid: {allowed}"));
        if let Some(result) = self.set_lecture_key(key, value) {
            return result.map(|()| effect(key));
        }
        match key {
            "dataset" if value == CSV => {
                if self.csv.is_none() {
                    return bad("data from a CSV file cannot travel in a link; load the file again (Data & export → Upload CSV)");
                }
            }
            "dataset" => match Dataset::parse(value) {
                Some(d) => {
                    self.dataset = d;
                    self.csv = None;
                }
                None => return bad(&format!("use one of {}", names(Dataset::ALL.map(|d| d.name())))),
            },
            "points" => self.points = int_in(key, value, 20, 2000)?,
            "noise" => self.noise = number_in(key, value, 0.0, 50.0)?,
            "train" => self.train = number_in(key, value, 10.0, 90.0)?,
            "seed" => self.seed = int_in(key, value, 0, u32::MAX as usize)? as u32,
            "features" => {
                let mut features = Vec::new();
                for part in list(value) {
                    match Feature::parse(part) {
                        Some(f) if !features.contains(&f) => features.push(f),
                        Some(_) => return bad(&format!("{part} is listed twice")),
                        None => return bad(&format!("features are {}", names(Feature::ALL.map(|f| f.name())))),
                    }
                }
                if features.is_empty() {
                    return bad("the network needs at least one input feature");
                }
                self.features = features;
            }
            "layers" => {
                let mut layers = Vec::new();
                for part in list(value) {
                    layers.push(int_in(key, part, 1, MAX_NEURONS).map_err(|_| {
                        format!("{key}={value:?} is not valid: each hidden layer has 1 to {MAX_NEURONS} neurons")
                    })?);
                }
                if layers.len() > MAX_LAYERS {
                    return bad(&format!("at most {MAX_LAYERS} hidden layers"));
                }
                self.layers = layers;
                self.keep.resize(self.layers.len(), 1.0);
            }
            "act" => match Activation::parse(value) {
                Some(a) => self.act = a,
                None => return bad(&format!("use one of {}", names(Activation::ALL.map(|a| a.name())))),
            },
            "lr" => {
                let lr = number_in(key, value, 0.0, 10.0)?;
                if lr == 0.0 {
                    return bad("the learning rate α must be above 0");
                }
                self.lr = lr;
            }
            "batch" => self.batch = int_in(key, value, 0, 2000)?,
            "reg" => match Penalty::parse(value) {
                Some(p) => self.reg = p,
                None => return bad("use none, l1 or l2"),
            },
            "lambda" => self.lambda = number_in(key, value, 0.0, MAX_LAMBDA)?,
            "keep" => {
                let mut keep = Vec::new();
                for part in list(value) {
                    let k = number_in(key, part, 0.0, 1.0)
                        .map_err(|_| format!("{key}={value:?} is not valid: each keep_prob lies in (0, 1]"))?;
                    if k == 0.0 {
                        return bad("keep_prob = 0 would drop every unit; each keep_prob lies in (0, 1]");
                    }
                    keep.push(k);
                }
                // one value for every hidden layer, or one per layer (missing ones keep every unit)
                self.keep = match keep.len() {
                    1 => vec![keep[0]; self.layers.len()],
                    n if n > self.layers.len() => {
                        return bad(&format!("{n} keep_prob values for {} hidden layers", self.layers.len()))
                    }
                    _ => {
                        keep.resize(self.layers.len(), 1.0);
                        keep
                    }
                };
            }
            "patience" => self.patience = int_in(key, value, 0, 1_000_000)?,
            // issue 4's name for the same setting: a patience, or on/off (on = 200 iterations)
            "earlyStopping" => {
                self.patience = match value {
                    "true" | "on" => 200,
                    "false" | "off" => 0,
                    _ => int_in(key, value, 0, 1_000_000)?,
                }
            }
            "augment" => {
                let mut kinds = Vec::new();
                let value = match value {
                    "none" | "false" | "0" => "",
                    "true" | "1" => "jitter",
                    v => v,
                };
                for part in list(value) {
                    match Augmentation::parse(part) {
                        Some(a) if !kinds.contains(&a) => kinds.push(a),
                        Some(_) => return bad(&format!("{part} is listed twice")),
                        None => return bad("use a list of flip, rotate, jitter, zoom (or nothing)"),
                    }
                }
                self.augment = kinds;
            }
            "speed" => self.speed = int_in(key, value, 1, 1000)?,
            "showdev" => self.showdev = flag(key, value)?,
            "discretize" => self.discretize = flag(key, value)?,
            "checkj" => self.checkj = flag(key, value)?,
            _ => return Err(format!("{key} is not a setting; the settings are {}", names(KEYS))),
        }
        Ok(effect(key))
    }

    /// The URL form of one key.
    pub fn get(&self, key: &str) -> Option<String> {
        let join = |v: Vec<String>| v.join(",");
        Some(match key {
            "dataset" if self.csv.is_some() => CSV.to_string(),
            "dataset" => self.dataset.name().to_string(),
            "points" => self.points.to_string(),
            "noise" => fmt_number(self.noise),
            "train" => fmt_number(self.train),
            "seed" => self.seed.to_string(),
            "features" => join(self.features.iter().map(|f| f.name().to_string()).collect()),
            "layers" => join(self.layers.iter().map(|n| n.to_string()).collect()),
            "act" => self.act.name().to_string(),
            "lr" => fmt_number(self.lr),
            "batch" => self.batch.to_string(),
            "reg" => self.reg.name().to_string(),
            "lambda" => fmt_number(self.lambda),
            "keep" => join(self.keep.iter().map(|&k| fmt_number(k)).collect()),
            "patience" => self.patience.to_string(),
            "augment" => join(self.augment.iter().map(|a| a.name().to_string()).collect()),
            "speed" => self.speed.to_string(),
            "showdev" => (self.showdev as u8).to_string(),
            "discretize" => (self.discretize as u8).to_string(),
            "checkj" => (self.checkj as u8).to_string(),
            _ => return self.get_lecture_key(key),
        })
    }

    /// `dataset=keeper&points=400&…`: every key, so a link always holds the full setup.
    pub fn to_query(&self) -> String {
        KEYS.iter().map(|k| format!("{k}={}", self.get(k).unwrap())).collect::<Vec<_>>().join("&")
    }

    /// The config as JSON with typed values (numbers, arrays, strings), for `playground.config()`.
    pub fn to_json(&self) -> String {
        let typed = |key: &str| -> String {
            if let Some(json) = self.lecture_key_json(key) {
                return json;
            }
            let v = self.get(key).unwrap();
            match key {
                "dataset" | "act" | "reg" => format!("\"{v}\""),
                "showdev" | "discretize" | "checkj" => (v == "1").to_string(),
                "features" | "augment" => format!("[{}]", list(&v).map(|s| format!("\"{s}\"")).collect::<Vec<_>>().join(",")),
                "layers" | "keep" => format!("[{v}]"),
                _ => v,
            }
        };
        let mut fields: Vec<String> = KEYS.iter().map(|k| format!("\"{k}\":{}", typed(k))).collect();
        fields.push(format!("\"earlyStopping\":{}", self.patience));
        format!("{{{}}}", fields.join(","))
    }

    pub fn training_size(&self) -> usize {
        (self.points as f64 * self.train / 100.0).round() as usize
    }
}

/// Shortest text that reads back to the same f64 (Rust's `Display` is round-trip exact).
pub fn fmt_number(v: f64) -> String {
    format!("{v}")
}

fn list(value: &str) -> impl Iterator<Item = &str> {
    value.split(',').map(str::trim).filter(|s| !s.is_empty())
}

fn names<const N: usize>(names: [&str; N]) -> String {
    names.join(", ")
}

fn flag(key: &str, value: &str) -> Result<bool, String> {
    match value {
        "1" | "true" => Ok(true),
        "0" | "false" => Ok(false),
        _ => Err(format!("{key}={value:?} is not valid: use 1 or 0")),
    }
}

fn number_in(key: &str, value: &str, lo: f64, hi: f64) -> Result<f64, String> {
    match value.parse::<f64>() {
        Ok(v) if v.is_finite() && (lo..=hi).contains(&v) => Ok(v),
        _ => Err(format!("{key}={value:?} is not valid: use a number from {lo} to {hi}")),
    }
}

fn int_in(key: &str, value: &str, lo: usize, hi: usize) -> Result<usize, String> {
    match value.parse::<usize>() {
        Ok(v) if (lo..=hi).contains(&v) => Ok(v),
        _ => Err(format!("{key}={value:?} is not valid: use a whole number from {lo} to {hi}")),
    }
}
