//! The lecture's dropout and early-stopping options: `inverted` (1 inverted dropout, 0 plain
//! dropout: masks without the division by keep_prob), `keepIn` (keep_prob of the input
//! layer) and `stopOn` (what early stopping watches on the dev set: its cost or, as in the
//! lecture's plot, its error).

/// What early stopping watches on the dev set.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum StopOn {
    /// the dev-set cost (cross-entropy): smooth, the page's default
    Cost,
    /// the dev-set error (1 − accuracy): the lecture's curve
    Error,
}

impl StopOn {
    pub fn parse(name: &str) -> Option<StopOn> {
        match name {
            "cost" => Some(StopOn::Cost),
            "error" => Some(StopOn::Error),
            _ => None,
        }
    }

    pub fn name(self) -> &'static str {
        match self {
            StopOn::Cost => "cost",
            StopOn::Error => "error",
        }
    }
}
