//! Whole runs pinned to their bits: every record of the history, the weights, the masks, the
//! batch order and the probability grid of runs that take each of the session's paths (whole
//! and mini-batches on the kernel, big batches in slices, evaluations in slices, early
//! stopping with restore, divergence, live changes, a λ sweep) are hashed, and the hashes are
//! the ones these runs gave before the session's weights got their single owner (the digits
//! runs: before the kernel learned to reuse the training set's forward pass). A change
//! that moves one bit of one run fails here; change a hash only for a change that means to
//! change the numbers, and say so.
//!
//! Everything hashed comes from the kernel's own loops and `math`'s functions, not from
//! `ndarray`'s matrix product (whose kernels differ between CPUs), so the hashes hold on any
//! machine, and in the browser: this test runs there too (`cargo test --target
//! wasm32-unknown-unknown --test same_runs`), where the kernel's loops run two lanes at a time.

use regplay::train::{Config, Session, Status, Sweep};
#[cfg(target_arch = "wasm32")]
use wasm_bindgen_test::*;

#[cfg(target_arch = "wasm32")]
wasm_bindgen_test_configure!(run_in_browser);

/// FNV-1a over 64-bit words.
struct Hash(u64);

impl Hash {
    fn new() -> Hash {
        Hash(0xcbf2_9ce4_8422_2325)
    }

    fn word(&mut self, v: u64) {
        self.0 = (self.0 ^ v).wrapping_mul(0x100_0000_01b3);
    }

    fn f(&mut self, v: f64) {
        self.word(v.to_bits());
    }

    fn all(&mut self, values: impl IntoIterator<Item = f64>) {
        values.into_iter().for_each(|v| self.f(v));
    }
}

/// A session of the given settings, at α 0.5 unless they say otherwise: the hashes were taken
/// when that was the default, and a run here must not move when a default does.
fn session(pairs: &[(&str, &str)]) -> Session {
    let (config, problems) = Config::from_pairs([("lr", "0.5")].into_iter().chain(pairs.iter().copied()));
    assert!(problems.is_empty(), "{problems:?}");
    Session::new(config)
}

/// The state a page could see: iteration, status, history, weights, masks, batch order, grid.
fn state(s: &Session) -> u64 {
    let mut h = Hash::new();
    h.word(s.iteration());
    match s.status() {
        Status::Training => h.word(0),
        Status::Stopped { at } => h.word(1 << 32 | at),
        Status::Diverged { .. } => h.word(2),
    }
    for r in s.history().records() {
        h.word(r.iteration);
        h.f(r.step_cost);
        let e = &r.evaluation;
        h.all([e.data_cost, e.penalty, e.total_cost, e.dev_cost, e.train_accuracy, e.dev_accuracy, e.linear_fraction]);
        h.all(e.weight_norms.iter().copied());
        [e.zero_weights, e.weight_count, e.features_in_use].into_iter().for_each(|n| h.word(n as u64));
    }
    let net = s.net();
    h.all(net.weights().iter().flatten().copied());
    h.all(net.biases().iter().flatten().copied());
    if let Some(best) = s.best() {
        h.word(best.iteration);
        h.all([best.dev_cost, best.dev_error]);
        h.all(best.net.weights().iter().flatten().copied());
    }
    if let Some(d) = s.last_dropout() {
        h.all(d.keep_prob.iter().copied());
        d.masks.iter().for_each(|m| h.all(m.iter().copied()));
    }
    let (order, cursor) = s.batch_order();
    order.iter().for_each(|&i| h.word(i as u64));
    h.word(cursor as u64);
    h.all(s.probability_grid(24));
    h.0
}

/// What goes through `ndarray` (machine-dependent bits): printed, not asserted.
fn nn_state(s: &Session) -> u64 {
    let mut h = Hash::new();
    for e in [s.evaluation(), s.evaluate()] {
        h.all([e.data_cost, e.penalty, e.total_cost, e.dev_cost, e.train_accuracy, e.dev_accuracy, e.linear_fraction]);
        h.all(e.weight_norms.iter().copied());
        [e.zero_weights, e.weight_count, e.features_in_use].into_iter().for_each(|n| h.word(n as u64));
    }
    h.f(s.linearity());
    h.0
}

/// Trains `n` iterations through `train_slices`, `chunk` slices a call (as the page does).
fn in_slices(s: &mut Session, n: usize, chunk: usize) {
    let goal = s.iteration() + n as u64;
    while s.iteration() < goal && *s.status() == Status::Training {
        s.train_slices(chunk);
    }
}

