//! The network diagram: where nodes and links sit, what each node's map shows, and that the
//! two things regularization does to a network, L1's exact zeros and dropout's removed
//! units, are drawn distinctly.

use ndarray::{array, Array1, Array2};
use regplay::data::Feature;
use regplay::instruments::NeuronMaps;
use regplay::nn::{Activation, Dropout, Mlp};
use regplay::render::network::{node_pixels, Diagram, Layout};
use regplay::train::{Config, Session};

/// 2 inputs → 3 tanh units → 1 output, with W[1] row 0 = (1, 0): unit a[1]₁ = tanh(x₁).
fn small_net() -> Mlp {
    let w1 = array![[1.0, 0.0], [0.5, -0.5], [0.0, 2.0]];
    let w2 = array![[1.0, -1.0, 0.5]];
    Mlp::from_params(vec![w1, w2], vec![Array1::zeros(3), Array1::zeros(1)], Activation::Tanh).unwrap()
}

#[test]
fn every_node_and_link_lies_inside_the_canvas() {
    for sizes in [vec![2, 1], vec![2, 16, 16, 1], vec![7, 32, 32, 32, 32, 32, 32, 1], vec![1, 1, 1]] {
        for (width, height, scale) in [(520.0, 300.0, 1.0), (1040.0, 600.0, 2.0), (436.0, 380.0, 1.0), (40.0, 30.0, 1.0)] {
            let layout = Layout::new(width, height, &sizes, scale);
            let counts: Vec<usize> = layout.nodes.iter().map(Vec::len).collect();
            assert_eq!(counts, sizes, "one rectangle per node");
            for r in layout.nodes.iter().flatten() {
                assert!(r.w >= 1.0 && r.h >= 1.0, "{r:?}");
                assert!(
                    r.x >= 0.0 && r.y >= 0.0 && r.x + r.w <= width && r.y + r.h <= height,
                    "{r:?} outside {width}×{height} for {sizes:?}"
                );
            }
            let expected: usize = sizes.windows(2).map(|w| w[0] * w[1]).sum();
            assert_eq!(layout.links.len(), expected, "Σ n_l·n_(l−1) links for {sizes:?}");
            for l in &layout.links {
                let (a, b) = (layout.nodes[l.layer - 1][l.from], layout.nodes[l.layer][l.to]);
                assert_eq!((l.x1, l.y1), (a.x + a.w, a.y + a.h / 2.0), "a link leaves its unit's right edge");
                assert_eq!((l.x2, l.y2), (b.x, b.y + b.h / 2.0), "and enters the next unit's left edge");
                assert!(l.x1 < l.x2);
            }
        }
    }
}

#[test]
fn nodes_of_a_column_do_not_overlap() {
    let layout = Layout::new(520.0, 300.0, &[7, 32, 8, 1], 1.0);
    for column in &layout.nodes {
        for pair in column.windows(2) {
            assert!(pair[0].y + pair[0].h < pair[1].y, "{:?} overlaps {:?}", pair[0], pair[1]);
        }
    }
}

#[test]
fn the_map_of_x1_grows_left_to_right_and_x2_bottom_to_top() {
    let n = 12;
    let maps = NeuronMaps::new(&small_net(), &[Feature::X1, Feature::X2], n);
    let x1 = maps.get(0, 0).unwrap();
    let x2 = maps.get(0, 1).unwrap();
    for r in 0..n {
        for c in 1..n {
            assert!(x1[r * n + c] > x1[r * n + c - 1], "x₁ grows to the right");
            assert_eq!(x1[r * n + c], x1[c], "x₁ does not change down a column");
        }
    }
    for r in 1..n {
        assert!(x2[r * n] < x2[(r - 1) * n], "x₂ grows upward (row 0 at the top)");
    }
    // features are scaled by their largest |value|: the extremes reach the ends of the scale
    assert!(x1[0] < 0.1 && x1[n - 1] > 0.9, "{} … {}", x1[0], x1[n - 1]);
}

#[test]
fn a_tanh_unit_is_shown_on_its_own_range_without_rescaling() {
    let n = 10;
    let maps = NeuronMaps::new(&small_net(), &[Feature::X1, Feature::X2], n);
    let unit = maps.get(1, 0).unwrap(); // a = tanh(x₁)
    let x1 = |c: usize| -6.0 + (c as f64 + 0.5) * 12.0 / n as f64;
    for (c, &shade) in unit[..n].iter().enumerate() {
        assert!((shade - (x1(c).tanh() + 1.0) / 2.0).abs() < 1e-12, "(tanh + 1)/2 at column {c}");
    }
    assert!(maps.get(1, 3).is_none() && maps.get(3, 0).is_none(), "no such node");
}

#[test]
fn the_output_node_shows_what_the_boundary_shows() {
    let mut session = Session::new(Config::default());
    session.train(50);
    let maps = NeuronMaps::new(session.net(), &session.config().features, 20);
    assert_eq!(maps.layers.len(), 4, "inputs, two hidden layers, output");
    // the grid runs on the training kernel, the maps on the lecture's network: equal to rounding
    let (map, grid) = (maps.get(3, 0).unwrap(), session.probability_grid(20));
    assert_eq!(map.len(), grid.len());
    assert!(map.iter().zip(&grid).all(|(a, b)| (a - b).abs() <= 1e-14), "the output map differs from the boundary");
}

