//! The lecture in code: the network, its cost with L1/L2, backpropagation, inverted dropout,
//! and the gradient-descent step with weight decay. Read in this order:
//! `activation` → `cost` → `dropout` → `mlp` → `update` → `init`.

pub mod activation;
pub mod cost;
pub mod dropout;
pub mod init;
pub mod mlp;
pub mod update;

pub use activation::{sigmoid, Activation};
pub use cost::{Cost, Penalty, Regularization};
pub use dropout::Dropout;
pub use mlp::{Gradients, Mlp, ParamsError};
pub use update::{gradient_descent_step, weight_decay_factor};
