//! The writer: serde_json's text, numbers and escapes.

use std::fmt::Write as _;

use super::Value;

/// Builds one JSON text, compact or pretty (two spaces, one item a line, as serde_json's
/// `to_string_pretty`). Keys are written as given; write them in sorted order.
pub struct Writer {
    out: String,
    pretty: bool,
    depth: usize,
    /// the open container already holds an item: the next one needs a comma
    comma: bool,
    /// a key was just written: its value follows without a separator
    after_key: bool,
    /// the last key of each open object, to check they come sorted (as serde_json's map wrote them)
    #[cfg(debug_assertions)]
    keys: Vec<Option<String>>,
}

impl Writer {
    pub fn new() -> Writer {
        Writer {
            out: String::new(),
            pretty: false,
            depth: 0,
            comma: false,
            after_key: false,
            #[cfg(debug_assertions)]
            keys: Vec::new(),
        }
    }

    pub fn pretty() -> Writer {
        Writer { pretty: true, ..Writer::new() }
    }

    pub fn finish(self) -> String {
        self.out
    }

    /// What goes before an item: nothing after a key, else a comma after another item and,
    /// when pretty, a new line.
    fn item(&mut self) {
        if self.after_key {
            self.after_key = false;
            return;
        }
        if self.comma {
            self.out.push(',');
        }
        if self.pretty && self.depth > 0 {
            self.newline();
        }
        self.comma = true;
    }

    fn newline(&mut self) {
        self.out.push('\n');
        for _ in 0..self.depth {
            self.out.push_str("  ");
        }
    }

    fn open(&mut self, bracket: char) -> &mut Writer {
        self.item();
        self.out.push(bracket);
        self.depth += 1;
        self.comma = false;
        #[cfg(debug_assertions)]
        self.keys.push(Some(String::new()));
        self
    }

    fn close(&mut self, bracket: char) -> &mut Writer {
        self.depth -= 1;
        #[cfg(debug_assertions)]
        self.keys.pop();
        if self.pretty && self.comma {
            self.newline();
        }
        self.out.push(bracket);
        self.comma = true;
        self
    }

    pub fn begin_object(&mut self) -> &mut Writer {
        self.open('{')
    }

    /// An object whose keys come in an order of their own (as serde wrote a struct's fields).
    pub fn begin_struct(&mut self) -> &mut Writer {
        self.open('{');
        #[cfg(debug_assertions)]
        {
            *self.keys.last_mut().unwrap() = None;
        }
        self
    }

    pub fn end_object(&mut self) -> &mut Writer {
        self.close('}')
    }

    pub fn begin_array(&mut self) -> &mut Writer {
        self.open('[')
    }

    pub fn end_array(&mut self) -> &mut Writer {
        self.close(']')
    }

    /// An object's key; its value is the next thing written.
    pub fn key(&mut self, key: &str) -> &mut Writer {
        #[cfg(debug_assertions)]
        if let Some(last) = self.keys.last_mut().expect("a key inside an object") {
            assert!(last.is_empty() || last.as_str() < key, "JSON key {key:?} after {last:?}: write keys sorted");
            *last = key.to_string();
        }
        self.item();
        write_str(&mut self.out, key);
        self.out.push_str(if self.pretty { ": " } else { ":" });
        self.after_key = true;
        self
    }

    /// `key: value`
    pub fn field(&mut self, key: &str, value: impl ToJson) -> &mut Writer {
        self.key(key);
        value.write(self);
        self
    }

    pub fn value(&mut self, value: impl ToJson) -> &mut Writer {
        value.write(self);
        self
    }

    /// Text that is already JSON, written as one item.
    pub fn raw(&mut self, json: &str) -> &mut Writer {
        self.item();
        self.out.push_str(json);
        self
    }
}

impl Default for Writer {
    fn default() -> Writer {
        Writer::new()
    }
}

/// A value the writer knows how to write.
pub trait ToJson {
    fn write(&self, w: &mut Writer);
}

impl ToJson for f64 {
    fn write(&self, w: &mut Writer) {
        w.item();
        write_f64(&mut w.out, *self);
    }
}

macro_rules! integers {
    ($($t:ty)*) => {$(
        impl ToJson for $t {
            fn write(&self, w: &mut Writer) {
                w.item();
                let _ = write!(w.out, "{self}");
            }
        }
    )*};
}
integers!(u32 u64 usize);

impl ToJson for bool {
    fn write(&self, w: &mut Writer) {
        w.raw(if *self { "true" } else { "false" });
    }
}

impl ToJson for str {
    fn write(&self, w: &mut Writer) {
        w.item();
        write_str(&mut w.out, self);
    }
}

