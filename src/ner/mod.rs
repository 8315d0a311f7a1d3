//! Statistical named-entity tagger: a character-level averaged structured perceptron
//! with BIO labels for person, organization, place and product names, decoded with
//! Viterbi.
//!
//! Features (see [`features`]): character unigrams at ±2, bigrams, trigrams and a skip
//! bigram, the character-class window, and lexicon observations (distance to the next
//! organization / place suffix, surname flags) from `data/ner/*.tsv`. Features are
//! hashed into a table of `2^bits` rows of `i16` weights; the lexicons travel inside
//! the model file, so a model is self-contained.
//!
//! The shipped model (`data/models/ner.model`, provenance in `data/models/README.md`)
//! is embedded with `include_bytes!`; see [`NerModel::embedded`].
pub mod features;
mod train;

pub use train::{TrainOptions, TrainSentence, read_jsonl, train, train_sentences};

use features::{Lexicon, Lexicons, NUM_LABELS, NUM_TEMPLATES, Scratch};
use serde::{Deserialize, Serialize};
use std::borrow::Cow;
use std::cell::RefCell;
use std::sync::LazyLock;

const NL: usize = NUM_LABELS;
const START: usize = NL;
const MAGIC: &[u8; 8] = b"SHJINER\0";
const VERSION: u32 = 1;
const MODEL_FILE: &str = "ner.model";
/// Longest stretch decoded in one piece when no sentence punctuation splits the text.
const MAX_SEGMENT: usize = 1000;

static EMBEDDED_BYTES: &[u8] = include_bytes!("../../data/models/ner.model");
static EMBEDDED: LazyLock<NerModel> = LazyLock::new(|| {
    NerModel::load_static(EMBEDDED_BYTES)
        .expect("embedded NER model data/models/ner.model is invalid")
});

/// Entity type of a span.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum NerLabel {
    Person,
    Organization,
    Place,
    Product,
}

impl NerLabel {
    pub const ALL: [NerLabel; 4] = [
        NerLabel::Person,
        NerLabel::Organization,
        NerLabel::Place,
        NerLabel::Product,
    ];

    /// The lowercase name used in JSON (`person`, `organization`, `place`, `product`).
    pub fn as_str(self) -> &'static str {
        match self {
            NerLabel::Person => "person",
            NerLabel::Organization => "organization",
            NerLabel::Place => "place",
            NerLabel::Product => "product",
        }
    }

    /// Map a dataset type name (`person`, `organization`, `company`, `place`, `product`)
    /// to a label; anything else (position, other) is not an entity for the tagger.
    pub fn from_type(t: &str) -> Option<NerLabel> {
        match t {
            "person" => Some(NerLabel::Person),
            "organization" | "company" => Some(NerLabel::Organization),
            "place" => Some(NerLabel::Place),
            "product" => Some(NerLabel::Product),
            _ => None,
        }
    }
}

/// A tagged span: character offsets (Unicode scalar values), end exclusive.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct NerSpan {
    pub start: usize,
    pub end: usize,
    pub label: NerLabel,
    /// Confidence-ish score in (0, 1): a logistic of the mean per-character margin of the
    /// span's labels over O ("no entity"). Not a calibrated probability.
    pub score: f32,
}

/// A loaded tagger model.
///
/// The hashed table has `2^bits` rows of `NUM_LABELS` weights, but most rows are zero
/// (pruned or never seen), so only the non-zero rows are held, in row order, with a
/// rank index: one `u64` per 32 rows holds which of them are stored (low 32 bits) and
/// the index of the first of them in `rows` (high 32 bits). A lookup reads that word
/// (the index is 256 KB for 20 bits, half a core's L2 cache) and then, only for a stored
/// row, the row; the stored rows take a third of the dense table's memory. The rows are the file's own
/// bytes: the embedded model borrows them from the binary instead of copying them.
#[derive(Clone, Debug)]
pub struct NerModel {
    bits: u32,
    /// Rank index over the `2^bits` rows: per [`GROUP`] rows, `first << 32 | presence mask`.
    index: Vec<u64>,
    /// The stored rows in row order, `ROW_BYTES` each (`NUM_LABELS` little-endian
    /// `i16`), as in the model file.
    rows: Cow<'static, [u8]>,
    /// Transition weights `[prev][cur]`; row `NUM_LABELS` is the start state.
    trans: [[i32; NL]; NL + 1],
    /// Weight units per 1.0 of the trained (averaged) weights.
    scale: f32,
    lex: Lexicons,
}

