//! Numbers: Arabic (full-width folded before), Chinese (十二, 二〇一二, 两万四千, 廿七) and
//! approximate counts (几, 十几, 一两, 三四, 2000多).
use super::tables::{NumChar, Tables};

/// A parsed number: `lo..=hi` (equal when exact).
#[derive(Clone, Copy, Debug)]
pub(crate) struct Num {
    pub end: usize,
    pub lo: f64,
    pub hi: f64,
    /// written with Arabic digits
    pub arabic: bool,
    /// number of digits for a plain digit string (Arabic or 二〇一二), else 0
    pub digits: usize,
    /// "多/余" followed
    pub more: bool,
}

impl Num {
    pub fn exact(&self) -> Option<u32> {
        if self.lo == self.hi && self.lo.fract() == 0.0 && self.lo >= 0.0 && self.lo < 1e9 {
            Some(self.lo as u32)
        } else {
            None
        }
    }
    pub fn approx(&self) -> bool {
        self.lo != self.hi
    }
}

/// An Arabic digit string at `i`: (end, value, digit count).
pub(crate) fn arabic_int(t: &[char], i: usize) -> Option<(usize, u64, usize)> {
    let mut j = i;
    let mut v: u64 = 0;
    while j < t.len() && t[j].is_ascii_digit() && j - i < 12 {
        v = v * 10 + t[j].to_digit(10).unwrap() as u64;
        j += 1;
    }
    if j == i { None } else { Some((j, v, j - i)) }
}

/// A run of Chinese digit characters without units (二〇一二, 九七): (end, value, count).
pub(crate) fn chinese_digit_seq(tb: &Tables, t: &[char], i: usize) -> Option<(usize, u64, usize)> {
    let mut j = i;
    let mut v = 0u64;
    while j < t.len() && j - i < 4 {
        match tb.nums.get(&t[j]) {
            Some(NumChar::Digit(d)) if t[j] != '两' && t[j] != '俩' && t[j] != '仨' => {
                v = v * 10 + *d as u64;
                j += 1;
            }
            _ => break,
        }
    }
    if j - i >= 2 {
        Some((j, v, j - i))
    } else {
        None
    }
}

/// A Chinese number with units (十二, 一百三十, 两万四千, 廿七, 十几, 几十) at `i`.
fn chinese_num(tb: &Tables, t: &[char], i: usize) -> Option<(usize, f64, f64)> {
    // evaluate twice: with 几 as its smallest and its largest digit
    let mut j = i;
    let mut total = [0f64; 2];
    let mut section = [0f64; 2];
    let mut cur: [Option<f64>; 2] = [None, None];
    let mut any = false;
    let mut last_unit = 1u64;
    while j < t.len() {
        let Some(k) = tb.nums.get(&t[j]) else { break };
        match *k {
            NumChar::Digit(d) => {
                if cur[0].is_some() {
                    // two digits in a row: only 零 fillers (一百零五) are allowed here
                    if d == 0 {
                        j += 1;
                        continue;
                    }
                    if cur[0] != Some(0.0) {
                        break;
                    }
                }
                cur = [Some(d as f64), Some(d as f64)];
            }
            NumChar::Several => {
                if cur[0].is_some() {
                    break;
                }
                cur = [Some(1.0), Some(9.0)];
            }
            NumChar::Tens(v) => {
                if cur[0].is_some() {
                    break;
                }
                for s in &mut section {
                    *s += v as f64;
                }
                last_unit = 10;
            }
            NumChar::Unit(u) => {
                if u >= 10000 {
                    for k in 0..2 {
                        let s = section[k] + cur[k].unwrap_or(0.0);
                        let s = if s == 0.0 && !any { 1.0 } else { s };
                        total[k] = (total[k] + s) * u as f64;
                        section[k] = 0.0;
                        cur[k] = None;
                    }
                } else {
                    for k in 0..2 {
                        let c = cur[k].unwrap_or(if u == 10 { 1.0 } else { 0.0 });
                        if c == 0.0 && u != 10 {
                            return None;
                        }
                        section[k] += c * u as f64;
                        cur[k] = None;
                    }
                }
                last_unit = u;
            }
            NumChar::More => break,
        }
        any = true;
        j += 1;
    }
    if !any {
        return None;
    }
    let _ = last_unit;
    let lo = total[0] + section[0] + cur[0].unwrap_or(0.0);
    let hi = total[1] + section[1] + cur[1].unwrap_or(0.0);
    Some((j, lo, hi))
}

