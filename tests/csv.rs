//! Your own data from a CSV file, as a user meets it: a good file loads whatever its column
//! order and scale, every bad file gets a message that names the line (and the column) to
//! fix, the file's split is kept, and the data stays through every change of the setup.

use std::sync::Arc;

use regplay::data::csv::{parse, write, Scale, Split, Table, FIT, MAX_ROWS};
use regplay::data::{Point, VIEW};
use regplay::train::session::rng;
use regplay::train::{Config, Effect, Session};

fn error_of(text: &str) -> String {
    match parse(text) {
        Ok(table) => panic!("{text:?} should be refused, but gave {} rows", table.len()),
        Err(message) => message,
    }
}

fn assert_message(text: &str, expected: &[&str]) {
    let message = error_of(text);
    for part in expected {
        assert!(message.contains(part), "message {message:?} should contain {part:?}");
    }
}

fn session_on(text: &str, pairs: &[(&str, &str)]) -> Session {
    let mut config = Config::default();
    for (k, v) in pairs {
        config.set(k, v).unwrap();
    }
    config.csv = Some(Arc::new(parse(text).unwrap()));
    Session::new(config)
}

/// A small two-class set with coordinates on a scale far from the view's.
fn survey(rows: usize) -> String {
    let mut text = String::from("Income, Age ,LABEL\n");
    for i in 0..rows {
        let (income, age) = (20_000.0 + 1000.0 * i as f64, 20.0 + (i % 50) as f64);
        text.push_str(&format!("{income},{age},{}\n", i % 2));
    }
    text.replace("Income", "x1").replace("Age", "x2").replace("LABEL", "Y")
}

#[test]
fn a_good_file_loads_in_any_column_order_and_case() {
    let table = parse("Y , X2,x1\n1, 2, 3\n0,-2,-3\n").unwrap();
    assert_eq!(table.len(), 2);
    assert_eq!(table.scale, Scale::IDENTITY, "points that fill the view are kept as they are");
    assert_eq!(table.rows[0].point, Point { x1: 3.0, x2: 2.0, y: 1.0 });
    assert_eq!(table.rows[1].point, Point { x1: -3.0, x2: -2.0, y: 0.0 });
    assert!(table.rows.iter().all(|r| r.split.is_none()));
}

#[test]
fn quotes_semicolons_blank_lines_a_byte_order_mark_and_extra_columns_are_fine() {
    let table = parse("\u{feff}id;\"x1\";\"x2\";\"y\";note\r\n\r\na;\"4\";1;1;hello\r\nb;-4;-1;0;\r\n").unwrap();
    assert_eq!(table.len(), 2);
    assert_eq!(table.rows[0].point, Point { x1: 4.0, x2: 1.0, y: 1.0 });
}

#[test]
fn minus_one_is_class_zero() {
    let table = parse("x1,x2,y\n3,3,1\n-3,-3,-1\n").unwrap();
    assert_eq!(table.rows[1].point.y, 0.0);
}

#[test]
fn any_scale_is_centred_and_fitted_into_the_view_keeping_the_aspect_ratio() {
    let table = parse(&survey(101)).unwrap();
    let xs: Vec<f64> = table.rows.iter().map(|r| r.point.x1).collect();
    let ys: Vec<f64> = table.rows.iter().map(|r| r.point.x2).collect();
    let (lo, hi) = (xs.iter().cloned().fold(f64::MAX, f64::min), xs.iter().cloned().fold(f64::MIN, f64::max));
    assert!((lo + FIT).abs() < 1e-9 && (hi - FIT).abs() < 1e-9, "the wider axis spans [−FIT, FIT]: {lo}..{hi}");
    // income spans 100 000, age 49: with one factor for both, age is squeezed near 0
    assert!(ys.iter().all(|y| y.abs() < 0.01), "the aspect ratio is kept");
    // and the scale takes a point back to the file's units
    let (income, age) = table.scale.to_file(table.rows[7].point.x1, table.rows[7].point.x2);
    assert!((income - 27_000.0).abs() < 1e-6 && (age - 27.0).abs() < 1e-9, "{income} {age}");
}

#[test]
fn tiny_coordinates_are_stretched_to_fill_the_view() {
    let table = parse("x1,x2,y\n0.001,0.002,1\n-0.001,0,0\n0,-0.002,0\n").unwrap();
    let reach = table.rows.iter().map(|r| r.point.x1.abs().max(r.point.x2.abs())).fold(0.0, f64::max);
    assert!((reach - FIT).abs() < 1e-9, "{reach}");
    assert!(reach <= VIEW);
}

