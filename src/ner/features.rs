//! Character features of the tagger: normalization, character classes, lexicon flags and
//! the hashed feature templates. Training and tagging share this code, so the two can
//! never compute different features.

/// Number of labels: O, then B/I for person, organization, place, product.
pub const NUM_LABELS: usize = 9;
/// Number of feature templates per character (each yields one hashed row index).
pub const NUM_TEMPLATES: usize = 17;
/// Padding on each side of a segment (the window is ±2).
pub const PAD: usize = 2;

const BOS: u32 = 0x11_0001;
const EOS: u32 = 0x11_0002;

/// Longest lexicon entry, in characters.
pub const MAX_LEX_LEN: usize = 3;
const ORG_DIST_CAP: u8 = 6;
const LOC_DIST_CAP: u8 = 3;

/// Traditional → simplified character table (`data/ner/trad_simp.tsv`, from OpenCC's
/// `TSCharacters.txt`, one-to-one entries only), compiled in. The model file records
/// [`normalization_fingerprint`], so a model trained with another table is refused.
const TRAD_SIMP_TSV: &str = include_str!("../../data/ner/trad_simp.tsv");
const T2S_FIRST: u32 = 0x3400;
const T2S_LAST: u32 = 0x9FFF;

static T2S: std::sync::LazyLock<Vec<u16>> = std::sync::LazyLock::new(|| {
    let mut t = vec![0u16; (T2S_LAST - T2S_FIRST + 1) as usize];
    for line in TRAD_SIMP_TSV.lines().skip(1) {
        let mut it = line.split('\t');
        let (Some(a), Some(b)) = (it.next(), it.next()) else {
            continue;
        };
        let (mut a, mut b) = (a.chars(), b.chars());
        if let (Some(x), None, Some(y), None) = (a.next(), a.next(), b.next(), b.next()) {
            let (x, y) = (x as u32, y as u32);
            if (T2S_FIRST..=T2S_LAST).contains(&x) && y <= 0xFFFF {
                t[(x - T2S_FIRST) as usize] = y as u16;
            }
        }
    }
    t
});

/// Fingerprint of everything in character normalization that is data (the
/// traditional → simplified table); stored in the model header.
pub fn normalization_fingerprint() -> u64 {
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    for &b in TRAD_SIMP_TSV.as_bytes() {
        h = (h ^ b as u64).wrapping_mul(0x0100_0000_01b3);
    }
    h
}

/// Map a character to the code used in features: full-width ASCII to half-width, ASCII
/// letters to lower case, ASCII digits to '0', traditional Han characters to simplified.
#[inline]
pub fn normalize(c: char) -> u32 {
    normalize_with(c, &T2S)
}

#[inline(always)]
fn normalize_with(c: char, t2s: &[u16]) -> u32 {
    let mut u = c as u32;
    if (T2S_FIRST..=T2S_LAST).contains(&u) {
        let m = t2s[(u - T2S_FIRST) as usize];
        return if m != 0 { m as u32 } else { u };
    }
    if (0xFF01..=0xFF5E).contains(&u) {
        u -= 0xFEE0;
    } else if u == 0x3000 {
        u = 0x20;
    }
    if (b'A' as u32..=b'Z' as u32).contains(&u) {
        u += 32;
    } else if (b'0' as u32..=b'9' as u32).contains(&u) {
        u = b'0' as u32;
    }
    u
}

