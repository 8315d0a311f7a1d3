//! Loading the grammar's word tables (`data/time/*.tsv`) into tries and lookup arrays.
use super::{Grain, TimeMod};
use crate::Error;
use std::collections::HashMap;

/// The table files, in load order, with their embedded contents.
pub(crate) const FILES: [(&str, &str); 8] = [
    ("numerals.tsv", include_str!("../../data/time/numerals.tsv")),
    (
        "traditional.tsv",
        include_str!("../../data/time/traditional.tsv"),
    ),
    ("units.tsv", include_str!("../../data/time/units.tsv")),
    ("relative.tsv", include_str!("../../data/time/relative.tsv")),
    ("parts.tsv", include_str!("../../data/time/parts.tsv")),
    ("holidays.tsv", include_str!("../../data/time/holidays.tsv")),
    ("words.tsv", include_str!("../../data/time/words.tsv")),
    ("negative.tsv", include_str!("../../data/time/negative.tsv")),
];

/// A trie node: sorted children and the index of the value ending here.
type Node = (Vec<(char, u32)>, Option<u32>);

/// A character trie; values are indexes into a side vector.
#[derive(Default)]
pub(crate) struct Trie<T> {
    nodes: Vec<Node>,
    vals: Vec<T>,
}

impl<T> Trie<T> {
    pub fn new() -> Self {
        Trie {
            nodes: vec![(Vec::new(), None)],
            vals: Vec::new(),
        }
    }
    fn node_for(&mut self, w: &str) -> usize {
        let mut n = 0usize;
        for c in w.chars() {
            let next = match self.nodes[n].0.binary_search_by_key(&c, |k| k.0) {
                Ok(p) => self.nodes[n].0[p].1 as usize,
                Err(p) => {
                    self.nodes.push((Vec::new(), None));
                    let i = self.nodes.len() - 1;
                    self.nodes[n].0.insert(p, (c, i as u32));
                    i
                }
            };
            n = next;
        }
        n
    }
    pub fn insert(&mut self, w: &str, v: T) {
        let n = self.node_for(w);
        self.vals.push(v);
        self.nodes[n].1 = Some((self.vals.len() - 1) as u32);
    }
    pub fn get_mut_or<F: FnOnce() -> T>(&mut self, w: &str, f: F) -> &mut T {
        let n = self.node_for(w);
        if self.nodes[n].1.is_none() {
            self.vals.push(f());
            self.nodes[n].1 = Some((self.vals.len() - 1) as u32);
        }
        let i = self.nodes[n].1.unwrap() as usize;
        &mut self.vals[i]
    }
    /// Every word starting at `i`, shortest first: (end, value).
    pub fn prefixes<'a>(
        &'a self,
        t: &'a [char],
        i: usize,
    ) -> impl Iterator<Item = (usize, &'a T)> + 'a {
        let mut n = 0usize;
        let mut j = i;
        let mut done = false;
        std::iter::from_fn(move || {
            while !done {
                if j >= t.len() {
                    done = true;
                    break;
                }
                let c = t[j];
                let kids = &self.nodes[n].0;
                match kids.binary_search_by_key(&c, |k| k.0) {
                    Ok(p) => {
                        n = kids[p].1 as usize;
                        j += 1;
                        if let Some(v) = self.nodes[n].1 {
                            return Some((j, &self.vals[v as usize]));
                        }
                    }
                    Err(_) => done = true,
                }
            }
            None
        })
    }
    /// The longest word starting at `i`.
    pub fn longest<'b>(&'b self, t: &'b [char], i: usize) -> Option<(usize, &'b T)> {
        self.prefixes(t, i).last()
    }
}