/// Bytes of one stored row.
const ROW_BYTES: usize = NL * 2;
/// A row that is not stored: all weights zero.
static ZERO_ROW: [u8; ROW_BYTES] = [0; ROW_BYTES];
/// The row index of a feature whose row is not stored.
const ABSENT: u32 = u32::MAX;

/// Rows per word of the rank index.
const GROUP: usize = 32;

/// Build the rank index and the stored rows from a dense table (`2^bits * NL` weights).
fn compact(bits: u32, dense: &[i16]) -> (Vec<u64>, Vec<u8>) {
    let nrows = 1usize << bits;
    let mut index = vec![0u64; nrows.div_ceil(GROUP)];
    let mut rows = Vec::new();
    for (r, w) in dense.chunks_exact(NL).enumerate().take(nrows) {
        if r % GROUP == 0 {
            index[r / GROUP] = ((rows.len() / ROW_BYTES) as u64) << 32;
        }
        if w.iter().any(|&x| x != 0) {
            index[r / GROUP] |= 1 << (r % GROUP);
            for &x in w {
                rows.extend_from_slice(&x.to_le_bytes());
            }
        }
    }
    (index, rows)
}

/// Per-thread buffers of the tagger, reused across calls.
#[derive(Default)]
struct Buffers {
    scratch: Scratch,
    /// Index in the model's `rows` of each feature's row.
    rix: Vec<u32>,
    em: Vec<i32>,
    back: Vec<[u8; LANES]>,
    labels: Vec<u8>,
}

thread_local! {
    static SCRATCH: RefCell<Buffers> = RefCell::new(Buffers::default());
}

