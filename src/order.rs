//! A stable sorting order by any comparison, as one small routine: `slice::sort_by` is a
//! generic sort of some 8 KB of wasm per element type and comparison.

/// The indices `0..n` in stable sorted order: `before(i, j)` says item i goes before item j.
/// Equal items keep their order, so this is exactly the order `sort_by` would give.
pub fn stable_order(n: usize, before: &dyn Fn(usize, usize) -> bool) -> Vec<usize> {
    let mut order: Vec<usize> = (0..n).collect();
    let mut merged = Vec::with_capacity(n);
    let mut width = 1;
    // bottom-up merge sort: runs of `width` merged pairwise, the left run first on ties
    while width < n {
        merged.clear();
        for start in (0..n).step_by(2 * width) {
            let (mid, end) = ((start + width).min(n), (start + 2 * width).min(n));
            let (mut i, mut j) = (start, mid);
            while i < mid && j < end {
                if before(order[j], order[i]) {
                    merged.push(order[j]);
                    j += 1;
                } else {
                    merged.push(order[i]);
                    i += 1;
                }
            }
            merged.extend_from_slice(&order[i..mid]);
            merged.extend_from_slice(&order[j..end]);
        }
        std::mem::swap(&mut order, &mut merged);
        width *= 2;
    }
    order
}

/// `items` in the order `stable_order` gives.
pub fn sorted_stable<T>(items: Vec<T>, before: &dyn Fn(&T, &T) -> bool) -> Vec<T> {
    let order = stable_order(items.len(), &|i, j| before(&items[i], &items[j]));
    let mut slots: Vec<Option<T>> = items.into_iter().map(Some).collect();
    order.into_iter().map(|i| slots[i].take().expect("each index once")).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_order_is_the_one_a_stable_sort_gives() {
        let mut state = 12345u32;
        for n in [0, 1, 2, 3, 7, 8, 9, 31, 64, 100, 1000] {
            let keys: Vec<u32> = (0..n)
                .map(|_| {
                    state = state.wrapping_mul(1_103_515_245).wrapping_add(12_345);
                    (state >> 16) % 7
                })
                .collect();
            let mut expected: Vec<usize> = (0..n).collect();
            expected.sort_by_key(|&i| keys[i]);
            assert_eq!(stable_order(n, &|i, j| keys[i] < keys[j]), expected, "n = {n}");
            let items: Vec<(u32, usize)> = keys.iter().copied().zip(0..).collect();
            let sorted = sorted_stable(items, &|a, b| a.0 < b.0);
            assert_eq!(sorted.iter().map(|p| p.1).collect::<Vec<_>>(), expected);
        }
    }
}