#[derive(Clone, Copy, Debug, PartialEq)]
pub(crate) enum NumChar {
    Digit(u32),
    Unit(u64),
    Tens(u32),
    Several,
    More,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum RelGrain {
    G(Grain),
    Present,
    Narrative,
}

#[derive(Clone, Debug)]
pub(crate) struct Rel {
    pub grain: RelGrain,
    pub offset: i32,
    pub narrative: bool,
    pub modifier: Option<TimeMod>,
    pub daypart: Option<String>,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum PartScope {
    Year,
    Month,
    Any,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum PartKind {
    Mod(TimeMod),
    Half(u32),
    Season(u32),
    /// a span of months: 暑假 = July-August
    Months(u32, u32),
    Tenday(u32),
}

#[derive(Clone, Debug)]
pub(crate) struct Part {
    pub scope: PartScope,
    pub kind: PartKind,
    pub blocked: Vec<char>,
}

#[derive(Clone, Copy, Debug, PartialEq)]
pub(crate) enum HolCal {
    Solar(u32, u32),
    Lunar(u32, u32),
    Nth(u32, u32, u32),
    Easter(i64),
    Orthodox(i64),
    Term(u32, f64),
}

#[derive(Clone, Debug)]
pub(crate) struct Holiday {
    pub cal: HolCal,
    pub offset: i64,
    pub needs: Vec<Vec<char>>,
    /// the same date in every country (情人节, 圣诞节, Easter): a foreign qualifier does not cancel it
    pub everywhere: bool,
    /// days covered (大斋期: 46)
    pub days: u32,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub(crate) enum WK {
    WeekdayPrefix,
    Weekday,
    Weekend,
    MonthName,
    Daypart,
    Era,
    LunarMarker,
    LunarMonth,
    LunarDayPrefix,
    DaySuffix,
    HourSuffix,
    BoundSuffix,
    BoundPrefix,
    UntilNow,
    RangeSep,
    RangeOpen,
    ListSep,
    WindowPast,
    WindowFuture,
    Within,
    MoreThan,
    LessThan,
    FutureMarker,
    Eve,
    NextDay,
    Pair,
    ShiftPrefix,
    ShiftLead,
    ForeignQualifier,
}

#[derive(Clone, Copy, Debug)]
pub(crate) struct Word {
    pub kind: WK,
    pub a: i64,
    pub b: i64,
    pub c: i64,
    pub modifier: Option<TimeMod>,
}

/// A small multiplicative hasher for the char-keyed lookups on the hot path.
#[derive(Default, Clone, Copy)]
pub(crate) struct FastHasher(u64);

impl std::hash::Hasher for FastHasher {
    fn finish(&self) -> u64 {
        self.0
    }
    fn write(&mut self, bytes: &[u8]) {
        for b in bytes {
            self.write_u64(*b as u64);
        }
    }
    fn write_u32(&mut self, n: u32) {
        self.write_u64(n as u64);
    }
    fn write_u64(&mut self, n: u64) {
        self.0 = (self.0.rotate_left(5) ^ n).wrapping_mul(0x51_7c_c1_b7_27_22_0a_95);
    }
}

pub(crate) type FastBuild = std::hash::BuildHasherDefault<FastHasher>;

pub(crate) const NUM: u8 = 1;
pub(crate) const ANY: u8 = 2;
pub(crate) const PAIR: u8 = 3;

pub(crate) struct Neg {
    pub skip: bool,
    pub unless: Vec<char>,
}

pub(crate) struct Tables {
    pub fold: Vec<char>,
    /// per BMP character: 0 never starts a mention, NUM a numeral, ANY always try, PAIR try
    /// when the next character makes a known pair
    pub trigger: Vec<u8>,
    pub pairs: std::collections::HashSet<(char, char), FastBuild>,
    /// per BMP character: a bit per word kind (`WK as u32`) whose words start with it
    pub kind_first: Vec<u32>,
    pub nums: HashMap<char, NumChar, FastBuild>,
    pub units: Trie<(Grain, u32)>,
    /// the units counted in business days (工作日, 交易日)
    pub business: Trie<()>,
    pub rel: Trie<Rel>,
    pub parts: Trie<Part>,
    pub holidays: Trie<Holiday>,
    pub words: Trie<Vec<Word>>,
    pub neg: Trie<Neg>,
}

fn rows<'a>(file: &'a str, text: &'a str) -> impl Iterator<Item = (usize, Vec<&'a str>)> + 'a {
    let _ = file;
    text.lines()
        .enumerate()
        .filter(|(_, l)| !l.trim().is_empty() && !l.starts_with('#'))
        .skip(1)
        .map(|(i, l)| (i + 1, l.split('\t').map(str::trim).collect()))
}

fn col<'a>(file: &str, line: usize, r: &[&'a str], i: usize) -> Result<&'a str, Error> {
    match r.get(i) {
        Some(s) if !s.is_empty() => Ok(s),
        _ => Err(Error::data(file, line, format!("missing column {}", i + 1))),
    }
}