impl NerModel {
    /// The model shipped in `data/models/ner.model`, loaded once.
    pub fn embedded() -> &'static NerModel {
        &EMBEDDED
    }

    /// Number of hash bits (the table has `2^bits` rows).
    pub fn bits(&self) -> u32 {
        self.bits
    }

    /// Tag a text of any length. Offsets in the result are character offsets into `text`.
    pub fn tag(&self, text: &str) -> Vec<NerSpan> {
        let chars: Vec<char> = text.chars().collect();
        self.tag_chars(&chars)
    }

    /// Tag an already split text (characters).
    pub fn tag_chars(&self, chars: &[char]) -> Vec<NerSpan> {
        let mut out = Vec::new();
        if chars.is_empty() {
            return out;
        }
        SCRATCH.with(|s| self.tag_all(chars, &mut s.borrow_mut(), &mut out));
        out
    }

    /// Tag `chars` segment by segment, with the code compiled for the best instruction set
    /// the CPU has (the same integer arithmetic, so the same result).
    fn tag_all(&self, chars: &[char], b: &mut Buffers, out: &mut Vec<NerSpan>) {
        #[cfg(target_arch = "x86_64")]
        if std::arch::is_x86_feature_detected!("avx2")
            && std::arch::is_x86_feature_detected!("popcnt")
        {
            // SAFETY: the CPU has the features `tag_all_avx2` is compiled for.
            unsafe { self.tag_all_avx2(chars, b, out) };
            return;
        }
        self.tag_all_generic(chars, b, out);
    }

    /// [`Self::tag_all_generic`] compiled for AVX2 (wider vectors in the emission sums
    /// and Viterbi, a population count instruction in the row index).
    #[cfg(target_arch = "x86_64")]
    #[target_feature(enable = "avx2,popcnt")]
    fn tag_all_avx2(&self, chars: &[char], b: &mut Buffers, out: &mut Vec<NerSpan>) {
        self.tag_all_generic(chars, b, out);
    }

    #[inline(always)]
    fn tag_all_generic(&self, chars: &[char], b: &mut Buffers, out: &mut Vec<NerSpan>) {
        let Buffers {
            scratch,
            rix,
            em,
            back,
            labels,
        } = b;
        let mut start = 0;
        while start < chars.len() {
            let end = segment_end(chars, start);
            self.tag_segment(
                &chars[start..end],
                start,
                scratch,
                rix,
                em,
                back,
                labels,
                out,
            );
            start = end;
        }
    }

    /// The index of hashed row `r` (already masked) among the stored rows, or [`ABSENT`].
    #[inline(always)]
    fn row_index(&self, r: u32) -> u32 {
        let g = self.index[(r / GROUP as u32) as usize];
        let slot = r % GROUP as u32;
        let mask = g as u32;
        let rank = (g >> 32) as u32 + (mask & ((1u32 << slot) - 1)).count_ones();
        if (mask >> slot) & 1 == 0 {
            ABSENT
        } else {
            rank
        }
    }

    #[allow(clippy::too_many_arguments)]
    #[inline(always)]
    fn tag_segment(
        &self,
        seg: &[char],
        offset: usize,
        scratch: &mut Scratch,
        rix: &mut Vec<u32>,
        em: &mut Vec<i32>,
        bp: &mut Vec<[u8; LANES]>,
        labels: &mut Vec<u8>,
        out: &mut Vec<NerSpan>,
    ) {
        let n = seg.len();
        let mask = ((1u64 << self.bits) - 1) as u32;
        scratch.prepare(seg, &self.lex, mask);
        rix.clear();
        let feats = &scratch.feats;
        rix.reserve(feats.len());
        for (k, &f) in feats.iter().enumerate() {
            // The index words are random reads too: fetch that of a later feature now.
            if let Some(&g) = feats.get(k + INDEX_PREFETCH_AHEAD) {
                prefetch(&self.index, (g / GROUP as u32) as usize);
            }
            rix.push(self.row_index(f));
        }
        em.clear();
        em.reserve(n * NL);
        // Weights are bounded so that a sum of NUM_TEMPLATES of them fits in i16
        // (see `from_float`), so the first eight labels add as one 8-lane i16 vector.
        let rows = &self.rows[..];
        for (i, fs) in rix.chunks_exact(NUM_TEMPLATES).enumerate() {
            // The rows are scattered over megabytes: ask for the rows of a later
            // position now, so that their cache misses overlap with this work.
            if let Some(ahead) = rix
                .get((i + PREFETCH_AHEAD) * NUM_TEMPLATES..(i + PREFETCH_AHEAD + 1) * NUM_TEMPLATES)
            {
                for &f in ahead {
                    prefetch(rows, (f as usize).saturating_mul(ROW_BYTES));
                }
            }
            let mut acc = [0i16; 8];
            let mut last = 0i16;
            for &f in fs {
                let w = if f == ABSENT {
                    &ZERO_ROW[..]
                } else {
                    let o = f as usize * ROW_BYTES;
                    &rows[o..o + ROW_BYTES]
                };
                for y in 0..8 {
                    acc[y] = acc[y].wrapping_add(i16::from_le_bytes([w[2 * y], w[2 * y + 1]]));
                }
                last = last.wrapping_add(i16::from_le_bytes([w[16], w[17]]));
            }
            em.extend(acc.map(i32::from));
            em.push(last as i32);
        }
        viterbi_i32(em, n, &self.trans, bp, labels);
        spans_from_labels(labels, em, offset, self.scale, out);
    }

    /// The dense table (`2^bits * NL` weights, zero where no row is stored).
    fn dense(&self) -> Vec<i16> {
        let mut w = vec![0i16; (1usize << self.bits) * NL];
        let mut k = 0;
        for (gi, &g) in self.index.iter().enumerate() {
            let mut left = g as u32;
            while left != 0 {
                let j = left.trailing_zeros() as usize;
                left &= left - 1;
                let r = gi * GROUP + j;
                let raw = &self.rows[k * ROW_BYTES..(k + 1) * ROW_BYTES];
                for y in 0..NL {
                    w[r * NL + y] = i16::from_le_bytes([raw[2 * y], raw[2 * y + 1]]);
                }
                k += 1;
            }
        }
        w
    }

    fn set_dense(&mut self, bits: u32, dense: &[i16]) {
        let (index, rows) = compact(bits, dense);
        self.bits = bits;
        self.index = index;
        self.rows = Cow::Owned(rows);
    }

    /// Zero every row whose largest weight (absolute, in trained units) is below `min_abs`.
    /// Zero rows are not stored.
    pub fn prune(&mut self, min_abs: f32) {
        let q = (min_abs * self.scale).round() as i32;
        let mut w = self.dense();
        for row in w.chunks_exact_mut(NL) {
            if row.iter().all(|&w| (w as i32).abs() < q) {
                row.fill(0);
            }
        }
        self.set_dense(self.bits, &w);
    }

    /// Fold the table to `2^bits` rows (fewer bits than now) by adding the rows that
    /// share their low `bits` bits: the features hash to exactly those rows in the smaller
    /// table. Sums are clamped to the range the emission sums allow.
    pub fn fold(&mut self, bits: u32) {
        if bits >= self.bits || bits < 8 {
            return;
        }
        let rows = 1usize << bits;
        let lim = (i16::MAX as usize / NUM_TEMPLATES) as i32;
        let mut acc = vec![0i32; rows * NL];
        for (r, row) in self.dense().chunks_exact(NL).enumerate() {
            let base = (r & (rows - 1)) * NL;
            for y in 0..NL {
                acc[base + y] += row[y] as i32;
            }
        }
        let w: Vec<i16> = acc.into_iter().map(|x| x.clamp(-lim, lim) as i16).collect();
        self.set_dense(bits, &w);
    }

    /// Number of non-zero rows (stored rows) in the table.
    pub fn stored_rows(&self) -> usize {
        self.rows.len() / ROW_BYTES
    }

    /// Serialize to the binary model format (version header, sparse rows, checksum).
    pub fn to_bytes(&self) -> Vec<u8> {
        let mut b = Vec::new();
        b.extend_from_slice(MAGIC);
        put_u32(&mut b, VERSION);
        put_u32(&mut b, NL as u32);
        put_u32(&mut b, NUM_TEMPLATES as u32);
        put_u32(&mut b, self.bits);
        b.extend_from_slice(&self.scale.to_le_bytes());
        b.extend_from_slice(&features::normalization_fingerprint().to_le_bytes());
        for row in &self.trans {
            for &t in row {
                b.extend_from_slice(&t.to_le_bytes());
            }
        }
        for lex in [
            &self.lex.org_suffix,
            &self.lex.place_suffix,
            &self.lex.surname,
        ] {
            let s = lex.entries.join("\n");
            put_u32(&mut b, s.len() as u32);
            b.extend_from_slice(s.as_bytes());
        }
        put_u32(&mut b, self.stored_rows() as u32);
        // the file's bitmap has a byte per 8 rows, in row order: the masks, little-endian
        // (2^bits rows, bits >= 8, is a whole number of groups)
        for &g in &self.index {
            b.extend_from_slice(&(g as u32).to_le_bytes());
        }
        b.extend_from_slice(&self.rows);
        let sum = fnv1a(&b);
        b.extend_from_slice(&sum.to_le_bytes());
        b
    }

    /// Load a model from bytes. Any malformed input gives `Error::Data`, never a panic.
    pub fn load(bytes: &[u8]) -> crate::Result<NerModel> {
        let (mut m, rows) = Self::parse(bytes)?;
        m.rows = Cow::Owned(bytes[rows].to_vec());
        Ok(m)
    }

    /// Load a model from bytes that live as long as the program (the embedded model):
    /// the weight rows are read in place, not copied.
    pub fn load_static(bytes: &'static [u8]) -> crate::Result<NerModel> {
        let (mut m, rows) = Self::parse(bytes)?;
        m.rows = Cow::Borrowed(&bytes[rows]);
        Ok(m)
    }

    /// Check and parse a model; the rows are left empty and their byte range returned.
    fn parse(bytes: &[u8]) -> crate::Result<(NerModel, std::ops::Range<usize>)> {
        let err = |m: &str| crate::Error::data(MODEL_FILE, 0, m);
        if bytes.len() < MAGIC.len() + 8 {
            return Err(err("too short to be a model"));
        }
        let (body, tail) = bytes.split_at(bytes.len() - 8);
        let mut sum = [0u8; 8];
        sum.copy_from_slice(tail);
        if fnv1a(body) != u64::from_le_bytes(sum) {
            return Err(err("checksum mismatch (corrupt or truncated model)"));
        }
        let mut r = Reader { b: body, pos: 0 };
        if r.take(8).ok_or_else(|| err("truncated header"))? != MAGIC {
            return Err(err("not a shiji NER model (bad magic)"));
        }
        let version = r.u32().ok_or_else(|| err("truncated header"))?;
        if version != VERSION {
            return Err(err(&format!("model version {version}, expected {VERSION}")));
        }
        let nl = r.u32().ok_or_else(|| err("truncated header"))?;
        let nt = r.u32().ok_or_else(|| err("truncated header"))?;
        if nl as usize != NL || nt as usize != NUM_TEMPLATES {
            return Err(err(&format!(
                "model has {nl} labels and {nt} templates, this build expects {NL} and {NUM_TEMPLATES}"
            )));
        }
        let bits = r.u32().ok_or_else(|| err("truncated header"))?;
        if !(8..=24).contains(&bits) {
            return Err(err(&format!("hash bits {bits} out of range 8..=24")));
        }
        let scale = f32::from_le_bytes(
            r.take(4)
                .ok_or_else(|| err("truncated header"))?
                .try_into()
                .map_err(|_| err("truncated header"))?,
        );
        if !scale.is_finite() || scale <= 0.0 {
            return Err(err("bad weight scale"));
        }
        let fp = r.take(8).ok_or_else(|| err("truncated header"))?;
        if fp != features::normalization_fingerprint().to_le_bytes() {
            return Err(err(
                "model was trained with another character normalization table (data/ner/trad_simp.tsv); retrain it",
            ));
        }
        let mut trans = [[0i32; NL]; NL + 1];
        for row in trans.iter_mut() {
            for t in row.iter_mut() {
                *t = r.u32().ok_or_else(|| err("truncated transitions"))? as i32;
                if t.unsigned_abs() > 1 << 20 {
                    return Err(err("transition weight out of range"));
                }
            }
        }
        let mut lexs = Vec::new();
        for _ in 0..3 {
            let len = r.u32().ok_or_else(|| err("truncated lexicon"))? as usize;
            let raw = r.take(len).ok_or_else(|| err("truncated lexicon"))?;
            let s = std::str::from_utf8(raw).map_err(|_| err("lexicon is not UTF-8"))?;
            let entries: Vec<String> = if s.is_empty() {
                Vec::new()
            } else {
                s.split('\n').map(str::to_string).collect()
            };
            lexs.push(Lexicon::new(entries).map_err(|m| err(&m))?);
        }
        let surname = lexs.pop().unwrap_or_default();
        let place_suffix = lexs.pop().unwrap_or_default();
        let org_suffix = lexs.pop().unwrap_or_default();
        let nnz = r.u32().ok_or_else(|| err("truncated row count"))? as usize;
        let rows = 1usize << bits;
        let bitmap = r
            .take(rows / 8)
            .ok_or_else(|| err("truncated row bitmap"))?;
        let ones: usize = bitmap.iter().map(|b| b.count_ones() as usize).sum();
        if ones != nnz {
            return Err(err("row bitmap does not match the row count"));
        }
        let data = r
            .take(nnz * NL * 2)
            .ok_or_else(|| err("truncated weights"))?;
        if r.pos != body.len() {
            return Err(err("trailing bytes after the weights"));
        }
        let mut index = Vec::with_capacity(bitmap.len().div_ceil(GROUP / 8));
        let mut first = 0u64;
        for m in bitmap.chunks(GROUP / 8) {
            let mut w = [0u8; GROUP / 8];
            w[..m.len()].copy_from_slice(m);
            let m = u32::from_le_bytes(w);
            index.push(first << 32 | m as u64);
            first += m.count_ones() as u64;
        }
        for raw in data.chunks_exact(2) {
            let v = i16::from_le_bytes([raw[0], raw[1]]);
            if v.unsigned_abs() as usize * NUM_TEMPLATES > i16::MAX as usize {
                return Err(err("weight out of range"));
            }
        }
        let range = r.pos - data.len()..r.pos;
        let m = NerModel {
            bits,
            index,
            rows: Cow::Borrowed(&[]),
            trans,
            scale,
            lex: Lexicons {
                org_suffix,
                place_suffix,
                surname,
            },
        };
        Ok((m, range))
    }

    /// Build a quantized model from float weights (used by training).
    pub(crate) fn from_float(
        bits: u32,
        w: &[f32],
        trans: &[[f32; NL]; NL + 1],
        lex: Lexicons,
        prune: f32,
    ) -> NerModel {
        let max = w
            .iter()
            .chain(trans.iter().flatten())
            .fold(0f32, |m, &x| m.max(x.abs()))
            .max(1e-6);
        // A sum of NUM_TEMPLATES weights must fit in i16 (see `tag_segment`).
        let scale = (i16::MAX as f32 / NUM_TEMPLATES as f32).floor() / max;
        let rows = 1usize << bits;
        let mut weights = vec![0i16; rows * NL];
        for r in 0..rows {
            let row = &w[r * NL..r * NL + NL];
            if row.iter().all(|x| x.abs() < prune) {
                continue;
            }
            for y in 0..NL {
                weights[r * NL + y] = (row[y] * scale).round() as i16;
            }
        }
        let mut tq = [[0i32; NL]; NL + 1];
        for (a, b) in tq.iter_mut().zip(trans.iter()) {
            for (x, y) in a.iter_mut().zip(b.iter()) {
                *x = (y * scale).round() as i32;
            }
        }
        let (index, stored) = compact(bits, &weights);
        NerModel {
            bits,
            index,
            rows: Cow::Owned(stored),
            trans: tq,
            scale,
            lex,
        }
    }
}

