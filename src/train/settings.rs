//! The settings table: every URL key once, with its kind, range or options, default and what
//! a change does. URL parsing and writing, `set()`, `config()`, validation, the page's controls
//! and the README's URL table all read this table; adding a key is one row here plus its
//! apply code in `config.rs`.

use std::fmt;

/// The form of a setting's value.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Kind {
    Number,
    Integer,
    Choice,
    /// comma-separated items: names from `options`, or numbers of kind `item` in [min, max]
    List,
    Flag,
}

/// What a change of a key asks of a running session.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub enum Effect {
    /// only the picture changes; training does not notice
    View,
    /// takes effect at the next iteration, training goes on (λ, penalty, keep_prob, α, batch, patience)
    Live,
    /// new data, features or architecture: the run starts again
    Reset,
}

impl Effect {
    pub fn name(self) -> &'static str {
        match self {
            Effect::View => "view",
            Effect::Live => "live",
            Effect::Reset => "restart",
        }
    }
}

/// One row of the table.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Setting {
    pub key: &'static str,
    pub kind: Kind,
    /// the URL form of the default; empty for an empty list or "the browser's" language
    pub default: &'static str,
    pub min: f64,
    pub max: f64,
    /// the minimum itself is not allowed: (min, max]
    pub above_min: bool,
    /// the names a choice or list takes
    pub options: &'static [&'static str],
    /// for a list of numbers, the kind of each item
    pub item: Kind,
    /// for a list, at most this many items (0: no limit beyond the options)
    pub max_items: usize,
    pub effect: Effect,
    /// kept by the page, not by the run (language, embedding, large text)
    pub page: bool,
    /// another key read as this one
    pub alias: &'static str,
    /// the English label of the control, a key of the page's translations
    pub label: &'static str,
}

pub const MAX_LAYERS: usize = 6;
pub const MAX_NEURONS: usize = 32;

const ROW: Setting = Setting {
    key: "",
    kind: Kind::Number,
    default: "",
    min: f64::NAN,
    max: f64::NAN,
    above_min: false,
    options: &[],
    item: Kind::Number,
    max_items: 0,
    effect: Effect::Reset,
    page: false,
    alias: "",
    label: "",
};

const fn number(key: &'static str, default: &'static str, min: f64, max: f64, effect: Effect, label: &'static str) -> Setting {
    Setting { key, default, min, max, effect, label, ..ROW }
}

const fn integer(key: &'static str, default: &'static str, min: f64, max: f64, effect: Effect, label: &'static str) -> Setting {
    Setting { kind: Kind::Integer, ..number(key, default, min, max, effect, label) }
}

const fn choice(
    key: &'static str,
    default: &'static str,
    options: &'static [&'static str],
    effect: Effect,
    label: &'static str,
) -> Setting {
    Setting { key, kind: Kind::Choice, default, options, effect, label, ..ROW }
}

const fn names(key: &'static str, default: &'static str, options: &'static [&'static str], effect: Effect, label: &'static str) -> Setting {
    Setting { kind: Kind::List, ..choice(key, default, options, effect, label) }
}

const fn flag(key: &'static str, default: &'static str, effect: Effect, label: &'static str) -> Setting {
    Setting { key, kind: Kind::Flag, default, effect, label, ..ROW }
}

const fn page(setting: Setting) -> Setting {
    Setting { page: true, effect: Effect::View, ..setting }
}

use Effect::{Live, Reset, View};

