//! The exported handle, in a real browser (wasm-bindgen-test in headless Chromium).
#![cfg(target_arch = "wasm32")]

use regplay::web::Playground;
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

fn strings(v: &[&str]) -> Vec<String> {
    v.iter().map(|s| s.to_string()).collect()
}

fn field(value: &JsValue, key: &str) -> JsValue {
    js_sys::Reflect::get(value, &JsValue::from_str(key)).unwrap()
}

#[wasm_bindgen_test]
fn the_handle_trains_and_reports_metrics() {
    let mut pg = Playground::new(strings(&["lambda", "reg"]), strings(&["0.5", "l2"]));
    assert_eq!(js_sys::Array::from(&pg.problems()).length(), 0);
    assert_eq!(pg.train(25), 25);
    let metrics = pg.metrics_json();
    assert!(metrics.contains("\"iteration\":25,"), "{metrics}");
    assert!(metrics.contains("\"status\":\"training\""));
    assert!(pg.config_json().contains("\"lambda\":0.5"), "{}", pg.config_json());
    let grid = pg.grid(10);
    assert_eq!(grid.len(), 100);
    assert!(grid.iter().all(|p| (0.0..=1.0).contains(p)));
}

#[wasm_bindgen_test]
fn bad_values_are_reported_not_panicked_on() {
    let mut pg = Playground::new(strings(&["layers", "lr"]), strings(&["8,x", "-1"]));
    let problems = js_sys::Array::from(&pg.problems());
    assert_eq!(problems.length(), 2);
    assert_eq!(field(&problems.get(0), "key"), "layers");
    let error = pg.set_all(vec!["keep".into()], vec!["2".into()]).unwrap_err();
    assert!(error.is_instance_of::<js_sys::Error>(), "a JS Error");
    assert_eq!(field(&error, "code"), "range");
    assert_eq!(field(&error, "key"), "keep");
    assert_eq!(field(&field(&error, "allowed"), "max"), 1.0);
    assert_eq!(pg.set_all(vec!["layers".into()], vec!["3".into()]).ok(), Some(true), "architecture resets");
    assert_eq!(pg.set_all(vec!["lambda".into()], vec!["0.1".into()]).ok(), Some(false), "λ is live");
    assert!(pg.query().contains("layers=3&"));
}
