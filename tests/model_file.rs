//! The model file, read and written by the core: a round trip gives the same network and
//! setup, and a bad file is named precisely.

use regplay::train::model_file::{read, write};
use regplay::train::{Config, Session};

fn trained() -> Session {
    let (config, _) = Config::from_pairs([("layers", "4,3"), ("keep", "0.8,0.9"), ("reg", "l1"), ("lambda", "0.3")]);
    let mut s = Session::new(config);
    s.train(30);
    s
}

#[test]
fn a_model_file_reads_back_the_same_network_and_setup() {
    let s = trained();
    let text = write(s.net(), s.config());
    let file = read(&text).unwrap();
    assert_eq!(&file.net, s.net(), "bit for bit");
    let mut config = Config::default();
    config.set_all(file.setup.iter().map(|(k, v)| (k.as_str(), v.as_str()))).unwrap();
    for key in ["layers", "keep", "reg", "lambda", "features", "act", "lr"] {
        assert_eq!(config.get(key), s.config().get(key), "{key}");
    }
}

#[test]
fn a_text_that_is_not_json_is_named_by_line_and_column() {
    let e = read("{\n  \"format\": \"regplay-model\",\n  \"version\": 1,,\n}").err().unwrap();
    assert!(e.contains("not JSON: line 3, column 16"), "{e}");
}

#[test]
fn a_file_of_another_kind_or_shape_is_refused_with_what_is_wrong() {
    let s = trained();
    let text = write(s.net(), s.config());
    let e = read(&text.replace("regplay-model", "other")).err().unwrap();
    assert!(e.contains("not a regplay model"), "{e}");
    let mut json: serde_json::Value = serde_json::from_str(&text).unwrap();
    json["weights"][0][1] = serde_json::json!([1.0]);
    let e = read(&json.to_string()).err().unwrap();
    assert!(e.contains("W[1]"), "{e}");
    json["weights"] = serde_json::json!("none");
    assert!(read(&json.to_string()).err().unwrap().contains("shape"));
}

#[test]
fn weights_that_are_huge_or_not_finite_are_refused_with_why() {
    let s = trained();
    let text = write(s.net(), s.config());
    let mut json: serde_json::Value = serde_json::from_str(&text).unwrap();
    json["weights"][1][0][0] = serde_json::json!(1e300);
    let e = read(&json.to_string()).err().unwrap();
    assert!(e.contains("layer 2") && e.contains("1e300") && e.contains("below 1e12"), "{e}");
    let mut json: serde_json::Value = serde_json::from_str(&text).unwrap();
    json["biases"][0][0] = serde_json::json!(-1e12);
    let e = read(&json.to_string()).err().unwrap();
    assert!(e.contains("layer 1") && e.contains("finite number below 1e12"), "{e}");
    let mut json: serde_json::Value = serde_json::from_str(&text).unwrap();
    json["weights"][0][0][0] = serde_json::json!(9.99e11);
    assert!(read(&json.to_string()).is_ok(), "just below the bound loads");
}

#[test]
fn a_model_larger_than_the_settings_table_allows_is_refused() {
    use regplay::train::settings::{MAX_LAYERS, MAX_NEURONS};
    let s = trained();
    let text = write(s.net(), s.config());
    let json: serde_json::Value = serde_json::from_str(&text).unwrap();
    // one hidden layer too many (each 1×1 after a 2-input first layer)
    let mut deep = json.clone();
    let mut weights = vec![serde_json::json!([[0.1, 0.2]])];
    weights.extend((0..=MAX_LAYERS).map(|_| serde_json::json!([[0.1]])));
    deep["weights"] = serde_json::json!(weights);
    deep["biases"] = serde_json::json!((0..MAX_LAYERS + 2).map(|_| vec![0.0]).collect::<Vec<_>>());
    let e = read(&deep.to_string()).err().unwrap();
    assert!(e.contains(&format!("{} hidden layers", MAX_LAYERS + 1)) && e.contains(&format!("0 to {MAX_LAYERS}")), "{e}");
    // a layer wider than MAX_NEURONS
    let mut wide = json.clone();
    wide["weights"][0] = serde_json::json!(vec![vec![0.1, 0.2]; MAX_NEURONS + 1]);
    let e = read(&wide.to_string()).err().unwrap();
    assert!(e.contains(&format!("{} units", MAX_NEURONS + 1)) && e.contains(&format!("1 to {MAX_NEURONS}")), "{e}");
    // more inputs than there are features
    let mut inputs = json.clone();
    inputs["weights"][0] = serde_json::json!(vec![vec![0.1; 8]; 4]);
    let e = read(&inputs.to_string()).err().unwrap();
    assert!(e.contains("takes 8 inputs") && e.contains("1 to 7 input features"), "{e}");
}

#[test]
fn a_huge_string_in_any_field_is_quoted_at_most_60_characters() {
    let s = trained();
    let text = write(s.net(), s.config());
    let base: serde_json::Value = serde_json::from_str(&text).unwrap();
    let huge = "Q".repeat(1_000_000);
    let fields = ["weights", "biases", "activation", "config", "format", "version"];
    for field in fields {
        let mut json = base.clone();
        json[field] = serde_json::json!(huge);
        let e = read(&json.to_string()).err().unwrap_or_else(|| panic!("{field}: a string is refused"));
        let run = e.split(|c| c != 'Q').map(str::len).max().unwrap_or(0);
        assert!(run <= 60 && e.chars().count() <= 400, "{field}: {} characters, {run} of the string", e.chars().count());
    }
    let mut json = base.clone();
    json["weights"][0][0][0] = serde_json::json!(huge);
    let e = read(&json.to_string()).err().unwrap();
    assert!(e.split(|c| c != 'Q').map(str::len).max().unwrap_or(0) <= 60, "a weight: {e:.200}");
    let e = read(&format!("{{\"format\": \"{huge}")).err().unwrap();
    assert!(e.chars().count() <= 400, "an unclosed string: {} characters", e.chars().count());
}
