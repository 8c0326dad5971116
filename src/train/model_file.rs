//! The model file: a trained network with the setup it was trained with, as JSON.
//!
//! ```json
//! {
//!   "format": "regplay-model", "version": 1,
//!   "activation": "tanh",
//!   "weights": [ [[W[1] row 1], [W[1] row 2], …], …, [[W[L] row 1]] ],
//!   "biases": [ [b[1]], …, [b[L]] ],
//!   "config": { every key of playground.config(), typed as there }
//! }
//! ```
//! `weights[l]` is W[l+1] of shape (n_{l+1}, n_l), one inner list per unit, as in the lecture.
//! Loading gives back the network and the training setup; the data is not in the file.

use ndarray::{Array1, Array2};
use serde::{Deserialize, Serialize};
use serde_json::Value;

use super::session::DIVERGED_WEIGHT;
use super::settings::{setting, MAX_LAYERS, MAX_NEURONS};
use super::Config;
use crate::data::csv::excerpt;
use crate::nn::{Activation, Mlp};

const FORMAT: &str = "regplay-model";
const VERSION: u32 = 1;

/// The keys of the setup a model file brings back. The data keys (dataset, points, noise,
/// train, seed) stay as the page has them, and so do the view's.
pub const SETUP_KEYS: [&str; 10] = ["features", "layers", "act", "lr", "batch", "reg", "lambda", "keep", "patience", "augment"];

/// The file as it is written and read.
#[derive(Serialize, Deserialize)]
struct File {
    format: String,
    version: u32,
    activation: String,
    weights: Vec<Vec<Vec<f64>>>,
    biases: Vec<Vec<f64>>,
    #[serde(default)]
    config: Option<serde_json::Map<String, Value>>,
}

/// What a model file holds.
pub struct ModelFile {
    pub net: Mlp,
    /// (key, value in URL form) of its config, for the keys in `SETUP_KEYS` it has
    pub setup: Vec<(String, String)>,
}

pub fn write(net: &Mlp, config: &Config) -> String {
    let file = File {
        format: FORMAT.into(),
        version: VERSION,
        activation: net.activation().name().into(),
        weights: net.weights().iter().map(|w| w.rows().into_iter().map(|r| r.to_vec()).collect()).collect(),
        biases: net.biases().iter().map(|b| b.to_vec()).collect(),
        config: Some(config.to_map()),
    };
    serde_json::to_string_pretty(&file).expect("a model serializes") + "\n"
}

pub fn read(text: &str) -> Result<ModelFile, String> {
    // first as any JSON, so a text that is not JSON is named by line and column
    let json: Value = serde_json::from_str(text).map_err(|e| {
        let message = e.to_string();
        let reason = message.split(" at line ").next().unwrap_or(&message);
        format!("The model file is not JSON: line {}, column {}: {}.", e.line(), e.column(), short_quotes(reason))
    })?;
    let bad = |what: String| Err(format!("The model file {what}."));
    let Some(object) = json.as_object() else { return bad("does not hold a JSON object".into()) };
    if object.get("format").and_then(Value::as_str) != Some(FORMAT) {
        return bad(format!("is not a regplay model: \"format\" should be \"{FORMAT}\""));
    }
    if object.get("version").and_then(Value::as_f64) != Some(VERSION as f64) {
        return bad(format!("has a version this page does not read (it reads version {VERSION})"));
    }
    let file: File = serde_json::from_value(json)
        .map_err(|e| format!("The model file does not have the model's shape: {}.", short_quotes(&e.to_string())))?;
    within_limits(&file)?;
    let Some(activation) = Activation::parse(&file.activation) else {
        return bad(format!("names the activation \"{}\"; use one of tanh, relu, sigmoid, linear", excerpt(&file.activation)));
    };
    let weights = file.weights.into_iter().enumerate().map(|(l, rows)| matrix(rows, l + 1)).collect::<Result<Vec<_>, _>>()?;
    let biases = file.biases.into_iter().map(Array1::from).collect();
    let net =
        Mlp::from_params(weights, biases, activation).map_err(|e| format!("The model file's network does not hold together: {e}."))?;
    let config = file.config.unwrap_or_default();
    let setup = SETUP_KEYS
        .iter()
        .filter_map(|&key| config.get(key).map(|v| url_form(v).map(|v| (key.to_string(), v))))
        .collect::<Result<_, _>>()?;
    Ok(ModelFile { net, setup })
}