struct Reader<'a> {
    b: &'a [u8],
    pos: usize,
}

impl<'a> Reader<'a> {
    fn take(&mut self, n: usize) -> Option<&'a [u8]> {
        let end = self.pos.checked_add(n)?;
        let s = self.b.get(self.pos..end)?;
        self.pos = end;
        Some(s)
    }
    fn u32(&mut self) -> Option<u32> {
        self.take(4)
            .map(|s| u32::from_le_bytes([s[0], s[1], s[2], s[3]]))
    }
}

fn put_u32(b: &mut Vec<u8>, v: u32) {
    b.extend_from_slice(&v.to_le_bytes());
}

/// Checksum of the model bytes: FNV-1a over 8-byte words (then the tail bytes).
fn fnv1a(b: &[u8]) -> u64 {
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    let mut words = b.chunks_exact(8);
    for w in &mut words {
        let x = u64::from_le_bytes([w[0], w[1], w[2], w[3], w[4], w[5], w[6], w[7]]);
        h = (h ^ x).wrapping_mul(0x0100_0000_01b3);
        h ^= h >> 29;
    }
    for &x in words.remainder() {
        h = (h ^ x as u64).wrapping_mul(0x0100_0000_01b3);
    }
    h
}

/// End (exclusive) of the segment that starts at `start`: after sentence-final
/// punctuation or a line break, or at most [`MAX_SEGMENT`] characters.
fn segment_end(chars: &[char], start: usize) -> usize {
    let limit = (start + MAX_SEGMENT).min(chars.len());
    for (i, &c) in chars[start..limit].iter().enumerate() {
        if matches!(c, '。' | '！' | '？' | '!' | '?' | '\n' | '\r') {
            return start + i + 1;
        }
    }
    limit
}

