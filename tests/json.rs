//! The small JSON module writes what serde_json wrote (the page reads these texts) and reads
//! numbers back bit for bit, as serde_json's `float_roundtrip` did.

use regplay::json::{parse, write_f64, write_str, Value, Writer};

/// A fixed stream of f64 bit patterns: every exponent, random significands.
fn doubles() -> impl Iterator<Item = f64> {
    let mut state = 0x9E37_79B9_7F4A_7C15u64;
    let special = [
        0.0,
        -0.0,
        1.0,
        -1.0,
        0.1,
        0.3,
        1e-5,
        1e-6,
        9.999e-6,
        1e15,
        1e16,
        9.9e15,
        123456789012345680.0,
        5e-324,
        f64::MAX,
        f64::MIN_POSITIVE,
    ];
    special.into_iter().chain((0..200_000).map(move |_| {
        state ^= state << 13;
        state ^= state >> 7;
        state ^= state << 17;
        f64::from_bits(state)
    }))
}

fn written(v: f64) -> String {
    let mut s = String::new();
    write_f64(&mut s, v);
    s
}

#[test]
fn numbers_are_written_as_serde_json_wrote_them_and_read_back_bit_for_bit() {
    let mut ties = 0;
    for v in doubles().filter(|v| v.is_finite()) {
        let ours = written(v);
        let theirs = serde_json::to_string(&v).unwrap();
        let back: f64 = ours.parse().unwrap();
        assert_eq!(back.to_bits(), v.to_bits(), "{ours} reads back to {v:e}");
        if ours != theirs {
            // an exact tie between two shortest forms: Rust rounds it up, serde_json to even;
            // both read back to the same number
            assert_eq!(ours.len(), theirs.len(), "{ours} vs {theirs}");
            assert_eq!(theirs.parse::<f64>().unwrap().to_bits(), v.to_bits());
            ties += 1;
        }
        let read = parse(&ours).unwrap().as_f64().unwrap();
        assert_eq!(read.to_bits(), v.to_bits(), "{ours} parsed");
    }
    assert!(ties < 100, "{ties} ties");
    assert_eq!(written(f64::NAN), "null");
    assert_eq!(written(f64::NEG_INFINITY), "null");
}

#[test]
fn numbers_in_any_json_form_read_as_serde_json_reads_them() {
    for text in [
        "0",
        "-0",
        "1",
        "-1",
        "1.0",
        "1e0",
        "1E+2",
        "-2.5e-3",
        "18446744073709551615",
        "18446744073709551616",
        "-9223372036854775809",
        "0.1000000000000000055511151231257827",
        "2.4703282292062328e-324",
        "1e-400",
    ] {
        let theirs: f64 = serde_json::from_str(text).unwrap();
        let ours = parse(text).unwrap().as_f64().unwrap();
        assert_eq!(ours.to_bits(), theirs.to_bits(), "{text}");
        let theirs = serde_json::from_str::<serde_json::Value>(text).unwrap().to_string();
        assert_eq!(parse(text).unwrap().number_text().unwrap(), theirs, "{text} written back");
    }
    for bad in ["01", "1.", "-", ".5", "1e", "+1", "1e400", "NaN", "Infinity"] {
        assert!(parse(bad).is_err(), "{bad}");
        assert!(serde_json::from_str::<serde_json::Value>(bad).is_err(), "{bad}");
    }
}

#[test]
fn strings_are_escaped_as_serde_json_escaped_them_and_read_back() {
    let mut all: String = (0u32..0x250).filter_map(char::from_u32).collect();
    all.push_str("한국어 \u{2028} 😀 \u{7f}");
    for s in [all.as_str(), "", "\"", "\\", "a\"b\\c\nd"] {
        let mut ours = String::new();
        write_str(&mut ours, s);
        assert_eq!(ours, serde_json::to_string(s).unwrap());
        assert_eq!(parse(&ours).unwrap(), Value::String(s.to_string()));
    }
    assert_eq!(parse(r#""\u00e9\ud83d\ude00\/""#).unwrap(), Value::String("é😀/".into()));
}

#[test]
fn objects_and_lists_are_written_compact_or_pretty_as_serde_json_wrote_them() {
    let mut w = Writer::new();
    w.begin_object().field("a", [1.5, f64::NAN]).field("b", Some(3usize)).field("c", None::<f64>).key("d").begin_object().end_object();
    w.field("e", Vec::<f64>::new()).field("f", "x").field("g", true).end_object();
    let compact = w.finish();
    let value: serde_json::Value = serde_json::from_str(&compact).unwrap();
    assert_eq!(compact, value.to_string());
    let mut w = Writer::pretty();
    w.begin_object().field("a", [1.5, f64::NAN]).field("b", Some(3usize)).field("c", None::<f64>).key("d").begin_object().end_object();
    w.field("e", Vec::<f64>::new()).field("f", "x").field("g", true).end_object();
    assert_eq!(w.finish(), serde_json::to_string_pretty(&value).unwrap());
}

#[test]
fn a_parsed_text_is_written_back_as_serde_json_writes_it() {
    let text = r#" { "b": [1, -0, 2.50, 1e-7, 1E21, null, true, false, "s\n"], "a": { "x": {}, "y": [] }, "a": 3 } "#;
    let ours = parse(text).unwrap();
    assert_eq!(ours.get("a"), Some(&Value::Number("3".into())), "the last of a repeated key counts");
    let mut w = Writer::new();
    w.value(ours.get("b").unwrap());
    let theirs: serde_json::Value = serde_json::from_str(text).unwrap();
    assert_eq!(w.finish(), theirs["b"].to_string());
}

#[test]
fn a_text_that_is_not_json_is_placed_as_serde_json_placed_it() {
    for text in [
        "{ not json",
        "[1,2",
        "{\"a\":1,}",
        "[1,]",
        "{\"a\" 1}",
        "\n\n  [1 2]",
        "{\"a\":01}",
        "\"abc",
        "1 2",
        "",
        "[\"\u{1}\"]",
        "tru",
        "{\"a\":1",
        "{\"a\":1 2}",
    ] {
        let theirs = serde_json::from_str::<serde_json::Value>(text).unwrap_err();
        let ours = parse(text).unwrap_err();
        assert_eq!((ours.line, ours.column), (theirs.line(), theirs.column()), "{text:?}: {ours:?} vs {theirs}");
        assert!(theirs.to_string().starts_with(ours.reason), "{text:?}: {ours:?} vs {theirs}");
    }
}

#[test]
#[cfg(debug_assertions)]
#[should_panic(expected = "write keys sorted")]
fn keys_out_of_order_are_caught_in_tests() {
    let mut w = Writer::new();
    w.begin_object().field("b", 1u32).field("a", 2u32);
}
