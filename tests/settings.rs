//! The settings table: one row per key, read by the URL, `set()`, validation and the README.

use regplay::data::{KEEPER_DEFAULT_NOISE, KEEPER_DEFAULT_POINTS};
use regplay::train::settings::{setting, Code, Kind, SETTINGS};
use regplay::train::{Config, Effect, Session};

/// The README's URL table: (key cell, meaning and values cells) per row.
fn readme_rows() -> Vec<(String, String)> {
    let readme = std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/README.md")).unwrap();
    let table = readme.split("### URL keys").nth(1).expect("README has a URL keys section");
    table
        .lines()
        .skip_while(|l| !l.starts_with("| key"))
        .skip(2)
        .take_while(|l| l.starts_with('|'))
        .map(|l| {
            let cells: Vec<&str> = l.split('|').map(str::trim).collect();
            (cells[1].to_string(), cells[2..cells.len() - 1].join(" | "))
        })
        .collect()
}

fn first_key(cell: &str) -> String {
    cell.split('`').nth(1).unwrap_or(cell).to_string()
}

#[test]
fn the_readme_url_table_lists_every_key_of_the_table_with_its_range_options_and_default() {
    let rows = readme_rows();
    let keys: Vec<String> = rows.iter().map(|(k, _)| first_key(k)).collect();
    let table: Vec<String> = SETTINGS.iter().map(|s| s.key.to_string()).collect();
    assert_eq!(keys, table, "the README's URL keys, in the table's order");
    for ((cell, values), s) in rows.iter().zip(SETTINGS) {
        if !s.alias.is_empty() {
            assert!(cell.contains(&format!("`{}`", s.alias)), "{}: the README names its alias {}", s.key, s.alias);
        }
        for option in s.options {
            assert!(values.contains(&format!("`{option}`")) || values.contains(option), "{}: option {option} missing in {values:?}", s.key);
        }
        if s.min.is_finite() {
            let (lo, hi) = (format!("{}", s.min), format!("{}", s.max));
            assert!(values.contains(&lo) && values.contains(&hi), "{}: range {lo}..{hi} missing in {values:?}", s.key);
        }
        let default = s.default;
        let shown = match s.kind {
            _ if default.is_empty() => true,
            Kind::Flag => values.contains(&format!("({default})")),
            _ => values.contains(&format!("({default})")) || values.contains(&format!("(`{default}`")),
        };
        assert!(shown, "{}: default {default:?} missing in {values:?}", s.key);
    }
}

#[test]
fn the_defaults_are_the_tables_and_the_courses() {
    let c = Config::default();
    for s in SETTINGS.iter().filter(|s| !s.page) {
        assert_eq!(c.get(s.key).unwrap(), s.default, "{}", s.key);
    }
    assert_eq!(c.points, KEEPER_DEFAULT_POINTS);
    assert_eq!(c.noise, KEEPER_DEFAULT_NOISE);
    assert_eq!(c.layers, vec![20, 3], "the course's network");
}

#[test]
fn the_options_of_the_table_are_what_the_core_knows() {
    use regplay::data::{Augmentation, Dataset, Feature};
    use regplay::nn::{Activation, Penalty};
    let names = |key: &str| setting(key).unwrap().options.to_vec();
    let sorted = |mut v: Vec<&'static str>| {
        v.sort_unstable();
        v
    };
    let datasets = Dataset::ALL.into_iter().chain([Dataset::Digits]).map(|d| d.name()).collect();
    assert_eq!(sorted(names("dataset")), sorted(datasets));
    assert_eq!(names("features"), Feature::ALL.map(|f| f.name()).to_vec());
    assert_eq!(names("act"), Activation::ALL.map(|a| a.name()).to_vec());
    assert_eq!(names("reg"), Penalty::ALL.map(|p| p.name()).to_vec());
    assert_eq!(names("augment"), Augmentation::ALL.map(|a| a.name()).to_vec());
}

