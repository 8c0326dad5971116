//! The setup of one run: its URL keys (rows of `settings::SETTINGS`) parsed, validated and
//! written back. Every bad value gives a `SettingError` naming the key and what is allowed.

use std::sync::Arc;

use super::settings::{parse, run_keys, setting, Allowed, Code, Kind, Setting, SettingError, Value, SETTINGS};
use crate::data::csv::Table;
use crate::data::{Augmentation, Dataset, Feature};
use crate::nn::{Activation, Penalty};

pub use super::lecture_keys::StopOn;

pub use super::settings::{Effect, MAX_LAYERS, MAX_NEURONS};

/// Everything that decides a run. Two equal configs give bit-identical runs.
#[derive(Clone, Debug, PartialEq)]
pub struct Config {
    pub dataset: Dataset,
    /// digits mode: the digit that is y = 1, then the one that is y = 0
    pub digits: [u8; 2],
    /// digits mode: how many images train; the rest of the pair's images are the dev set
    pub images: usize,
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
    /// view only: with dropout on, also plot J with keep_prob = 1 (the lecture's check)
    pub checkj: bool,
    /// data loaded from a CSV file, used instead of `dataset` (which is kept for going back);
    /// the URL says `dataset=csv`, but a link cannot carry the data itself
    pub csv: Option<Arc<Table>>,
    /// inverted dropout (divide the kept units by keep_prob) or, as a lesson, plain dropout
    pub inverted: bool,
    /// keep_prob of the input layer
    pub keep_in: f64,
    /// what early stopping watches on the dev set: its cost or its error
    pub stop_on: StopOn,
}

impl Default for Config {
    /// The table's defaults.
    fn default() -> Config {
        let mut config = Config {
            dataset: Dataset::Keeper,
            digits: [0, 0],
            images: 0,
            points: 0,
            noise: 0.0,
            train: 0.0,
            seed: 0,
            features: Vec::new(),
            layers: Vec::new(),
            act: Activation::Tanh,
            lr: 0.0,
            batch: 0,
            reg: Penalty::None,
            lambda: 0.0,
            keep: Vec::new(),
            patience: 0,
            augment: Vec::new(),
            speed: 0,
            showdev: false,
            discretize: false,
            checkj: false,
            csv: None,
            inverted: true,
            keep_in: 1.0,
            stop_on: StopOn::Cost,
        };
        for s in SETTINGS.iter().filter(|s| !s.page) {
            config.set(s.key, s.default).expect("the table's defaults are valid");
        }
        config
    }
}

/// `dataset=` of data loaded from a CSV file.
pub const CSV: &str = "csv";

/// Where a key sits in the table: pairs are applied in this order, so `keep` follows `layers`.
fn rank(key: &str) -> usize {
    setting(key).map_or(usize::MAX, |s| SETTINGS.iter().position(|t| t.key == s.key).unwrap_or(usize::MAX))
}

