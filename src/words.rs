//! Word segmentation with part-of-speech tags: jieba's algorithm over jieba's data
//! (`data/words/`, see its README), for the entity stage's reading of names after titles and
//! of candidate names.
//!
//! build.rs compiles the dictionary into a character trie and the two HMMs into flat tables,
//! all embedded in the binary, so a [`Words`] costs no heap and no start-up time: the
//! `jieba-rs` crate this replaces decoded and parsed its dictionary on every start, ~47 MB of
//! heap and ~70 ms, more than the rest of the pipeline together. Words added at run time (the
//! lexicon's names) live in a small overlay consulted alongside the trie.
//!
//! The segmentation is jieba's, step for step, so that tags stay what the callers were tuned on
//! (ported from jieba-rs 0.11, MIT): a sentence is split into runs of Han/alphanumeric
//! characters and single other characters; in a run, every dictionary word at every position
//! forms a DAG, and the route of highest summed log-frequency wins (ties to the longer word).
//! With `hmm`, what that route leaves as single characters and is not itself a dictionary word
//! is re-cut by jieba's B/E/M/S character HMM, which is what joins an unknown name (张三丰 after
//! a title) into one word; a word not in the dictionary is then tagged by jieba's
//! part-of-speech HMM (nr for that name), so the callers can read new names from the tags. A
//! simpler rule (surname + one or two unknown characters) was considered and rejected: it
//! would change the tags the entity rules and the evaluation were tuned on.

mod tables {
    include!(concat!(env!("OUT_DIR"), "/words_meta.rs"));
}

/// Log-probability standing for "impossible" in jieba's models.
const MIN_FLOAT: f64 = -3.14e100;

/// Little-endian table written by build.rs. Reads are bounds-checked and fall back to a neutral
/// value rather than panic; every index the code forms is in range for tables build.rs wrote.
#[derive(Clone, Copy)]
struct Table(&'static [u8]);

impl Table {
    fn u32(self, i: usize) -> u32 {
        self.0
            .get(i * 4..i * 4 + 4)
            .and_then(|b| b.try_into().ok())
            .map_or(u32::MAX, u32::from_le_bytes)
    }

    fn u16(self, i: usize) -> u16 {
        self.0
            .get(i * 2..i * 2 + 2)
            .and_then(|b| b.try_into().ok())
            .map_or(0, u16::from_le_bytes)
    }

    fn f64(self, i: usize) -> f64 {
        self.0
            .get(i * 8..i * 8 + 8)
            .and_then(|b| b.try_into().ok())
            .map_or(MIN_FLOAT, f64::from_le_bytes)
    }

    fn len32(self) -> usize {
        self.0.len() / 4
    }
}

macro_rules! table {
    ($file:literal) => {
        Table(include_bytes!(concat!(env!("OUT_DIR"), "/", $file)))
    };
}

/// The dictionary trie, three u32 a node: its character, its packed entry (`freq << 8 | tag`,
/// or `u32::MAX` for a node that ends no word) and its first child; node `k`'s children are the
/// nodes from its first child to the next node's first, sorted by character. Node 0 is the root.
static NODES: Table = table!("words_nodes.bin");
/// The root's child for each BMP character (0 for none): the first step of every walk, direct.
static ROOT: Table = table!("words_root.bin");
/// Segmentation HMM emissions: `[f64; 4]` (B E M S) per character of `HMM_HAN_MIN..=MAX`.
static HMM_EMIT: Table = table!("hmm_emit.bin");
/// Tagging HMM: 256 start log-probs, then the 256×256 transitions `[to][from]`.
static POS_PROBS: Table = table!("posseg_probs.bin");
/// Tagging HMM per character: sorted characters; for each a row head (first state, then five
/// u16 offsets: where each position's states begin and where the row ends, then padding); the
/// states and their emissions back to back.
static POS_CHARS: Table = table!("posseg_chars.bin");
static POS_HEADS: Table = table!("posseg_heads.bin");
static POS_STATES: Table = table!("posseg_states.bin");
static POS_EMITS: Table = table!("posseg_emits.bin");

/// A word's frequency and tag id (an index into the dictionary's tags, then the overlay's).
#[derive(Clone, Copy, Debug, PartialEq)]
struct Entry {
    freq: u32,
    tag: u16,
}

impl Entry {
    fn unpack(v: u32) -> Option<Entry> {
        (v != u32::MAX).then_some(Entry {
            freq: v >> 8,
            tag: (v & 0xff) as u16,
        })
    }
}

/// A word of a segmentation with its part-of-speech tag (jieba's tag set: nr person, ns place,
/// nt organization, nz other proper noun, eng Latin, m numeral, x other, …).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Tagged<'a> {
    pub word: &'a str,
    pub tag: &'a str,
}

