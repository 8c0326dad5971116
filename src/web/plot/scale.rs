//! Values onto pixels, and the round ticks of an axis (plotters' choices).

/// Values `lo..hi` onto pixels `from..=to` (`to < from` for a y axis, up the screen).
#[derive(Clone, Copy, Debug, PartialEq)]
pub(in crate::web) struct Scale {
    pub lo: f64,
    pub hi: f64,
    pub from: i32,
    pub to: i32,
}

impl Scale {
    #[inline(never)]
    pub fn map(&self, v: f64) -> i32 {
        if self.hi == self.lo {
            return (self.to - self.from) / 2;
        }
        let logic = (v - self.lo) / (self.hi - self.lo);
        let actual = self.to - self.from;
        if actual == 0 {
            return self.to;
        }
        if logic.is_infinite() {
            return if logic > 0.0 { self.to } else { self.from };
        }
        if actual > 0 {
            self.from + (actual as f64 * logic + 1e-3).floor() as i32
        } else {
            self.from + (actual as f64 * logic - 1e-3).ceil() as i32
        }
    }

    /// The pixel range, low end first.
    pub(super) fn pixels(&self) -> (i32, i32) {
        (self.from.min(self.to), self.from.max(self.to))
    }
}

/// Round tick values for `lo..hi`, at most `most` of them (plotters' choice for f64 axes).
pub(in crate::web) fn ticks(lo: f64, hi: f64, most: usize) -> Vec<f64> {
    // (plotters panicked on NaN; the search below would not end)
    if most == 0 || !(lo.is_finite() && hi.is_finite()) {
        return Vec::new();
    }
    let (lo, hi) = (lo.min(hi), hi.max(lo));
    if (lo - hi).abs() < f64::EPSILON {
        return vec![lo];
    }
    fn rem_euclid(a: f64, b: f64) -> f64 {
        let r = if b > 0.0 { a - (a / b).floor() * b } else { a - (a / b).ceil() * b };
        if (r - b).abs() < f64::EPSILON {
            0.0
        } else {
            r
        }
    }
    let mut scale = 10f64.powf((hi - lo).log(10.0).floor());
    let mut granularity = scale / 10.0;
    if 1 + ((hi - lo) / scale).floor() as usize > most {
        scale *= 10.0;
        granularity *= 10.0;
    }
    'outer: loop {
        let old = scale;
        for step in [2.0, 5.0, 10.0] {
            let mut left = lo - rem_euclid(lo, old / step);
            if left < lo {
                left += old / step;
            }
            let right = hi - rem_euclid(hi, old / step);
            if (1.0 + (right - left) / old * step).round() as usize > most {
                break 'outer;
            }
            scale = old / step;
        }
        scale = old / 10.0;
        granularity /= 10.0;
    }
    let mut left = lo - rem_euclid(lo, scale);
    if left < lo {
        left += scale;
    }
    let base = (left / granularity).floor() * granularity;
    let mut relative = left - base;
    let right = hi - rem_euclid(hi, scale);
    let mut ticks = Vec::new();
    while right - relative - base >= -f64::EPSILON {
        if (relative / granularity).round() * granularity < 0.0 {
            relative += granularity;
        }
        ticks.push(relative + base);
        relative += scale;
    }
    ticks
}

/// Whole-number ticks for `lo..hi` (iterations), at most about `most` (plotters' choice for
/// integer axes).
pub(in crate::web) fn integer_ticks(lo: u64, hi: u64, most: usize) -> Vec<f64> {
    if most == 0 {
        return Vec::new();
    }
    let (lo, hi) = (lo.min(hi), hi.max(lo));
    let size = hi as f64 - lo as f64;
    let mut scale: u64 = 1;
    'outer: while (size / scale as f64).ceil() > most as f64 {
        let next = scale * 10;
        for s in [scale * 2, scale * 5, scale * 10] {
            scale = s;
            if (size / s as f64).ceil() < most as f64 {
                break 'outer;
            }
        }
        scale = next;
    }
    let (mut v, last) = (lo + (scale - lo % scale) % scale, hi - hi % scale);
    let mut ticks = Vec::new();
    while v <= last {
        ticks.push(v as f64);
        if v == last {
            break;
        }
        v += scale;
    }
    ticks
}