/// Span score: logistic((margin - SCORE_MID) / SCORE_WIDTH), margin in trained weight
/// units per character. Set so that on CLUENER DEV about half of the spans scored below
/// 0.5 are wrong and most spans above 0.9 are right.
const SCORE_MID: f64 = 30.0;
const SCORE_WIDTH: f64 = 12.0;

/// How many characters ahead the emission loop prefetches weight rows.
const PREFETCH_AHEAD: usize = 4;
/// How many features ahead the row-index loop prefetches index words.
const INDEX_PREFETCH_AHEAD: usize = 4 * NUM_TEMPLATES;

/// Hint the CPU to fetch `w[i]` into the cache (no effect on results).
#[inline(always)]
fn prefetch<T>(w: &[T], i: usize) {
    #[cfg(target_arch = "x86_64")]
    if i < w.len() {
        let p = (&w[i] as *const T).cast::<i8>();
        // SAFETY: `_mm_prefetch` is only a cache hint: it never faults or reads memory
        // into the program; SSE is part of the x86_64 baseline; `p` points into `w`.
        unsafe { std::arch::x86_64::_mm_prefetch::<{ std::arch::x86_64::_MM_HINT_T0 }>(p) };
    }
    #[cfg(not(target_arch = "x86_64"))]
    let _ = (w, i);
}