#[test]
fn the_files_split_is_kept_and_test_counts_as_dev() {
    let text = "x1,x2,y,split\n1,4,1,train\n2,4,0,TRAIN\n3,4,1,dev\n4,4,0,test\n5,4,1,\n";
    let table = parse(text).unwrap();
    let splits: Vec<Option<Split>> = table.rows.iter().map(|r| r.split).collect();
    assert_eq!(splits, [Some(Split::Train), Some(Split::Train), Some(Split::Dev), Some(Split::Dev), None]);
    for seed in 0..20 {
        let (train, dev) = table.split(50.0, &mut rng(seed, 0));
        assert_eq!(train.len() + dev.len(), 5);
        assert!(train.iter().any(|p| p.x1 == 1.0) && train.iter().any(|p| p.x1 == 2.0));
        assert!(dev.iter().any(|p| p.x1 == 3.0) && dev.iter().any(|p| p.x1 == 4.0));
    }
}

#[test]
fn rows_without_a_split_are_cut_by_the_training_share_with_the_seed() {
    let table = parse(&survey(200)).unwrap();
    let (train, dev) = table.split(70.0, &mut rng(3, 0));
    assert_eq!((train.len(), dev.len()), (140, 60));
    let (again, _) = table.split(70.0, &mut rng(3, 0));
    assert_eq!(train, again, "the same seed gives the same split");
    let (other, _) = table.split(70.0, &mut rng(4, 0));
    assert_ne!(train, other, "another seed gives another split");
}

#[test]
fn the_training_set_is_never_empty() {
    let table = parse("x1,x2,y\n3,3,1\n-3,-3,0\n").unwrap();
    let (train, dev) = table.split(10.0, &mut rng(1, 0)); // 10 % of 2 rounds to 0
    assert_eq!((train.len(), dev.len()), (1, 1));
}

#[test]
fn export_then_import_gives_the_same_points_and_split() {
    let session = Session::new(Config::default());
    let train = session.real_train_points();
    let dev = &session.dev_set().points;
    let text = write(train, dev, &Scale::IDENTITY);
    assert!(text.starts_with("x1,x2,y,split\n"));
    let table = parse(&text).unwrap();
    assert_eq!(table.scale, Scale::IDENTITY, "the playground's own data fills the view and is kept as it is");
    let (train2, dev2) = table.split(50.0, &mut rng(99, 0));
    assert_eq!(train2, train, "bit for bit");
    assert_eq!(&dev2, dev);
}

#[test]
fn export_writes_the_files_own_units() {
    let table = parse(&survey(20)).unwrap();
    let (train, dev) = table.split(50.0, &mut rng(1, 0));
    let text = write(&train, &dev, &table.scale);
    let again = parse(&text).unwrap();
    // the rows come back training set first, so compare the incomes as sorted lists
    let incomes = |t: &Table| {
        let mut v: Vec<i64> = t.rows.iter().map(|r| t.scale.to_file(r.point.x1, r.point.x2).0.round() as i64).collect();
        v.sort();
        v
    };
    assert_eq!(incomes(&table), incomes(&again));
    assert!(text.lines().nth(1).unwrap().split(',').next().unwrap().parse::<f64>().unwrap() > 10_000.0, "{text}");
}

// ---- every message ----

#[test]
fn an_empty_file_says_so() {
    assert_message("", &["empty", "x1,x2,y"]);
    assert_message(" \n\n  \n", &["empty"]);
}

#[test]
fn a_missing_header_says_so() {
    assert_message("1,2,1\n3,4,0\n", &["line 1", "no header"]);
}

#[test]
fn a_header_without_a_needed_column_names_it_and_what_it_found() {
    assert_message("x,x2,y\n1,2,1\n", &["line 1", "no column x1", "\"x\""]);
    assert_message("\n\nx1,x2,label\n1,2,1\n", &["line 3", "no column y"]);
}

#[test]
fn a_column_named_twice_is_refused() {
    assert_message("x1,x2,y,X1\n1,2,1,3\n", &["line 1", "x1 twice"]);
}

#[test]
fn a_header_alone_has_no_rows() {
    assert_message("x1,x2,y\n\n", &["line 1", "no rows"]);
}

