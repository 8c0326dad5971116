//! A training session: config in, iterations out, and the history the page plots.

pub mod config;
pub mod history;
pub mod lecture_keys;
pub mod model_file;
pub mod session;
pub mod settings;
pub mod sweep;

pub use config::{Config, Effect};
pub use history::{History, Record};
pub use lecture_keys::StopOn;
pub use session::{Evaluation, Session, Status};
pub use settings::{Setting, SettingError, SETTINGS};
pub use sweep::{Sweep, SweepPoint};
