use regplay::compare::{Preset, SideBySide};
use regplay::data::Augmentation;
use regplay::train::Config;

fn config(pairs: &[(&str, &str)]) -> Config {
    let (c, p) = Config::from_pairs(pairs.iter().copied());
    assert!(p.is_empty());
    c
}

#[test]
fn measure() {
    let handles: Vec<_> = (1..=12u32).map(|seed| std::thread::spawn(move || {
        let seed_s = seed.to_string();
        let mut out = String::new();
        let mut c = SideBySide::new(config(&[("seed", &seed_s)]), Preset::Augmentation(Augmentation::Jitter));
        c.add_run().unwrap(); // flip
        let mut d = SideBySide::new(config(&[("seed", &seed_s)]), Preset::Augmentation(Augmentation::Rotate));
        d.remove_run(2).unwrap();
        for it in [500, 500, 1000, 1000] {
            c.train(it); d.train(it);
            let mut cells: Vec<String> = c.runs().iter().chain(d.runs()[1..].iter()).map(|r| { let e = r.session().evaluate(); format!("{:.3}/{:.3}", e.dev_cost, e.dev_accuracy) }).collect();
            cells.swap(3, 4);
            out += &format!("seed {seed:2} it {:4}: A {} | Bjit {} | C {} | Brot {} | Bflip {}\n", c.runs()[0].session().iteration(), cells[0], cells[1], cells[2], cells[3], cells[4]);
        }
        out
    })).collect();
    for h in handles { print!("{}", h.join().unwrap()); }
}
