//! Your own data: a CSV of labelled points, read into the playground and written back out.
//!
//! The file format, as the page describes it:
//! - A header line naming the columns `x1`, `x2` and `y`, in any order, in any case, with
//!   spaces around the names allowed; an optional `split` column; other columns are ignored.
//!   Fields are separated by commas (or by semicolons or tabs, if the header uses those);
//!   a field may be wrapped in double quotes. Blank lines are skipped.
//! - `y` is the class: `0` or `1`. `-1` is read as class 0, since many datasets (and
//!   TensorFlow Playground) write the classes as ±1.
//! - `split` is `train`, `dev` or `test` (test counts as dev), or empty. Rows without a split
//!   are shuffled and cut by the training share, with the seed, like generated data.
//! - At most [`MAX_ROWS`] rows, with both classes present and every number finite.
//!
//! Coordinates may be on any scale. Points that already fill the view square (the farthest
//! coordinate between VIEW/2 and VIEW from 0) are kept as they are, so the playground's own
//! export loads back unchanged; any others are centred and scaled, one factor for both axes
//! so shapes keep their aspect ratio, to fit [−FIT, FIT]². The [`Scale`] is kept, so the
//! export writes the file's own units again and the page can label its axes in them.
//!
//! Every problem is reported as a message naming the line (counting from 1, blank lines
//! included) and, for a bad value, the column.

use rand_chacha::ChaCha8Rng;

use super::{split, Point, VIEW};

/// The most rows a file may have: every training step runs over the whole training set.
pub const MAX_ROWS: usize = 5000;

/// Rescaled data fills [−FIT, FIT]², like the generated datasets, leaving a margin in the view.
pub const FIT: f64 = 5.0;

/// Where a row goes: fixed by the file, or drawn at random when the file leaves it open.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Split {
    Train,
    Dev,
}

/// One row: the point in view coordinates, and the split the file gives it, if any.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Row {
    pub point: Point,
    pub split: Option<Split>,
}

/// From the file's units to the view's: `view = (file − centre) · factor`, on both axes.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Scale {
    pub centre: [f64; 2],
    pub factor: f64,
}

impl Scale {
    pub const IDENTITY: Scale = Scale { centre: [0.0, 0.0], factor: 1.0 };

    pub fn to_view(&self, x1: f64, x2: f64) -> (f64, f64) {
        ((x1 - self.centre[0]) * self.factor, (x2 - self.centre[1]) * self.factor)
    }

    pub fn to_file(&self, x1: f64, x2: f64) -> (f64, f64) {
        if *self == Scale::IDENTITY {
            return (x1, x2); // bit for bit
        }
        (x1 / self.factor + self.centre[0], x2 / self.factor + self.centre[1])
    }
}

/// The points of a CSV file, ready for a session.
#[derive(Clone, Debug, PartialEq)]
pub struct Table {
    pub rows: Vec<Row>,
    pub scale: Scale,
}

impl Table {
    pub fn len(&self) -> usize {
        self.rows.len()
    }

    pub fn is_empty(&self) -> bool {
        self.rows.is_empty()
    }

    /// The training and dev sets. Rows the file marks keep their place; the others are
    /// shuffled with `rng` and cut by `train_percent`, as generated data is. The training set
    /// is never empty: if the cut leaves it so, one open row moves over from dev.
    pub fn split(&self, train_percent: f64, rng: &mut ChaCha8Rng) -> (Vec<Point>, Vec<Point>) {
        let marked = |s: Split| self.rows.iter().filter(move |r| r.split == Some(s)).map(|r| r.point);
        let open: Vec<Point> = self.rows.iter().filter(|r| r.split.is_none()).map(|r| r.point).collect();
        let (mut open_train, mut open_dev) = split(open, train_percent, rng);
        let mut train: Vec<Point> = marked(Split::Train).collect();
        if train.is_empty() && open_train.is_empty() && !open_dev.is_empty() {
            open_train.push(open_dev.remove(0));
        }
        train.append(&mut open_train);
        let mut dev: Vec<Point> = marked(Split::Dev).collect();
        dev.append(&mut open_dev);
        (train, dev)
    }
}