/// The table, in the order the URL writes the keys; `keep` comes after `layers` because its
/// length follows theirs.
pub const SETTINGS: &[Setting] = &[
    choice("dataset", "keeper", &["keeper", "circle", "xor", "gauss", "spiral", "moons", "digits"], Reset, "Dataset"),
    Setting { kind: Kind::List, item: Kind::Integer, max_items: 2, ..integer("digits", "4,9", 0.0, 9.0, Reset, "Digits") },
    integer("images", "60", 10.0, 300.0, Reset, "Training images"),
    integer("points", "400", 20.0, 2000.0, Reset, "Points"),
    number("noise", "25", 0.0, 50.0, Reset, "Noise"),
    number("train", "50", 10.0, 90.0, Reset, "Training share"),
    integer("seed", "1", 0.0, u32::MAX as f64, Reset, "New data"),
    Setting { max_items: 7, ..names("features", "x1,x2", &["x1", "x2", "x1sq", "x2sq", "x1x2", "sinx1", "sinx2"], Reset, "Features") },
    Setting {
        kind: Kind::List,
        item: Kind::Integer,
        max_items: MAX_LAYERS,
        ..integer("layers", "20,3", 1.0, MAX_NEURONS as f64, Reset, "Network")
    },
    choice("act", "tanh", &["tanh", "relu", "sigmoid", "linear"], Reset, "Activation"),
    Setting { above_min: true, ..number("lr", "0.1", 0.0, 10.0, Live, "Learning rate α") },
    integer("batch", "0", 0.0, 2000.0, Live, "Batch size"),
    choice("reg", "none", &["none", "l1", "l2"], Live, "Regularization"),
    number("lambda", "0", 0.0, 100.0, Live, "λ (lambda)"),
    Setting { kind: Kind::List, above_min: true, max_items: MAX_LAYERS, ..number("keep", "1,1", 0.0, 1.0, Live, "keep_prob") },
    Setting { alias: "earlyStopping", ..integer("patience", "0", 0.0, 1_000_000.0, Live, "Early stop after") },
    names("augment", "", &["flip", "rotate", "jitter", "zoom", "shift"], Reset, "Augmentation"),
    integer("speed", "10", 1.0, 1000.0, View, "Speed"),
    flag("showdev", "1", View, "Dev points"),
    flag("discretize", "0", View, "Discretize"),
    flag("checkj", "0", View, "check J with keep_prob = 1"),
    flag("inverted", "1", Live, "inverted dropout (÷ keep_prob)"),
    Setting { above_min: true, ..number("keepIn", "1", 0.0, 1.0, Live, "keep_prob of the inputs") },
    choice("stopOn", "cost", &["cost", "error"], Live, "Early stopping watches"),
    page(integer("lesson", "", 1.0, 16.0, View, "Lecture")),
    page(choice("quiz", "", &["9", "10"], View, "Quiz")),
    page(choice("lang", "", &["ko", "en"], View, "Language")),
    page(flag("embed", "0", View, "Embed")),
    page(names(
        "panels",
        "boundary",
        &[
            "boundary", "readouts", "network", "data", "controls", "cost", "error", "curves", "weights", "tanh", "sweep", "norms",
            "images", "filters", "pixels", "strip",
        ],
        View,
        "Panels",
    )),
    page(flag("big", "0", View, "Large text for projectors")),
];

/// The row of a key or of its alias.
pub fn setting(key: &str) -> Option<&'static Setting> {
    SETTINGS.iter().find(|s| s.key == key || (!s.alias.is_empty() && s.alias == key))
}

/// The keys of the run (not the page's), in URL order.
pub fn run_keys() -> impl Iterator<Item = &'static str> {
    SETTINGS.iter().filter(|s| !s.page).map(|s| s.key)
}

/// A value read against its row.
#[derive(Clone, Debug, PartialEq)]
pub enum Value {
    Number(f64),
    Name(&'static str),
    Flag(bool),
    Numbers(Vec<f64>),
    Names(Vec<&'static str>),
}

impl Value {
    pub fn number(&self) -> f64 {
        match self {
            Value::Number(v) => *v,
            _ => f64::NAN,
        }
    }
}

/// Why a value was refused, as data the page translates.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Code {
    UnknownKey,
    Range,
    Choice,
    Flag,
    Duplicate,
    Empty,
    TooMany,
    CsvLink,
    /// Compare: a key that is the same for every run
    SharedByRuns,
    /// `digits=`: not two different digits
    Pair,
}

impl Code {
    pub fn name(self) -> &'static str {
        match self {
            Code::UnknownKey => "unknown-key",
            Code::Range => "range",
            Code::Choice => "choice",
            Code::Flag => "flag",
            Code::Duplicate => "duplicate",
            Code::Empty => "empty",
            Code::TooMany => "too-many",
            Code::CsvLink => "csv-link",
            Code::SharedByRuns => "shared-by-runs",
            Code::Pair => "pair",
        }
    }
}

/// What a key allows, for an error message.
#[derive(Clone, Debug, PartialEq, Default)]
pub struct Allowed {
    pub min: Option<f64>,
    pub max: Option<f64>,
    pub above_min: bool,
    pub integer: bool,
    pub options: Vec<String>,
    /// the most items a list may have here
    pub count: Option<usize>,
}

/// A refused `key=value`: the code, the key as given, the value (at most 60 characters) and
/// what is allowed. `Display` is the English message.
#[derive(Clone, Debug, PartialEq)]
pub struct SettingError {
    pub code: Code,
    pub key: String,
    pub value: String,
    pub allowed: Box<Allowed>,
}

const MAX_QUOTED: usize = 60;