/// Character class ("shape"): 1 Han, 2 Latin upper, 3 Latin lower, 4 digit, 5 Chinese
/// numeral, 6 punctuation, 7 whitespace, 8 other (emoji, symbols), 0 padding.
#[inline(always)]
pub fn class(c: char) -> u8 {
    let mut u = c as u32;
    if (0x4E00..=0x9FFF).contains(&u) {
        return if matches!(
            c,
            '一' | '二'
                | '三'
                | '四'
                | '五'
                | '六'
                | '七'
                | '八'
                | '九'
                | '十'
                | '百'
                | '千'
                | '万'
                | '亿'
                | '零'
                | '两'
        ) {
            5
        } else {
            1
        };
    }
    if (0xFF01..=0xFF5E).contains(&u) {
        u -= 0xFEE0;
    }
    match u {
        0x41..=0x5A => 2,
        0x61..=0x7A => 3,
        0x30..=0x39 => 4,
        0x21..=0x2F | 0x3A..=0x40 | 0x5B..=0x60 | 0x7B..=0x7E => 6,
        0x3000 => 7,
        0x3007 => 5,
        0x3001..=0x303F | 0x2010..=0x206F | 0xFE30..=0xFE4F | 0xFF5F..=0xFF65 => 6,
        0x3400..=0x4DBF | 0x20000..=0x3134F | 0xF900..=0xFAFF => 1,
        _ => {
            if c.is_whitespace() {
                7
            } else if c.is_alphabetic() {
                3
            } else {
                8
            }
        }
    }
}

/// Pack up to three characters into one key (21 bits each).
#[inline]
fn pack(cs: &[u32]) -> u64 {
    let mut k = cs.len() as u64;
    for &c in cs {
        k = (k << 21) | (c as u64 & 0x1F_FFFF);
    }
    k
}

/// A list of short strings (1 to 3 characters) with a fast membership test.
#[derive(Clone, Debug, Default)]
pub struct Lexicon {
    /// The entries as written in the data file (kept so that the model can store them).
    pub entries: Vec<String>,
    keys: Vec<u64>,
    /// Bit per BMP code point: the character ends some entry.
    last: Vec<u64>,
    /// Bit per BMP code point: the character starts some entry.
    first: Vec<u64>,
    /// Bit per BMP code point: the character is an entry (no search for those).
    single: Vec<u64>,
    lens: [bool; MAX_LEX_LEN + 1],
}

impl Lexicon {
    /// Build from entries; entries longer than [`MAX_LEX_LEN`] or empty are rejected.
    pub fn new(entries: Vec<String>) -> Result<Lexicon, String> {
        let mut keys = Vec::with_capacity(entries.len());
        let mut last = vec![0u64; 1024];
        let mut first = vec![0u64; 1024];
        let mut single = vec![0u64; 1024];
        let mut lens = [false; MAX_LEX_LEN + 1];
        for e in &entries {
            let cs: Vec<u32> = e.chars().map(normalize).collect();
            if cs.is_empty() || cs.len() > MAX_LEX_LEN {
                return Err(format!(
                    "lexicon entry {e:?} must have 1 to {MAX_LEX_LEN} characters"
                ));
            }
            if cs.iter().any(|&c| c > 0xFFFF) {
                return Err(format!(
                    "lexicon entry {e:?} has a character outside the BMP"
                ));
            }
            lens[cs.len()] = true;
            keys.push(pack(&cs));
            let l = *cs.last().unwrap_or(&0) as usize;
            last[l >> 6] |= 1 << (l & 63);
            let f = cs[0] as usize;
            first[f >> 6] |= 1 << (f & 63);
            if cs.len() == 1 {
                single[f >> 6] |= 1 << (f & 63);
            }
        }
        keys.sort_unstable();
        keys.dedup();
        Ok(Lexicon {
            entries,
            keys,
            last,
            first,
            single,
            lens,
        })
    }

    #[inline]
    fn bit(v: &[u64], c: u32) -> bool {
        c <= 0xFFFF && (v[(c >> 6) as usize] >> (c & 63)) & 1 == 1
    }

    /// Does some entry end at `codes[i]` (the codes hold normalized characters)?
    #[inline]
    fn ends_at(&self, codes: &[u32], i: usize) -> bool {
        if !Self::bit(&self.last, codes[i]) {
            return false;
        }
        if Self::bit(&self.single, codes[i]) {
            return true;
        }
        for len in 2..=MAX_LEX_LEN {
            if self.lens[len] && i + 1 >= len {
                let s = &codes[i + 1 - len..=i];
                if self.keys.binary_search(&pack(s)).is_ok() {
                    return true;
                }
            }
        }
        false
    }

