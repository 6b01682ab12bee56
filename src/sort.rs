//! Stable sorting through one copy of the standard library's sort, for the size of the wasm.
//!
//! Every `slice::sort_by` / `sort_by_key` call with its own element type and comparator is compiled to
//! its own copy of the standard library's driftsort (3–5 KB of wasm each; ten of them were 38 KB raw). The
//! functions here sort a permutation of indices instead, through a single instantiation that takes the
//! comparator as a trait object, and then move the elements into that order. The result is the same as
//! `sort_by`'s for any comparator that is a total preorder (as every `Ord` key and `f64::total_cmp` is): a
//! stable sort's output is fully determined by the comparator, whatever the algorithm.

use std::cmp::Ordering;

/// Sort indices (or any `usize` values) stably by `cmp`: the one place the standard sort is instantiated.
pub(crate) fn indices_by(v: &mut [usize], cmp: &mut dyn FnMut(usize, usize) -> Ordering) {
    v.sort_by(|&a, &b| cmp(a, b));
}

/// Sort `usize` values ascending: equal values are indistinguishable, so this is also what
/// `sort_unstable` gives (and a copy of the unstable sort fewer).
pub(crate) fn indices(v: &mut [usize]) {
    indices_by(v, &mut |a, b| a.cmp(&b));
}

/// [`indices_by`] with a key per value, like `sort_by_key`.
pub(crate) fn indices_by_key<K: Ord>(v: &mut [usize], mut key: impl FnMut(usize) -> K) {
    indices_by(v, &mut |a, b| key(a).cmp(&key(b)));
}

/// Sort `v` stably by `cmp`, like `slice::sort_by`.
pub(crate) fn by<T>(v: &mut Vec<T>, mut cmp: impl FnMut(&T, &T) -> Ordering) {
    let mut order: Vec<usize> = (0..v.len()).collect();
    indices_by(&mut order, &mut |a, b| cmp(&v[a], &v[b]));
    let mut slots: Vec<Option<T>> = std::mem::take(v).into_iter().map(Some).collect();
    v.extend(order.into_iter().filter_map(|i| slots[i].take()));
}

/// Sort `v` stably by `key`, like `slice::sort_by_key`.
pub(crate) fn by_key<T, K: Ord>(v: &mut Vec<T>, mut key: impl FnMut(&T) -> K) {
    by(v, |a, b| key(a).cmp(&key(b)));
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn by_key_is_stable_and_matches_the_standard_sort() {
        // many ties, in an order the key does not decide
        let items: Vec<(u8, usize)> = (0..200).map(|i| ((i * 7 % 5) as u8, i)).collect();
        let mut ours = items.clone();
        by_key(&mut ours, |&(k, _)| k);
        let mut std_sorted = items.clone();
        std_sorted.sort_by_key(|&(k, _)| k);
        assert_eq!(ours, std_sorted);
        assert!(ours.windows(2).all(|w| w[0].0 < w[1].0 || w[0].1 < w[1].1));
    }

    #[test]
    fn by_sorts_floats_descending_with_ties_in_input_order() {
        let mut v: Vec<(f64, char)> =
            vec![(1.0, 'a'), (3.0, 'b'), (1.0, 'c'), (3.0, 'd'), (2.0, 'e')];
        by(&mut v, |a, b| b.0.total_cmp(&a.0));
        assert_eq!(
            v.iter().map(|x| x.1).collect::<String>(),
            "bdeac",
            "ties keep their order"
        );
    }

    #[test]
    fn indices_by_key_sorts_values_by_their_key() {
        let score: [f64; 4] = [0.5, 0.1, 0.9, 0.1];
        let mut order = vec![0, 1, 2, 3];
        indices_by(&mut order, &mut |a, b| score[b].total_cmp(&score[a]));
        assert_eq!(order, [2, 0, 1, 3]);
        let mut v = vec![3, 1, 2, 1, 0];
        indices_by_key(&mut v, |x| x);
        assert_eq!(v, [0, 1, 1, 2, 3]);
    }
}
