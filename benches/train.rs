//! Native speed of the hot paths (a benchmark, not a test): `cargo bench` or `./build.sh bench`.
//! The same figures in the browser: www/bench.html.

use std::hint::black_box;
use std::time::{Duration, Instant};

use regplay::render::Image;
use regplay::train::{Config, Session};

/// Runs `f` repeatedly for about `budget` and returns the mean time per call.
fn time(budget: Duration, mut f: impl FnMut()) -> Duration {
    f(); // warm up
    let start = Instant::now();
    let mut calls = 0u32;
    while start.elapsed() < budget {
        f();
        calls += 1;
    }
    start.elapsed() / calls
}

/// 2→8→8→1 tanh on 250 training examples (500 points, half for dev), L2.
fn session(batch: &str) -> Session {
    let (config, problems) = Config::from_pairs([
        ("dataset", "circle"),
        ("points", "500"),
        ("train", "50"),
        ("layers", "8,8"),
        ("reg", "l2"),
        ("lambda", "0.01"),
        ("lr", "0.03"),
        ("batch", batch),
    ]);
    assert!(problems.is_empty());
    Session::new(config)
}

/// A session of the page's defaults changed by `pairs`.
fn setup(pairs: &[(&str, &str)]) -> Session {
    let (config, problems) = Config::from_pairs(pairs.iter().copied());
    assert!(problems.is_empty(), "{problems:?}");
    Session::new(config)
}

fn main() {
    let budget = Duration::from_millis(1500);
    println!("regplay native benchmarks ({} build)", if cfg!(debug_assertions) { "debug" } else { "release" });

    // digits against the 2-D default: one full-batch iteration each (step + train/dev evaluation)
    let mut rates = Vec::new();
    for (name, pairs) in [
        ("2-D default (2→20→3→1, 200 + 200 points)", &[][..]),
        ("digits (64→20→3→1, 60 + 301 images)", &[("dataset", "digits")][..]),
        ("digits (600 = 300 + 300 rotated, 61 dev)", &[("dataset", "digits"), ("images", "300"), ("augment", "rotate")][..]),
    ] {
        let mut s = setup(pairs);
        let t = time(budget, || assert_eq!(s.train(10), 10, "the run stopped"));
        let rate = 10e6 / us(t);
        let ratio = rates.first().map(|&flat| format!("  ({:.2}× the 2-D default)", rate / flat)).unwrap_or_default();
        println!("{name:42} one iteration: {:>8.1} µs  ({rate:.0} it/s){ratio}", us(t) / 10.0);
        rates.push(rate);
    }

    let mut full = session("0");
    let t = time(budget, || {
        full.train(1);
    });
    println!("full batch (250 examples), one step + evaluation: {:>8.1} µs  ({:.0} steps/s)", us(t), 1e6 / us(t));

    let mut batched = session("10");
    let t = time(budget, || {
        batched.train(25);
    });
    println!(
        "batch 10, one epoch (25 steps + evaluation):       {:>8.1} µs  ({:.0} steps/s; TF Playground 400 µs/epoch in Chromium)",
        us(t),
        25e6 / us(t)
    );

    let s = session("10");
    let t = time(budget, || {
        black_box(s.probability_grid(100));
    });
    println!("100×100 probability grid:                          {:>8.1} µs  ({:.0} grids/s)", us(t), 1e6 / us(t));

    let mut fast = regplay::render::fast_grid::FastGrid::new();
    let t = time(budget, || {
        black_box(fast.probabilities(s.net(), &s.config().features, 100));
    });
    println!("100×100 screen grid (f32, rational tanh):          {:>8.1} µs  ({:.0} grids/s)", us(t), 1e6 / us(t));

    let grid = s.probability_grid(100);
    let mut image = Image::new(480, 480);
    let t = time(budget, || {
        image.paint_probabilities(&grid, 100, false);
        black_box(&image.rgba);
    });
    println!("paint 480×480 pixels from the grid:                {:>8.1} µs", us(t));
}

fn us(d: Duration) -> f64 {
    d.as_secs_f64() * 1e6
}