#[test]
fn a_refused_value_is_data_code_key_value_and_what_is_allowed() {
    let mut c = Config::default();
    let e = c.set("points", "5000").unwrap_err();
    assert_eq!((e.code, e.key.as_str(), e.value.as_str()), (Code::Range, "points", "5000"));
    assert_eq!((e.allowed.min, e.allowed.max, e.allowed.integer), (Some(20.0), Some(2000.0), true));
    let e = c.set("act", "swish").unwrap_err();
    assert_eq!(e.code, Code::Choice);
    assert_eq!(e.allowed.options, ["tanh", "relu", "sigmoid", "linear"]);
    let e = c.set("lr", "0").unwrap_err();
    assert!(e.code == Code::Range && e.allowed.above_min, "α must be above 0");
    assert_eq!(c.set("features", "x1,x1").unwrap_err().code, Code::Duplicate);
    assert_eq!(c.set("features", "").unwrap_err().code, Code::Empty);
    assert_eq!(c.set("layers", "1,1,1,1,1,1,1").unwrap_err().code, Code::TooMany);
    assert_eq!(c.set("dataset", "csv").unwrap_err().code, Code::CsvLink);
    assert_eq!(c.set("colour", "red").unwrap_err().code, Code::UnknownKey);
    let long = "9".repeat(500);
    let e = c.set("lambda", &long).unwrap_err();
    assert_eq!(e.value.chars().count(), 61, "the value is quoted at most 60 characters and …");
    assert!(e.to_string().starts_with("lambda=\"999"), "{e}");
    assert_eq!(c, Config::default(), "a refused value changes nothing");
}

#[test]
fn several_keys_are_one_setup_in_any_order_all_or_nothing() {
    let mut c = Config::default();
    assert_eq!(c.set_all([("keep", "0.5,0.8,0.9"), ("layers", "4,4,4")]), Ok(Effect::Reset), "keep after layers, whatever the order");
    assert_eq!(c.keep, vec![0.5, 0.8, 0.9]);
    let before = c.clone();
    let e = c.set_all([("lambda", "0.7"), ("reg", "l2"), ("points", "1")]).unwrap_err();
    assert_eq!(e.key, "points");
    assert_eq!(c, before, "nothing of a refused setup is applied");
    assert_eq!(c.set_all([("lambda", "0.7"), ("reg", "l2")]), Ok(Effect::Live));
    assert_eq!(c.set_all([("speed", "50"), ("showdev", "0"), ("lang", "ko")]), Ok(Effect::View));
    assert_eq!(c.set("lang", "fr").unwrap_err().code, Code::Choice, "page keys are checked by the same table");
}

fn mini_batch_session() -> Session {
    let (config, problems) = Config::from_pairs([("batch", "10"), ("points", "400")]);
    assert!(problems.is_empty());
    Session::new(config)
}

#[test]
fn view_settings_never_touch_training() {
    let (mut a, mut b) = (mini_batch_session(), mini_batch_session());
    a.train(7);
    b.train(7);
    for (key, value) in [("speed", "100"), ("showdev", "0"), ("discretize", "1"), ("checkj", "1"), ("lang", "ko")] {
        assert_eq!(b.set(key, value), Ok(Effect::View), "{key}");
        assert_eq!(a.batch_order(), b.batch_order(), "{key} must not reshuffle or reset the batch order");
    }
    a.train(50);
    b.train(50);
    assert_eq!(a.net(), b.net(), "the same run, bit for bit");
    assert_eq!(a.iteration(), b.iteration());
}

#[test]
fn a_live_change_mid_epoch_neither_repeats_nor_skips_examples() {
    let mut s = mini_batch_session();
    s.train(7); // 70 of the 200 training examples of the first epoch
    let (order, cursor) = s.batch_order();
    let (order, cursor) = (order.to_vec(), cursor);
    assert_eq!(cursor, 70);
    for (key, value) in [("reg", "l2"), ("lambda", "0.7"), ("lr", "0.3"), ("reg", "l1")] {
        assert_eq!(s.set(key, value), Ok(Effect::Live));
        assert_eq!(s.batch_order(), (&order[..], cursor), "{key}: the epoch goes on where it was");
    }
    s.train(13); // the rest of the epoch
    let (after, end) = s.batch_order();
    assert_eq!((after, end), (&order[..], 200), "each example seen once in the epoch");
    let mut seen = order.clone();
    seen.sort_unstable();
    assert_eq!(seen, (0..200).collect::<Vec<_>>());
}

#[test]
fn new_data_draws_a_fresh_seed_from_the_system() {
    let seeds: Vec<u32> = (0..4).map(|_| regplay::train::config::fresh_seed()).collect();
    assert!(seeds.windows(2).any(|w| w[0] != w[1]), "{seeds:?}");
}