/// Reads a CSV text (see the module's description of the format).
pub fn parse(text: &str) -> Result<Table, String> {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text); // a byte-order mark, as Excel writes
    let mut lines = lines_of(text).filter(|(_, line)| !line.trim().is_empty()).peekable();
    // Excel's `sep=;` line names the separator
    let named = lines.peek().and_then(|(_, line)| line.trim().strip_prefix("sep=")).and_then(|rest| {
        let mut chars = rest.chars();
        chars.next().filter(|_| chars.next().is_none())
    });
    if let Some((line, text)) = lines.next_if(|(_, line)| line.trim().starts_with("sep=")) {
        if named.is_none() {
            return Err(format!("line {line}: \"{}\" should name one separator character, as in sep=;", excerpt(text.trim())));
        }
    }
    let Some((header_line, header)) = lines.next() else {
        return Err("The CSV is empty: it needs a header line x1,x2,y and then one row per point.".into());
    };
    let delimiter = named.unwrap_or_else(|| delimiter_of(header));
    let columns = Columns::of_header(header_line, header, delimiter)?;
    let mut raw = Vec::new();
    for (line, text) in lines {
        if raw.len() == MAX_ROWS {
            return Err(format!(
                "line {line}: the CSV has more than {MAX_ROWS} rows; keep at most {MAX_ROWS}, since every training step goes over all of them."
            ));
        }
        raw.push(columns.row(line, text, delimiter)?);
    }
    if raw.is_empty() {
        return Err(format!("line {header_line}: the CSV has a header but no rows; add one row per point, e.g. 0.5,1.2,1."));
    }
    let ones = raw.iter().filter(|r| r.point.y == 1.0).count();
    if ones == 0 || ones == raw.len() {
        let class = if ones == 0 { 0 } else { 1 };
        return Err(format!("Every row is class {class}: the network needs examples of both classes, 0 and 1, in column y."));
    }
    if raw.iter().all(|r| r.split == Some(Split::Dev)) {
        return Err("Every row is marked dev or test: mark some rows train, or leave split empty to split them at random.".into());
    }
    let scale = fit_into_view(&raw)?;
    let rows = raw
        .into_iter()
        .map(|r| {
            let (x1, x2) = scale.to_view(r.point.x1, r.point.x2);
            Row { point: Point { x1, x2, y: r.point.y }, split: r.split }
        })
        .collect();
    Ok(Table { rows, scale })
}

/// Writes points as the CSV `parse` reads: `x1,x2,y,split`, coordinates in the file's units.
pub fn write(train: &[Point], dev: &[Point], scale: &Scale) -> String {
    let mut out = String::from("x1,x2,y,split\n");
    for (points, split) in [(train, "train"), (dev, "dev")] {
        for p in points {
            let (x1, x2) = scale.to_file(p.x1, p.x2);
            let y = if p.y == 1.0 { 1 } else { 0 };
            out.push_str(&format!("{x1},{x2},{y},{split}\n"));
        }
    }
    out
}

/// The lines with their numbers from 1, ended by LF, CR LF or a lone CR (old Mac files).
fn lines_of(text: &str) -> impl Iterator<Item = (usize, &str)> {
    let mut rest = Some(text);
    let mut number = 0;
    std::iter::from_fn(move || {
        let text = rest?;
        number += 1;
        match text.find(['\n', '\r']) {
            Some(end) => {
                let skip = if text[end..].starts_with("\r\n") { 2 } else { 1 };
                rest = Some(&text[end + skip..]).filter(|r| !r.is_empty());
                Some((number, &text[..end]))
            }
            None => {
                rest = None;
                Some((number, text))
            }
        }
    })
}

/// At most about 60 characters of a text, for a message: a 30 MB line stays a short message.
pub fn excerpt(text: &str) -> String {
    const MAX: usize = 60;
    match text.char_indices().nth(MAX) {
        Some((cut, _)) => format!("{}…", &text[..cut]),
        None => text.to_string(),
    }
}

/// The fields of one line: split at the separator except inside double quotes, where `""`
/// is one quote; each field without the spaces and the quotes around it.
fn fields_of(line: usize, text: &str, delimiter: char) -> Result<Vec<String>, String> {
    let mut fields = Vec::new();
    let mut field = String::new();
    let mut quoted = false;
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            '"' if quoted && chars.peek() == Some(&'"') => {
                field.push('"');
                chars.next();
            }
            '"' if quoted || field.trim().is_empty() => quoted = !quoted,
            c if c == delimiter && !quoted => fields.push(std::mem::take(&mut field)),
            c => field.push(c),
        }
    }
    if quoted {
        return Err(format!("line {line}: a double quote opens a field that does not close on this line."));
    }
    fields.push(field);
    Ok(fields.iter().map(|f| clean(f).to_string()).collect())
}

/// The separator the header uses: a comma, else a semicolon or a tab.
fn delimiter_of(header: &str) -> char {
    [',', ';', '\t'].into_iter().find(|&d| header.contains(d)).unwrap_or(',')
}

/// A field without the spaces and the double quotes around it.
fn clean(field: &str) -> &str {
    let field = field.trim();
    field.strip_prefix('"').and_then(|f| f.strip_suffix('"')).map_or(field, str::trim)
}

/// Where each column sits in a row.
struct Columns {
    x1: usize,
    x2: usize,
    y: usize,
    split: Option<usize>,
    count: usize,
}

