//! A training session: config in, iterations out, and the history the page plots.

pub mod config;
pub mod history;
pub mod lecture_keys;
pub mod session;
pub mod sweep;

pub use config::{Config, Effect};
pub use history::{History, Record};
pub use lecture_keys::StopOn;
pub use session::{Evaluation, Session, Status};
pub use sweep::{Sweep, SweepPoint};
