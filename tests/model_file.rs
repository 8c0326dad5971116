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