fn runs() -> Vec<(&'static str, u64)> {
    let mut out = Out(Vec::new());

    // the course setup: keeper, 20-3 tanh, full batch
    let mut s = session(&[]);
    s.train(400);
    out.push(("default", &s));
    s.reset();
    s.train(400);
    out.push(("default after reset", &s));

    // dropout with mini-batches, L2, through train and train_slices
    let mut s = session(&[("layers", "8,8"), ("keep", "0.8,0.8"), ("batch", "16"), ("reg", "l2"), ("lambda", "0.1")]);
    s.train(300);
    in_slices(&mut s, 300, 7);
    out.push(("dropout 0.8, batch 16, L2", &s));

    // L1 on every feature, mini-batches
    let mut s = session(&[("reg", "l1"), ("lambda", "0.5"), ("features", "x1,x2,x1sq,x2sq,x1x2,sinx1,sinx2"), ("batch", "32")]);
    s.train(600);
    out.push(("L1, batch 32", &s));

    // plain dropout and dropout on the inputs
    let mut s = session(&[("layers", "8,8"), ("keep", "0.7,0.9"), ("inverted", "0"), ("keepIn", "0.8"), ("batch", "25")]);
    s.train(200);
    out.push(("plain dropout, keepIn 0.8", &s));

    // a whole batch of 1,600 examples, in slices of 1,000
    let big = [("points", "2000"), ("train", "80"), ("layers", "8,8"), ("keep", "0.9,1"), ("reg", "l2"), ("lambda", "0.3")];
    let mut s = session(&big);
    in_slices(&mut s, 25, 1);
    s.train(15);
    out.push(("whole batch of 1600", &s));

    // a mini-batch of 1,200 (two slices, an epoch of two batches)
    let mut s = session(&[big.as_slice(), &[("batch", "1200")]].concat());
    in_slices(&mut s, 30, 3);
    out.push(("batch 1200 of 1600", &s));

    // a small batch on a big set: the end-of-epoch evaluations run in slices
    let mut s = session(&[("points", "1800"), ("batch", "64"), ("reg", "l1"), ("lambda", "0.2")]);
    in_slices(&mut s, 40, 2);
    s.train(40);
    out.push(("batch 64, evaluation in slices", &s));

    // early stopping that restores the best weights, watching the cost and the error
    for stop_on in ["cost", "error"] {
        let mut s = session(&[("patience", "100"), ("stopOn", stop_on)]);
        s.train(5000);
        assert!(matches!(s.status(), Status::Stopped { .. }), "{stop_on}: {:?}", s.status());
        out.push((if stop_on == "cost" { "early stopping (cost)" } else { "early stopping (error)" }, &s));
    }

    // early stopping on a big set, in slices
    let mut s = session(&[("points", "1800"), ("batch", "100"), ("patience", "3"), ("lr", "1")]);
    in_slices(&mut s, 3000, 5);
    out.push(("early stopping, big set", &s));

    // divergence: the last good weights stay
    let mut s = session(&[("lr", "10"), ("reg", "l2"), ("lambda", "100")]);
    s.train(2000);
    assert!(matches!(s.status(), Status::Diverged { .. }));
    out.push(("divergence", &s));
    let mut s = session(&[("points", "2000"), ("train", "80"), ("lr", "10"), ("reg", "l2"), ("lambda", "100")]);
    in_slices(&mut s, 400, 4);
    out.push(("divergence, big batch", &s));

    // live changes: λ, penalty, keep_prob, batch size mid-epoch
    let mut s = session(&[("batch", "10")]);
    s.train(55);
    s.set_all([("reg", "l2"), ("lambda", "0.4")]).unwrap();
    s.train(30);
    s.set("batch", "0").unwrap();
    s.train(20);
    s.set_all([("batch", "7"), ("keep", "0.8,1"), ("reg", "l1")]).unwrap();
    s.train(45);
    out.push(("live changes", &s));

    // a run started from saved weights, then reset
    let mut a = session(&[("layers", "5")]);
    a.train(100);
    let mut s = session(&[("layers", "5"), ("batch", "20")]);
    s.start_from(a.net().clone()).unwrap();
    s.train(100);
    out.push(("started from weights", &s));

    // the batch size changed live from mini-batches to the whole set of a set bigger than a
    // slice: the whole batch takes the epoch's order, as every batch does (one batch picker;
    // before it, this one case summed the set in its stored order, and hashed differently)
    let mut s = session(&[("points", "2000"), ("train", "80"), ("batch", "500")]);
    s.train(5);
    s.set("batch", "0").unwrap();
    in_slices(&mut s, 5, 1);
    out.push(("whole batch after mini-batches", &s));

    // digits mode (64 pixels in): the default full batch, a big augmented set, dropout on
    // pixels and units with mini-batches, early stopping with restore, live changes, a start
    // from saved weights, and a whole batch taken after mini-batches (a shuffled order)
    // in the browser the page hands the file over (loadDigits); here the test does
    regplay::data::digits::load(include_bytes!("../src/data/digits.bin")).unwrap();
    let digits = ("dataset", "digits");
    let mut s = session(&[digits]);
    s.train(300);
    out.push(("digits", &s));
    let mut s = session(&[digits, ("images", "300"), ("augment", "rotate")]);
    s.train(60);
    out.push(("digits 300 + 300 rotated", &s));
    let mut s = session(&[digits, ("keep", "0.8,1"), ("keepIn", "0.8"), ("batch", "20"), ("reg", "l2"), ("lambda", "0.3")]);
    s.train(150);
    out.push(("digits dropout, keepIn, batch 20", &s));
    let mut s = session(&[digits, ("patience", "40"), ("lr", "2")]);
    s.train(3000);
    assert!(matches!(s.status(), Status::Stopped { .. }), "digits early stopping: {:?}", s.status());
    out.push(("digits early stopping", &s));
    let mut s = session(&[digits, ("reg", "l1"), ("lambda", "0.1")]);
    s.train(40);
    s.set_all([("reg", "l2"), ("lambda", "1")]).unwrap();
    s.train(40);
    s.set("keep", "0.9,1").unwrap();
    s.train(20);
    s.set("keep", "1,1").unwrap();
    s.train(20);
    let saved = s.net().clone();
    s.start_from(saved).unwrap();
    s.train(30);
    out.push(("digits live changes, start from", &s));
    let mut s = session(&[digits, ("batch", "16")]);
    s.train(10);
    s.set("batch", "0").unwrap();
    s.train(30);
    out.push(("digits whole batch after batches", &s));
    let mut s = session(&[digits, ("lr", "10"), ("reg", "l2"), ("lambda", "100")]);
    s.train(200);
    out.push(("digits, α 10, λ 100", &s));

    // a λ sweep (recording off)
    let (config, _) = Config::from_pairs([("lr", "0.5"), ("layers", "8,8"), ("batch", "20"), ("keep", "0.9,1")]);
    let mut sweep = Sweep::new(config, vec![0.0, 0.1, 1.0, 3.0], 300).unwrap();
    while !sweep.advance(97) {}
    let mut h = Hash::new();
    for p in sweep.results() {
        h.all([p.lambda, p.train_error, p.dev_error, p.train_cost, p.dev_cost]);
    }
    out.0.push(("λ sweep", h.0));
    out.0
}