/// A word of a segmentation ([`Words::cut`]), its tag read with [`Words::tag_of`].
#[derive(Clone, Copy, Debug)]
pub struct Cut<'a> {
    pub word: &'a str,
    /// The route's entry for the word, when it took a dictionary word.
    entry: Option<Entry>,
}

/// The dictionary, with the words added at run time.
#[derive(Clone, Debug)]
pub struct Words {
    /// Words added at run time, and dictionary words given a new frequency (keeping their tag).
    added: Overlay,
    /// Tags of added words that the dictionary does not use, ids after the dictionary's.
    extra_tags: Vec<Box<str>>,
    /// Sum of all frequencies, the denominator of a word's probability.
    total: u64,
    log_total: f64,
}

/// One step of the best route: log-probability of the rest of the run from here, the
/// character after the chosen word, and the word's entry (none for an unknown character).
#[derive(Clone, Copy)]
struct Step {
    prob: f64,
    end: usize,
    entry: Option<Entry>,
}

thread_local! {
    static SCRATCH: std::cell::Cell<Scratch> = std::cell::Cell::new(Scratch::default());
}

/// Buffers of one run's segmentation.
#[derive(Default)]
struct Scratch {
    /// Byte offset in the run and value of each character.
    chars: Vec<(usize, char)>,
    /// The dictionary words at each position, as `(end, entry)`, by ascending end: those of
    /// position `i` are `edges[starts[i]..starts[i + 1]]`.
    edges: Vec<(usize, Entry)>,
    starts: Vec<usize>,
    route: Vec<Step>,
}

impl Default for Words {
    fn default() -> Self {
        Self::embedded()
    }
}

impl Words {
    /// The embedded dictionary, nothing added.
    pub fn embedded() -> Words {
        Words {
            added: Overlay::default(),
            extra_tags: Vec::new(),
            total: tables::DICT_TOTAL,
            log_total: (tables::DICT_TOTAL as f64).ln(),
        }
    }

    /// Whether `word` is in the dictionary or was added.
    pub fn has_word(&self, word: &str) -> bool {
        self.get(word).is_some()
    }

    /// Adds `word` with `freq` and `tag`, for the segmentation to keep it whole; a word already
    /// known only takes the new frequency and keeps its tag, as in jieba.
    pub fn add_word(&mut self, word: &str, freq: u32, tag: &str) {
        if word.is_empty() {
            return;
        }
        let entry = match self.get(word) {
            Some(old) => {
                self.total = self.total - u64::from(old.freq) + u64::from(freq);
                Entry { freq, ..old }
            }
            None => {
                self.total += u64::from(freq);
                Entry {
                    freq,
                    tag: self.tag_id(tag),
                }
            }
        };
        self.log_total = (self.total as f64).ln();
        self.added.insert(word, entry);
    }

    /// `text` cut into words, each with its tag. With `hmm`, runs of characters the dictionary
    /// does not join are cut by the character HMM (unknown names become words).
    pub fn tag<'a>(&'a self, text: &'a str, hmm: bool) -> Vec<Tagged<'a>> {
        self.cut(text, hmm)
            .into_iter()
            .map(|w| Tagged {
                word: w.word,
                tag: self.tag_of(&w),
            })
            .collect()
    }

    /// The tag of a word of [`Words::cut`]; the same as [`Words::tag`] gives it.
    pub fn tag_of<'a>(&'a self, w: &Cut<'a>) -> &'a str {
        match w.entry.or_else(|| self.get(w.word)) {
            Some(e) => self.tag_name(e.tag),
            None => guess_tag(w.word),
        }
    }

