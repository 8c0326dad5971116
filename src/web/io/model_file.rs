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

use super::read_json::{self, Json};
use crate::nn::{Activation, Mlp};
use crate::train::Config;

const FORMAT: &str = "regplay-model";
const VERSION: f64 = 1.0;

/// The keys of the setup a model file brings back, in an order `Config::set` accepts
/// (`layers` before `keep`). The data keys (dataset, points, noise, train, seed) stay as the
/// page has them, and so do the view's.
pub const SETUP_KEYS: [&str; 10] = ["features", "layers", "act", "lr", "batch", "reg", "lambda", "keep", "patience", "augment"];

/// What a model file holds.
pub struct ModelFile {
    pub net: Mlp,
    /// (key, value in URL form) of its config, for the keys in `SETUP_KEYS` it has
    pub setup: Vec<(String, String)>,
}

pub fn write(net: &Mlp, config: &Config) -> String {
    let numbers = |values: &mut dyn Iterator<Item = &f64>| values.map(|v| format!("{v}")).collect::<Vec<_>>().join(",");
    let weights: Vec<String> = net
        .weights()
        .iter()
        .map(|w| {
            let rows: Vec<String> = w.rows().into_iter().map(|row| format!("[{}]", numbers(&mut row.iter()))).collect();
            format!("    [\n      {}\n    ]", rows.join(",\n      "))
        })
        .collect();
    let biases: Vec<String> = net.biases().iter().map(|b| format!("    [{}]", numbers(&mut b.iter()))).collect();
    format!(
        "{{\n  \"format\": \"{FORMAT}\",\n  \"version\": {VERSION},\n  \"activation\": \"{}\",\n  \"weights\": [\n{}\n  ],\n  \"biases\": [\n{}\n  ],\n  \"config\": {}\n}}\n",
        net.activation().name(),
        weights.join(",\n"),
        biases.join(",\n"),
        config.to_json()
    )
}

pub fn read(text: &str) -> Result<ModelFile, String> {
    let json = read_json::parse(text).map_err(|e| format!("The model file is not JSON: {e}."))?;
    let bad = |what: String| Err(format!("The model file {what}."));
    if !matches!(json, Json::Object(_)) {
        return bad("does not hold a JSON object".into());
    }
    match json.get("format") {
        Some(Json::Text(f)) if f == FORMAT => {}
        _ => return bad(format!("is not a regplay model: \"format\" should be \"{FORMAT}\"")),
    }
    match json.get("version") {
        Some(Json::Number(v)) if *v == VERSION => {}
        _ => return bad(format!("has a version this page does not read (it reads version {VERSION})")),
    }
    let activation = match json.get("activation") {
        Some(Json::Text(name)) => match Activation::parse(name) {
            Some(a) => a,
            None => return bad(format!("names the activation \"{name}\"; use one of tanh, relu, sigmoid, linear")),
        },
        _ => return bad("has no \"activation\"".into()),
    };
    let Some(Json::List(layers)) = json.get("weights") else {
        return bad("has no \"weights\" list".into());
    };
    let Some(Json::List(bias_lists)) = json.get("biases") else {
        return bad("has no \"biases\" list".into());
    };
    let weights = layers.iter().enumerate().map(|(l, w)| matrix(w, l + 1)).collect::<Result<Vec<_>, _>>()?;
    let biases = bias_lists.iter().enumerate().map(|(l, b)| vector(b, l + 1)).collect::<Result<Vec<_>, _>>()?;
    let net = Mlp::from_params(weights, biases, activation).map_err(|e| format!("The model file's network does not hold together: {e}."))?;
    let setup = match json.get("config") {
        None => Vec::new(),
        Some(config @ Json::Object(_)) => {
            SETUP_KEYS.iter().filter_map(|&key| config.get(key).map(|v| url_form(v).map(|v| (key.to_string(), v)))).collect::<Result<_, _>>()?
        }
        Some(_) => return bad("has a \"config\" that is not an object".into()),
    };
    Ok(ModelFile { net, setup })
}

fn numbers(json: &Json) -> Option<Vec<f64>> {
    match json {
        Json::List(items) => items.iter().map(|v| if let Json::Number(n) = v { Some(*n) } else { None }).collect(),
        _ => None,
    }
}

/// W[layer] from a list of rows.
fn matrix(json: &Json, layer: usize) -> Result<Array2<f64>, String> {
    let bad = || format!("The model file's W[{layer}] is not a list of rows of numbers, all of one length.");
    let Json::List(rows) = json else { return Err(bad()) };
    let rows: Vec<Vec<f64>> = rows.iter().map(numbers).collect::<Option<_>>().ok_or_else(bad)?;
    let columns = rows.first().map_or(0, Vec::len);
    if rows.iter().any(|r| r.len() != columns) {
        return Err(bad());
    }
    Array2::from_shape_vec((rows.len(), columns), rows.concat()).map_err(|_| bad())
}

fn vector(json: &Json, layer: usize) -> Result<Array1<f64>, String> {
    numbers(json).map(Array1::from).ok_or_else(|| format!("The model file's b[{layer}] is not a list of numbers."))
}

/// A config value as the URL writes it: lists joined by commas, flags as 1/0.
fn url_form(json: &Json) -> Result<String, String> {
    Ok(match json {
        Json::Text(s) => s.clone(),
        Json::Number(n) => format!("{n}"),
        Json::Bool(b) => (if *b { "1" } else { "0" }).to_string(),
        Json::List(items) => items.iter().map(url_form).collect::<Result<Vec<_>, _>>()?.join(","),
        Json::Null | Json::Object(_) => return Err("The model file's config holds a value that is not a setting.".into()),
    })
}