    /// Does some entry start at `codes[i]`?
    #[inline]
    fn starts_at(&self, codes: &[u32], i: usize) -> bool {
        if !Self::bit(&self.first, codes[i]) {
            return false;
        }
        if Self::bit(&self.single, codes[i]) {
            return true;
        }
        for len in 2..=MAX_LEX_LEN {
            if self.lens[len] && i + len <= codes.len() {
                let s = &codes[i..i + len];
                if self.keys.binary_search(&pack(s)).is_ok() {
                    return true;
                }
            }
        }
        false
    }
}

/// The three lexicons the features look at.
#[derive(Clone, Debug, Default)]
pub struct Lexicons {
    pub org_suffix: Lexicon,
    pub place_suffix: Lexicon,
    pub surname: Lexicon,
}

impl Lexicons {
    /// Parse one TSV lexicon (header line, first column is the entry, `#` comments).
    pub fn parse_tsv(file: &str, text: &str) -> crate::Result<Lexicon> {
        let mut entries = Vec::new();
        for (n, line) in text.lines().enumerate() {
            if n == 0 || line.trim().is_empty() || line.starts_with('#') {
                continue;
            }
            let e = line.split('\t').next().unwrap_or("").trim();
            if e.is_empty() {
                return Err(crate::Error::data(file, n + 1, "empty entry"));
            }
            entries.push(e.to_string());
        }
        Lexicon::new(entries).map_err(|m| crate::Error::data(file, 0, m))
    }

    /// Read `org_suffix.tsv`, `place_suffix.tsv` and `surname.tsv` from a folder.
    pub fn from_dir(dir: &std::path::Path) -> crate::Result<Lexicons> {
        let read = |name: &str| -> crate::Result<Lexicon> {
            let p = dir.join(name);
            let text = std::fs::read_to_string(&p).map_err(|e| crate::Error::io(&p, e))?;
            Self::parse_tsv(&p.display().to_string(), &text)
        };
        Ok(Lexicons {
            org_suffix: read("org_suffix.tsv")?,
            place_suffix: read("place_suffix.tsv")?,
            surname: read("surname.tsv")?,
        })
    }
}

/// Reusable buffers for the per-character observations of one segment.
#[derive(Default)]
pub struct Scratch {
    pub codes: Vec<u32>,
    pub cls: Vec<u8>,
    /// Per character: distance to the next organization-suffix end (capped), distance to
    /// the next place-suffix end (capped), surname flag.
    pub lex: Vec<u32>,
    /// Hashed row indexes, `NUM_TEMPLATES` per character.
    pub feats: Vec<u32>,
    uni: Vec<u32>,
    bi: Vec<u32>,
    tri: Vec<u32>,
}

#[inline(always)]
fn mix(h: u64, x: u64) -> u64 {
    (h ^ x).wrapping_mul(0x9E37_79B9_7F4A_7C15)
}

#[inline(always)]
fn fin(h: u64) -> u64 {
    let h = h ^ (h >> 32);
    let h = h.wrapping_mul(0xD6E8_FEB8_6659_FD93);
    h ^ (h >> 29)
}

