//! The curves the page plots, one record per evaluation, kept within a fixed size however
//! long the run: when full, every other record is dropped and the stride doubles.

use super::Evaluation;

/// One evaluation of the run, at an iteration; its numbers read as the `Evaluation`'s
/// (`record.dev_cost`).
#[derive(Clone, Debug, PartialEq)]
pub struct Record {
    pub iteration: u64,
    pub evaluation: Evaluation,
    /// the mean cost of this epoch's gradient steps, with dropout: noisy where J without
    /// dropout is smooth (the lecture's debugging advice)
    pub step_cost: f64,
}

impl std::ops::Deref for Record {
    type Target = Evaluation;

    fn deref(&self) -> &Evaluation {
        &self.evaluation
    }
}

#[derive(Clone, Debug)]
pub struct History {
    records: Vec<Record>,
    capacity: usize,
    /// keep one evaluation in `stride`
    stride: u64,
    seen: u64,
}

impl History {
    pub fn new(capacity: usize) -> History {
        assert!(capacity >= 2);
        History { records: Vec::with_capacity(capacity), capacity, stride: 1, seen: 0 }
    }

    pub fn push(&mut self, record: Record) {
        let keep = self.seen.is_multiple_of(self.stride);
        self.seen += 1;
        if !keep {
            return;
        }
        if self.records.len() == self.capacity {
            let mut i = 0;
            self.records.retain(|_| {
                i += 1;
                i % 2 == 1
            });
            self.stride *= 2;
            if !(self.seen - 1).is_multiple_of(self.stride) {
                return;
            }
        }
        self.records.push(record);
    }

    pub fn records(&self) -> &[Record] {
        &self.records
    }

    pub fn last(&self) -> Option<&Record> {
        self.records.last()
    }

    pub fn clear(&mut self) {
        *self = History::new(self.capacity);
    }
}