    /// `text` cut into words as [`Words::tag`] cuts it, each tag left to be read with
    /// [`Words::tag_of`]: the tag of a word the dictionary does not know comes from the tagging
    /// HMM, which costs more than the cut, so a caller that reads a few tags asks for those.
    pub fn cut<'a>(&'a self, text: &'a str, hmm: bool) -> Vec<Cut<'a>> {
        let mut out = Vec::with_capacity(text.len() / 3);
        // the entity rules tag many short names, so the buffers are kept from call to call
        let mut scratch = SCRATCH.with(|s| s.take());
        let mut emit = |word: &'a str, entry: Option<Entry>| {
            out.push(Cut { word, entry });
        };
        let mut rest = text;
        while let Some(first) = rest.chars().next() {
            let han = is_han_default(first);
            let len = rest
                .char_indices()
                .find(|&(_, c)| is_han_default(c) != han)
                .map_or(rest.len(), |(i, _)| i);
            let (run, tail) = rest.split_at(len);
            rest = tail;
            if han {
                self.cut_run(run, hmm, &mut scratch, &mut emit);
                continue;
            }
            // anything else is a word a character, but a CRLF is one
            let mut r = run;
            while let Some(c) = r.chars().next() {
                let n = if r.starts_with("\r\n") {
                    2
                } else {
                    c.len_utf8()
                };
                let (word, tail) = r.split_at(n);
                emit(word, None);
                r = tail;
            }
        }
        // a huge run's buffers are not worth keeping for the thread's lifetime
        if scratch.edges.capacity() <= 1 << 16 {
            SCRATCH.with(|s| s.set(scratch));
        }
        out
    }

    /// Calls `f(length, tag)` for each word of the dictionary, or added, that `chars` begins
    /// with (length in characters; a word both in the dictionary and added comes twice, once
    /// with each entry's tag). The words a segmentation can cut that are not among these are
    /// single characters and runs of ASCII letters and digits, so a caller can tell from
    /// these alone when no cut of a text could give a word it looks for.
    pub fn prefixes(&self, chars: &[char], mut f: impl FnMut(usize, &str)) {
        let mut node = 0;
        for (j, &c) in chars.iter().enumerate() {
            let Some(next) = child(node, c) else { break };
            node = next;
            if let Some(e) = Entry::unpack(NODES.u32(node * 3 + 1)) {
                f(j + 1, self.tag_name(e.tag));
            }
        }
        if chars.first().is_none_or(|&c| !self.added.may_start(c)) {
            return;
        }
        let mut node = 0;
        for (j, &c) in chars.iter().enumerate() {
            let Some(next) = self.added.child(node, c) else {
                break;
            };
            node = next;
            if let Some(e) = self.added.nodes[node].entry {
                f(j + 1, self.tag_name(e.tag));
            }
        }
    }

    fn get(&self, word: &str) -> Option<Entry> {
        if let Some(e) = self.added.get(word) {
            return Some(e);
        }
        let mut node = 0;
        for c in word.chars() {
            node = child(node, c)?;
        }
        if node == 0 {
            return None;
        }
        Entry::unpack(NODES.u32(node * 3 + 1))
    }

    fn tag_id(&mut self, tag: &str) -> u16 {
        if let Some(i) = tables::DICT_TAGS.iter().position(|t| *t == tag) {
            return i as u16;
        }
        let i = match self.extra_tags.iter().position(|t| &**t == tag) {
            Some(i) => i,
            None => {
                self.extra_tags.push(tag.into());
                self.extra_tags.len() - 1
            }
        };
        (tables::DICT_TAGS.len() + i) as u16
    }

    fn tag_name(&self, id: u16) -> &str {
        let id = id as usize;
        match tables::DICT_TAGS.get(id) {
            Some(t) => t,
            None => self
                .extra_tags
                .get(id - tables::DICT_TAGS.len())
                .map_or("x", |t| t),
        }
    }

    /// The dictionary words starting at character `i` of `chars`, appended to `edges` by
    /// ascending end.
    fn edges_at(&self, chars: &[(usize, char)], i: usize, edges: &mut Vec<(usize, Entry)>) {
        let from = edges.len();
        let mut node = 0;
        for (j, &(_, c)) in chars.iter().enumerate().skip(i) {
            let Some(next) = child(node, c) else { break };
            node = next;
            if let Some(e) = Entry::unpack(NODES.u32(node * 3 + 1)) {
                edges.push((j + 1, e));
            }
        }
        if !self.added.may_start(chars[i].1) {
            return;
        }
        let mut node = 0;
        for (j, &(_, c)) in chars.iter().enumerate().skip(i) {
            let Some(next) = self.added.child(node, c) else {
                break;
            };
            node = next;
            if let Some(entry) = self.added.nodes[node].entry {
                // an added word replaces the dictionary's entry for the same word
                match edges[from..].binary_search_by_key(&(j + 1), |&(e, _)| e) {
                    Ok(k) => edges[from + k].1 = entry,
                    Err(k) => edges.insert(from + k, (j + 1, entry)),
                }
            }
        }
    }

    /// Segments a run of Han/alphanumeric characters along the best route (jieba's `calc`)
    /// and hands each word to `emit` with its entry when the route knows it.
    fn cut_run<'a>(
        &self,
        run: &'a str,
        hmm: bool,
        s: &mut Scratch,
        emit: &mut impl FnMut(&'a str, Option<Entry>),
    ) {
        s.chars.clear();
        s.chars.extend(run.char_indices());
        let n = s.chars.len();
        s.edges.clear();
        s.starts.clear();
        for i in 0..n {
            s.starts.push(s.edges.len());
            self.edges_at(&s.chars, i, &mut s.edges);
        }
        s.starts.push(s.edges.len());
        s.route.clear();
        s.route.resize(
            n + 1,
            Step {
                prob: 0.0,
                end: n,
                entry: None,
            },
        );
        for i in (0..n).rev() {
            let mut best: Option<Step> = None;
            for &(end, e) in &s.edges[s.starts[i]..s.starts[i + 1]] {
                let prob = f64::from(e.freq).ln() - self.log_total + s.route[end].prob;
                if best.is_none_or(|b| prob > b.prob || (prob == b.prob && end > b.end)) {
                    best = Some(Step {
                        prob,
                        end,
                        entry: Some(e),
                    });
                }
            }
            s.route[i] = best.unwrap_or(Step {
                prob: -self.log_total + s.route[i + 1].prob,
                end: i + 1,
                entry: None,
            });
        }
        let byte = |k: usize| s.chars.get(k).map_or(run.len(), |&(b, _)| b);
        // single characters in a row are gathered and cut together: by the HMM, or without it
        // joined when they are alphanumeric (a Latin word, a number)
        let mut left: Option<usize> = None;
        let mut x = 0;
        while x < n {
            let Step { end: y, entry, .. } = s.route[x];
            if y - x == 1 && (hmm || s.chars[x].1.is_ascii_alphanumeric()) {
                left.get_or_insert(x);
            } else {
                if let Some(l) = left.take() {
                    self.cut_singles(run, s, l, x, hmm, emit);
                }
                emit(&run[byte(x)..byte(y)], entry);
            }
            x = y;
        }
        if let Some(l) = left {
            self.cut_singles(run, s, l, n, hmm, emit);
        }
    }

    /// Emits characters `x..y` of the run, each a step of its own on the route.
    fn cut_singles<'a>(
        &self,
        run: &'a str,
        s: &Scratch,
        x: usize,
        y: usize,
        hmm: bool,
        emit: &mut impl FnMut(&'a str, Option<Entry>),
    ) {
        let byte = |k: usize| s.chars.get(k).map_or(run.len(), |&(b, _)| b);
        if y - x == 1 || !hmm {
            let entry = if y - x == 1 { s.route[x].entry } else { None };
            emit(&run[byte(x)..byte(y)], entry);
            return;
        }
        let whole_word = s.edges[s.starts[x]..s.starts[x + 1]]
            .iter()
            .any(|&(e, _)| e == y);
        if whole_word {
            // the route preferred the characters to the word they spell: keep them apart
            for k in x..y {
                emit(&run[byte(k)..byte(k + 1)], s.route[k].entry);
            }
        } else {
            hmm_cut(&run[byte(x)..byte(y)], &mut |w| emit(w, None));
        }
    }
}

