//! The settings table and its errors as plain JS data: the page builds its controls from the
//! one and translates the other.

use wasm_bindgen::prelude::*;

use crate::train::config::typed;
use crate::train::settings::{Kind, SettingError, SETTINGS};

fn kind_name(kind: Kind) -> &'static str {
    match kind {
        Kind::Number => "number",
        Kind::Integer => "integer",
        Kind::Choice => "choice",
        Kind::List => "list",
        Kind::Flag => "flag",
    }
}

fn parse(json: serde_json::Value) -> JsValue {
    js_sys::JSON::parse(&json.to_string()).unwrap_or(JsValue::NULL)
}

/// `[{ key, kind, default, min, max, options, effect, … }]`: the table, defaults typed as `config()` gives them.
#[wasm_bindgen]
pub fn settings() -> JsValue {
    let rows = SETTINGS.iter().map(|s| {
        let range = s.min.is_finite();
        serde_json::json!({
            "key": s.key,
            "kind": kind_name(s.kind),
            "default": if s.key == "lang" { serde_json::Value::Null } else { typed(s, s.default) },
            "min": range.then_some(s.min),
            "max": range.then_some(s.max),
            "aboveMin": s.above_min,
            "options": s.options,
            "item": (s.kind == Kind::List && s.options.is_empty()).then(|| kind_name(s.item)),
            "maxItems": (s.max_items > 0).then_some(s.max_items),
            "effect": s.effect.name(),
            "page": s.page,
            "alias": (!s.alias.is_empty()).then_some(s.alias),
            "label": s.label,
        })
    });
    parse(serde_json::Value::Array(rows.collect()))
}

/// The error as data: `{ code, key, value, allowed: { min, max, aboveMin, integer, options, count } }`.
pub fn error_data(e: &SettingError) -> serde_json::Value {
    let a = &e.allowed;
    serde_json::json!({
        "code": e.code.name(),
        "key": e.key,
        "value": e.value,
        "allowed": { "min": a.min, "max": a.max, "aboveMin": a.above_min, "integer": a.integer, "options": a.options, "count": a.count },
    })
}

/// A JS `Error` with the English message and the data beside it (`error.code`, `error.key`, …).
pub fn js_error(e: &SettingError) -> JsValue {
    let error = js_sys::Error::new(&e.to_string());
    let data = parse(error_data(e));
    js_sys::Object::assign(&error, data.unchecked_ref());
    error.into()
}

/// Several errors as an array of plain objects.
pub fn errors_data(errors: &[SettingError]) -> JsValue {
    parse(serde_json::Value::Array(errors.iter().map(error_data).collect()))
}