fn opt<'a>(r: &[&'a str], i: usize) -> Option<&'a str> {
    r.get(i).copied().filter(|s| !s.is_empty())
}

fn int<T: std::str::FromStr>(file: &str, line: usize, s: &str) -> Result<T, Error> {
    s.parse::<T>()
        .map_err(|_| Error::data(file, line, format!("not a number: {s:?}")))
}

pub(crate) fn parse_mod(s: &str) -> Option<TimeMod> {
    Some(match s {
        "START" => TimeMod::Start,
        "MID" => TimeMod::Mid,
        "END" => TimeMod::End,
        "APPROX" => TimeMod::Approx,
        "BEFORE" => TimeMod::Before,
        "AFTER" => TimeMod::After,
        "ON_OR_BEFORE" => TimeMod::OnOrBefore,
        "ON_OR_AFTER" => TimeMod::OnOrAfter,
        "LESS_THAN" => TimeMod::LessThan,
        "MORE_THAN" => TimeMod::MoreThan,
        _ => return None,
    })
}

fn grain(s: &str) -> Option<Grain> {
    Some(match s {
        "century" => Grain::Century,
        "decade" => Grain::Decade,
        "year" => Grain::Year,
        "half" => Grain::Half,
        "quarter" => Grain::Quarter,
        "month" => Grain::Month,
        "week" => Grain::Week,
        "day" => Grain::Day,
        "hour" => Grain::Hour,
        "minute" => Grain::Minute,
        "second" => Grain::Second,
        _ => return None,
    })
}

fn one_char(file: &str, line: usize, s: &str) -> Result<char, Error> {
    let mut it = s.chars();
    match (it.next(), it.next()) {
        (Some(c), None) => Ok(c),
        _ => Err(Error::data(
            file,
            line,
            format!("expected one character, got {s:?}"),
        )),
    }
}