/// serde_json's message with every quoted part (in "…" or `…`) cut to its first 60
/// characters, so a message never repeats a huge value of the file (a 4 MB string as weights).
fn short_quotes(message: &str) -> String {
    let mut out = String::new();
    let mut rest = message;
    while let Some(open) = rest.find(['"', '`']) {
        let mark = rest[open..].chars().next().expect("found");
        out.push_str(&rest[..=open]);
        let inside = &rest[open + 1..];
        let close = inside.find(mark).unwrap_or(inside.len());
        out.push_str(&excerpt(&inside[..close]));
        if close < inside.len() {
            out.push(mark);
            rest = &inside[close + 1..];
        } else {
            rest = "";
        }
    }
    out.push_str(rest);
    excerpt_long(&out)
}

/// A whole message cut to 300 characters (its quoted parts are cut already).
fn excerpt_long(message: &str) -> String {
    match message.char_indices().nth(300) {
        Some((cut, _)) => format!("{}…", &message[..cut]),
        None => message.to_string(),
    }
}

/// The settings table's limits (hidden layers, units per layer, input features) and weights a
/// run could train from: finite and below the divergence bound, checked before anything loads.
fn within_limits(file: &File) -> Result<(), String> {
    let hidden = file.weights.len().saturating_sub(1);
    if file.weights.is_empty() || hidden > MAX_LAYERS {
        return Err(format!("The model file has {hidden} hidden layers; a network here has 0 to {MAX_LAYERS}."));
    }
    let inputs = setting("features").map_or(7, |s| s.max_items);
    for (l, rows) in file.weights.iter().enumerate() {
        let units = rows.len();
        let most = if l + 1 == file.weights.len() { 1 } else { MAX_NEURONS };
        if units == 0 || units > most {
            return Err(format!("The model file's W[{}] has {units} units; a layer here has 1 to {most}.", l + 1));
        }
        let columns = rows.first().map_or(0, Vec::len);
        // a network of digits mode takes the 64 pixels
        if l == 0 && (columns == 0 || columns > inputs) && columns != crate::data::digits::PIXELS {
            return Err(format!(
                "The model file's W[1] takes {columns} inputs; a network here takes 1 to {inputs} input features, or the {} pixels of the digits.",
                crate::data::digits::PIXELS
            ));
        }
    }
    let values = |l: usize| file.weights[l].iter().flatten().chain(file.biases.get(l).into_iter().flatten());
    for l in 0..file.weights.len() {
        if let Some(v) = values(l).find(|v| !v.is_finite() || v.abs() >= DIVERGED_WEIGHT) {
            return Err(format!(
                "The model file's layer {} holds {v:e}: every weight and bias must be a finite number below 1e12 in size, or training starts diverged.",
                l + 1
            ));
        }
    }
    if file.biases.iter().skip(file.weights.len()).flatten().any(|v| !v.is_finite() || v.abs() >= DIVERGED_WEIGHT) {
        return Err("The model file's biases hold a number that is not finite or is 1e12 or more in size.".into());
    }
    Ok(())
}

/// W[layer] from a list of rows.
fn matrix(rows: Vec<Vec<f64>>, layer: usize) -> Result<Array2<f64>, String> {
    let columns = rows.first().map_or(0, Vec::len);
    if rows.iter().any(|r| r.len() != columns) {
        return Err(format!("The model file's W[{layer}] is not a list of rows of numbers, all of one length."));
    }
    Ok(Array2::from_shape_vec((rows.len(), columns), rows.concat()).expect("rows of one length"))
}

/// A config value as the URL writes it: lists joined by commas, flags as 1/0.
fn url_form(json: &Value) -> Result<String, String> {
    Ok(match json {
        Value::String(s) => s.clone(),
        Value::Number(n) => n.to_string(),
        Value::Bool(b) => (if *b { "1" } else { "0" }).to_string(),
        Value::Array(items) => items.iter().map(url_form).collect::<Result<Vec<_>, _>>()?.join(","),
        Value::Null | Value::Object(_) => return Err("The model file's config holds a value that is not a setting.".into()),
    })
}