/// Child of trie node `node` for `c`.
fn child(node: usize, c: char) -> Option<usize> {
    if node == 0 && (c as u32) < 0x1_0000 {
        return match ROOT.u32(c as usize) {
            0 | u32::MAX => None,
            k => Some(k as usize),
        };
    }
    let (mut lo, mut hi) = (
        NODES.u32(node * 3 + 2) as usize,
        NODES.u32(node * 3 + 5) as usize,
    );
    let c = c as u32;
    while lo < hi {
        let mid = lo + (hi - lo) / 2;
        match NODES.u32(mid * 3).cmp(&c) {
            std::cmp::Ordering::Less => lo = mid + 1,
            std::cmp::Ordering::Greater => hi = mid,
            std::cmp::Ordering::Equal => return Some(mid),
        }
    }
    None
}

/// The words added at run time, as a trie of their own (a few thousand words, so a plain one).
#[derive(Clone, Debug)]
struct Overlay {
    /// Node 0 is the root.
    nodes: Vec<OverlayNode>,
    /// The root's child for each BMP character that starts a word (0 for none), so that most
    /// positions of a text skip the overlay with one load.
    first: Vec<u32>,
}

#[derive(Clone, Debug, Default)]
struct OverlayNode {
    /// Sorted by character.
    children: Vec<(char, usize)>,
    entry: Option<Entry>,
}