impl SettingError {
    pub fn new(code: Code, key: &str, value: &str, allowed: Allowed) -> SettingError {
        let mut quoted: String = value.chars().take(MAX_QUOTED).collect();
        if value.chars().count() > MAX_QUOTED {
            quoted.push('…');
        }
        let value = quoted;
        SettingError { code, key: key.chars().take(MAX_QUOTED).collect(), value, allowed: Box::new(allowed) }
    }

    /// The same refusal for a row: its range and options.
    pub fn of(code: Code, setting: &Setting, key: &str, value: &str) -> SettingError {
        let range = setting.min.is_finite();
        let allowed = Allowed {
            min: range.then_some(setting.min),
            max: range.then_some(setting.max),
            above_min: setting.above_min,
            integer: setting.kind == Kind::Integer || setting.item == Kind::Integer && setting.kind == Kind::List,
            options: setting.options.iter().map(|s| s.to_string()).collect(),
            count: (setting.max_items > 0 && setting.options.is_empty()).then_some(setting.max_items),
        };
        SettingError::new(code, key, value, allowed)
    }

    pub fn unknown(key: &str) -> SettingError {
        let allowed = Allowed { options: SETTINGS.iter().map(|s| s.key.to_string()).collect(), ..Allowed::default() };
        SettingError::new(Code::UnknownKey, key, "", allowed)
    }
}

impl fmt::Display for SettingError {
    fn fmt(&self, f: &mut fmt::Formatter) -> fmt::Result {
        let a = &self.allowed;
        let options = a.options.join(", ");
        let (min, max) = (a.min.unwrap_or(f64::NAN), a.max.unwrap_or(f64::NAN));
        let reason = match self.code {
            Code::UnknownKey => return write!(f, "{} is not a setting; the settings are {options}", self.key),
            Code::SharedByRuns => return write!(f, "{} is the same for every run; a run's own settings are {options}", self.key),
            Code::Range if a.above_min => format!("use a number above {min}, up to {max}"),
            Code::Range if a.integer => format!("use a whole number from {min} to {max}"),
            Code::Range => format!("use a number from {min} to {max}"),
            Code::Choice => format!("use one of {options}"),
            Code::Flag => "use 1 or 0".to_string(),
            Code::Duplicate => "an item is listed twice".to_string(),
            Code::Empty => format!("the network needs at least one input feature: use one or more of {options}"),
            Code::TooMany => format!("at most {} items here", a.count.unwrap_or(0)),
            Code::CsvLink => "data from a CSV file cannot travel in a link; load the file again".to_string(),
            Code::Pair => "use two different digits from 0 to 9, the first one as y = 1 (like 4,9)".to_string(),
        };
        write!(f, "{}={:?} is not valid: {reason}", self.key, self.value)
    }
}

impl std::error::Error for SettingError {}

/// Reads `value` (URL form, already trimmed) against its row; the apply code checks the rest.
pub fn parse(setting: &'static Setting, key: &str, value: &str) -> Result<Value, SettingError> {
    let bad = |code| SettingError::of(code, setting, key, value);
    match setting.kind {
        Kind::Number | Kind::Integer => number_of(setting, setting.kind, value).map(Value::Number).ok_or_else(|| bad(Code::Range)),
        Kind::Choice => setting.options.iter().find(|o| **o == value).map(|o| Value::Name(o)).ok_or_else(|| bad(Code::Choice)),
        Kind::Flag => match value {
            "1" | "true" => Ok(Value::Flag(true)),
            "0" | "false" => Ok(Value::Flag(false)),
            _ => Err(bad(Code::Flag)),
        },
        Kind::List => {
            let items: Vec<&str> = value.split(',').map(str::trim).filter(|s| !s.is_empty()).collect();
            if setting.max_items > 0 && items.len() > setting.max_items {
                return Err(bad(Code::TooMany));
            }
            if setting.options.is_empty() {
                let numbers = items.iter().map(|i| number_of(setting, setting.item, i)).collect::<Option<Vec<f64>>>();
                return numbers.map(Value::Numbers).ok_or_else(|| bad(Code::Range));
            }
            let mut names: Vec<&'static str> = Vec::new();
            for item in items {
                let name = setting.options.iter().find(|o| **o == item).ok_or_else(|| bad(Code::Choice))?;
                if names.contains(name) {
                    return Err(bad(Code::Duplicate));
                }
                names.push(name);
            }
            Ok(Value::Names(names))
        }
    }
}

fn number_of(setting: &Setting, kind: Kind, text: &str) -> Option<f64> {
    let v = if kind == Kind::Integer { text.parse::<u64>().ok()? as f64 } else { text.parse::<f64>().ok()? };
    let above = if setting.above_min { v > setting.min } else { v >= setting.min };
    (v.is_finite() && above && v <= setting.max).then_some(v)
}