/// Is `cur` allowed after `prev` (`START` for the first position)? `I-x` must follow
/// `B-x` or `I-x`.
#[inline(always)]
pub(crate) fn allowed(prev: usize, cur: usize) -> bool {
    if cur == 0 || cur % 2 == 1 {
        true
    } else {
        prev != START && prev != 0 && (prev - 1) / 2 == (cur - 1) / 2
    }
}

/// Lanes of the padded score vectors in [`viterbi_i32`].
const LANES: usize = 16;

/// A score no path reaches: the weight of a transition that is not allowed, and of padding.
const NEG: i32 = -(1 << 28);

/// The transition weights `tp[prev][cur]` as padded SIMD lanes, [`NEG`] where the pair is not
/// allowed and in the padding lanes.
#[inline(always)]
fn transition_lanes(trans: &[[i32; NL]; NL + 1]) -> [[i32; LANES]; NL] {
    let mut tp = [[NEG; LANES]; NL];
    for p in 0..NL {
        for y in 0..NL {
            if allowed(p, y) {
                tp[p][y] = trans[p][y];
            }
        }
    }
    tp
}

/// Viterbi over integer emissions `em` (`n * NL`), writing the best labels into `labels`.
/// The forward pass keeps the best scores in padded vectors the compiler can keep in SIMD
/// registers, and for each label the first previous label that reaches its best score (the
/// back pointers, one byte a label); scores are renormalized at every step, so `i32` never
/// overflows.
#[inline(always)]
pub(crate) fn viterbi_i32(
    em: &[i32],
    n: usize,
    trans: &[[i32; NL]; NL + 1],
    back: &mut Vec<[u8; LANES]>,
    labels: &mut Vec<u8>,
) {
    labels.clear();
    if n == 0 {
        return;
    }
    let tp = transition_lanes(trans);
    back.clear();
    back.reserve(n);
    let mut delta = [NEG; LANES];
    for y in 0..NL {
        if allowed(START, y) {
            delta[y] = em[y] + trans[START][y];
        }
    }
    back.push([0; LANES]);
    for i in 1..n {
        // scores stay within i32: renormalized scores are in NEG..=0, weights far smaller
        let mut nd = [0i32; LANES];
        let mut from = [0i32; LANES];
        for y in 0..LANES {
            nd[y] = delta[0] + tp[0][y];
        }
        for p in 1..NL {
            let d = delta[p];
            let t = &tp[p];
            for y in 0..LANES {
                let s = d + t[y];
                if s > nd[y] {
                    nd[y] = s;
                    from[y] = p as i32;
                }
            }
        }
        for x in nd.iter_mut() {
            *x = (*x).max(NEG);
        }
        let e = &em[i * NL..i * NL + NL];
        for y in 0..NL {
            nd[y] += e[y];
        }
        let top = nd[..NL].iter().copied().max().unwrap_or(0);
        for x in nd.iter_mut() {
            *x = (*x - top).max(NEG);
        }
        delta = nd;
        back.push(from.map(|p| p as u8));
    }
    labels.resize(n, 0);
    let mut y = 0;
    for k in 1..NL {
        if delta[k] > delta[y] {
            y = k;
        }
    }
    labels[n - 1] = y as u8;
    for i in (0..n - 1).rev() {
        y = back[i + 1][y] as usize;
        labels[i] = y as u8;
    }
}