impl Config {
    /// Reads `key=value` pairs (a URL's query or hash). Unknown keys and the page's keys are
    /// left to the page; a bad value is reported and its default kept.
    pub fn from_pairs<'a>(pairs: impl IntoIterator<Item = (&'a str, &'a str)>) -> (Config, Vec<SettingError>) {
        let mut config = Config::default();
        let mut pairs: Vec<_> = pairs.into_iter().filter(|(k, _)| setting(k).is_some_and(|s| !s.page)).collect();
        pairs.sort_by_key(|(k, _)| rank(k));
        let problems = pairs.into_iter().filter_map(|(k, v)| config.set(k, v).err()).collect();
        (config, problems)
    }

    /// Sets several keys as one setup, in the table's order whatever the order given: all of
    /// them, or on the first error none. Returns the largest effect.
    pub fn set_all<'a>(&mut self, pairs: impl IntoIterator<Item = (&'a str, &'a str)>) -> Result<Effect, SettingError> {
        let mut pairs: Vec<_> = pairs.into_iter().collect();
        pairs.sort_by_key(|(k, _)| rank(k));
        let mut next = self.clone();
        let mut effect = Effect::View;
        for (key, value) in pairs {
            effect = effect.max(next.set(key, value)?);
        }
        *self = next;
        Ok(effect)
    }

    /// Sets one key from its URL form. On error nothing changes and the error says why.
    /// A page key is checked but kept by the page.
    pub fn set(&mut self, key: &str, value: &str) -> Result<Effect, SettingError> {
        let value = value.trim();
        let row = setting(key).ok_or_else(|| SettingError::unknown(key))?;
        let bad = |code| SettingError::of(code, row, key, value);
        if row.key == "dataset" && value == CSV {
            return if self.csv.is_some() { Ok(row.effect) } else { Err(bad(Code::CsvLink)) };
        }
        let value = match (row.key, value) {
            ("augment", "none" | "false" | "0") => "",
            ("augment", "true" | "1") => "jitter",
            ("patience", "true" | "on") if key == row.alias => "200",
            ("patience", "false" | "off") if key == row.alias => "0",
            _ => value,
        };
        let parsed = parse(row, key, value)?;
        let count = |n: f64| n as usize;
        match (row.key, parsed) {
            ("dataset", Value::Name(d)) => {
                self.dataset = Dataset::parse(d).expect("the table's datasets");
                self.csv = None;
            }
            ("digits", Value::Numbers(pair)) => match pair[..] {
                [one, other] if one != other => self.digits = [one as u8, other as u8],
                _ => return Err(bad(Code::Pair)),
            },
            ("images", v) => self.images = count(v.number()),
            ("points", v) => self.points = count(v.number()),
            ("noise", v) => self.noise = v.number(),
            ("train", v) => self.train = v.number(),
            ("seed", v) => self.seed = v.number() as u32,
            ("features", Value::Names(names)) if names.is_empty() => return Err(bad(Code::Empty)),
            ("features", Value::Names(names)) => self.features = names.iter().filter_map(|n| Feature::parse(n)).collect(),
            ("layers", Value::Numbers(sizes)) => {
                self.layers = sizes.into_iter().map(count).collect();
                self.keep.resize(self.layers.len(), 1.0);
            }
            ("act", Value::Name(a)) => self.act = Activation::parse(a).expect("the table's activations"),
            ("lr", v) => self.lr = v.number(),
            ("batch", v) => self.batch = count(v.number()),
            ("reg", Value::Name(p)) => self.reg = Penalty::parse(p).expect("the table's penalties"),
            ("lambda", v) => self.lambda = v.number(),
            // one value for every hidden layer, or one per layer (missing ones keep every unit)
            ("keep", Value::Numbers(keep)) => {
                self.keep = match keep.len() {
                    1 => vec![keep[0]; self.layers.len()],
                    n if n > self.layers.len() => {
                        let allowed = Allowed { count: Some(self.layers.len()), ..Allowed::default() };
                        return Err(SettingError::new(Code::TooMany, key, value, allowed));
                    }
                    _ => {
                        let mut keep = keep;
                        keep.resize(self.layers.len(), 1.0);
                        keep
                    }
                }
            }
            ("patience", v) => self.patience = count(v.number()),
            ("augment", Value::Names(names)) => self.augment = names.iter().filter_map(|n| Augmentation::parse(n)).collect(),
            ("speed", v) => self.speed = count(v.number()),
            ("showdev", Value::Flag(on)) => self.showdev = on,
            ("discretize", Value::Flag(on)) => self.discretize = on,
            ("checkj", Value::Flag(on)) => self.checkj = on,
            ("inverted", Value::Flag(on)) => self.inverted = on,
            ("keepIn", v) => self.keep_in = v.number(),
            ("stopOn", Value::Name(s)) => self.stop_on = StopOn::parse(s).expect("the table's options"),
            _ if row.page => {}
            (k, v) => unreachable!("{k} has no apply code for {v:?}"),
        }
        Ok(row.effect)
    }

    /// The URL form of one key of the run.
    pub fn get(&self, key: &str) -> Option<String> {
        let join = |v: Vec<String>| v.join(",");
        Some(match key {
            "dataset" if self.csv.is_some() => CSV.to_string(),
            "dataset" => self.dataset.name().to_string(),
            "digits" => join(self.digits.iter().map(|d| d.to_string()).collect()),
            "images" => self.images.to_string(),
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
            "inverted" => (self.inverted as u8).to_string(),
            "keepIn" => fmt_number(self.keep_in),
            "stopOn" => self.stop_on.name().to_string(),
            _ => return None,
        })
    }

    /// `dataset=keeper&points=400&…`: every key of the run, so a link always holds the full setup.
    pub fn to_query(&self) -> String {
        run_keys().map(|k| format!("{k}={}", self.get(k).unwrap())).collect::<Vec<_>>().join("&")
    }

    /// The config as JSON with typed values (numbers, arrays, strings), for `playground.config()`.
    pub fn to_json(&self) -> String {
        serde_json::Value::Object(self.to_map()).to_string()
    }

    /// The config as a JSON object (for the model file and Compare's runs).
    pub fn to_map(&self) -> serde_json::Map<String, serde_json::Value> {
        let mut map: serde_json::Map<_, _> =
            SETTINGS.iter().filter(|s| !s.page).map(|row| (row.key.to_string(), typed(row, &self.get(row.key).unwrap()))).collect();
        map.insert("earlyStopping".to_string(), self.patience.into());
        map
    }

    /// How many inputs the network has: the 64 pixels in digits mode, else the features.
    pub fn inputs(&self) -> usize {
        if self.dataset.is_images() {
            crate::data::digits::PIXELS
        } else {
            self.features.len()
        }
    }

    pub fn training_size(&self) -> usize {
        if self.dataset.is_images() {
            return self.images;
        }
        (self.points as f64 * self.train / 100.0).round() as usize
    }
}

/// A seed for "New data" from the system's randomness (the browser's crypto source in wasm);
/// everything after it is deterministic again.
pub fn fresh_seed() -> u32 {
    getrandom::u32().unwrap_or(1)
}

/// Shortest text that reads back to the same f64 (Rust's `Display` is round-trip exact).
pub fn fmt_number(v: f64) -> String {
    format!("{v}")
}

/// A URL form as the typed JSON value `config()` gives: numbers, arrays, strings, booleans.
pub fn typed(row: &Setting, text: &str) -> serde_json::Value {
    use serde_json::Value as J;
    let number = |t: &str| t.parse::<f64>().ok().and_then(serde_json::Number::from_f64).map_or(J::Null, J::Number);
    let items = || text.split(',').map(str::trim).filter(|s| !s.is_empty());
    match row.kind {
        Kind::Integer => text.parse::<u64>().map_or(J::Null, J::from),
        Kind::Number => number(text),
        Kind::Flag => J::Bool(text == "1" || text == "true"),
        Kind::Choice => J::from(text),
        Kind::List if !row.options.is_empty() => J::Array(items().map(J::from).collect()),
        Kind::List if row.item == Kind::Integer => J::Array(items().map(|t| t.parse::<u64>().map_or(J::Null, J::from)).collect()),
        Kind::List => J::Array(items().map(number).collect()),
    }
}