impl Default for Overlay {
    fn default() -> Self {
        Overlay {
            nodes: vec![OverlayNode::default()],
            first: vec![0; 0x1_0000],
        }
    }
}

impl Overlay {
    fn may_start(&self, c: char) -> bool {
        // a character outside the BMP has no entry, and is looked up
        self.first.get(c as usize).is_none_or(|&k| k != 0)
    }

    fn child(&self, node: usize, c: char) -> Option<usize> {
        if node == 0
            && let Some(&k) = self.first.get(c as usize)
        {
            return (k != 0).then_some(k as usize);
        }
        let ch = &self.nodes.get(node)?.children;
        ch.binary_search_by_key(&c, |&(k, _)| k)
            .ok()
            .map(|i| ch[i].1)
    }

    fn get(&self, word: &str) -> Option<Entry> {
        let mut node = 0;
        for c in word.chars() {
            node = self.child(node, c)?;
        }
        self.nodes[node].entry.filter(|_| node != 0)
    }

    fn insert(&mut self, word: &str, entry: Entry) {
        let mut node = 0;
        for c in word.chars() {
            let parent = node;
            node = match self.nodes[node]
                .children
                .binary_search_by_key(&c, |&(k, _)| k)
            {
                Ok(i) => self.nodes[node].children[i].1,
                Err(i) => {
                    let k = self.nodes.len();
                    self.nodes.push(OverlayNode::default());
                    self.nodes[node].children.insert(i, (c, k));
                    k
                }
            };
            if parent == 0
                && let Some(f) = self.first.get_mut(c as usize)
            {
                *f = node as u32;
            }
        }
        self.nodes[node].entry = Some(entry);
    }
}

/// The CJK Unified Ideographs ranges other than the main block.
fn is_cjk_extension(c: char) -> bool {
    matches!(c,
        '\u{3400}'..='\u{4DBF}'
        | '\u{F900}'..='\u{FAFF}'
        | '\u{20000}'..='\u{2A6DF}'
        | '\u{2A700}'..='\u{2B73F}'
        | '\u{2B740}'..='\u{2B81F}'
        | '\u{2B820}'..='\u{2CEAF}'
        | '\u{2CEB0}'..='\u{2EBEF}'
        | '\u{2F800}'..='\u{2FA1F}'
    )
}

fn is_cjk(c: char) -> bool {
    matches!(c, '\u{4E00}'..='\u{9FFF}') || is_cjk_extension(c)
}

/// Whether [`Words::tag`] cuts `c` together with its neighbours that this also accepts: a text
/// is cut run by run (a run is a longest stretch of characters of one kind), each run on its
/// own, so the words of a text are the words of its runs, cut alone.
pub fn cut_in_runs(c: char) -> bool {
    is_han_default(c)
}

/// Characters segmented together (jieba's `re_han_default`): Han, ASCII alphanumerics and
/// the connectors of numbers and identifiers.
fn is_han_default(c: char) -> bool {
    if c.is_ascii() {
        c.is_ascii_alphanumeric() || matches!(c, '+' | '#' | '&' | '.' | '_' | '%' | '-')
    } else {
        is_cjk(c)
    }
}

fn is_hmm_han(c: char) -> bool {
    (tables::HMM_HAN_MIN..=tables::HMM_HAN_MAX).contains(&c)
}

/// Cuts `text` with the character HMM: runs of modelled Han characters by Viterbi, anything
/// else into alphanumeric tokens (joined by `.`, `_`, `-`, with a trailing `%`) and the gaps
/// between them.
fn hmm_cut<'a>(text: &'a str, words: &mut impl FnMut(&'a str)) {
    let mut rest = text;
    while let Some(first) = rest.chars().next() {
        let han = is_hmm_han(first);
        let len = rest
            .char_indices()
            .find(|&(_, c)| is_hmm_han(c) != han)
            .map_or(rest.len(), |(i, _)| i);
        let (part, tail) = rest.split_at(len);
        rest = tail;
        if han {
            if part.chars().nth(1).is_some() {
                viterbi_cut(part, words);
            } else {
                words(part);
            }
        } else {
            skip_split(part, words);
        }
    }
}

