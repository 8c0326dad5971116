//! Instruments: the mathematics behind the pictures that is not pixels — every neuron's map,
//! histograms of weights and of z, the L1/L2 constrained optima, the linearity fit. Reads
//! `nn` and `data`; `render` and `web` draw what it computes.

pub mod histogram;
pub mod linearity;
pub mod neuron_maps;
pub mod norms;
pub mod sample;

pub use linearity::plane_r2;
pub use neuron_maps::NeuronMaps;
