//! One compiled sort for the whole app. Each `sort_by` of a new element type or comparison
//! is a new copy of the standard library's sort (2 to 4 KB of Wasm each); the journal's
//! download held eleven of them. [`sort_by`] sorts positions (`usize`) behind a `dyn`
//! comparison, so every caller shares one copy, then moves the items into that order.

use std::cmp::Ordering;
use std::collections::{BTreeMap, BTreeSet};

/// A map of these pairs, the last of equal keys kept, as `collect()` makes it. Collecting
/// into a `BTreeMap` or `BTreeSet` sorts the items first, with its own copy of the standard
/// library's sort for each item type; inserting one at a time needs none.
pub fn map_of<K: Ord, V>(pairs: impl IntoIterator<Item = (K, V)>) -> BTreeMap<K, V> {
    let mut map = BTreeMap::new();
    for (key, value) in pairs {
        map.insert(key, value);
    }
    map
}

/// A set of these items, as `collect()` makes it (see [`map_of`]).
pub fn set_of<T: Ord>(items: impl IntoIterator<Item = T>) -> BTreeSet<T> {
    let mut set = BTreeSet::new();
    for item in items {
        set.insert(item);
    }
    set
}

/// Sorts `items` by `order`, stably (equal items keep their order), as `<[T]>::sort_by`
/// does.
pub fn sort_by<T>(items: &mut [T], order: impl Fn(&T, &T) -> Ordering) {
    let from = positions(items.len(), &|a, b| order(&items[a], &items[b]));
    arrange(items, from);
}

/// Positions `0..n`, sorted stably by `order`.
#[inline(never)]
fn positions(n: usize, order: &dyn Fn(usize, usize) -> Ordering) -> Vec<usize> {
    let mut at: Vec<usize> = (0..n).collect();
    at.sort_by(|a, b| order(*a, *b));
    at
}

/// Puts in place `i` the item that was at `from[i]` (`from` a permutation), by following
/// each cycle of the permutation with swaps.
fn arrange<T>(items: &mut [T], mut from: Vec<usize>) {
    for start in 0..items.len() {
        let mut at = start;
        loop {
            let next = from[at];
            from[at] = at;
            if next == start || next == at {
                break;
            }
            items.swap(at, next);
            at = next;
        }
    }
}

// Property tests run natively only (proptest does not build for wasm32).
#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests {
    use super::*;
    use proptest::prelude::*;

    proptest! {
        /// The same order as the standard library's stable sort, equal keys included.
        #[test]
        fn sorts_as_the_standard_library_does(items in prop::collection::vec((0u8..6, any::<u16>()), 0..200)) {
            let mut ours = items.clone();
            let mut std = items;
            sort_by(&mut ours, |a, b| a.0.cmp(&b.0));
            std.sort_by_key(|a| a.0);
            prop_assert_eq!(ours, std);
        }
    }

    proptest! {
        /// The same map and set as `collect()`, duplicate keys included (the last wins).
        #[test]
        fn maps_and_sets_as_collect_makes_them(pairs in prop::collection::vec((0u8..20, any::<u16>()), 0..60)) {
            prop_assert_eq!(map_of(pairs.clone()), pairs.iter().copied().collect::<BTreeMap<_, _>>());
            prop_assert_eq!(set_of(pairs.clone()), pairs.into_iter().collect::<BTreeSet<_>>());
        }
    }

    #[test]
    fn sorts_strings_descending() {
        let mut words = vec!["b", "d", "a", "c"];
        sort_by(&mut words, |a, b| b.cmp(a));
        assert_eq!(words, ["d", "c", "b", "a"]);
    }
}
