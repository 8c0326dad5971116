//! A Rust panic becomes a visible message: the hook hands it to the page's
//! `globalThis.regplayPanic(message)` (and the console) before the wasm traps.

use wasm_bindgen::prelude::*;

pub fn install() {
    std::panic::set_hook(Box::new(|info| {
        let message = format!("regplay stopped on an internal error: {info}");
        let global = js_sys::global();
        if let Ok(f) = js_sys::Reflect::get(&global, &JsValue::from_str("regplayPanic")) {
            if let Some(f) = f.dyn_ref::<js_sys::Function>() {
                let _ = f.call1(&JsValue::NULL, &JsValue::from_str(&message));
                return;
            }
        }
        web_sys::console::error_1(&JsValue::from_str(&message));
    }));
}
