//! regplay: a regularization playground. `nn` is the lecture in code, `data` the 2-D
//! datasets, `kernel` the same network trained without allocating, `train` a training
//! session with its history, `render` the pixels, and `web`
//! the one place that knows about the browser.

pub mod compare;
pub mod data;
pub mod fast_exp;
pub mod instruments;
pub mod kernel;
pub mod math;
pub mod nn;
pub mod render;
pub mod train;

#[cfg(target_arch = "wasm32")]
pub mod web;