#[test]
fn a_weight_of_exactly_zero_is_drawn_apart_from_a_tiny_one() {
    let w1 = array![[0.0, 1e-9], [0.7, -2.0]];
    let w2 = array![[0.0, 1.0]];
    let net = Mlp::from_params(vec![w1, w2], vec![Array1::zeros(2), Array1::zeros(1)], Activation::Tanh).unwrap();
    let d = Diagram::new(&net, &[Feature::X1, Feature::X2], None, 520.0, 300.0, 1.0);
    let edge = |layer: usize, to: usize, from: usize| {
        d.edges.iter().find(|e| (e.link.layer, e.link.to, e.link.from) == (layer, to, from)).unwrap()
    };
    let zero = edge(1, 0, 0);
    assert!(zero.zero && zero.stroke.dashed, "W[1]₁,₁ = 0 is flagged and dashed");
    assert_eq!(zero.label, "W[1]₁,₁");
    let tiny = edge(1, 0, 1);
    assert!(!tiny.zero && !tiny.stroke.dashed, "1e-9 is small, not removed");
    assert!(edge(2, 0, 0).zero);
    assert_eq!(d.edges.iter().filter(|e| e.zero).count(), 2);
    // wider for larger |w|, coloured by sign (orange negative, blue positive)
    let (neg, pos) = (edge(1, 1, 1).stroke, edge(1, 1, 0).stroke);
    assert!(neg.width > pos.width && pos.width > tiny.stroke.width);
    assert!(neg.color[0] > neg.color[2] && pos.color[2] > pos.color[0]);
}

#[test]
fn after_l1_training_every_zero_weight_is_a_dashed_link() {
    let pairs = [("reg", "l1"), ("lambda", "3"), ("features", "x1,x2,x1sq,x2sq,x1x2,sinx1,sinx2")];
    let (config, problems) = Config::from_pairs(pairs);
    assert!(problems.is_empty());
    let mut session = Session::new(config);
    session.train(1500);
    let d = Diagram::new(session.net(), &session.config().features, None, 520.0, 300.0, 1.0);
    let dashed = d.edges.iter().filter(|e| e.stroke.dashed).count();
    assert_eq!(dashed, session.evaluate().zero_weights);
    assert!(dashed > d.edges.len() / 2, "L1 removed most links: {dashed} of {}", d.edges.len());
    // strong links lie on top of removed ones
    let first_solid = d.edges.iter().position(|e| !e.zero).unwrap();
    assert!(d.edges[first_solid..].iter().all(|e| !e.zero));
}

#[test]
fn units_dropped_in_the_last_iteration_are_marked_with_their_links() {
    let net = small_net();
    // the first column is the first example of the batch: unit 2 of layer 1 dropped there
    let mask: Array2<f64> = array![[1.0, 0.0], [0.0, 1.0], [1.0, 1.0]];
    let dropout = Dropout { keep_prob: vec![0.5], masks: vec![mask] };
    let d = Diagram::new(&net, &[Feature::X1, Feature::X2], Some(&dropout), 520.0, 300.0, 1.0);
    let dropped: Vec<(usize, usize)> = d.nodes.iter().filter(|n| n.dropped).map(|n| (n.layer, n.unit)).collect();
    assert_eq!(dropped, vec![(1, 1)]);
    for e in &d.edges {
        let touches = (e.link.layer == 1 && e.link.to == 1) || (e.link.layer == 2 && e.link.from == 1);
        assert_eq!(e.faded, touches, "{}", e.label);
        assert_eq!(e.stroke.alpha <= 0.15, touches, "faded: {}", e.label);
    }
    let faded = d.edges.iter().filter(|e| e.faded).count();
    assert_eq!(faded, 3, "two links in, one out");
    assert!(d.edges.iter().take(faded).all(|e| e.faded), "faded links are drawn underneath");
    let labels: Vec<&str> = d.nodes.iter().map(|n| n.label.as_str()).collect();
    assert_eq!(labels, ["x₁", "x₂", "a[1]₁", "a[1]₂", "a[1]₃", "ŷ"]);
}

#[test]
fn a_dropped_unit_is_painted_washed_out() {
    let map = vec![0.0, 1.0, 0.5, 0.25];
    let normal = node_pixels(&map, 2, 4, false);
    let washed = node_pixels(&map, 2, 4, true);
    assert_eq!(normal.len(), 4 * 4 * 4);
    assert_eq!(&normal[0..4], &[230, 120, 20, 255], "orange for the low end, top left");
    assert_eq!(&normal[12..16], &[20, 110, 190, 255], "blue for the high end, top right");
    let sum = |p: &[u8]| p.iter().map(|&v| v as u32).sum::<u32>();
    assert!(sum(&washed) > sum(&normal) + 4 * 4 * 100, "washed toward white");
}
