//! JSON out and in, small enough for the wasm binary (serde_json with its float parser was
//! about a sixth of it). The writer gives the text serde_json gave: numbers in its form (see
//! `write_f64`), non-finite ones as `null`, strings escaped the same way; callers write object
//! keys in sorted order, as serde_json's map kept them. The reader keeps each number's text
//! and reads it with Rust's `f64` parser, which is correctly rounded, so a number written by
//! `write_f64` reads back bit for bit.

use std::fmt::Write as _;

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
fn write_number(out: &mut String, text: &str) {
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

/// A JSON value as read. Numbers keep their text; an object keeps its keys in the order
/// read (a repeated key: the last one counts, as in serde_json's map).
#[derive(Clone, Debug, PartialEq)]
pub enum Value {
    Null,
    Bool(bool),
    Number(String),
    String(String),
    Array(Vec<Value>),
    Object(Vec<(String, Value)>),
}

impl Value {
    pub fn get(&self, key: &str) -> Option<&Value> {
        self.as_object()?.iter().rev().find(|(k, _)| k == key).map(|(_, v)| v)
    }

    pub fn as_object(&self) -> Option<&[(String, Value)]> {
        match self {
            Value::Object(fields) => Some(fields),
            _ => None,
        }
    }

    pub fn as_array(&self) -> Option<&[Value]> {
        match self {
            Value::Array(items) => Some(items),
            _ => None,
        }
    }

    pub fn as_str(&self) -> Option<&str> {
        match self {
            Value::String(s) => Some(s),
            _ => None,
        }
    }

    /// The number, correctly rounded (as serde_json's `float_roundtrip` reads it).
    pub fn as_f64(&self) -> Option<f64> {
        match self {
            Value::Number(text) => text.parse().ok(),
            _ => None,
        }
    }

    /// The number as serde_json writes it (`1`, `0.5`, `1e-7`): see `write_number`.
    pub fn number_text(&self) -> Option<String> {
        match self {
            Value::Number(text) => {
                let mut out = String::new();
                write_number(&mut out, text);
                Some(out)
            }
            _ => None,
        }
    }

    /// What the value is, for a message: `string "none"`, `a sequence`, …
    pub fn kind(&self) -> String {
        match self {
            Value::Null => "null".into(),
            Value::Bool(b) => format!("boolean `{b}`"),
            Value::Number(_) => {
                let written = self.number_text().expect("a number");
                format!("{} `{written}`", if written.contains(['.', 'e']) { "floating point" } else { "integer" })
            }
            Value::String(s) => format!("string {s:?}"),
            Value::Array(_) => "sequence".into(),
            Value::Object(_) => "map".into(),
        }
    }
}

/// Why a text is not JSON, and where: line and column (of bytes) from 1, as serde_json counts.
#[derive(Clone, Debug, PartialEq)]
pub struct ParseError {
    pub line: usize,
    pub column: usize,
    pub reason: &'static str,
}

/// Nesting deeper than this is refused rather than risking the stack (serde_json's limit).
const MAX_DEPTH: usize = 128;

/// Reads one JSON value (with whitespace around it).
pub fn parse(text: &str) -> Result<Value, ParseError> {
    let mut p = Parser { bytes: text.as_bytes(), at: 0, depth: 0 };
    let value = p.value()?;
    p.skip_space();
    if p.at < p.bytes.len() {
        return Err(p.error_here("trailing characters"));
    }
    Ok(value)
}

struct Parser<'a> {
    bytes: &'a [u8],
    at: usize,
    depth: usize,
}

