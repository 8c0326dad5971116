use regplay::compare::{Preset, SideBySide};
use regplay::data::Augmentation;
use regplay::train::Config;

fn config(pairs: &[(&str, &str)]) -> Config {
    let (c, p) = Config::from_pairs(pairs.iter().copied());
    assert!(p.is_empty());
    c
}

fn show(c: &SideBySide, label: &str) {
    let row: Vec<String> = c.runs().iter().map(|r| {
        let e = r.session().evaluate();
        format!("tr {:.3} dev {:.3} devJ {:.4} J {:.4} m {}", e.train_accuracy, e.dev_accuracy, e.dev_cost, e.total_cost, r.session().train_set().len())
    }).collect();
    println!("{label}: {}", row.join(" | "));
}

#[test]
fn measure() {
    for seed in ["1", "2", "3", "4", "5"] {
        let mut c = SideBySide::new(config(&[("seed", seed)]), Preset::Regularization);
        for it in [1000, 1000, 1000, 2000] {
            c.train(it);
            show(&c, &format!("reg seed {seed} it {}", c.runs()[0].session().iteration()));
        }
    }
    for (train, seed) in [("50", "1"), ("25", "1"), ("50", "2"), ("25", "2"), ("30", "3")] {
        for kind in Augmentation::ALL {
            let mut c = SideBySide::new(config(&[("seed", seed), ("train", train)]), Preset::Augmentation(kind));
            for it in [1000, 1000, 3000] {
                c.train(it);
                show(&c, &format!("aug {} train {train} seed {seed} it {}", kind.name(), c.runs()[0].session().iteration()));
            }
        }
    }
}
