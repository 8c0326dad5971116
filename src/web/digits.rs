//! Digits mode's views on their canvases, one `put_image_data` each, and the numbers the
//! page writes beside them (a small JSON text).

use wasm_bindgen::prelude::*;
use wasm_bindgen::Clamped;
use web_sys::{CanvasRenderingContext2d, ImageData};

use super::Playground;
use crate::data::augment_images::transform;
use crate::data::digits::{Image, PIXELS};
use crate::data::Augmentation;
use crate::render::digits::{filter_pixels, image_pixels, paint_dev_images, paint_filters, paint_pixels_in_use, paint_strip};
use crate::render::Image as Canvas;
use crate::train::session::rng;

/// The random stream of the strip's previews of kinds not in use (beside the session's five).
const PREVIEW_STREAM: u64 = 16;

#[wasm_bindgen]
impl Playground {
    /// Draws digits mode's view `view` — `images` (the dev set tinted by P(y = 1), wrong ones
    /// framed), `filters` (W[1]'s rows as 8×8 pictures), `pixels` (pixels in use) or `strip`
    /// (a training image of the first digit and one copy per augmentation kind) — into `ctx`,
    /// `width`×`height` device pixels, and returns its numbers as JSON.
    #[wasm_bindgen(js_name = drawDigits)]
    pub fn draw_digits(&self, view: &str, ctx: &CanvasRenderingContext2d, width: u32, height: u32) -> Result<String, JsValue> {
        if !self.session.config().dataset.is_images() {
            return Err(JsValue::from_str("drawDigits: the dataset is not digits"));
        }
        let mut canvas = Canvas::new(width.max(1) as usize, height.max(1) as usize);
        let json = match view {
            "images" => self.dev_images(&mut canvas),
            "filters" => self.filters(&mut canvas),
            "pixels" => self.pixels_in_use(&mut canvas),
            "strip" => self.strip(&mut canvas),
            _ => return Err(JsValue::from_str(&format!("drawDigits: no view {view:?}; use images, filters, pixels or strip"))),
        };
        let data = ImageData::new_with_u8_clamped_array_and_sh(Clamped(&canvas.rgba), canvas.width as u32, canvas.height as u32)?;
        ctx.put_image_data(&data, 0.0, 0.0)?;
        Ok(json)
    }

    /// Digits mode's data as CSV (`data::digits_csv`): the real training images, then the
    /// dev images, each as digit, y, split and 64 grey levels.
    #[wasm_bindgen(js_name = digitsCsv)]
    pub fn digits_csv(&self) -> String {
        let s = &self.session;
        crate::data::digits_csv::write(s.real_train_images(), &s.dev_set().images, s.config().digits)
    }
}

impl Playground {
    fn dev_images(&self, canvas: &mut Canvas) -> String {
        let dev = self.session.dev_set();
        let p = self.session.net().predict(dev.x.view());
        let p = p.to_vec();
        let (side, columns) = paint_dev_images(canvas, &dev.images, &p);
        let wrong = dev.images.iter().zip(&p).filter(|(image, &prob)| (prob > 0.5) != (image.y > 0.5)).count();
        let count = dev.images.len();
        let error = if count == 0 { f64::NAN } else { wrong as f64 / count as f64 };
        format!(r#"{{"count":{count},"wrong":{wrong},"devError":{},"side":{side},"columns":{columns}}}"#, number(error))
    }

    fn first_layer(&self) -> Vec<[f64; PIXELS]> {
        let w1 = &self.session.net().weights()[0];
        w1.rows().into_iter().map(|row| std::array::from_fn(|p| row.get(p).copied().unwrap_or(0.0))).collect()
    }

    fn filters(&self, canvas: &mut Canvas) -> String {
        let rows = self.first_layer();
        let (side, columns) = paint_filters(canvas, &rows);
        let zeros = rows.iter().flatten().filter(|&&w| w == 0.0).count();
        let largest = rows.iter().flatten().fold(0.0_f64, |m, w| m.max(w.abs()));
        format!(r#"{{"units":{},"side":{side},"columns":{columns},"zeroWeights":{zeros},"largest":{}}}"#, rows.len(), number(largest))
    }

    fn pixels_in_use(&self, canvas: &mut Canvas) -> String {
        let rows = self.first_layer();
        let strength: [f64; PIXELS] = std::array::from_fn(|p| rows.iter().map(|r| r[p].abs()).sum());
        paint_pixels_in_use(canvas, &strength);
        let in_use = strength.iter().filter(|&&s| s != 0.0).count();
        format!(r#"{{"inUse":{in_use},"pixels":{PIXELS}}}"#)
    }

    /// The first real training image of the first digit (y = 1), then one copy for every
    /// kind: the training set's own copy when the kind is on, else a preview of what it does.
    fn strip(&self, canvas: &mut Canvas) -> String {
        let s = &self.session;
        let real = s.real_train_images();
        let Some(i) = real.iter().position(|image| image.y == 1.0) else {
            canvas.fill(crate::render::digits::PAPER);
            return r#"{"kinds":[],"on":[],"changed":[]}"#.to_string();
        };
        let augment = &s.config().augment;
        let mut preview = rng(s.config().seed, PREVIEW_STREAM);
        let mut strip: Vec<Image> = vec![real[i].clone()];
        let mut on = Vec::new();
        for kind in Augmentation::ALL {
            match augment.iter().position(|&k| k == kind) {
                Some(k) => strip.push(s.augmented_images()[k * real.len() + i].clone()),
                None => strip.push(transform(kind, &real[i], &mut preview)),
            }
            on.push(augment.contains(&kind));
        }
        paint_strip(canvas, &strip);
        let changed: Vec<String> =
            strip[1..].iter().map(|c| number(c.pixels.iter().zip(&strip[0].pixels).map(|(a, b)| (a - b).abs()).sum())).collect();
        let kinds: Vec<String> = Augmentation::ALL.iter().map(|k| format!("{:?}", k.name())).collect();
        format!(r#"{{"kinds":[{}],"on":{:?},"changed":[{}]}}"#, kinds.join(","), on, changed.join(","))
    }
}

/// A finite number as JSON, else null.
fn number(v: f64) -> String {
    if v.is_finite() {
        format!("{v}")
    } else {
        "null".to_string()
    }
}

impl Playground {
    /// A node of the digits diagram: the input tile shows the first training image, a
    /// first-layer unit its 64 weights, a deeper unit or ŷ a plain grey square.
    pub(super) fn digit_node_pixels(&self, layer: usize, unit: usize, size: usize, dropped: bool) -> Option<Vec<u8>> {
        let s = &self.session;
        match layer {
            0 => s.train_set().images.first().map(|image| image_pixels(&image.pixels, size)),
            1 => self.first_layer().get(unit).map(|row| filter_pixels(row, size, dropped)),
            _ => {
                let grey = if dropped { [246, 246, 246, 255] } else { [236, 236, 236, 255] };
                Some(grey.repeat(size * size))
            }
        }
    }
}

/// The dataset picker's picture of the digits: the file's first 4, large (kept in the code, so
/// the picker needs no data).
pub(super) fn draw_thumbnail(ctx: &CanvasRenderingContext2d, size: u32) -> Result<(), JsValue> {
    use crate::data::digits::{FIRST_FOUR, MAX_LEVEL};
    let side = size.max(8) as usize;
    let pixels = image_pixels(&FIRST_FOUR.map(|v| v as f64 / MAX_LEVEL as f64), side);
    let data = ImageData::new_with_u8_clamped_array_and_sh(Clamped(&pixels), side as u32, side as u32)?;
    ctx.put_image_data(&data, 0.0, 0.0)
}