#[test]
fn a_bad_label_names_its_line_and_column() {
    let text = "x1,x2,y\n1,1,1\n2,2,0\n\n3,3,1\n4,4,0\n5,5,1\n6,6,maybe\n";
    assert_eq!(error_of(text), "line 8, column y: \"maybe\" is not 0 or 1.");
    assert_message("x1,x2,y\n1,1,2\n", &["line 2, column y: \"2\" is not 0 or 1"]);
    assert_message("x1,x2,y\n1,1,\n", &["line 2, column y", "missing"]);
}

#[test]
fn a_word_where_a_number_belongs_names_its_line_and_column() {
    assert_message("x1,x2,y\n1,1,1\nabc,1,0\n", &["line 3, column x1: \"abc\" is not a number"]);
    assert_message("y,x2,x1\n1,1,1\n0,,1\n", &["line 3, column x2", "missing"]);
}

#[test]
fn numbers_that_are_not_finite_are_refused() {
    assert_message("x1,x2,y\n1,NaN,1\n", &["line 2, column x2: \"NaN\" is not a finite number"]);
    assert_message("x1,x2,y\n1,1,1\ninf,1,0\n", &["line 3, column x1: \"inf\" is not a finite number"]);
    assert_message("x1,x2,y\n1,1e999,1\n", &["line 2, column x2", "not a finite number"]);
}

#[test]
fn a_row_with_too_few_or_too_many_values_names_its_line() {
    assert_message("x1,x2,y\n1,1,1\n2,2\n", &["line 3: 2 values, but the header has 3 columns"]);
    assert_message("x1,x2,y\n1,1,1,7\n", &["line 2: 4 values"]);
}

#[test]
fn a_bad_split_names_its_line_and_column() {
    assert_message("x1,x2,y,split\n1,1,1,train\n2,2,0,holdout\n", &["line 3, column split: \"holdout\" is not train, dev or test"]);
}

#[test]
fn too_many_rows_are_refused() {
    let mut text = String::from("x1,x2,y\n");
    for i in 0..MAX_ROWS {
        text.push_str(&format!("{i},1,{}\n", i % 2));
    }
    assert_eq!(parse(&text).unwrap().len(), MAX_ROWS, "exactly the cap is fine");
    text.push_str("1,1,1\n");
    assert_message(&text, &[&format!("line {}", MAX_ROWS + 2), &format!("more than {MAX_ROWS} rows")]);
}

#[test]
fn one_class_only_is_refused() {
    assert_message("x1,x2,y\n1,1,1\n2,2,1\n", &["Every row is class 1", "both classes"]);
    assert_message("x1,x2,y\n1,1,0\n2,2,-1\n", &["Every row is class 0"]);
}

#[test]
fn every_row_marked_dev_leaves_nothing_to_train_on() {
    assert_message("x1,x2,y,split\n1,1,1,dev\n2,2,0,test\n", &["dev or test", "mark some rows train"]);
}

#[test]
fn coordinates_too_far_apart_to_scale_are_refused() {
    assert_message("x1,x2,y\n-1e308,1,1\n1e308,1,0\n", &["too far apart"]);
}

// ---- the session on your data ----

#[test]
fn a_session_trains_on_the_files_points_and_the_url_says_csv() {
    let mut session = session_on(&survey(100), &[("train", "60")]);
    assert_eq!(session.real_train_points().len(), 60);
    assert_eq!(session.dev_set().len(), 40);
    assert_eq!(session.config().get("dataset").as_deref(), Some("csv"));
    assert!(session.config().to_query().starts_with("dataset=csv&"));
    assert!(session.config().to_json().contains("\"dataset\":\"csv\""));
    session.train(50);
    assert!(session.evaluate().total_cost.is_finite());
}

#[test]
fn the_data_stays_through_changes_that_reset_the_run() {
    let mut session = session_on(&survey(100), &[]);
    let before: Vec<Point> = session.real_train_points().to_vec();
    for (key, value) in
        [("layers", "4"), ("features", "x1,x2,x1sq"), ("act", "relu"), ("points", "300"), ("noise", "30"), ("dataset", "csv")]
    {
        assert_eq!(session.set(key, value), Ok(Effect::Reset), "{key}");
        assert_eq!(session.real_train_points(), &before[..], "{key}={value} keeps the file's points");
    }
    session.set("seed", "7").unwrap();
    assert_eq!(session.real_train_points().len(), before.len());
    assert_ne!(session.real_train_points(), &before[..], "a new seed splits the open rows anew");
}