impl Scratch {
    /// Fill `codes`, `cls` and `lex` for `chars` (with padding) and the hashed feature
    /// indexes (masked with `mask`) into `feats`.
    #[inline(always)]
    pub fn prepare(&mut self, chars: &[char], lex: &Lexicons, mask: u32) {
        let n = chars.len();
        self.codes.clear();
        self.cls.clear();
        self.codes.extend([BOS; PAD]);
        self.cls.extend([0u8; PAD]);
        let t2s: &[u16] = &T2S;
        self.codes
            .extend(chars.iter().map(|&c| normalize_with(c, t2s)));
        self.cls.extend(chars.iter().map(|&c| class(c)));
        self.codes.extend([EOS; PAD]);
        self.cls.extend([0u8; PAD]);

        // Lexicon observations, computed on the unpadded codes.
        let codes = &self.codes[PAD..PAD + n];
        self.lex.clear();
        self.lex.resize(n + 2 * PAD, 0);
        let mut d_org = ORG_DIST_CAP;
        let mut d_loc = LOC_DIST_CAP;
        for i in (0..n).rev() {
            d_org = if lex.org_suffix.ends_at(codes, i) {
                0
            } else {
                (d_org + 1).min(ORG_DIST_CAP)
            };
            d_loc = if lex.place_suffix.ends_at(codes, i) {
                0
            } else {
                (d_loc + 1).min(LOC_DIST_CAP)
            };
            let sur = lex.surname.starts_at(codes, i) as u32;
            self.lex[PAD + i] = (d_org as u32) | ((d_loc as u32) << 4) | (sur << 8);
        }
        for p in 0..PAD {
            self.lex[p] = 0xF00;
            self.lex[PAD + n + p] = 0xF00;
        }

        // N-gram hashes per padded position: the unigram at p, the bigram (p, p+1) and
        // the trigram (p-1, p, p+1). A template that looks at an n-gram at some offset
        // uses the row `hash(n-gram) + offset slot`, so the weights of one n-gram for
        // all offsets sit in adjacent rows: the block is fetched once and then reused
        // from cache by the neighbouring positions.
        let c = &self.codes;
        let k = &self.cls;
        let l = &self.lex;
        let m = n + 2 * PAD;
        let hb = |x: u64| fin(x) as u32;
        // (filled by extending cleared buffers: zeroing them first would write every
        // element twice)
        self.uni.clear();
        self.bi.clear();
        self.tri.clear();
        for p in 0..m {
            let c0 = c[p] as u64;
            self.uni.push(hb(mix(2, c0)));
            let c1 = if p + 1 < m {
                c[p + 1] as u64
            } else {
                EOS as u64
            };
            self.bi.push(hb(mix(mix(3, c0), c1)));
            let cm = if p > 0 { c[p - 1] as u64 } else { BOS as u64 };
            self.tri.push(hb(mix(mix(mix(4, cm), c0), c1)));
        }
        let (u, bi, tri) = (&self.uni, &self.bi, &self.tri);
        let bias = hb(mix(1, 0));
        self.feats.clear();
        self.feats.reserve(n * NUM_TEMPLATES);
        for p in PAD..PAD + n {
            let shape = (k[p - 2] as u64)
                | ((k[p - 1] as u64) << 4)
                | ((k[p] as u64) << 8)
                | ((k[p + 1] as u64) << 12)
                | ((k[p + 2] as u64) << 16);
            let lx = (l[p] & 0xFF) as u64
                | (((l[p - 1] >> 8) as u64) << 8)
                | (((l[p] >> 8) as u64) << 12)
                | (((l[p + 1] >> 8) as u64) << 16);
            let rows: [u32; NUM_TEMPLATES] = [
                bias,
                u[p - 2],
                u[p - 1].wrapping_add(1),
                u[p].wrapping_add(2),
                u[p + 1].wrapping_add(3),
                u[p + 2].wrapping_add(4),
                bi[p - 2],
                bi[p - 1].wrapping_add(1),
                bi[p].wrapping_add(2),
                bi[p + 1].wrapping_add(3),
                tri[p - 1],
                tri[p].wrapping_add(1),
                tri[p + 1].wrapping_add(2),
                hb(mix(mix(14, c[p - 1] as u64), c[p + 1] as u64)),
                hb(mix(15, shape)),
                hb(mix(16, lx)),
                hb(mix(mix(17, (l[p] & 0xFF) as u64), c[p] as u64)),
            ];
            self.feats.extend(rows.map(|r| r & mask));
        }
    }
}

/// The simplified form of a traditional Han character (the same table as the features use);
/// any other character unchanged.
pub fn to_simplified(c: char) -> char {
    let x = c as u32;
    if (T2S_FIRST..=T2S_LAST).contains(&x) {
        let y = T2S[(x - T2S_FIRST) as usize];
        if y != 0 {
            return char::from_u32(y as u32).unwrap_or(c);
        }
    }
    c
}