impl Tables {
    /// Build from (file name, contents) pairs.
    pub fn load(get: &dyn Fn(&str) -> Result<String, Error>) -> Result<Tables, Error> {
        let mut t = Tables {
            fold: (0..0x10000u32)
                .map(|u| char::from_u32(u).unwrap_or('\u{fffd}'))
                .collect(),
            trigger: vec![0; 0x10000],
            pairs: std::collections::HashSet::default(),
            kind_first: vec![0; 0x10000],
            nums: HashMap::default(),
            units: Trie::new(),
            business: Trie::new(),
            rel: Trie::new(),
            parts: Trie::new(),
            holidays: Trie::new(),
            words: Trie::new(),
            neg: Trie::new(),
        };
        // full-width ASCII and the ideographic space
        for u in 0xFF01u32..=0xFF5E {
            t.fold[u as usize] = char::from_u32(u - 0xFEE0).unwrap();
        }
        t.fold[0x3000] = ' ';
        t.fold['－' as usize] = '-';

        let f = "traditional.tsv";
        let text = get(f)?;
        for (ln, r) in rows(f, &text) {
            let a = one_char(f, ln, col(f, ln, &r, 0)?)?;
            let b = one_char(f, ln, col(f, ln, &r, 1)?)?;
            if (a as u32) < 0x10000 {
                t.fold[a as usize] = b;
            }
        }
        let f = "numerals.tsv";
        let text = get(f)?;
        for (ln, r) in rows(f, &text) {
            let c = one_char(f, ln, col(f, ln, &r, 0)?)?;
            let v: u64 = int(f, ln, col(f, ln, &r, 1)?)?;
            let k = match col(f, ln, &r, 2)? {
                "digit" => NumChar::Digit(v as u32),
                "unit" => NumChar::Unit(v),
                "tens" => NumChar::Tens(v as u32),
                "several" => NumChar::Several,
                "more" => NumChar::More,
                o => return Err(Error::data(f, ln, format!("unknown kind {o:?}"))),
            };
            t.nums.insert(c, k);
        }
        let f = "units.tsv";
        let text = get(f)?;
        for (ln, r) in rows(f, &text) {
            let w = col(f, ln, &r, 0)?;
            let g = grain(col(f, ln, &r, 1)?).ok_or_else(|| Error::data(f, ln, "unknown unit"))?;
            let n: u32 = int(f, ln, col(f, ln, &r, 2)?)?;
            t.units.insert(w, (g, n));
            match opt(&r, 3) {
                None => {}
                Some("business") => t.business.insert(w, ()),
                Some(o) => return Err(Error::data(f, ln, format!("unknown count {o:?}"))),
            }
        }
        let f = "relative.tsv";
        let text = get(f)?;
        for (ln, r) in rows(f, &text) {
            let w = col(f, ln, &r, 0)?;
            let g = match col(f, ln, &r, 1)? {
                "present" => RelGrain::Present,
                "narrative" => RelGrain::Narrative,
                s => RelGrain::G(grain(s).ok_or_else(|| Error::data(f, ln, "unknown grain"))?),
            };
            let offset: i32 = int(f, ln, col(f, ln, &r, 2)?)?;
            let narrative = match col(f, ln, &r, 3)? {
                "published" => false,
                "narrative" => true,
                o => return Err(Error::data(f, ln, format!("unknown anchor {o:?}"))),
            };
            let modifier = match opt(&r, 4) {
                Some(m) => Some(parse_mod(m).ok_or_else(|| Error::data(f, ln, "unknown mod"))?),
                None => None,
            };
            let daypart = opt(&r, 5).map(str::to_string);
            t.rel.insert(
                w,
                Rel {
                    grain: g,
                    offset,
                    narrative,
                    modifier,
                    daypart,
                },
            );
        }
        let f = "parts.tsv";
        let text = get(f)?;
        for (ln, r) in rows(f, &text) {
            let w = col(f, ln, &r, 0)?;
            let scope = match col(f, ln, &r, 1)? {
                "year" => PartScope::Year,
                "month" => PartScope::Month,
                "any" => PartScope::Any,
                o => return Err(Error::data(f, ln, format!("unknown scope {o:?}"))),
            };
            let a = col(f, ln, &r, 3)?;
            let kind = match col(f, ln, &r, 2)? {
                "mod" => {
                    PartKind::Mod(parse_mod(a).ok_or_else(|| Error::data(f, ln, "unknown mod"))?)
                }
                "half" => PartKind::Half(int(f, ln, a)?),
                "season" => PartKind::Season(int(f, ln, a)?),
                "months" => {
                    let (m0, m1) = a
                        .split_once('-')
                        .and_then(|(x, y)| Some((x.parse().ok()?, y.parse().ok()?)))
                        .filter(|&(x, y): &(u32, u32)| {
                            (1..=12).contains(&x) && (1..=12).contains(&y)
                        })
                        .ok_or_else(|| Error::data(f, ln, "months: a = first-last month"))?;
                    PartKind::Months(m0, m1)
                }
                "tenday" => PartKind::Tenday(int(f, ln, a)?),
                o => return Err(Error::data(f, ln, format!("unknown kind {o:?}"))),
            };
            let blocked = opt(&r, 4).map(|s| s.chars().collect()).unwrap_or_default();
            t.parts.insert(
                w,
                Part {
                    scope,
                    kind,
                    blocked,
                },
            );
        }
        let f = "holidays.tsv";
        let text = get(f)?;
        for (ln, r) in rows(f, &text) {
            let w = col(f, ln, &r, 0)?;
            let n = |i: usize| -> Result<u32, Error> { int(f, ln, col(f, ln, &r, i)?) };
            let cal = match col(f, ln, &r, 1)? {
                "solar" => HolCal::Solar(n(2)?, n(3)?),
                "lunar" => HolCal::Lunar(n(2)?, n(3)?),
                "nth" => HolCal::Nth(n(2)?, n(3)?, n(4)?),
                "easter" => HolCal::Easter(int(f, ln, col(f, ln, &r, 4)?)?),
                "orthodox" => HolCal::Orthodox(int(f, ln, col(f, ln, &r, 4)?)?),
                "term" => HolCal::Term(n(2)?, int(f, ln, col(f, ln, &r, 3)?)?),
                o => return Err(Error::data(f, ln, format!("unknown calendar {o:?}"))),
            };
            let offset: i64 = opt(&r, 5).map(|s| int(f, ln, s)).transpose()?.unwrap_or(0);
            let needs = opt(&r, 6)
                .map(|s| s.split('|').map(|w| w.chars().collect()).collect())
                .unwrap_or_default();
            let everywhere = match opt(&r, 7) {
                None => false,
                Some("any") => true,
                Some(o) => return Err(Error::data(f, ln, format!("unknown region {o:?}"))),
            };
            let days: u32 = opt(&r, 8).map(|s| int(f, ln, s)).transpose()?.unwrap_or(1);
            t.holidays.insert(
                w,
                Holiday {
                    cal,
                    offset,
                    needs,
                    everywhere,
                    days,
                },
            );
        }
        let f = "words.tsv";
        let text = get(f)?;
        for (ln, r) in rows(f, &text) {
            let w = col(f, ln, &r, 0)?;
            let kind = match col(f, ln, &r, 1)? {
                "weekday_prefix" => WK::WeekdayPrefix,
                "weekday" => WK::Weekday,
                "weekend" => WK::Weekend,
                "month_name" => WK::MonthName,
                "daypart" => WK::Daypart,
                "era" => WK::Era,
                "lunar_marker" => WK::LunarMarker,
                "lunar_month" => WK::LunarMonth,
                "lunar_day_prefix" => WK::LunarDayPrefix,
                "day_suffix" => WK::DaySuffix,
                "hour_suffix" => WK::HourSuffix,
                "bound_suffix" => WK::BoundSuffix,
                "bound_prefix" => WK::BoundPrefix,
                "until_now" => WK::UntilNow,
                "range_sep" => WK::RangeSep,
                "range_open" => WK::RangeOpen,
                "list_sep" => WK::ListSep,
                "window_past" => WK::WindowPast,
                "window_future" => WK::WindowFuture,
                "within" => WK::Within,
                "more_than" => WK::MoreThan,
                "less_than" => WK::LessThan,
                "future_marker" => WK::FutureMarker,
                "eve" => WK::Eve,
                "next_day" => WK::NextDay,
                "pair" => WK::Pair,
                "shift_prefix" => WK::ShiftPrefix,
                "shift_lead" => WK::ShiftLead,
                "foreign_qualifier" => WK::ForeignQualifier,
                o => return Err(Error::data(f, ln, format!("unknown kind {o:?}"))),
            };
            let mut modifier = None;
            let mut nums = [0i64; 3];
            for (k, slot) in nums.iter_mut().enumerate() {
                if let Some(s) = opt(&r, 2 + k) {
                    if let Some(m) = parse_mod(s) {
                        modifier = Some(m);
                    } else {
                        *slot = int(f, ln, s)?;
                    }
                }
            }
            let word = Word {
                kind,
                a: nums[0],
                b: nums[1],
                c: nums[2],
                modifier,
            };
            if let Some(c0) = w.chars().next() {
                let c0 = t.fold_char(c0);
                if (c0 as u32) < 0x10000 {
                    t.kind_first[c0 as usize] |= 1 << (kind as u32);
                }
            }
            t.words.get_mut_or(w, Vec::new).push(word);
        }
        let f = "negative.tsv";
        let text = get(f)?;
        for (ln, r) in rows(f, &text) {
            let w = col(f, ln, &r, 0)?;
            let skip = match col(f, ln, &r, 1)? {
                "skip" => true,
                "stop" => false,
                o => return Err(Error::data(f, ln, format!("unknown kind {o:?}"))),
            };
            let unless = opt(&r, 2).map(|s| s.chars().collect()).unwrap_or_default();
            t.neg.insert(w, Neg { skip, unless });
        }

        // characters where a mention can start, and the character pairs that can start one
        let mut words: Vec<String> = Vec::new();
        let startable = [
            WK::WeekdayPrefix,
            WK::Weekend,
            WK::MonthName,
            WK::Daypart,
            WK::Era,
            WK::LunarMarker,
            WK::LunarMonth,
            WK::BoundPrefix,
            WK::RangeOpen,
            WK::Pair,
        ];
        let words_text = get("words.tsv")?;
        for (_, r) in rows("words.tsv", &words_text) {
            let (Some(w), Some(k)) = (r.first(), r.get(1)) else {
                continue;
            };
            let kind = t
                .words
                .longest(&w.chars().collect::<Vec<_>>(), 0)
                .map(|(_, ws)| ws.clone())
                .unwrap_or_default();
            let _ = k;
            if kind.iter().any(|x| startable.contains(&x.kind)) {
                words.push(w.to_string());
            }
            if kind
                .iter()
                .any(|x| matches!(x.kind, WK::WindowPast | WK::WindowFuture | WK::ShiftPrefix))
            {
                let c0 = w.chars().next().unwrap();
                if w.chars().count() == 1 {
                    for n in t
                        .nums
                        .keys()
                        .copied()
                        .chain('0'..='9')
                        .chain(['半', '的', '个'])
                    {
                        t.pairs.insert((t.fold_char(c0), n));
                    }
                } else {
                    words.push(w.to_string());
                }
            }
        }
        for f in ["relative.tsv", "parts.tsv", "holidays.tsv"] {
            let text = get(f)?;
            for (_, r) in rows(f, &text) {
                if let Some(w) = r.first() {
                    words.push(w.to_string());
                }
            }
        }
        for w in [
            "本世", "上世", "这个", "首季", "今(", "昨(", "明(", "前(", "个半", "分半",
        ] {
            words.push(w.to_string());
        }
        for w in &words {
            let cs: Vec<char> = w.chars().map(|c| t.fold_char(c)).collect();
            if cs.is_empty() || (cs[0] as u32) >= 0x10000 {
                continue;
            }
            if cs.len() == 1 {
                t.trigger[cs[0] as usize] = ANY;
            } else {
                if t.trigger[cs[0] as usize] == 0 {
                    t.trigger[cs[0] as usize] = PAIR;
                }
                t.pairs.insert((cs[0], cs[1]));
            }
        }
        for (c, _) in t.pairs.clone() {
            if (c as u32) < 0x10000 && t.trigger[c as usize] == 0 {
                t.trigger[c as usize] = PAIR;
            }
        }
        for c in "每第半闰Qq".chars() {
            t.trigger[c as usize] = ANY;
        }
        let nums: Vec<char> = t.nums.keys().copied().chain('0'..='9').collect();
        for c in nums {
            let c = t.fold_char(c);
            if (c as u32) < 0x10000 && t.trigger[c as usize] != ANY {
                t.trigger[c as usize] = NUM;
            }
        }
        Ok(t)
    }

    #[inline]
    pub fn fold_char(&self, c: char) -> char {
        let u = c as u32;
        if u < 0x10000 {
            self.fold[u as usize]
        } else {
            c
        }
    }

    pub fn word(&self, t: &[char], i: usize, kind: WK) -> Option<(usize, Word)> {
        let c = *t.get(i)? as u32;
        if c < 0x10000 && self.kind_first[c as usize] & (1 << (kind as u32)) == 0 {
            return None;
        }
        let mut best = None;
        for (end, ws) in self.words.prefixes(t, i) {
            if let Some(w) = ws.iter().find(|w| w.kind == kind) {
                best = Some((end, *w));
            }
        }
        best
    }
}
