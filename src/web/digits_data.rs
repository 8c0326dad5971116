//! The digits data in the browser: the page fetches `digits.bin` (beside the wasm) when
//! digits mode is first asked for and hands it over here once; every `Playground` and
//! `Comparison` of this wasm instance then reads it. A sweep worker's instance is handed the
//! same bytes by the page (`www/sweep_pool.js`).

use wasm_bindgen::prelude::*;

use crate::data::digits;

/// Takes the bytes of `digits.bin` once (later calls change nothing); throws when they are
/// not that file.
#[wasm_bindgen(js_name = loadDigits)]
pub fn load_digits(bytes: &[u8]) -> Result<(), JsError> {
    digits::load(bytes).map_err(JsError::new)
}

/// Whether this instance holds the digits data (a digits run needs it).
#[wasm_bindgen(js_name = digitsLoaded)]
pub fn digits_loaded() -> bool {
    digits::loaded()
}
