//! The exported handle, in a real browser (wasm-bindgen-test in headless Chromium).
#![cfg(target_arch = "wasm32")]

use regplay::web::Playground;
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

fn strings(v: &[&str]) -> Vec<String> {
    v.iter().map(|s| s.to_string()).collect()
}

#[wasm_bindgen_test]
fn the_handle_trains_and_reports_metrics() {
    let mut pg = Playground::new(strings(&["lambda", "reg"]), strings(&["0.5", "l2"]));
    assert!(pg.problems().is_empty());
    assert_eq!(pg.train(25), 25);
    let metrics = pg.metrics_json();
    assert!(metrics.starts_with("{\"iteration\":25,"), "{metrics}");
    assert!(metrics.contains("\"status\":\"training\""));
    assert_eq!(pg.get("lambda").as_deref(), Some("0.5"));
    let grid = pg.grid(10);
    assert_eq!(grid.len(), 100);
    assert!(grid.iter().all(|p| (0.0..=1.0).contains(p)));
}

#[wasm_bindgen_test]
fn bad_values_are_reported_not_panicked_on() {
    let mut pg = Playground::new(strings(&["layers", "lr"]), strings(&["8,x", "-1"]));
    assert_eq!(pg.problems().len(), 2);
    assert!(pg.set("keep", "2").is_err());
    assert_eq!(pg.set("layers", "3").ok(), Some(true), "architecture resets");
    assert_eq!(pg.set("lambda", "0.1").ok(), Some(false), "λ is live");
    assert!(pg.query().contains("layers=3&"));
}