/// Alphanumeric tokens of `text` and the gaps between them, in order.
fn skip_split<'a>(text: &'a str, words: &mut impl FnMut(&'a str)) {
    let bytes = text.as_bytes();
    let mut pos = 0;
    while pos < bytes.len() {
        let Some(start) = (pos..bytes.len()).find(|&i| bytes[i].is_ascii_alphanumeric()) else {
            words(&text[pos..]);
            return;
        };
        if start > pos {
            words(&text[pos..start]);
        }
        let mut end = start;
        loop {
            while end < bytes.len() && bytes[end].is_ascii_alphanumeric() {
                end += 1;
            }
            // a connector continues the token only when an alphanumeric follows it
            if end + 1 < bytes.len()
                && matches!(bytes[end], b'.' | b'_' | b'-')
                && bytes[end + 1].is_ascii_alphanumeric()
            {
                end += 1;
            } else {
                break;
            }
        }
        if end < bytes.len() && bytes[end] == b'%' {
            end += 1;
        }
        words(&text[start..end]);
        pos = end;
    }
}

/// States of the character HMM, in the order of its tables.
const B: usize = 0;
const E: usize = 1;
const M: usize = 2;
const S: usize = 3;
/// The states each state may follow, lower index first (a tie goes to the second).
const PREV: [[usize; 2]; 4] = [[E, S], [B, M], [B, M], [E, S]];

fn hmm_emit(c: char) -> [f64; 4] {
    if !is_hmm_han(c) {
        return [MIN_FLOAT; 4];
    }
    let row = (c as usize - tables::HMM_HAN_MIN as usize) * 4;
    [0, 1, 2, 3].map(|k| HMM_EMIT.f64(row + k))
}

/// Cuts a run of two or more modelled Han characters along the best B/E/M/S labelling.
fn viterbi_cut<'a>(text: &'a str, words: &mut impl FnMut(&'a str)) {
    let chars: Vec<(usize, char)> = text.char_indices().collect();
    let n = chars.len();
    let mut prev = vec![B; 4 * n];
    let em = hmm_emit(chars[0].1);
    let mut v: [f64; 4] = std::array::from_fn(|y| tables::HMM_START[y] + em[y]);
    for t in 1..n {
        let em = hmm_emit(chars[t].1);
        let mut cur = [0.0; 4];
        for y in 0..4 {
            let [y0, y1] = PREV[y];
            let p0 = v[y0] + tables::HMM_TRANS[y0][y] + em[y];
            let p1 = v[y1] + tables::HMM_TRANS[y1][y] + em[y];
            let (p, from) = if p0 > p1 { (p0, y0) } else { (p1, y1) };
            cur[y] = p;
            prev[t * 4 + y] = from;
        }
        v = cur;
    }
    let mut state = if v[E] > v[S] { E } else { S };
    let mut path = vec![S; n];
    path[n - 1] = state;
    for t in (1..n).rev() {
        state = prev[t * 4 + state];
        path[t - 1] = state;
    }
    let byte = |k: usize| chars.get(k).map_or(text.len(), |&(b, _)| b);
    let (mut begin, mut next) = (0, 0);
    for (t, &state) in path.iter().enumerate() {
        match state {
            B => begin = byte(t),
            E => {
                words(&text[begin..byte(t + 1)]);
                next = byte(t + 1);
            }
            S => {
                words(&text[byte(t)..byte(t + 1)]);
                next = byte(t + 1);
            }
            _ => {}
        }
    }
    if next < text.len() {
        words(&text[next..]);
    }
}

/// The tag of a word the dictionary does not have: `m` for digits, `eng` for other Latin, the
/// tag of the longest word the tagging HMM reads in Han text (the last on ties), else `x`.
fn guess_tag(word: &str) -> &'static str {
    let alnum = word.chars().filter(char::is_ascii_alphanumeric).count();
    if alnum > 0 {
        let digits = word.chars().filter(char::is_ascii_digit).count();
        return if alnum == digits { "m" } else { "eng" };
    }
    if !word.chars().any(is_cjk) {
        return "x";
    }
    let mut best: Option<(usize, &'static str)> = None;
    posseg_spans(word, &mut |len, tag| {
        if best.is_none_or(|(l, _)| len >= l) {
            best = Some((len, tag));
        }
    });
    best.map_or("x", |(_, t)| t)
}

