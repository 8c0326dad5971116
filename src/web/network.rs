//! The network diagram: neuron maps, links, dropped units.