impl ToJson for String {
    fn write(&self, w: &mut Writer) {
        self.as_str().write(w);
    }
}

impl<T: ToJson + ?Sized> ToJson for &T {
    fn write(&self, w: &mut Writer) {
        (**self).write(w);
    }
}

/// `None` is `null`.
impl<T: ToJson> ToJson for Option<T> {
    fn write(&self, w: &mut Writer) {
        match self {
            Some(v) => v.write(w),
            None => {
                w.raw("null");
            }
        }
    }
}

impl<T: ToJson> ToJson for [T] {
    fn write(&self, w: &mut Writer) {
        w.begin_array();
        for v in self {
            v.write(w);
        }
        w.end_array();
    }
}

impl<T: ToJson> ToJson for Vec<T> {
    fn write(&self, w: &mut Writer) {
        self.as_slice().write(w);
    }
}

impl<T: ToJson, const N: usize> ToJson for [T; N] {
    fn write(&self, w: &mut Writer) {
        self.as_slice().write(w);
    }
}

/// A parsed value, written as it was read.
impl ToJson for Value {
    fn write(&self, w: &mut Writer) {
        match self {
            Value::Null => {
                w.raw("null");
            }
            Value::Bool(b) => b.write(w),
            Value::Number(text) => {
                w.item();
                write_number(&mut w.out, text);
            }
            Value::String(s) => s.write(w),
            Value::Array(items) => items.write(w),
            Value::Object(fields) => {
                w.begin_object();
                for (k, v) in fields {
                    w.field(k, v);
                }
                w.end_object();
            }
        }
    }
}

/// An f64 as serde_json writes it: the shortest digits that read back to the same number,
/// in plain notation with at least one decimal (`0.001`, `1.0`, `12340000.0`) when the first
/// digit's power of ten is in -5..=15, else as `1.5e-7`, `1e+16`; not finite is `null`.
pub fn write_f64(out: &mut String, v: f64) {
    if !v.is_finite() {
        out.push_str("null");
        return;
    }
    if v == 0.0 {
        out.push_str(if v.is_sign_negative() { "-0.0" } else { "0.0" });
        return;
    }
    // `{:e}` gives the shortest round-trip digits: `-1.2345e-7`, `5e0`
    let text = format!("{v:e}");
    let (mantissa, exp) = text.split_once('e').expect("LowerExp writes an exponent");
    let exp: i32 = exp.parse().expect("an integer exponent");
    let (sign, mantissa) = mantissa.strip_prefix('-').map_or(("", mantissa), |m| ("-", m));
    let digits: String = mantissa.chars().filter(|&c| c != '.').collect();
    let n = digits.len() as i32;
    out.push_str(sign);
    if (-5..=15).contains(&exp) {
        if exp >= n - 1 {
            out.push_str(&digits);
            out.extend(std::iter::repeat_n('0', (exp - (n - 1)) as usize));
            out.push_str(".0");
        } else if exp >= 0 {
            let (int, frac) = digits.split_at(exp as usize + 1);
            out.push_str(int);
            out.push('.');
            out.push_str(frac);
        } else {
            out.push_str("0.");
            out.extend(std::iter::repeat_n('0', (-exp - 1) as usize));
            out.push_str(&digits);
        }
    } else {
        out.push_str(&digits[..1]);
        if n > 1 {
            out.push('.');
            out.push_str(&digits[1..]);
        }
        let _ = write!(out, "e{}{}", if exp < 0 { '-' } else { '+' }, exp.unsigned_abs());
    }
}

/// A number read from JSON, as serde_json's `Number` writes it: an integer that fits u64
/// (or i64 when negative, but not `-0`) as it was written, anything else as an f64.
pub(super) fn write_number(out: &mut String, text: &str) {
    let integer = !text.contains(['.', 'e', 'E']);
    let fits = match text.strip_prefix('-') {
        Some(digits) => digits != "0" && text.parse::<i64>().is_ok(),
        None => text.parse::<u64>().is_ok(),
    };
    if integer && fits {
        out.push_str(text);
    } else {
        write_f64(out, text.parse().unwrap_or(f64::NAN));
    }
}

/// A string with JSON's escapes, as serde_json writes them.
pub fn write_str(out: &mut String, s: &str) {
    out.push('"');
    for c in s.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            '\t' => out.push_str("\\t"),
            '\u{8}' => out.push_str("\\b"),
            '\u{c}' => out.push_str("\\f"),
            c if (c as u32) < 0x20 => {
                let _ = write!(out, "\\u{:04x}", c as u32);
            }
            c => out.push(c),
        }
    }
    out.push('"');
}