/// A character's row in the tagging HMM: its first state and the five position bounds.
#[derive(Clone, Copy)]
struct PosRow {
    start: usize,
    bounds: [usize; 5],
}

impl PosRow {
    const EMPTY: PosRow = PosRow {
        start: 0,
        bounds: [0; 5],
    };

    fn of(c: char) -> PosRow {
        let c = c as u32;
        let (mut lo, mut hi) = (0, POS_CHARS.len32());
        while lo < hi {
            let mid = lo + (hi - lo) / 2;
            match POS_CHARS.u32(mid).cmp(&c) {
                std::cmp::Ordering::Less => lo = mid + 1,
                std::cmp::Ordering::Greater => hi = mid,
                std::cmp::Ordering::Equal => {
                    return PosRow {
                        start: POS_HEADS.u32(mid * 4) as usize,
                        bounds: std::array::from_fn(|k| POS_HEADS.u16(mid * 8 + 2 + k) as usize),
                    };
                }
            }
        }
        PosRow::EMPTY
    }

    /// The states with position `pos` (all with `None`), each with its emission.
    fn states(self, pos: Option<usize>) -> impl Iterator<Item = (usize, f64)> {
        let (a, b) = match pos {
            Some(p) => (self.bounds[p], self.bounds[p + 1]),
            None => (0, self.bounds[4]),
        };
        (self.start + a..self.start + b).map(|i| (POS_STATES.u16(i) as usize, POS_EMITS.f64(i)))
    }
}

/// Positions of the tagging HMM's states (`state / 64`) and the positions each may follow.
const POS_PREV: [[usize; 2]; 4] = [[2, 3], [0, 1], [0, 1], [2, 3]];

fn pos_start(s: usize) -> f64 {
    POS_PROBS.f64(s)
}

fn pos_trans(from: usize, to: usize) -> f64 {
    POS_PROBS.f64(256 + to * 256 + from)
}

/// Position bounds of `live`, sorted by state.
fn live_bounds(live: &[(usize, f64)]) -> [usize; 5] {
    std::array::from_fn(|p| live.partition_point(|&(s, _)| s / 64 < p))
}