/// Turn BIO label indexes into spans (offset by `offset`), scored by emission margin.
#[inline(always)]
fn spans_from_labels(labels: &[u8], em: &[i32], offset: usize, scale: f32, out: &mut Vec<NerSpan>) {
    let n = labels.len();
    let mut i = 0;
    while i < n {
        let l = labels[i] as usize;
        if l == 0 {
            i += 1;
            continue;
        }
        let t = (l - 1) / 2;
        let mut j = i + 1;
        while j < n && labels[j] as usize == 2 + 2 * t {
            j += 1;
        }
        // Margin of the span's labels over "no entity" (O), per character, in trained
        // weight units, squashed by a logistic.
        let mut margin = 0f64;
        for k in i..j {
            let row = &em[k * NL..k * NL + NL];
            margin += (row[labels[k] as usize] - row[0]) as f64;
        }
        let m = margin / (j - i) as f64 / scale as f64;
        let score = (1.0 / (1.0 + (-(m - SCORE_MID) / SCORE_WIDTH).exp())) as f32;
        out.push(NerSpan {
            start: offset + i,
            end: offset + j,
            label: NerLabel::ALL[t],
            score,
        });
        i = j;
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Viterbi over integer emissions `em` (`n * NL`), writing the best labels into `labels`.
    /// The forward pass keeps only the best scores (no back pointers), in padded vectors the
    /// compiler can keep in SIMD registers; scores are renormalized at every step, so `i32`
    /// never overflows. The backtrace recomputes the best predecessor from the stored scores.
    fn viterbi_reference(
        em: &[i32],
        n: usize,
        trans: &[[i32; NL]; NL + 1],
        deltas: &mut Vec<[i32; LANES]>,
        labels: &mut Vec<u8>,
    ) {
        labels.clear();
        if n == 0 {
            return;
        }
        let tp = transition_lanes(trans);
        deltas.clear();
        deltas.reserve(n);
        let mut delta = [NEG; LANES];
        for y in 0..NL {
            if allowed(START, y) {
                delta[y] = em[y] + trans[START][y];
            }
        }
        deltas.push(delta);
        for i in 1..n {
            let mut nd = [NEG; LANES];
            for p in 0..NL {
                let d = delta[p];
                let t = &tp[p];
                for y in 0..LANES {
                    nd[y] = nd[y].max(d + t[y]);
                }
            }
            let e = &em[i * NL..i * NL + NL];
            for y in 0..NL {
                nd[y] += e[y];
            }
            let top = nd[..NL].iter().copied().max().unwrap_or(0);
            for x in nd.iter_mut() {
                *x = (*x - top).max(NEG);
            }
            delta = nd;
            deltas.push(delta);
        }
        labels.resize(n, 0);
        let mut y = 0;
        for k in 1..NL {
            if delta[k] > delta[y] {
                y = k;
            }
        }
        labels[n - 1] = y as u8;
        for i in (0..n - 1).rev() {
            let d = &deltas[i];
            let mut best = 0;
            let mut bs = i64::MIN;
            for p in 0..NL {
                let s = d[p] as i64 + tp[p][y] as i64;
                if s > bs {
                    bs = s;
                    best = p;
                }
            }
            y = best;
            labels[i] = y as u8;
        }
    }

    #[test]
    fn viterbi_matches_the_reference_decoder() {
        // emissions and transitions of every size the model allows, with many ties
        let mut x: u64 = 0x2545_f491_4f6c_dd1d;
        let mut next = |m: i32| {
            x ^= x << 13;
            x ^= x >> 7;
            x ^= x << 17;
            (x % (2 * m as u64 + 1)) as i32 - m
        };
        let (mut back, mut labels) = (Vec::new(), Vec::new());
        let (mut deltas, mut want) = (Vec::new(), Vec::new());
        for round in 0..400 {
            let m = [3, 40, 30_000, 1 << 20][round % 4];
            let mut trans = [[0i32; NL]; NL + 1];
            for row in trans.iter_mut() {
                for t in row.iter_mut() {
                    *t = next(m.min(1 << 20));
                }
            }
            let n = 1 + (round * 7) % 60;
            let em: Vec<i32> = (0..n * NL).map(|_| next(m.min(32_000))).collect();
            viterbi_i32(&em, n, &trans, &mut back, &mut labels);
            viterbi_reference(&em, n, &trans, &mut deltas, &mut want);
            assert_eq!(labels, want, "round {round}");
        }
    }

    #[test]
    fn allowed_transitions() {
        assert!(allowed(START, 0));
        assert!(allowed(START, 1));
        assert!(!allowed(START, 2));
        assert!(allowed(1, 2));
        assert!(allowed(2, 2));
        assert!(!allowed(3, 2));
        assert!(!allowed(0, 4));
        assert!(allowed(3, 4));
    }

    #[test]
    fn compact_table_round_trips() {
        let m = NerModel::embedded();
        assert_eq!(m.to_bytes(), EMBEDDED_BYTES);
        let mut copy = m.clone();
        copy.set_dense(m.bits, &m.dense());
        assert_eq!(copy.to_bytes(), EMBEDDED_BYTES);
    }

    #[test]
    fn label_order_matches_all() {
        for (i, l) in NerLabel::ALL.iter().enumerate() {
            assert_eq!(*l as usize, i);
        }
    }
}
