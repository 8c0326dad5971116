//! JSON out and in, small enough for the wasm binary (serde_json with its float parser was
//! about a sixth of it). The writer gives the text serde_json gave: numbers in its form (see
//! `write_f64`), non-finite ones as `null`, strings escaped the same way; callers write object
//! keys in sorted order, as serde_json's map kept them. The reader keeps each number's text
//! and reads it with Rust's `f64` parser, which is correctly rounded, so a number written by
//! `write_f64` reads back bit for bit.

mod read;
mod write;

pub use read::{parse, ParseError, Value};
pub use write::{write_f64, write_str, ToJson, Writer};
