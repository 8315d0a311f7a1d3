//! A small set of names found in one document: the forms a document's entities go by,
//! matched again at their every occurrence. Built per document, so building must cost
//! next to nothing (an Aho-Corasick automaton costs more to build than to run here).

use std::collections::HashMap;

/// Bits of the first-character filter.
const FILTER_BITS: usize = 4096;

/// Names (sequences of characters) with a leftmost-longest, non-overlapping search.
pub(crate) struct NameSet {
    names: Vec<Vec<char>>,
    /// Per first character: the names that begin with it, longest first.
    by_first: HashMap<char, Vec<u32>>,
    /// Bit `c % FILTER_BITS` is set when some name begins with `c`.
    filter: Vec<u64>,
}

impl NameSet {
    /// The set of `names`; a name's index in the iteration is its pattern number. Empty
    /// names are never matched.
    pub(crate) fn new<'a>(names: impl IntoIterator<Item = &'a str>) -> NameSet {
        let names: Vec<Vec<char>> = names.into_iter().map(|n| n.chars().collect()).collect();
        let mut by_first: HashMap<char, Vec<u32>> = HashMap::new();
        let mut filter = vec![0u64; FILTER_BITS / 64];
        for (i, n) in names.iter().enumerate() {
            let Some(&c) = n.first() else {
                continue;
            };
            let b = c as usize % FILTER_BITS;
            filter[b / 64] |= 1 << (b % 64);
            by_first.entry(c).or_default().push(i as u32);
        }
        for ids in by_first.values_mut() {
            // longest first; among equal lengths the lowest pattern number
            ids.sort_by_key(|&i| (std::cmp::Reverse(names[i as usize].len()), i));
        }
        NameSet {
            names,
            by_first,
            filter,
        }
    }

    /// The longest name that begins at `chars[i]`.
    #[inline]
    fn longest_at(&self, chars: &[char], i: usize) -> Option<u32> {
        let c = chars[i];
        let b = c as usize % FILTER_BITS;
        if (self.filter[b / 64] >> (b % 64)) & 1 == 0 {
            return None;
        }
        let rest = &chars[i..];
        self.by_first.get(&c)?.iter().copied().find(|&k| {
            let n = &self.names[k as usize];
            rest.starts_with(n)
        })
    }

    /// Occurrences `(start, end, pattern)` in character offsets, leftmost first; at each
    /// start the longest name, and the search goes on after it (the matches of
    /// Aho-Corasick's leftmost-longest search over the same text).
    pub(crate) fn find_iter<'s, 'c>(
        &'s self,
        chars: &'c [char],
    ) -> impl Iterator<Item = (usize, usize, usize)> + use<'s, 'c> {
        let mut i = 0;
        std::iter::from_fn(move || {
            while i < chars.len() {
                if let Some(k) = self.longest_at(chars, i) {
                    let start = i;
                    i += self.names[k as usize].len();
                    return Some((start, i, k as usize));
                }
                i += 1;
            }
            None
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use aho_corasick::{AhoCorasickBuilder, AhoCorasickKind, MatchKind};

    /// The same matches as the automaton it replaces, on texts that overlap names in
    /// every way (prefixes, suffixes, shared middles, repeats, mixed scripts).
    #[test]
    fn matches_like_leftmost_longest_aho_corasick() {
        let names = [
            "阿里",
            "阿里巴巴",
            "巴巴",
            "里巴",
            "AI",
            "OpenAI",
            "AI 公司",
            "张三",
            "三丰",
        ];
        let texts = [
            "阿里巴巴和阿里，巴巴里巴阿里巴",
            "OpenAI 是AI 公司，AI公司；张三丰和张三",
            "",
            "没有名字的句子",
            "阿阿里里巴巴巴",
        ];
        let set = NameSet::new(names.iter().copied());
        let ac = AhoCorasickBuilder::new()
            .kind(Some(AhoCorasickKind::NoncontiguousNFA))
            .match_kind(MatchKind::LeftmostLongest)
            .build(names)
            .unwrap();
        for t in texts {
            let chars: Vec<char> = t.chars().collect();
            let ours: Vec<(usize, usize, usize)> = set.find_iter(&chars).collect();
            let theirs: Vec<(usize, usize, usize)> = ac
                .find_iter(t)
                .map(|m| {
                    (
                        t[..m.start()].chars().count(),
                        t[..m.end()].chars().count(),
                        m.pattern().as_usize(),
                    )
                })
                .collect();
            assert_eq!(ours, theirs, "{t}");
        }
    }
}