impl Parser<'_> {
    /// The error at byte `end - 1` (the last byte looked at), counted as serde_json does.
    #[cold]
    #[inline(never)]
    fn error_at(&self, end: usize, reason: &'static str) -> ParseError {
        let before = &self.bytes[..end.min(self.bytes.len())];
        let line = 1 + before.iter().filter(|&&b| b == b'\n').count();
        let column = before.iter().rev().take_while(|&&b| b != b'\n').count();
        ParseError { line, column, reason }
    }

    /// The error at the byte about to be read.
    #[cold]
    #[inline(never)]
    fn error_here(&self, reason: &'static str) -> ParseError {
        self.error_at(self.at + 1, reason)
    }

    fn skip_space(&mut self) {
        while let Some(b' ' | b'\n' | b'\t' | b'\r') = self.peek() {
            self.at += 1;
        }
    }

    fn peek(&self) -> Option<u8> {
        self.bytes.get(self.at).copied()
    }

    fn value(&mut self) -> Result<Value, ParseError> {
        self.skip_space();
        let Some(b) = self.peek() else { return Err(self.error_here("EOF while parsing a value")) };
        match b {
            b'n' => self.word("null", Value::Null),
            b't' => self.word("true", Value::Bool(true)),
            b'f' => self.word("false", Value::Bool(false)),
            b'"' => self.string().map(Value::String),
            b'-' | b'0'..=b'9' => self.number(),
            b'[' | b'{' => {
                self.depth += 1;
                if self.depth > MAX_DEPTH {
                    return Err(self.error_at(self.at, "recursion limit exceeded"));
                }
                self.at += 1;
                let value = if b == b'[' { self.array() } else { self.object() };
                self.depth -= 1;
                value
            }
            _ => Err(self.error_here("expected value")),
        }
    }

    fn word(&mut self, word: &str, value: Value) -> Result<Value, ParseError> {
        for &expected in word.as_bytes() {
            match self.peek() {
                None => return Err(self.error_here("EOF while parsing a value")),
                Some(b) if b != expected => return Err(self.error_here("expected ident")),
                _ => self.at += 1,
            }
        }
        Ok(value)
    }

    fn digits(&mut self) -> Result<(), ParseError> {
        if !matches!(self.peek(), Some(b'0'..=b'9')) {
            return Err(self.error_here("invalid number"));
        }
        while let Some(b'0'..=b'9') = self.peek() {
            self.at += 1;
        }
        Ok(())
    }

    /// `-?(0|[1-9][0-9]*)(\.[0-9]+)?([eE][+-]?[0-9]+)?`, kept as text.
    fn number(&mut self) -> Result<Value, ParseError> {
        let start = self.at;
        if self.peek() == Some(b'-') {
            self.at += 1;
        }
        if self.peek() == Some(b'0') {
            self.at += 1;
            if let Some(b'0'..=b'9') = self.peek() {
                return Err(self.error_here("invalid number"));
            }
        } else {
            self.digits()?;
        }
        if self.peek() == Some(b'.') {
            self.at += 1;
            self.digits()?;
        }
        if let Some(b'e' | b'E') = self.peek() {
            self.at += 1;
            if let Some(b'+' | b'-') = self.peek() {
                self.at += 1;
            }
            self.digits()?;
        }
        let text = std::str::from_utf8(&self.bytes[start..self.at]).expect("ASCII");
        if text.parse::<f64>().is_ok_and(f64::is_infinite) {
            return Err(self.error_at(self.at, "number out of range"));
        }
        Ok(Value::Number(text.to_string()))
    }

    fn hex4(&mut self) -> Result<u32, ParseError> {
        let mut n = 0;
        for _ in 0..4 {
            let Some(b) = self.peek() else { return Err(self.error_here("EOF while parsing a string")) };
            let digit = (b as char).to_digit(16).ok_or_else(|| self.error_here("invalid escape"))?;
            n = n * 16 + digit;
            self.at += 1;
        }
        Ok(n)
    }

    /// A string, the opening quote next.
    fn string(&mut self) -> Result<String, ParseError> {
        self.at += 1;
        let mut out = String::new();
        loop {
            // copy the run of plain bytes (whole UTF-8 sequences: the text is a str)
            let start = self.at;
            while let Some(b) = self.peek() {
                if b == b'"' || b == b'\\' || b < 0x20 {
                    break;
                }
                self.at += 1;
            }
            out.push_str(std::str::from_utf8(&self.bytes[start..self.at]).expect("a str cut at ASCII"));
            let Some(b) = self.peek() else { return Err(self.error_here("EOF while parsing a string")) };
            self.at += 1;
            match b {
                b'"' => return Ok(out),
                b'\\' => {
                    let Some(e) = self.peek() else { return Err(self.error_here("EOF while parsing a string")) };
                    self.at += 1;
                    let c = match e {
                        b'"' => '"',
                        b'\\' => '\\',
                        b'/' => '/',
                        b'b' => '\u{8}',
                        b'f' => '\u{c}',
                        b'n' => '\n',
                        b'r' => '\r',
                        b't' => '\t',
                        b'u' => {
                            let mut code = self.hex4()?;
                            if (0xD800..0xDC00).contains(&code) {
                                if !self.bytes[self.at..].starts_with(b"\\u") {
                                    return Err(self.error_at(self.at + 1, "unexpected end of hex escape"));
                                }
                                self.at += 2;
                                let low = self.hex4()?;
                                if !(0xDC00..0xE000).contains(&low) {
                                    return Err(self.error_at(self.at, "lone leading surrogate in hex escape"));
                                }
                                code = 0x10000 + ((code - 0xD800) << 10) + (low - 0xDC00);
                            }
                            char::from_u32(code).ok_or_else(|| self.error_at(self.at, "lone leading surrogate in hex escape"))?
                        }
                        _ => return Err(self.error_at(self.at, "invalid escape")),
                    };
                    out.push(c);
                }
                _ => return Err(self.error_at(self.at, "control character (\\u0000-\\u001F) found while parsing a string")),
            }
        }
    }

    /// The items of a list, after its `[`.
    fn array(&mut self) -> Result<Value, ParseError> {
        let mut items = Vec::new();
        self.skip_space();
        if self.peek() == Some(b']') {
            self.at += 1;
            return Ok(Value::Array(items));
        }
        loop {
            items.push(self.value()?);
            self.skip_space();
            match self.peek() {
                Some(b',') => self.at += 1,
                Some(b']') => {
                    self.at += 1;
                    return Ok(Value::Array(items));
                }
                Some(_) => return Err(self.error_here("expected `,` or `]`")),
                None => return Err(self.error_here("EOF while parsing a list")),
            }
            self.skip_space();
            if self.peek() == Some(b']') {
                return Err(self.error_here("trailing comma"));
            }
        }
    }

    /// The fields of an object, after its `{`.
    fn object(&mut self) -> Result<Value, ParseError> {
        let mut fields = Vec::new();
        self.skip_space();
        if self.peek() == Some(b'}') {
            self.at += 1;
            return Ok(Value::Object(fields));
        }
        loop {
            self.skip_space();
            match self.peek() {
                Some(b'"') => {}
                Some(b'}') => return Err(self.error_here("trailing comma")),
                Some(_) => return Err(self.error_here("key must be a string")),
                None => return Err(self.error_here("EOF while parsing an object")),
            }
            let key = self.string()?;
            self.skip_space();
            match self.peek() {
                Some(b':') => self.at += 1,
                Some(_) => return Err(self.error_here("expected `:`")),
                None => return Err(self.error_here("EOF while parsing an object")),
            }
            let value = self.value()?;
            fields.push((key, value));
            self.skip_space();
            match self.peek() {
                Some(b',') => self.at += 1,
                Some(b'}') => {
                    self.at += 1;
                    return Ok(Value::Object(fields));
                }
                Some(_) => return Err(self.error_here("expected `,` or `}`")),
                None => return Err(self.error_here("EOF while parsing an object")),
            }
        }
    }
}
