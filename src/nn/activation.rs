//! The hidden-layer activation g and its derivative g'.

/// Hidden activation `g`; the output layer is always one sigmoid unit.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Activation {
    Tanh,
    Relu,
    Sigmoid,
    Linear,
}

impl Activation {
    pub const ALL: [Activation; 4] = [Activation::Tanh, Activation::Relu, Activation::Sigmoid, Activation::Linear];

    pub fn name(self) -> &'static str {
        match self {
            Activation::Tanh => "tanh",
            Activation::Relu => "relu",
            Activation::Sigmoid => "sigmoid",
            Activation::Linear => "linear",
        }
    }

    pub fn parse(s: &str) -> Option<Activation> {
        Activation::ALL.into_iter().find(|a| a.name() == s)
    }

    /// `a = g(z)`
    pub fn g(self, z: f64) -> f64 {
        match self {
            Activation::Tanh => crate::math::tanh(z),
            Activation::Relu => z.max(0.0),
            Activation::Sigmoid => sigmoid(z),
            Activation::Linear => z,
        }
    }

    /// `g'(z)`, written with `a = g(z)` where that is cheaper (tanh' = 1 − a², σ' = a(1 − a)).
    pub fn g_prime(self, z: f64, a: f64) -> f64 {
        match self {
            Activation::Tanh => 1.0 - a * a,
            Activation::Relu => {
                if z > 0.0 {
                    1.0
                } else {
                    0.0
                }
            }
            Activation::Sigmoid => a * (1.0 - a),
            Activation::Linear => 1.0,
        }
    }

    /// The initialization gain: `randn · gain / √n_{l−1}` (He's √2 for ReLU, 1 otherwise).
    pub fn init_gain(self) -> f64 {
        match self {
            Activation::Relu => std::f64::consts::SQRT_2,
            _ => 1.0,
        }
    }
}

/// σ(z) = 1 / (1 + e^(−z)), written so that neither branch overflows. `math::exp` gives the
/// same bits on every platform.
pub fn sigmoid(z: f64) -> f64 {
    if z >= 0.0 {
        1.0 / (1.0 + crate::math::exp(-z))
    } else {
        let e = crate::math::exp(z);
        e / (1.0 + e)
    }
}
