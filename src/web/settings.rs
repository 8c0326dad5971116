//! The settings table and its errors as plain JS data: the page builds its controls from the
//! one and translates the other.

use wasm_bindgen::prelude::*;

use crate::json::Writer;
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

fn parse(json: &str) -> JsValue {
    js_sys::JSON::parse(json).unwrap_or(JsValue::NULL)
}

/// `[{ key, kind, default, min, max, options, effect, … }]`: the table, defaults typed as `config()` gives them.
#[wasm_bindgen]
pub fn settings() -> JsValue {
    let mut w = Writer::new();
    w.begin_array();
    for s in SETTINGS {
        let range = s.min.is_finite();
        w.begin_object().field("aboveMin", s.above_min).field("alias", (!s.alias.is_empty()).then_some(s.alias)).key("default");
        if s.key == "lang" {
            w.value(None::<bool>);
        } else {
            typed(&mut w, s, s.default);
        }
        w.field("effect", s.effect.name())
            .field("item", (s.kind == Kind::List && s.options.is_empty()).then(|| kind_name(s.item)))
            .field("key", s.key)
            .field("kind", kind_name(s.kind))
            .field("label", s.label)
            .field("max", range.then_some(s.max))
            .field("maxItems", (s.max_items > 0).then_some(s.max_items))
            .field("min", range.then_some(s.min))
            .field("options", s.options)
            .field("page", s.page)
            .end_object();
    }
    w.end_array();
    parse(&w.finish())
}

/// The error as data: `{ code, key, value, allowed: { min, max, aboveMin, integer, options, count } }`.
fn error_data(w: &mut Writer, e: &SettingError) {
    let a = &e.allowed;
    w.begin_object()
        .key("allowed")
        .begin_object()
        .field("aboveMin", a.above_min)
        .field("count", a.count)
        .field("integer", a.integer)
        .field("max", a.max)
        .field("min", a.min)
        .field("options", &a.options)
        .end_object()
        .field("code", e.code.name())
        .field("key", &e.key)
        .field("value", &e.value)
        .end_object();
}

/// A JS `Error` with the English message and the data beside it (`error.code`, `error.key`, …).
pub fn js_error(e: &SettingError) -> JsValue {
    let error = js_sys::Error::new(&e.to_string());
    let mut w = Writer::new();
    error_data(&mut w, e);
    let data = parse(&w.finish());
    js_sys::Object::assign(&error, data.unchecked_ref());
    error.into()
}

/// Several errors as an array of plain objects.
pub fn errors_data(errors: &[SettingError]) -> JsValue {
    let mut w = Writer::new();
    w.begin_array();
    for e in errors {
        error_data(&mut w, e);
    }
    w.end_array();
    parse(&w.finish())
}
