//! The reader: a value with each number's text kept, and serde_json's line and column on errors.

use super::write::write_number;

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
            if self.closed(b']', "expected `,` or `]`", "EOF while parsing a list")? {
                return Ok(Value::Array(items));
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
            if self.closed(b'}', "expected `,` or `}`", "EOF while parsing an object")? {
                return Ok(Value::Object(fields));
            }
        }
    }

    /// After an item of a list or object: true past its `close`, false past a `,`; else the
    /// error `expected` (another byte) or `eof` (the end of the text).
    fn closed(&mut self, close: u8, expected: &'static str, eof: &'static str) -> Result<bool, ParseError> {
        self.skip_space();
        match self.peek() {
            Some(b',') => {
                self.at += 1;
                Ok(false)
            }
            Some(c) if c == close => {
                self.at += 1;
                Ok(true)
            }
            Some(_) => Err(self.error_here(expected)),
            None => Err(self.error_here(eof)),
        }
    }
}