/// A count: Arabic (with decimals, thousands separators and 万/亿), Chinese, or an approximate
/// range of adjacent digits (一两, 三四).
pub(crate) fn count(tb: &Tables, t: &[char], i: usize) -> Option<Num> {
    if i >= t.len() {
        return None;
    }
    let mut n = if t[i].is_ascii_digit() {
        let (mut j, v, digits) = arabic_int(t, i)?;
        let mut v = v as f64;
        // thousands separators 35,000
        while j + 3 < t.len()
            && t[j] == ','
            && t[j + 1..j + 4].iter().all(|c| c.is_ascii_digit())
            && !(j + 4 < t.len() && t[j + 4].is_ascii_digit())
        {
            v = v * 1000.0 + arabic_int(t, j + 1)?.1 as f64;
            j += 4;
        }
        if j + 1 < t.len() && t[j] == '.' && t[j + 1].is_ascii_digit() {
            let (e, f, fd) = arabic_int(t, j + 1)?;
            if e < t.len() && t[e] == '.' {
                return None; // a dotted date, not a decimal
            }
            v += f as f64 / 10f64.powi(fd as i32);
            j = e;
        }
        Num {
            end: j,
            lo: v,
            hi: v,
            arabic: true,
            digits,
            more: false,
        }
    } else {
        let c0 = *tb.nums.get(&t[i])?;
        // adjacent-digit approximations: 一两, 两三, 三四 ... 八九
        if let (NumChar::Digit(a), Some(NumChar::Digit(b))) =
            (c0, t.get(i + 1).and_then(|c| tb.nums.get(c)))
        {
            let a = if t[i] == '两' { 2 } else { a };
            if a >= 1 && *b == a + 1 || (t[i] == '一' && t[i + 1] == '两') {
                let (lo, hi) = (a as f64, *b as f64);
                let next = t.get(i + 2).and_then(|c| tb.nums.get(c));
                if let Some(NumChar::Unit(u)) = next {
                    if *u < 10000 {
                        let mut n = Num {
                            end: i + 3,
                            lo: lo * *u as f64,
                            hi: hi * *u as f64,
                            arabic: false,
                            digits: 0,
                            more: false,
                        };
                        if t.get(i + 3).map(|c| {
                            matches!(
                                tb.nums.get(c),
                                Some(NumChar::Unit(_)) | Some(NumChar::Digit(_))
                            )
                        }) == Some(true)
                        {
                            return None;
                        }
                        more_suffix(tb, t, &mut n);
                        return Some(n);
                    }
                } else if !matches!(next, Some(NumChar::Digit(_))) {
                    return Some(Num {
                        end: i + 2,
                        lo,
                        hi,
                        arabic: false,
                        digits: 0,
                        more: false,
                    });
                }
            }
        }
        let (mut j, mut lo, mut hi) = chinese_num(tb, t, i)?;
        // a Chinese decimal before a unit: 五点五分钟, 一点五小时
        if t.get(j) == Some(&'点') && lo == hi {
            let mut k = j + 1;
            let mut frac = 0.0;
            let mut scale = 0.1;
            while let Some(NumChar::Digit(d)) = t.get(k).and_then(|c| tb.nums.get(c)) {
                frac += *d as f64 * scale;
                scale /= 10.0;
                k += 1;
            }
            if k > j + 1
                && tb.units.longest(t, k).is_some()
                && !matches!(t.get(k), Some('分') if t.get(k + 1) != Some(&'钟'))
            {
                lo += frac;
                hi += frac;
                j = k;
            }
        }
        Num {
            end: j,
            lo,
            hi,
            arabic: false,
            digits: 0,
            more: false,
        }
    };
    // Arabic followed by 万/亿
    if n.arabic
        && n.end < t.len()
        && let Some(NumChar::Unit(u)) = tb.nums.get(&t[n.end])
        && *u >= 10000
    {
        n.lo *= *u as f64;
        n.hi *= *u as f64;
        n.end += 1;
        n.digits = 0;
    }
    more_suffix(tb, t, &mut n);
    // a trailing 几 (十几, 二十几)
    if !n.more && n.end < t.len() && tb.nums.get(&t[n.end]) == Some(&NumChar::Several) {
        n.lo += 1.0;
        n.hi += 9.0;
        n.end += 1;
    }
    Some(n)
}

fn more_suffix(tb: &Tables, t: &[char], n: &mut Num) {
    if n.end < t.len() && tb.nums.get(&t[n.end]) == Some(&NumChar::More) {
        n.more = true;
        n.end += 1;
    }
}
