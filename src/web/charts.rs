//! Curves of the training history, drawn with plotters-canvas.