#[test]
fn choosing_a_generated_dataset_leaves_the_file() {
    let mut session = session_on(&survey(100), &[]);
    session.set("dataset", "xor").unwrap();
    assert_eq!(session.config().get("dataset").as_deref(), Some("xor"));
    assert!(session.config().csv.is_none());
    assert_eq!(session.real_train_points().len(), Config::default().training_size());
}

#[test]
fn a_link_cannot_carry_the_data_and_says_so() {
    let (config, problems) = Config::from_pairs([("dataset", "csv"), ("lambda", "0.3")]);
    assert!(config.csv.is_none());
    assert_eq!(config.dataset, Config::default().dataset, "the default data instead");
    assert_eq!(config.lambda, 0.3, "the rest of the link still applies");
    assert_eq!(problems.len(), 1);
    assert!(problems[0].to_string().contains("cannot travel in a link"), "{}", problems[0]);
    assert!(problems[0].to_string().contains("load the file again"), "{}", problems[0]);
}

#[test]
fn a_saved_network_becomes_the_start_of_the_run() {
    let mut trained = session_on(&survey(100), &[("layers", "5")]);
    trained.train(200);
    let net = trained.net().clone();
    let mut fresh = session_on(&survey(100), &[("layers", "5")]);
    assert_ne!(fresh.net(), &net);
    fresh.start_from(net.clone()).unwrap();
    assert_eq!(fresh.net(), &net);
    assert_eq!(fresh.iteration(), 0);
    assert_eq!(fresh.probability_grid(20), trained.probability_grid(20));
    fresh.train(30);
    fresh.reset();
    assert_eq!(fresh.net(), &net, "reset replays from the loaded weights");

    let mut other = session_on(&survey(100), &[("layers", "4")]);
    let message = other.start_from(net).unwrap_err();
    assert!(message.contains("hidden layers [5]") && message.contains("hidden layers [4]"), "{message}");
}

// ---- line ends, separators, quotes and long texts ----

#[test]
fn lone_cr_and_crlf_line_ends_read_like_lf() {
    for text in ["x1,x2,y\r1,1,1\r-1,-1,0\r", "x1,x2,y\r\n1,1,1\r\n-1,-1,0\r\n", "x1,x2,y\n1,1,1\r\n-1,-1,0\r"] {
        let table = parse(text).unwrap_or_else(|e| panic!("{text:?}: {e}"));
        assert_eq!(table.len(), 2, "{text:?}");
    }
    assert_message("x1,x2,y\r1,1,1\r2,2,maybe\r", &["line 3, column y"]);
}

#[test]
fn an_excel_sep_line_names_the_separator() {
    let table = parse("sep=;\nx1;x2;y\n1,5;1;1\n-1;-1;0\n");
    // a comma is then part of a field: "1,5" is not a number, and the message names its line
    assert!(table.unwrap_err().contains("line 3, column x1"));
    let table = parse("\u{feff}sep=|\r\nx1|x2|y\r\n3|3|1\r\n-3|-3|0\r\n").unwrap();
    assert_eq!(table.rows[0].point, Point { x1: 3.0, x2: 3.0, y: 1.0 });
    assert_message("sep=;;\nx1;x2;y\n1;1;1\n", &["line 1", "one separator"]);
}

#[test]
fn quoted_fields_may_hold_the_separator_and_doubled_quotes() {
    let table = parse("x1,x2,y,note\n3,3,1,\"a, b\"\n-3,-3,0,\"say \"\"hi\"\"\"\n").unwrap();
    assert_eq!(table.len(), 2);
    assert_eq!(table.rows[1].point, Point { x1: -3.0, x2: -3.0, y: 0.0 });
    assert_message("x1,x2,y\n1,1,1\n2,\"2,0\n", &["line 3", "double quote"]);
}

#[test]
fn messages_quote_at_most_about_sixty_characters() {
    let long = "z".repeat(1_000_000);
    for text in [format!("{long},x2,y\n1,1,1\n"), format!("x1,x2,y\n{long},1,1\n"), format!("x1,x2,y\n1,1,{long}\n")] {
        let message = error_of(&text);
        assert!(message.len() < 200, "a short message, not {} characters: {}", message.len(), &message[..200.min(message.len())]);
    }
}