impl Columns {
    fn of_header(line: usize, header: &str, delimiter: char) -> Result<Columns, String> {
        let fields = fields_of(line, header, delimiter)?;
        let names: Vec<String> = fields.iter().map(|f| f.to_ascii_lowercase()).collect();
        let find = |wanted: &str| -> Result<Option<usize>, String> {
            let mut at = names.iter().enumerate().filter(|(_, n)| *n == wanted).map(|(i, _)| i);
            match (at.next(), at.next()) {
                (first, None) => Ok(first),
                (Some(_), Some(_)) => Err(format!("line {line}: the header names column {wanted} twice.")),
                (None, Some(_)) => unreachable!(),
            }
        };
        let (x1, x2, y, split) = (find("x1")?, find("x2")?, find("y")?, find("split")?);
        match (x1, x2, y) {
            (Some(x1), Some(x2), Some(y)) => Ok(Columns { x1, x2, y, split, count: names.len() }),
            _ if names.iter().all(|n| n.parse::<f64>().is_ok()) => Err(format!(
                "line {line}: the CSV has no header: its first line holds numbers; start it with a line x1,x2,y naming the columns."
            )),
            _ => {
                let missing: Vec<&str> =
                    [("x1", x1), ("x2", x2), ("y", y)].into_iter().filter(|(_, at)| at.is_none()).map(|(n, _)| n).collect();
                let found: Vec<String> = fields.iter().map(|f| format!("\"{f}\"")).collect();
                Err(format!(
                    "line {line}: the header has no column {}; it needs x1, x2 and y (it has {}).",
                    missing.join(", "),
                    excerpt(&found.join(", "))
                ))
            }
        }
    }

    /// One row in the file's units.
    fn row(&self, line: usize, text: &str, delimiter: char) -> Result<Row, String> {
        let fields = fields_of(line, text, delimiter)?;
        if fields.len() != self.count {
            let values = if fields.len() == 1 { "value" } else { "values" };
            return Err(format!("line {line}: {} {values}, but the header has {} columns.", fields.len(), self.count));
        }
        let x1 = coordinate(line, "x1", &fields[self.x1])?;
        let x2 = coordinate(line, "x2", &fields[self.x2])?;
        let y = label(line, &fields[self.y])?;
        let split = match self.split {
            Some(at) => split_of(line, &fields[at])?,
            None => None,
        };
        Ok(Row { point: Point { x1, x2, y }, split })
    }
}

fn coordinate(line: usize, column: &str, field: &str) -> Result<f64, String> {
    if field.is_empty() {
        return Err(format!("line {line}, column {column}: the value is missing."));
    }
    match field.parse::<f64>() {
        Ok(v) if v.is_finite() => Ok(v),
        Ok(_) => Err(format!("line {line}, column {column}: \"{}\" is not a finite number.", excerpt(field))),
        Err(_) => Err(format!("line {line}, column {column}: \"{}\" is not a number.", excerpt(field))),
    }
}

/// 1 is class 1; 0 and −1 are class 0.
fn label(line: usize, field: &str) -> Result<f64, String> {
    if field.is_empty() {
        return Err(format!("line {line}, column y: the value is missing."));
    }
    match field.parse::<f64>() {
        Ok(1.0) => Ok(1.0),
        Ok(0.0 | -1.0) => Ok(0.0),
        _ => Err(format!("line {line}, column y: \"{}\" is not 0 or 1.", excerpt(field))),
    }
}

fn split_of(line: usize, field: &str) -> Result<Option<Split>, String> {
    match field.to_ascii_lowercase().as_str() {
        "" => Ok(None),
        "train" => Ok(Some(Split::Train)),
        "dev" | "test" => Ok(Some(Split::Dev)),
        _ => Err(format!("line {line}, column split: \"{}\" is not train, dev or test.", excerpt(field))),
    }
}

/// Keeps points that already fill the view; centres and scales any others into [−FIT, FIT]².
fn fit_into_view(rows: &[Row]) -> Result<Scale, String> {
    let (mut lo, mut hi) = ([f64::INFINITY; 2], [f64::NEG_INFINITY; 2]);
    for r in rows {
        for (axis, v) in [r.point.x1, r.point.x2].into_iter().enumerate() {
            lo[axis] = lo[axis].min(v);
            hi[axis] = hi[axis].max(v);
        }
    }
    let reach = lo.iter().chain(&hi).fold(0.0_f64, |m, v| m.max(v.abs()));
    if (VIEW / 2.0..=VIEW).contains(&reach) {
        return Ok(Scale::IDENTITY);
    }
    let half_span = ((hi[0] - lo[0]) / 2.0).max((hi[1] - lo[1]) / 2.0);
    if !half_span.is_finite() {
        return Err("The coordinates are too far apart to scale into the view (beyond ±1e308).".into());
    }
    let centre = [lo[0] / 2.0 + hi[0] / 2.0, lo[1] / 2.0 + hi[1] / 2.0];
    // all the points in one place (or nearly): nothing to stretch
    let factor = if half_span > 0.0 && (FIT / half_span).is_finite() { FIT / half_span } else { 1.0 };
    Ok(Scale { centre, factor })
}
