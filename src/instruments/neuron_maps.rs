//! Every neuron's output over the view square, as the network diagram and the large view
//! show it.

use ndarray::{Array2, Axis};

use crate::data::{features_of, grid_points, Feature};
use crate::nn::{sigmoid, Activation, Mlp};

/// Every node's output on an n×n grid over the view square (row-major, row 0 at the top),
/// as a position on the diverging scale (0 orange, ½ grey, 1 blue). `layers[0]` holds the
/// input features, then each hidden layer's `a = g(z)` without dropout, then `P(y = 1)`.
pub struct NeuronMaps {
    pub n: usize,
    /// one `(n_l, n²)` matrix per layer, a node's map in its row
    pub layers: Vec<Array2<f64>>,
}

impl NeuronMaps {
    /// One batched forward pass over the grid gives every node's map.
    pub fn new(net: &Mlp, features: &[Feature], n: usize) -> NeuronMaps {
        let x = features_of(grid_points(n).view(), features);
        let (hidden_z, logits) = net.hidden_z_and_logits(x.view());
        let g = net.activation();
        let mut layers = vec![scaled_by_max(x)];
        for z in hidden_z {
            let a = z.mapv(|v| g.g(v));
            // tanh and σ have known ranges, so a unit's shade means the same in every run;
            // ReLU and linear units are unbounded and shown relative to their largest |a|
            layers.push(match g {
                Activation::Tanh => a.mapv(|a| (a + 1.0) / 2.0),
                Activation::Sigmoid => a,
                Activation::Relu | Activation::Linear => scaled_by_max(a),
            });
        }
        layers.push(logits.mapv(sigmoid).insert_axis(Axis(0)));
        NeuronMaps { n, layers }
    }

    /// The map of one node (layer 0 the inputs), if the network has that node.
    pub fn get(&self, layer: usize, unit: usize) -> Option<&[f64]> {
        let rows = self.layers.get(layer)?;
        (unit < rows.nrows()).then(|| rows.row(unit).to_slice().expect("rows of a standard-layout matrix are contiguous"))
    }
}

/// Each row mapped onto [0, 1] around ½ by its largest |value|, so 0 stays grey.
fn scaled_by_max(mut rows: Array2<f64>) -> Array2<f64> {
    for mut row in rows.rows_mut() {
        let max = row.iter().fold(0.0_f64, |m, v| m.max(v.abs()));
        row.mapv_inplace(|v| if max > 0.0 { 0.5 + 0.5 * v / max } else { 0.5 });
    }
    rows
}