struct Out(Vec<(&'static str, u64)>);

impl Out {
    fn push(&mut self, (name, s): (&'static str, &Session)) {
        println!("{name:32} nn {}", nn_state(s));
        self.0.push((name, state(s)));
    }
}

#[cfg_attr(target_arch = "wasm32", wasm_bindgen_test)]
#[cfg_attr(not(target_arch = "wasm32"), test)]
fn runs_keep_their_bits() {
    let got = runs();
    for (name, hash) in &got {
        println!("{name:32} {hash}");
    }
    let expected: &[(&str, u64)] = &[
        ("default", 14368767717257199402),
        ("default after reset", 14368767717257199402),
        ("dropout 0.8, batch 16, L2", 867996512347108608),
        ("L1, batch 32", 12228525409775971166),
        ("plain dropout, keepIn 0.8", 3971649369344264630),
        ("whole batch of 1600", 12921187495176229658),
        ("batch 1200 of 1600", 6559623084708427590),
        ("batch 64, evaluation in slices", 5469924392188061875),
        ("early stopping (cost)", 4632296531242060155),
        ("early stopping (error)", 16673838951254481691),
        ("early stopping, big set", 2173673329001599951),
        ("divergence", 12292825933586286524),
        ("divergence, big batch", 18403973320977809224),
        ("live changes", 7720876982492802716),
        ("started from weights", 3365519779162486437),
        ("whole batch after mini-batches", 13377752945332842663),
        ("digits", 4611842065742342539),
        ("digits 300 + 300 rotated", 8806044575190407878),
        ("digits dropout, keepIn, batch 20", 3185136742810179499),
        ("digits early stopping", 4111906667740740224),
        ("digits live changes, start from", 8109878857004798413),
        ("digits whole batch after batches", 2180583356764454168),
        ("digits, α 10, λ 100", 11315039795451462240),
        ("λ sweep", 1932157668179486982),
    ];
    assert_eq!(got, expected);
}
