//! The digits data as the browser gets it: a file beside the wasm, handed to the core once.
//! Natively the file is compiled in; these check what the page relies on.

use regplay::data::digits::{self, FIRST_FOUR};

#[test]
fn the_pickers_four_is_the_files_first_four() {
    let first = digits::all().iter().find(|d| d.digit == 4).unwrap();
    assert_eq!(first.levels, FIRST_FOUR);
}

#[test]
fn load_takes_the_file_and_refuses_other_bytes() {
    let file = std::fs::read(concat!(env!("CARGO_MANIFEST_DIR"), "/src/data/digits.bin")).unwrap();
    assert!(digits::load(&file).is_ok());
    assert!(digits::loaded());
    assert_eq!(digits::all().len(), digits::COUNT);
    assert!(digits::decode(&file[..file.len() - 1]).is_none(), "a truncated file is refused");
    assert!(digits::decode(b"not the digits").is_none());
}