/// Runs the tagging HMM over `word` and hands `(byte length, tag)` of each word it reads to
/// `span`; a word it cannot read at all is one span tagged `x`.
fn posseg_spans(word: &str, span: &mut impl FnMut(usize, &'static str)) {
    let chars: Vec<(usize, char)> = word.char_indices().collect();
    let n = chars.len();
    if n == 0 {
        return;
    }
    let tag = |s: usize| tables::POSSEG_TAGS[s % 64];
    if n == 1 {
        let mut best: Option<(f64, usize)> = None;
        for (s, em) in PosRow::of(chars[0].1).states(Some(3)) {
            let p = pos_start(s) + em;
            if p > MIN_FLOAT && best.is_none_or(|(b, _)| p >= b) {
                best = Some((p, s));
            }
        }
        span(word.len(), best.map_or("x", |(_, s)| tag(s)));
        return;
    }
    let mut live: Vec<(usize, f64)> = PosRow::of(chars[0].1)
        .states(None)
        .map(|(s, em)| (s, pos_start(s) + em))
        .filter(|&(_, p)| p > MIN_FLOAT)
        .collect();
    if live.is_empty() {
        span(word.len(), "x");
        return;
    }
    let mut bounds = live_bounds(&live);
    let mut prev = vec![u16::MAX; n * 256];
    let mut next = Vec::new();
    for (t, &(_, c)) in chars.iter().enumerate().skip(1) {
        next.clear();
        for (s, em) in PosRow::of(c).states(None) {
            let (mut best, mut from) = (MIN_FLOAT, u16::MAX);
            for &pp in &POS_PREV[s / 64] {
                for &(ps, pv) in &live[bounds[pp]..bounds[pp + 1]] {
                    let tp = pos_trans(ps, s);
                    if tp <= MIN_FLOAT {
                        continue;
                    }
                    let p = pv + tp + em;
                    if p > best {
                        best = p;
                        from = ps as u16;
                    }
                }
            }
            prev[t * 256 + s] = from;
            if best > MIN_FLOAT {
                next.push((s, best));
            }
        }
        std::mem::swap(&mut live, &mut next);
        if live.is_empty() {
            span(word.len(), "x");
            return;
        }
        bounds = live_bounds(&live);
    }
    // the best state that ends a word (E or S) at the last character
    let mut best = (MIN_FLOAT, usize::MAX);
    for &(s, p) in &live[bounds[2]..bounds[4]] {
        if p > best.0 {
            best = (p, s);
        }
    }
    if best.1 == usize::MAX {
        span(word.len(), "x");
        return;
    }
    let mut path = vec![0usize; n];
    path[n - 1] = best.1;
    for t in (1..n).rev() {
        match prev.get(t * 256 + path[t]) {
            Some(&p) if p != u16::MAX => path[t - 1] = p as usize,
            // unreachable for a live state; read the word as one unknown span rather than guess
            _ => {
                span(word.len(), "x");
                return;
            }
        }
    }
    let byte = |k: usize| chars.get(k).map_or(word.len(), |&(b, _)| b);
    let (mut begin, mut last_end) = (0, None);
    for (t, &s) in path.iter().enumerate() {
        match s / 64 {
            0 => begin = byte(t),
            2 => {
                span(byte(t + 1) - begin, tag(s));
                last_end = Some(byte(t + 1));
            }
            3 => {
                span(byte(t + 1) - byte(t), tag(s));
                last_end = Some(byte(t + 1));
            }
            _ => {}
        }
    }
    match last_end {
        None => span(word.len(), "x"),
        Some(e) if e < word.len() => span(word.len() - e, "x"),
        Some(_) => {}
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn show(w: &Words, text: &str, hmm: bool) -> String {
        w.tag(text, hmm)
            .iter()
            .map(|t| format!("{}/{}", t.word, t.tag))
            .collect::<Vec<_>>()
            .join(" ")
    }

    #[test]
    fn dictionary_words_and_tags() {
        let w = Words::embedded();
        assert!(w.has_word("我们"));
        assert!(w.has_word("北京"));
        assert!(!w.has_word("我们北"));
        assert!(!w.has_word(""));
        assert_eq!(
            show(&w, "我来到北京清华大学", true),
            "我/r 来到/v 北京/ns 清华大学/nt"
        );
    }

    #[test]
    fn unknown_names_after_titles_are_read_by_the_hmm() {
        let w = Words::embedded();
        let tags = w.tag("他来到了网易杭研大厦", true);
        assert!(tags.iter().any(|t| t.word == "杭研"), "{tags:?}");
        let tags = w.tag("小明硕士毕业于中国科学院计算所", true);
        assert_eq!(tags[0].word, "小明");
        assert_eq!(tags[0].tag, "nr");
    }

    #[test]
    fn latin_numbers_and_punctuation() {
        let w = Words::embedded();
        assert_eq!(
            show(&w, "CEO张三，2023年，WES-5.4.5。\r\n", false),
            "CEO/eng 张/q 三/m ，/x 2023/m 年/m ，/x WES/eng -/x 5/m ./x 4/m ./x 5/m 。/x \r\n/x"
        );
        assert_eq!(show(&w, "50%的", true), "50%/m 的/uj");
    }

    #[test]
    fn added_words_are_kept_whole() {
        let mut w = Words::embedded();
        assert!(!w.has_word("跃然问答"));
        w.add_word("跃然问答", 2000, "nt");
        w.add_word("北京", 100_000, "nz");
        assert!(w.has_word("跃然问答"));
        let tags = w.tag("跃然问答在北京", true);
        assert_eq!(
            tags,
            vec![
                Tagged {
                    word: "跃然问答",
                    tag: "nt"
                },
                Tagged {
                    word: "在",
                    tag: "p"
                },
                // a known word keeps its tag
                Tagged {
                    word: "北京",
                    tag: "ns"
                },
            ]
        );
        // a tag the dictionary does not use
        assert!(!w.has_word("卡拉莫普"));
        w.add_word("卡拉莫普", 10, "xyz");
        assert_eq!(show(&w, "卡拉莫普", false), "卡拉莫普/xyz");
    }

    #[test]
    fn never_panics_on_odd_text() {
        let w = Words::embedded();
        for text in [
            "",
            " ",
            "\u{0}",
            "𠀀𠀁",
            "龘龘龘",
            "a-",
            "-a",
            "%%",
            "\r",
            "é中",
        ] {
            let tags = w.tag(text, true);
            assert_eq!(tags.iter().map(|t| t.word).collect::<String>(), text);
            let tags = w.tag(text, false);
            assert_eq!(tags.iter().map(|t| t.word).collect::<String>(), text);
        }
    }
}
