//! The grammar: small composable rules over the folded text, tried at trigger characters, and
//! the resolution of what they read against the publication date and the narrative time.
use super::calendar::{self as cal, Pt};
use super::numerals::{self, Num};
use super::tables::{HolCal, PartKind, PartScope, RelGrain, Tables, WK};
use super::{Anchor, Grain, TimeMention, TimeMod, TimeType};
use chrono::{Datelike, Duration, NaiveDate, NaiveDateTime, NaiveTime, Timelike};

/// What a date rule read, before resolution.
#[derive(Clone, Debug, Default)]
struct Spec {
    year: Option<i32>,
    year_rel: Option<(i32, bool)>,
    month: Option<u32>,
    month_rel: Option<(i32, bool)>,
    lunar: bool,
    leap: bool,
    day: Option<u32>,
    day_rel: Option<(i32, bool)>,
    quarter: Option<u32>,
    quarter_rel: Option<i32>,
    half: Option<u32>,
    /// a season or a span of months in the year: (first month, number of months)
    season: Option<(u32, u32)>,
    tenday: Option<u32>,
    first_months: Option<u32>,
    last_months: Option<u32>,
    day_of_year: Option<u32>,
    week_rel: Option<i32>,
    week_of_month: Option<u32>,
    week_of_year: Option<u32>,
    weekday: Option<u32>,
    nth_weekday: Option<(u32, u32)>,
    weekend: bool,
    /// a holiday: calendar, days added, days covered (大斋期 = 46)
    holiday: Option<(HolCal, i64, u32)>,
    day_shift: i64,
    decade: Option<i32>,
    century: Option<i32>,
    part: Option<TimeMod>,
    daypart: Option<(u32, u32, i64)>,
    hour: Option<u32>,
    minute: Option<u32>,
    second: Option<u32>,
    present: bool,
    narrative_word: bool,
    modifier: Option<TimeMod>,
    /// the other end of a month or day range written once (2019年1-5月, 4月12-19日)
    range_to: Option<(Grain, u32)>,
    /// a Chinese-numeral hour with nothing else that makes it a time (一点)
    weak_hour: bool,
    /// a two-digit year with nothing finer (12年 is more often 12 years)
    weak_year: bool,
}

impl Spec {
    fn has_year_info(&self) -> bool {
        self.year.is_some() || self.year_rel.is_some()
    }
}

/// A resolved expression.
#[derive(Clone, Debug)]
pub(crate) struct Out {
    kind: TimeType,
    value: String,
    grain: Grain,
    modifier: Option<TimeMod>,
    from: Option<NaiveDate>,
    to: Option<NaiveDate>,
    anchor: Anchor,
    /// a fully specified date that becomes the narrative time
    full: bool,
    pt: Option<Pt>,
    /// the first and last points of an interval
    ends: Option<(Pt, Pt)>,
}

impl Out {
    fn point(pt: Pt, anchor: Anchor) -> Out {
        let span = pt.span();
        let kind = match pt.g {
            Grain::Hour | Grain::Minute | Grain::Second => TimeType::Time,
            _ => TimeType::Date,
        };
        Out {
            kind,
            value: pt.value(),
            grain: pt.g,
            modifier: None,
            from: span.map(|s| s.0),
            to: span.map(|s| s.1),
            anchor,
            full: false,
            pt: Some(pt),
            ends: None,
        }
    }
    fn interval(a: &Out, b: &Out) -> Out {
        let anchor = if a.anchor == Anchor::Absolute {
            b.anchor
        } else {
            a.anchor
        };
        // the ends: an end that is itself an interval gives its first / last point
        let left = a.ends.map(|e| e.0).or(a.pt);
        let right = b.ends.map(|e| e.1).or(b.pt);
        let (value, grain, ends) = match (left, right) {
            (Some(mut l), Some(mut r)) => {
                // clock times at one precision: 1点到3点十分 = 13:00/15:10
                let clock = |g: Grain| matches!(g, Grain::Hour | Grain::Minute | Grain::Second);
                if clock(l.g) && clock(r.g) {
                    let g = l.g.max(r.g);
                    l.g = g;
                    r.g = g;
                }
                (format!("{}/{}", l.value(), r.value()), l.g, Some((l, r)))
            }
            _ => (format!("{}/{}", a.value, b.value), a.grain, None),
        };
        Out {
            kind: TimeType::Interval,
            value,
            grain,
            modifier: None,
            from: a.from,
            to: b.to,
            anchor,
            full: false,
            pt: None,
            ends,
        }
    }
    fn days(a: NaiveDate, b: NaiveDate, anchor: Anchor) -> Out {
        Out::interval(
            &Out::point(Pt::day(a), anchor),
            &Out::point(Pt::day(b), anchor),
        )
    }
    fn duration(value: String, grain: Grain) -> Out {
        Out {
            kind: TimeType::Duration,
            value,
            grain,
            modifier: None,
            from: None,
            to: None,
            anchor: Anchor::Absolute,
            full: false,
            pt: None,
            ends: None,
        }
    }
}

/// A clock time: (end, hour, minute, second, strong).
type Clock = (usize, u32, Option<u32>, Option<u32>, bool);

/// A duration: amount `lo..=hi` of `unit` (compound durations are summed in their smallest unit).
#[derive(Clone, Copy, Debug)]
struct Dur {
    lo: f64,
    hi: f64,
    unit: Grain,
    more: bool,
    /// counted in business days (工作日, 交易日): Monday to Friday
    biz: bool,
}

fn smaller(g: Grain) -> Option<(Grain, f64)> {
    Some(match g {
        Grain::Year => (Grain::Month, 12.0),
        Grain::Month => (Grain::Day, 30.0),
        Grain::Week => (Grain::Day, 7.0),
        Grain::Quarter => (Grain::Month, 3.0),
        Grain::Day => (Grain::Hour, 24.0),
        Grain::Hour => (Grain::Minute, 60.0),
        Grain::Minute => (Grain::Second, 60.0),
        _ => return None,
    })
}

impl Dur {
    fn scale_to(self, g: Grain) -> Dur {
        let mut d = self;
        while d.unit < g {
            match smaller(d.unit) {
                Some((s, f)) if s <= g => {
                    d = Dur {
                        lo: d.lo * f,
                        hi: d.hi * f,
                        unit: s,
                        more: d.more,
                        biz: d.biz,
                    }
                }
                _ => break,
            }
        }
        d
    }
    /// Make the amounts whole by moving to smaller units (1.5小时 = 90 minutes).
    fn whole(self) -> Dur {
        let mut d = self;
        if d.unit == Grain::Quarter {
            d = Dur {
                lo: d.lo * 3.0,
                hi: d.hi * 3.0,
                unit: Grain::Month,
                more: d.more,
                biz: d.biz,
            };
        }
        while (d.lo.fract() != 0.0 || d.hi.fract() != 0.0) && smaller(d.unit).is_some() {
            let (s, f) = smaller(d.unit).unwrap();
            d = Dur {
                lo: (d.lo * f * 1e6).round() / 1e6,
                hi: (d.hi * f * 1e6).round() / 1e6,
                unit: s,
                more: d.more,
                biz: d.biz,
            };
        }
        d
    }
    fn iso(self) -> String {
        let mut d = self.whole();
        if d.biz && d.unit == Grain::Day {
            // five business days are a week
            let cal = |n: f64| (n / 5.0).floor() * 7.0 + n % 5.0;
            d = Dur {
                lo: cal(d.lo),
                hi: cal(d.hi),
                ..d
            };
        }
        if d.unit == Grain::Week {
            d = Dur {
                lo: d.lo * 7.0,
                hi: d.hi * 7.0,
                unit: Grain::Day,
                more: d.more,
                biz: d.biz,
            };
        }
        let one = |n: f64| {
            let n = if n.fract() == 0.0 {
                format!("{}", n as i64)
            } else {
                format!("{n}")
            };
            match d.unit {
                Grain::Year => format!("P{n}Y"),
                Grain::Month => format!("P{n}M"),
                Grain::Day => format!("P{n}D"),
                Grain::Hour => format!("PT{n}H"),
                Grain::Minute => format!("PT{n}M"),
                _ => format!("PT{n}S"),
            }
        };
        if d.lo == d.hi {
            one(d.lo)
        } else {
            format!("{}/{}", one(d.lo), one(d.hi))
        }
    }
}

pub(crate) struct Scanner<'a> {
    tb: &'a Tables,
    t: &'a [char],
    refdt: NaiveDateTime,
    rd: NaiveDate,
    has_time: bool,
    narr: Option<(Out, usize)>,
    future_cache: Option<(usize, usize, bool, Option<usize>)>,
    /// Where the time expression being resolved ends (0 when none is).
    expr_end: usize,
    /// the reference is known only to the year or month: underspecified dates take its year
    ref_year_only: bool,
}

fn mk(t: &[char], s: usize, e: usize, o: Out) -> TimeMention {
    TimeMention {
        text: t[s..e].iter().collect(),
        start: s,
        end: e,
        kind: o.kind,
        value: o.value,
        grain: o.grain,
        modifier: o.modifier,
        from: o.from,
        to: o.to,
        anchor: o.anchor,
    }
}

fn is_cjk_num(tb: &Tables, c: char) -> bool {
    tb.nums.contains_key(&c)
}

impl<'a> Scanner<'a> {
    pub fn new(tb: &'a Tables, t: &'a [char], refdt: NaiveDateTime) -> Self {
        Scanner {
            tb,
            t,
            refdt,
            rd: refdt.date(),
            has_time: refdt.time() != NaiveTime::MIN,
            narr: None,
            future_cache: None,
            expr_end: 0,
            ref_year_only: false,
        }
    }

    pub fn set_precision(&mut self, g: Grain) {
        self.ref_year_only = matches!(g, Grain::Year | Grain::Month);
    }

    pub fn run(&mut self, original: &[char]) -> Vec<TimeMention> {
        let t = self.t;
        let tb = self.tb;
        let mut out = Vec::new();
        let mut i = 0;
        while i < t.len() {
            let c = t[i];
            if (c as u32) >= 0x10000 || !self.may_start(i) {
                i += 1;
                continue;
            }
            // do not start inside a word or a number
            if i > 0 {
                let p = t[i - 1];
                if c.is_ascii_alphanumeric()
                    && (p.is_ascii_alphanumeric()
                        || ((p == '-' || p == '.' || p == '_')
                            && i > 1
                            && t[i - 2].is_ascii_alphanumeric()))
                {
                    i += 1;
                    continue;
                }
                if c.is_ascii_digit() && matches!(p, '/' | '=' | '_' | '#' | '&' | '?') {
                    i += 1;
                    continue;
                }
                if (is_cjk_num(tb, c) && is_cjk_num(tb, p))
                    || ((is_cjk_num(tb, c) || c.is_ascii_digit()) && p == '第')
                {
                    i += 1;
                    continue;
                }
            }
            if let Some((e, n)) = tb.neg.longest(t, i)
                && n.skip
                && !(e < t.len() && n.unless.contains(&t[e]))
            {
                i = e;
                continue;
            }
            match self.mention(i) {
                Some((s, e, o)) if e > s && self.accept_end(s, e) => {
                    if o.full {
                        self.narr = Some((o.clone(), e));
                    }
                    let mut m = mk(t, s, e, o);
                    m.text = original[s..e].iter().collect();
                    out.push(m);
                    i = e;
                }
                _ => i += 1,
            }
        }
        out
    }

    /// A cheap filter before the rules: can a mention start at `i`?
    #[inline]
    fn may_start(&self, i: usize) -> bool {
        let t = self.t;
        let tb = self.tb;
        match tb.trigger[t[i] as usize] {
            0 => false,
            super::tables::ANY => true,
            super::tables::PAIR => t.get(i + 1).is_some_and(|n| tb.pairs.contains(&(t[i], *n))),
            _ => {
                // a number: what follows it must be able to continue a time expression
                if tb.pairs.contains(&(t[i], *t.get(i + 1).unwrap_or(&' '))) {
                    return true;
                }
                let mut j = i;
                while j < t.len()
                    && j - i < 24
                    && (t[j].is_ascii_digit()
                        || tb.nums.contains_key(&t[j])
                        || matches!(t[j], '.' | ','))
                {
                    j += 1;
                }
                if j - i >= 4 && t[i].is_ascii_digit() {
                    return true;
                }
                let Some(&n) = t.get(j) else { return false };
                const FOLLOW: &str =
                    "年月日号天周星礼点时分秒季世小钟刻旬代-/~—–至到、:·期以之前后上下半 pPaAT";
                if n == '个' || n == '多' || n == '余' {
                    return t
                        .get(j + 1)
                        .is_some_and(|c| "月年星礼小钟工交季半多周个天日分秒".contains(*c));
                }
                FOLLOW.contains(n)
                    || n.is_ascii_alphabetic() && j > i
                    || tb.units.longest(t, j).is_some()
            }
        }
    }

    fn accept_end(&self, s: usize, e: usize) -> bool {
        let t = self.t;
        let last = t[e - 1];
        if e < t.len() {
            let n = t[e];
            if last.is_ascii_digit() && (n.is_ascii_alphanumeric() || n == '%') {
                return false;
            }
            if last.is_ascii_alphabetic() && n.is_ascii_alphabetic() {
                return false;
            }
            if last.is_ascii_digit() || is_cjk_num(self.tb, last) || last == '点' || last == '日'
            {
                if let Some((_, n)) = self.tb.neg.longest(t, e)
                    && !n.skip
                {
                    return false;
                }
                if last.is_ascii_digit()
                    && n == '.'
                    && t.get(e + 1).is_some_and(|c| c.is_ascii_digit())
                {
                    return false;
                }
            }
        }
        let _ = s;
        true
    }

    fn word(&self, i: usize, k: WK) -> Option<(usize, super::tables::Word)> {
        self.tb.word(self.t, i, k)
    }

    fn skip_space(&self, mut i: usize) -> usize {
        while i < self.t.len() && self.t[i] == ' ' {
            i += 1;
        }
        i
    }

    /// Is there a future marker in the sentence around `i`?
    fn future(&mut self, i: usize) -> bool {
        let t = self.t;
        // the clause: between commas and sentence ends; a time fronted before a comma
        // (4月20日，发布会将在北京举行) takes the next clause as its own
        let stop = |c: char| "。！？!?；;\n，,".contains(c);
        let mut s = i;
        while s > 0 && !stop(t[s - 1]) {
            s -= 1;
        }
        let mut e = i;
        while e < t.len() && !stop(t[e]) {
            e += 1;
        }
        if i == s && e - i <= 10 && matches!(t.get(e), Some('，' | ',')) {
            e += 1;
            while e < t.len() && !stop(t[e]) {
                e += 1;
            }
        }
        // the time of a plan (1月计划的方案): when the plan was made, whatever else the
        // clause plans
        if self.expr_end > i
            && let Some((end, _)) = self.word(self.expr_end, WK::FutureMarker)
            && t.get(end) == Some(&'的')
        {
            return false;
        }
        if let Some((cs, ce, f, nominal)) = self.future_cache
            && cs == s
            && ce == e
        {
            return f || nominal.is_some_and(|k| k < i);
        }
        // a marker before 的 is a noun's modifier (1月计划的方案: the plan of January, a past
        // date): it marks the future only for a time after it (计划的上线时间为12月)
        let mut f = false;
        let mut nominal: Option<usize> = None;
        for (k, &c) in t.iter().enumerate().take(e).skip(s) {
            if matches!(
                c,
                '将' | '即' | '计' | '预' | '拟' | '有' | '打' | '准' | '定' | '下'
            ) && let Some((end, _)) = self.word(k, WK::FutureMarker)
            {
                if t.get(end) == Some(&'的') {
                    nominal.get_or_insert(k);
                } else {
                    f = true;
                    break;
                }
            }
        }
        self.future_cache = Some((s, e, f, nominal));
        f || nominal.is_some_and(|k| k < i)
    }

    /// The narrative time, when one was set in the same paragraph (or anywhere before, if
    /// `any`), else None.
    fn narrative(&self, i: usize, any: bool) -> Option<&Out> {
        let (o, pos) = self.narr.as_ref()?;
        if any || !self.t[*pos..i].contains(&'\n') {
            Some(o)
        } else {
            None
        }
    }

    fn base_date(&self, narrative: bool, i: usize) -> (NaiveDate, Anchor) {
        if narrative
            && let Some(o) = self.narrative(i, true)
            && let Some(f) = o.from
        {
            return (f, Anchor::Narrative);
        }
        (self.rd, Anchor::Published)
    }

    // ---------------------------------------------------------------- top level

    fn mention(&mut self, i: usize) -> Option<(usize, usize, Out)> {
        let t = self.t;
        // prefixes: 截至 (bound), 从/自 (range start)
        let mut j = i;
        let mut pre_mod = None;
        let mut opened = false;
        if let Some((e, w)) = self.word(i, WK::BoundPrefix) {
            pre_mod = w.modifier;
            j = self.skip_space(e);
        } else if let Some((e, _)) = self.word(i, WK::RangeOpen) {
            opened = true;
            j = self.skip_space(e);
        }
        if j == i
            && let Some(r) = self.shift_expr(i)
        {
            return Some((i, r.0, r.1));
        }
        if let Some((e, o)) = self.set_expr(j) {
            return Some((i, e, o));
        }
        if let Some(r) = self.pair_expr(j) {
            return Some((i, r.0, r.1));
        }
        // a point wins ties with a window; a duration-based shift (三日后) wins ties with a point
        let mut best: Option<(usize, Out)> = self.point_expr(j);
        if let Some((e, o)) = self.window(j)
            && best.as_ref().is_none_or(|b| e > b.0)
        {
            best = Some((e, o));
        }
        if let Some((e, o)) = self.duration_expr(j)
            && best
                .as_ref()
                .is_none_or(|b| e > b.0 || (e == b.0 && o.kind != TimeType::Duration))
        {
            best = Some((e, o));
        }
        let (e, mut o) = best?;
        if j > i {
            if let Some(m) = pre_mod {
                if o.kind != TimeType::Duration && o.kind != TimeType::Interval {
                    o.modifier = Some(m);
                }
            } else if opened
                && o.kind != TimeType::Interval
                && o.modifier != Some(TimeMod::OnOrAfter)
            {
                // 从2020年的…: the 从 is not part of the expression
                return Some((j, e, o));
            }
        }
        let _ = t;
        Some((i, e, o))
    }

    /// 过两天, 再过半个小时: from the point N units after the reference on.
    fn shift_expr(&self, i: usize) -> Option<(usize, Out)> {
        let t = self.t;
        let (e, _) = self.word(i, WK::ShiftPrefix)?;
        if e - i == 1 && i > 0 {
            let p = t[i - 1];
            let clause_start = !(p.is_alphanumeric() || is_cjk_num(self.tb, p));
            let lead = (1..=2.min(i)).any(|k| {
                self.word(i - k, WK::ShiftLead)
                    .is_some_and(|(le, _)| le == i)
            });
            if !clause_start && !lead {
                return None;
            }
        }
        let (de, d) = self.duration_full(e)?;
        if d.lo == 0.0 {
            return None;
        }
        let mut r = self.shifted(self.rd, Anchor::Published, d, true)?;
        let mut end = de;
        if let Some((be, w)) = self.word(de, WK::BoundSuffix) {
            if w.modifier != Some(TimeMod::After) {
                return None;
            }
            end = be;
        }
        if self.word(end, WK::Within).is_some() || self.word(end, WK::MoreThan).is_some() {
            return None;
        }
        if r.kind != TimeType::Interval {
            r.modifier = Some(TimeMod::OnOrAfter);
        }
        Some((end, r))
    }

    /// 今明两天, 明后两年: two adjacent units relative to the publication date.
    fn pair_expr(&self, i: usize) -> Option<(usize, Out)> {
        let t = self.t;
        let (e, w) = self.word(i, WK::Pair)?;
        if !matches!(t.get(e), Some('两' | '二' | '2')) {
            return None;
        }
        let (ue, (g, _)) = self.tb.units.longest(t, e + 1)?;
        let g = *g;
        if !matches!(g, Grain::Year | Grain::Month | Grain::Week | Grain::Day) {
            return None;
        }
        let at = |n: i64| -> Option<Out> {
            let d = cal::shift(self.rd, g, n)?;
            Some(self.unit_point(d, g, Anchor::Published))
        };
        Some((ue, Out::interval(&at(w.a)?, &at(w.b)?)))
    }

    /// A point (with its ranges, bounds and lists).
    fn point_expr(&mut self, i: usize) -> Option<(usize, Out)> {
        let t = self.t;
        // bare year in a list or range: 2019、2020年 / 2019-2020年 / 2019–2020
        if let Some((e, y, 4)) = numerals::arabic_int(t, i)
            && (1000..2200).contains(&y)
            && !t.get(e).is_some_and(|c| *c == '年' || c.is_ascii_digit())
        {
            let a = Out::point(Pt::year(y as i32), Anchor::Absolute);
            if let Some((se, _)) = self.word(e, WK::ListSep)
                && let Some((_, s2)) = self.chain(self.skip_space(se))
                && (s2.year.is_some() && s2.month.is_none() || s2.year.is_some())
            {
                let mut a = a;
                a.full = true;
                return Some((e, a));
            }
            if let Some((se, _)) = self.word(e, WK::RangeSep) {
                let j = self.skip_space(se);
                if let Some((e2, y2, 4)) = numerals::arabic_int(t, j)
                    && (1000..2200).contains(&y2)
                    && y2 > y
                {
                    let e2 = if t.get(e2) == Some(&'年') {
                        e2 + 1
                    } else {
                        e2
                    };
                    let b = Out::point(Pt::year(y2 as i32), Anchor::Absolute);
                    return Some((e2, Out::interval(&a, &b)));
                }
            }
        }
        let (mut e, spec) = self.chain(i)?;
        self.expr_end = e;
        let mut o = self.resolve(&spec, i)?;
        // range: X至Y (Y inherits what it leaves out from X)
        let rj = self.skip_space(e);
        if let Some((se, _)) = self.word(rj, WK::RangeSep) {
            let j = self.skip_space(se);
            if let Some((e2, mut s2)) = self.chain(j) {
                self.inherit(&spec, &o, &mut s2);
                if let Some(o2) = self.resolve(&s2, j)
                    && (o2.from >= o.from || o2.from.is_none())
                {
                    let full = o.full;
                    o = Out::interval(&o, &o2);
                    o.full = full;
                    e = e2;
                }
            }
        }
        // suffixes
        let sj = e;
        if let Some((ue, _)) = self.word(sj, WK::UntilNow) {
            let now = Out::point(Pt::day(self.rd), Anchor::Published);
            let full = o.full;
            o = Out::interval(&o, &now);
            o.full = full;
            return Some((ue, o));
        }
        if let Some((ve, _)) = self.word(sj, WK::Eve)
            && let Some(f) = o.from
            && spec.holiday.is_some()
        {
            let d = f - Duration::days(1);
            let mut n = Out::point(Pt::day(d), o.anchor);
            n.modifier = Some(TimeMod::Approx);
            return Some((ve, n));
        }
        // 耶稣受难日翌日, 春节次日: the day after a holiday
        if let Some((ne, _)) = self.word(sj, WK::NextDay)
            && let Some(f) = o.from
            && spec.holiday.is_some()
            && o.grain == Grain::Day
        {
            let mut n = Out::point(Pt::day(f + Duration::days(1)), o.anchor);
            n.full = o.full;
            return Some((ne, n));
        }
        // 这个月前两天, 4月前4天, 本周后三天: the first / last N days (or weeks) of it
        if matches!(t.get(sj), Some('前' | '后'))
            && o.kind != TimeType::Interval
            && let (Some(from), Some(to)) = (o.from, o.to)
            && let Some((de, d)) = self.dur_part(sj + 1)
            && matches!(d.unit, Grain::Day | Grain::Week)
            && d.lo == d.hi
            && d.lo.fract() == 0.0
            && d.lo >= 1.0
        {
            let n = d.lo as i64 * if d.unit == Grain::Week { 7 } else { 1 };
            if n <= (to - from).num_days() {
                let o2 = if t[sj] == '前' {
                    Out::days(from, from + Duration::days(n - 1), o.anchor)
                } else {
                    Out::days(to - Duration::days(n - 1), to, o.anchor)
                };
                return Some((de, o2));
            }
        }
        if let Some((be, w)) = self.word(sj, WK::BoundSuffix) {
            // 春节后第二天: N-th day after
            if o.kind != TimeType::Interval
                && let Some((de, n)) = self.ordinal_day(be)
                && let (Some(from), Some(to)) = (o.from, o.to)
            {
                let d = if w.modifier == Some(TimeMod::Before) {
                    from.checked_sub_signed(Duration::try_days(n as i64 - 1)?)?
                } else {
                    to.checked_add_signed(Duration::try_days(n as i64 - 1)?)?
                };
                let mut r = Out::point(Pt::day(d), o.anchor);
                r.full = o.full;
                return Some((de, r));
            }
            let next = t.get(be).copied();
            // 后来, 前进 ... are not bounds
            let blocked = matches!(
                next,
                Some(
                    '来' | '进'
                        | '往'
                        | '者'
                        | '面'
                        | '方'
                        | '台'
                        | '端'
                        | '排'
                        | '列'
                        | '线'
                        | '景'
                        | '提'
                )
            );
            if !blocked
                && w.modifier == Some(TimeMod::Before)
                && matches!(o.modifier, Some(TimeMod::End | TimeMod::Start))
            {
                // 年底前 / 月底之前: by the end of the unit; 年初前: before the unit
                o.modifier = Some(if o.modifier == Some(TimeMod::End) {
                    TimeMod::OnOrBefore
                } else {
                    TimeMod::Before
                });
                o.full = false;
                e = be;
            } else if !blocked && o.modifier.is_none() {
                o.modifier = w.modifier;
                // a clock time names an instant: 八点以后 starts at 8:00 (八点以前 stays BEFORE)
                if w.modifier == Some(TimeMod::After)
                    && o.kind == TimeType::Time
                    && matches!(o.grain, Grain::Hour | Grain::Minute | Grain::Second)
                {
                    o.modifier = Some(TimeMod::OnOrAfter);
                }
                if matches!(
                    w.modifier,
                    Some(TimeMod::Before | TimeMod::After | TimeMod::OnOrAfter)
                ) {
                    o.full = false;
                }
                e = be;
            }
        } else if let Some((we, _)) = self.word(sj, WK::Within)
            && !t.get(we).is_some_and(|c| "部容地在心阁外涵存".contains(*c))
            && spec.has_year_info()
            && o.grain == Grain::Year
        {
            e = we;
        }
        Some((e, o))
    }

    /// 第N天 after a bound: (end, N).
    fn ordinal_day(&self, i: usize) -> Option<(usize, u32)> {
        if self.t.get(i) != Some(&'第') {
            return None;
        }
        let n = numerals::count(self.tb, self.t, i + 1)?;
        let k = n.exact()?;
        match self.t.get(n.end) {
            Some('天') | Some('日') => Some((n.end + 1, k)),
            _ => None,
        }
    }

    fn inherit(&self, s1: &Spec, o1: &Out, s2: &mut Spec) {
        let Some(p) = o1.pt.or_else(|| o1.from.map(Pt::day)) else {
            return;
        };
        if s2.has_year_info()
            || s2.month_rel.is_some()
            || s2.day_rel.is_some()
            || s2.week_rel.is_some()
            || s2.present
        {
            return;
        }
        if s2.month.is_some() || s2.holiday.is_some() || s2.quarter.is_some() || s2.half.is_some() {
            s2.year = Some(p.y);
        } else if s2.day.is_some() {
            s2.year = Some(p.y);
            s2.month = Some(p.m);
            s2.lunar = s1.lunar;
        } else if s2.hour.is_some() || s2.daypart.is_some() {
            if let Some(d) = o1.from {
                s2.year = Some(d.year());
                s2.month = Some(d.month());
                s2.day = Some(d.day());
            }
            if s2.daypart.is_none()
                && s2.hour.is_some_and(|h| h < 12)
                && let Some(dp) = s1.daypart
                && (s1.hour.is_some_and(|h1| h1 >= 12) || dp.2 == 1)
            {
                s2.daypart = Some(dp);
            }
            s2.weak_hour = false;
        }
    }

    // ---------------------------------------------------------------- chains

    /// A date/time chain from coarse to fine at `i`.
    fn chain(&mut self, i: usize) -> Option<(usize, Spec)> {
        let t = self.t;
        let tb = self.tb;
        let mut s = Spec::default();
        let mut j = i;
        let mut any = false;

        // present and narrative words stand alone
        if let Some((e, r)) = tb.rel.longest(t, j) {
            match r.grain {
                RelGrain::Present => {
                    s.present = true;
                    s.modifier = r.modifier;
                    return Some((e, s));
                }
                RelGrain::Narrative => {
                    s.narrative_word = true;
                    s.modifier = r.modifier;
                    return Some((e, s));
                }
                _ => {}
            }
        }
        // ---- decade / century
        if let Some((e, sp)) = self.decade_century(j) {
            s = sp;
            j = e;
            if let Some((pe, p)) = tb.parts.longest(t, j)
                && let PartKind::Mod(m) = p.kind
                && p.scope == PartScope::Any
                && !t.get(pe).is_some_and(|c| p.blocked.contains(c))
            {
                s.part = Some(m);
                j = pe;
            }
            return Some((j, s));
        }
        // ---- English day-month order: 20 April 2023, 5 Sept. 2019
        if let Some((e, d, nd)) = numerals::arabic_int(t, j)
            && nd <= 2
            && (1..=31).contains(&d)
            && t.get(e) == Some(&' ')
            && let Some((me, w)) = self.word(e + 1, WK::MonthName)
            && !t.get(me).is_some_and(|c| c.is_ascii_alphabetic())
        {
            let mut k = if t.get(me) == Some(&'.') { me + 1 } else { me };
            s.month = Some(w.a as u32);
            s.day = Some(d as u32);
            let y0 = self.skip_space(k);
            if y0 > k
                && let Some((ye, y, 4)) = numerals::arabic_int(t, y0)
                && (1000..2200).contains(&y)
                && !t.get(ye).is_some_and(|c| c.is_ascii_alphanumeric())
            {
                s.year = Some(y as i32);
                k = ye;
            }
            return self.finish(k, s);
        }
        // ---- numeric dates: 2012-10-05, 2012/10/5, 2012.10.05, 20121005, 10/31/1974, 2/15
        if let Some((e, y, m, d)) = self.numeric_date(j) {
            s.year = y;
            s.month = Some(m);
            s.day = d;
            let mut e = e;
            if t.get(e) == Some(&'-') && self.clock(e + 1).is_some() {
                e += 1;
            }
            return self.finish(e, s);
        }
        // ---- year
        if let Some((e, r)) = tb.rel.longest(t, j)
            && r.grain == RelGrain::G(Grain::Year)
        {
            s.year_rel = Some((r.offset, r.narrative));
            j = e;
            any = true;
        }
        if !any && let Some((e, y, weak)) = self.year(j) {
            s.year = Some(y);
            s.weak_year = weak;
            j = e;
            any = true;
        }
        let year_end = j;
        if any && t.get(j) == Some(&' ') && t.get(j + 1).is_some_and(|c| c.is_ascii_digit()) {
            j += 1; // 2020 年 8 月
        }
        // ---- parts of a year
        let hol_end = self.holiday(j).map(|h| h.0).unwrap_or(0);
        if let Some((e, p)) = tb.parts.longest(t, j).filter(|(e, _)| *e > hol_end) {
            let ok_scope = (p.scope == PartScope::Year && (any || e - j > 1))
                || (p.scope == PartScope::Any && any);
            if ok_scope && !t.get(e).is_some_and(|c| p.blocked.contains(c)) {
                match p.kind {
                    PartKind::Mod(m) => s.part = Some(m),
                    PartKind::Half(h) => s.half = Some(h),
                    PartKind::Season(n) => s.season = Some((3 * n, 3)),
                    PartKind::Months(m0, m1) => s.season = Some((m0, (m1 + 12 - m0) % 12 + 1)),
                    PartKind::Tenday(_) => {}
                }
                if !matches!(p.kind, PartKind::Tenday(_)) {
                    s.weak_year = false;
                    return self.finish(e, s);
                }
            }
        }
        // quarters: 第一季度, 一季度, Q1, 首季度; relative quarters
        if let Some((e, r)) = tb.rel.longest(t, j)
            && r.grain == RelGrain::G(Grain::Quarter)
            && !any
        {
            s.quarter_rel = Some(r.offset);
            j = e;
            s.weak_year = false;
            return self.quarter_part(j, s);
        }
        if let Some((e, q)) = self.quarter(j) {
            s.quarter = Some(q);
            s.weak_year = false;
            return self.quarter_part(e, s);
        }
        // 前N个月 / 前三季度 after a year
        if any
            && t.get(j) == Some(&'前')
            && let Some(n) = numerals::count(tb, t, j + 1)
            && let Some(k) = n.exact()
        {
            let rest = &t[n.end..];
            let (months, e) = if rest.starts_with(&['个', '季', '度']) {
                (k * 3, n.end + 3)
            } else if rest.starts_with(&['季', '度']) {
                (k * 3, n.end + 2)
            } else if rest.starts_with(&['个', '月']) {
                (k, n.end + 2)
            } else if rest.starts_with(&['月']) {
                (k, n.end + 1)
            } else {
                (0, 0)
            };
            if (1..=12).contains(&months) {
                s.first_months = Some(months);
                s.weak_year = false;
                return Some((e, s));
            }
        }
        // 后N个月 / 后三季度 after a year: its last months
        if any
            && t.get(j) == Some(&'后')
            && let Some(n) = numerals::count(tb, t, j + 1)
            && let Some(k) = n.exact()
        {
            let rest = &t[n.end..];
            let (months, e) = if rest.starts_with(&['个', '季', '度']) {
                (k * 3, n.end + 3)
            } else if rest.starts_with(&['季', '度']) {
                (k * 3, n.end + 2)
            } else if rest.starts_with(&['个', '月']) {
                (k, n.end + 2)
            } else if rest.starts_with(&['月']) {
                (k, n.end + 1)
            } else {
                (0, 0)
            };
            if (1..=12).contains(&months) {
                s.last_months = Some(months);
                s.weak_year = false;
                return Some((e, s));
            }
        }
        // 首月 / 第N个月 / 第N天 of a year
        if any && t[j..].starts_with(&['首', '月']) {
            s.month = Some(1);
            s.weak_year = false;
            return self.finish(j + 2, s);
        }
        if any
            && t.get(j) == Some(&'第')
            && let Some(n) = numerals::count(tb, t, j + 1)
            && let Some(k) = n.exact()
            && (!n.arabic || n.digits <= 3)
        {
            let rest = &t[n.end..];
            if rest.starts_with(&['个', '月']) && (1..=12).contains(&k) {
                s.month = Some(k);
                s.weak_year = false;
                return self.finish(n.end + 2, s);
            }
            if matches!(rest.first(), Some('天' | '日')) && (1..=366).contains(&k) {
                s.day_of_year = Some(k);
                s.weak_year = false;
                return self.finish(n.end + 1, s);
            }
        }
        // week of year: 第N周
        if any
            && t.get(j) == Some(&'第')
            && let Some(n) = numerals::count(tb, t, j + 1)
            && let (Some(k), Some((e, _))) = (n.exact(), self.week_word(n.end))
            && (1..=53).contains(&k)
        {
            s.week_of_year = Some(k);
            s.weak_year = false;
            return Some((e, s));
        }
        // ---- a holiday that a month word would cut short (大年三十 vs 大年)
        if let Some((he, h)) = self.holiday(j)
            && self.month(j).is_none_or(|m| he > m.0)
            && tb.rel.longest(t, j).is_none_or(|r| he > r.0)
        {
            s.holiday = Some(h);
            s.weak_year = false;
            return self.finish(he, s);
        }
        // ---- month
        let mut month_any = false;
        if let Some((e, r)) = tb.rel.longest(t, j)
            && r.grain == RelGrain::G(Grain::Month)
            && !any
        {
            s.month_rel = Some((r.offset, r.narrative));
            j = e;
            month_any = true;
        }
        if !month_any && any {
            // 2019年1-5月
            if let Some(n) = numerals::count(tb, t, j)
                && let (Some(m1), Some((se, _))) = (n.exact(), self.word(n.end, WK::RangeSep))
                && let Some((e, m2, false, false)) = self.month(se)
                && (1..m2).contains(&m1)
            {
                s.month = Some(m1);
                s.range_to = Some((Grain::Month, m2));
                return Some((e, s));
            }
        }
        if !month_any && let Some((e, m, lunar, leap)) = self.month(j) {
            s.month = Some(m);
            s.lunar = lunar;
            s.leap = leap;
            j = e;
            month_any = true;
        }
        if month_any && t[j - 1].is_ascii_alphabetic()
            || (month_any && t[j - 1] == '.' && j >= 2 && t[j - 2].is_ascii_alphabetic())
        {
            let mut k = self.skip_space(j);
            if let Some((e, d, nd)) = numerals::arabic_int(t, k)
                && nd <= 2
                && (1..=31).contains(&d)
                && !t.get(e).is_some_and(|c| c.is_ascii_alphanumeric())
            {
                s.day = Some(d as u32);
                j = e;
                k = if t.get(e) == Some(&',') {
                    self.skip_space(e + 1)
                } else {
                    self.skip_space(e)
                };
            }
            if let Some((e, y, 4)) = numerals::arabic_int(t, k)
                && (1000..2200).contains(&y)
                && !t.get(e).is_some_and(|c| c.is_ascii_alphanumeric())
            {
                s.year = Some(y as i32);
                j = e;
            }
            if s.day.is_some() || s.year.is_some() {
                return self.finish(j, s);
            }
        }
        if month_any && t.get(j) == Some(&' ') && t.get(j + 1).is_some_and(|c| c.is_ascii_digit()) {
            let k = j + 1;
            if let Some(n) = numerals::count(tb, t, k)
                && self.word(self.skip_space(n.end), WK::DaySuffix).is_some()
            {
                j = k;
            }
        }
        if month_any {
            any = true;
            s.weak_year = false;
            // parts of a month
            if let Some((e, p)) = tb.parts.longest(t, j)
                && (p.scope == PartScope::Month || p.scope == PartScope::Any)
                && !t.get(e).is_some_and(|c| p.blocked.contains(c))
            {
                match p.kind {
                    PartKind::Mod(m) => s.part = Some(m),
                    PartKind::Tenday(n) => s.tenday = Some(n),
                    _ => return None,
                }
                return self.finish(e, s);
            }
            // 第N周, 第N个星期X
            let mut k0 = j;
            if t.get(k0) == Some(&'的') {
                k0 += 1;
            }
            if t.get(k0) == Some(&'第')
                && let Some(n) = numerals::count(tb, t, k0 + 1)
                && let Some(k) = n.exact()
            {
                let mut p = n.end;
                if t.get(p) == Some(&'个') {
                    p += 1;
                }
                if let Some((e, wd)) = self.weekday(p) {
                    s.nth_weekday = Some((k, wd));
                    return self.finish(e, s);
                }
                if let Some((e, _)) = self.week_word(p) {
                    s.week_of_month = Some(k);
                    return Some((e, s));
                }
            }
        } else if let Some((e, p)) = tb.parts.longest(t, j) {
            // 月底 alone: this month
            if p.scope == PartScope::Month
                && !t.get(e).is_some_and(|c| p.blocked.contains(c))
                && !any
            {
                s.month_rel = Some((0, false));
                match p.kind {
                    PartKind::Mod(m) => s.part = Some(m),
                    PartKind::Tenday(n) => s.tenday = Some(n),
                    _ => return None,
                }
                return self.finish(e, s);
            }
        }
        // ---- holiday
        if let Some((e, h)) = self.holiday(j) {
            s.holiday = Some(h);
            s.weak_year = false;
            return self.finish(e, s);
        }
        // ---- day: 昨（15）日, 今（16）日 (the day number given in brackets)
        if !any
            && matches!(t.get(j), Some('昨' | '今' | '明' | '前'))
            && t.get(j + 1) == Some(&'(')
            && let Some((e, d, nd)) = numerals::arabic_int(t, j + 2)
            && nd <= 2
            && t.get(e) == Some(&')')
            && self.word(e + 1, WK::DaySuffix).is_some()
        {
            let off = match t[j] {
                '昨' => -1,
                '今' => 0,
                '明' => 1,
                _ => -2,
            };
            let near = self.rd + Duration::days(off);
            let cands: Vec<NaiveDate> = [-1, 0, 1]
                .iter()
                .filter_map(|k| {
                    let (y, m) = cal::add_months(near.year(), near.month(), *k);
                    cal::ymd(y, m, d as u32)
                })
                .collect();
            if let Some(best) = cands.iter().min_by_key(|c| (**c - near).num_days().abs()) {
                s.year = Some(best.year());
                s.month = Some(best.month());
                s.day = Some(best.day());
                return self.finish(e + 2, s);
            }
        }
        // ---- day
        if let Some((e, r)) = tb.rel.longest(t, j)
            && r.grain == RelGrain::G(Grain::Day)
            && !any
        {
            s.day_rel = Some((r.offset, r.narrative));
            if let Some(dp) = &r.daypart {
                let dpc: Vec<char> = dp.chars().collect();
                if let Some((_, w)) = self.tb.word(&dpc, 0, WK::Daypart) {
                    s.daypart = Some((w.a as u32, w.b as u32, w.c));
                }
            }
            return self.finish(e, s);
        }
        if s.month.is_some() && !s.lunar && matches!(t.get(j), Some('初' | '廿')) {
            s.lunar = true;
        }
        if s.month.is_some() {
            // 4月12-19日
            if let Some(n) = numerals::count(tb, t, j)
                && let (Some(d1), Some((se, _))) = (n.exact(), self.word(n.end, WK::RangeSep))
                && let Some((e, d2)) = self.day(se, &s)
                && (1..d2).contains(&d1)
                && self.word(e.saturating_sub(1), WK::DaySuffix).is_some()
            {
                s.day = Some(d1);
                s.range_to = Some((Grain::Day, d2));
                return Some((e, s));
            }
        }
        if let Some((e, d)) = self.day(j, &s) {
            s.day = Some(d);
            s.weak_year = false;
            return self.finish(e, s);
        }
        // ---- week
        if let Some((e, r)) = tb.rel.longest(t, j)
            && r.grain == RelGrain::G(Grain::Week)
            && !any
        {
            s.week_rel = Some(r.offset);
            let mut k = e;
            if let Some((pe, _)) = self.word(k, WK::WeekdayPrefix)
                && self.weekday_name(pe).is_some()
            {
                k = pe;
            }
            if let Some((we, wd)) = self.weekday_name(k) {
                s.weekday = Some(wd);
                return self.finish(we, s);
            }
            if t.get(e) == Some(&'末') {
                s.weekend = true; // 这周末, 下周末
                return Some((e + 1, s));
            }
            return self.finish(e, s);
        }
        if !any {
            if let Some((e, wd)) = self.weekday(j) {
                s.weekday = Some(wd);
                return self.finish(e, s);
            }
            if let Some((e, _)) = self.word(j, WK::Weekend) {
                s.weekend = true;
                return Some((e, s));
            }
        }
        if any && j > i {
            if s.weak_year {
                return None;
            }
            return self.finish(j.max(year_end), s);
        }
        // ---- time of day alone
        self.finish(j, s).filter(|(e, _)| *e > i)
    }

    fn quarter_part(&self, j: usize, mut s: Spec) -> Option<(usize, Spec)> {
        let t = self.t;
        let mut k = j;
        if t.get(k) == Some(&'度') {
            k += 1;
        }
        if let Some((e, p)) = self.tb.parts.longest(t, k)
            && p.scope == PartScope::Any
            && let PartKind::Mod(m) = p.kind
            && !t.get(e).is_some_and(|c| p.blocked.contains(c))
        {
            s.part = Some(m);
            return Some((e, s));
        }
        Some((j, s))
    }

    fn week_word(&self, i: usize) -> Option<(usize, ())> {
        let t = self.t;
        let mut k = i;
        if t.get(k) == Some(&'个') {
            k += 1;
        }
        for w in [&['星', '期'][..], &['礼', '拜'][..], &['周'][..]] {
            if t[k.min(t.len())..].starts_with(w) {
                return Some((k + w.len(), ()));
            }
        }
        None
    }

    /// Weekday after the date part, then day part and clock time.
    fn finish(&mut self, mut j: usize, mut s: Spec) -> Option<(usize, Spec)> {
        let t = self.t;
        let start = j;
        // weekday in apposition (2021年6月1日周六)
        if s.day.is_some() || s.day_rel.is_some() || s.holiday.is_some() {
            let k = if t.get(j) == Some(&',') || t.get(j) == Some(&'，') {
                self.skip_space(j + 1)
            } else {
                j
            };
            let k = if t.get(k) == Some(&'(') || t.get(k) == Some(&'（') {
                k + 1
            } else {
                k
            };
            if let Some((e, _)) = self.weekday(k) {
                j = if t.get(e) == Some(&')') || t.get(e) == Some(&'）') {
                    e + 1
                } else {
                    e
                };
            }
        }
        // day part
        let k = self.skip_space(j);
        let dp = self.word(k, WK::Daypart);
        let mut after_dp = k;
        if let Some((e, w)) = dp {
            s.daypart = Some((w.a as u32, w.b as u32, w.c));
            after_dp = e;
        }
        // hour ranges: 9~12点半, 下午2-4点, 晚上七八点
        let dated_here = s.day.is_some()
            || s.day_of_year.is_some()
            || s.day_rel.is_some()
            || s.holiday.is_some()
            || s.weekday.is_some()
            || s.daypart.is_some();
        if let Some(n) = numerals::count(self.tb, t, after_dp)
            && n.lo <= 24.0
            && n.lo.fract() == 0.0
            && (n.arabic || dated_here)
        {
            let range = if n.approx() && n.hi <= 24.0 {
                self.word(n.end, WK::HourSuffix)
                    .map(|(e, _)| (e, n.hi as u32, None))
            } else if let Some((se, _)) = self.word(n.end, WK::RangeSep)
                && let Some((e, h2, m2, _, _)) = self.clock(se)
                && (h2 as f64) > n.lo
            {
                Some((e, h2, m2))
            } else {
                None
            };
            if let Some((e, h2, m2)) = range {
                s.hour = Some(n.lo as u32);
                s.minute = m2.map(|_| 0);
                s.range_to = Some((Grain::Hour, h2 * 60 + m2.unwrap_or(0)));
                return Some((e, s));
            }
        }
        if let Some((e, h, m, sec, strong)) = self.clock(after_dp) {
            let dated = s.day.is_some()
                || s.day_of_year.is_some()
                || s.day_rel.is_some()
                || s.holiday.is_some()
                || s.weekday.is_some();
            if !strong && s.daypart.is_none() && !dated {
                // a bare 一点 / 三点 is not a time
                return if s.is_empty() { None } else { Some((j, s)) };
            }
            s.hour = Some(h);
            s.minute = m;
            s.second = sec;
            return Some((e, s));
        }
        if let Some(w) = dp {
            // a day part alone or after a date
            if w.0 - k == 1
                && !(s.day.is_some()
                    || s.day_of_year.is_some()
                    || s.day_rel.is_some()
                    || s.weekday.is_some()
                    || s.holiday.is_some())
            {
                // 早 / 晚 alone are not time expressions
                return if j > start || s.has_year_info() {
                    Some((j, s))
                } else {
                    None
                };
            }
            return Some((w.0, s));
        }
        if s.is_empty() {
            return None;
        }
        Some((j, s))
    }

    /// Clock time at `i`: (end, hour, minute, second, strong) — strong when it cannot be a
    /// count (15:30, 3点钟, 3点半, 3点15分, Arabic 3点).
    fn clock(&self, i: usize) -> Option<Clock> {
        let t = self.t;
        let tb = self.tb;
        // 15:30(:20), 3:15pm
        if let Some((e, h, _)) = numerals::arabic_int(t, i) {
            if t.get(e) == Some(&':')
                && let Some((e2, m, 2)) = numerals::arabic_int(t, e + 1)
                && h <= 24
                && m < 60
            {
                let mut end = e2;
                let mut sec = None;
                if t.get(e2) == Some(&':')
                    && let Some((e3, sv, 2)) = numerals::arabic_int(t, e2 + 1)
                    && sv < 60
                {
                    sec = Some(sv as u32);
                    end = e3;
                }
                let mut h = h as u32;
                let rest: String = t[end..(end + 2).min(t.len())]
                    .iter()
                    .collect::<String>()
                    .to_lowercase();
                if rest.starts_with("pm") || rest.starts_with('p') && !rest.starts_with("p ") {
                    if h < 12 {
                        h += 12;
                    }
                    end += if rest.starts_with("pm") { 2 } else { 1 };
                } else if rest.starts_with("am") {
                    end += 2;
                }
                if t.get(end) == Some(&'时') || t.get(end) == Some(&'分') {
                    end += 1;
                }
                return Some((end, h, Some(m as u32), sec, true));
            }
            let rest: String = t[e..(e + 2).min(t.len())]
                .iter()
                .collect::<String>()
                .to_lowercase();
            if (1..=12).contains(&h) && (rest == "pm" || rest == "am") {
                let h = if rest == "pm" && h < 12 { h + 12 } else { h };
                return Some((e + 2, h as u32, None, None, true));
            }
        }
        // N点 / N时 [半 | 一刻 | N分 | 零N] [N秒] [钟|整|许]
        let n = numerals::count(tb, t, i)?;
        let h = n.exact()?;
        if h > 24 || n.approx() {
            return None;
        }
        let (he, _) = self.word(n.end, WK::HourSuffix)?;
        let mut strong = n.arabic || he - n.end > 1;
        let mut e = he;
        let mut m = None;
        let mut sec = None;
        if t.get(e) == Some(&'半') {
            m = Some(30);
            e += 1;
            strong = true;
        } else if t.get(e) == Some(&'一') && t.get(e + 1) == Some(&'刻') {
            m = Some(15);
            e += 2;
            strong = true;
        } else if t.get(e) == Some(&'三') && t.get(e + 1) == Some(&'刻') {
            m = Some(45);
            e += 2;
            strong = true;
        } else if t.get(e) == Some(&'1') && t.get(e + 1) == Some(&'刻') {
            m = Some(15);
            e += 2;
            strong = true;
        } else if let Some(mn) = numerals::count(tb, t, e)
            && let Some(mv) = mn.exact()
        {
            let after = t.get(mn.end).copied();
            let is_unit = matches!(
                after,
                Some('年' | '月' | '日' | '天' | '个' | '号' | '小' | '点' | '时' | '秒')
            ) && (after != Some('秒'));
            if mv < 60 && !is_unit && !mn.approx() {
                m = Some(mv);
                e = mn.end;
                strong = true;
                if t.get(e) == Some(&'分') {
                    e += 1;
                    if t.get(e) == Some(&'钟') {
                        return None; // 五点五分钟 is 5.5 minutes, not 5:05
                    }
                }
                if let Some(sn) = numerals::count(tb, t, e)
                    && let (Some(sv), Some('秒')) = (sn.exact(), t.get(sn.end))
                    && sv < 60
                {
                    sec = Some(sv);
                    e = sn.end + 1;
                }
            }
        }
        if m.is_none() && matches!(t.get(e), Some('钟' | '整')) {
            e += 1;
            strong = true;
        }
        if matches!(t.get(e), Some('许'))
            || (matches!(t.get(e), Some('多')) && t.get(e + 1) == Some(&'钟'))
        {
            e += if t.get(e) == Some(&'多') { 2 } else { 1 };
        }
        Some((e, h, m, sec, strong))
    }

    /// Numeric dates: (end, year (None for month/day forms), month, day).
    fn numeric_date(&self, i: usize) -> Option<(usize, Option<i32>, u32, Option<u32>)> {
        let t = self.t;
        let (e1, a, da) = numerals::arabic_int(t, i)?;
        let digit_at = |k: usize| t.get(k).is_some_and(|c| c.is_ascii_digit());
        // two digits at most, for day and month fields glued to a time (2018-12-1209:03)
        let two = |k: usize| -> Option<(usize, u32)> {
            let (e, v, d) = numerals::arabic_int(t, k)?;
            if d <= 2 {
                Some((e, v as u32))
            } else if d >= 4 && t.get(k + 4) == Some(&':') || d == 6 && t.get(k + 6).is_none() {
                let v2 = t[k].to_digit(10)? * 10 + t[k + 1].to_digit(10)?;
                Some((k + 2, v2))
            } else {
                None
            }
        };
        let valid = |y: i32, m: u32, d: u32| cal::ymd(y, m, d).is_some();
        if da == 8 && (19_000_000..21_000_000).contains(&a) {
            let (y, m, d) = ((a / 10000) as i32, (a / 100 % 100) as u32, (a % 100) as u32);
            if valid(y, m, d) {
                return Some((e1, Some(y), m, Some(d)));
            }
        }
        let sep = *t.get(e1)?;
        if !matches!(sep, '-' | '/' | '.' | ' ') {
            // 6·30
            if sep == '·' && da <= 2 {
                let (e2, d) = two(e1 + 1)?;
                if (1..=12).contains(&a) && valid(2000, a as u32, d) && !digit_at(e2) {
                    return Some((e2, None, a as u32, Some(d)));
                }
            }
            return None;
        }
        if da == 4 && (1000..2200).contains(&a) {
            let y = a as i32;
            let (e2, m) = two(e1 + 1)?;
            if !(1..=12).contains(&m) {
                return None;
            }
            if t.get(e2) == Some(&sep) {
                if let Some((e3, d)) = two(e2 + 1)
                    && valid(y, m, d)
                    && !t.get(e3).is_some_and(|c| c.is_ascii_alphabetic())
                {
                    return Some((e3, Some(y), m, Some(d)));
                }
                return None;
            }
            if sep != ' '
                && !digit_at(e2)
                && !t
                    .get(e2)
                    .is_some_and(|c| *c == '年' || *c == '月' || c.is_ascii_alphabetic())
            {
                return Some((e2, Some(y), m, None));
            }
            return None;
        }
        if sep == ' ' || sep == '.' || da > 2 {
            return None;
        }
        let (e2, b) = two(e1 + 1)?;
        // M/D/YYYY, M/D/YY (US order, as written in English text)
        if sep == '/' && t.get(e2) == Some(&'/') {
            let (e3, c, dc) = numerals::arabic_int(t, e2 + 1)?;
            let y = match dc {
                4 => c as i32,
                2 => {
                    let y = 2000 + c as i32;
                    if y <= self.rd.year() + 10 { y } else { y - 100 }
                }
                _ => return None,
            };
            if valid(y, a as u32, b) {
                return Some((e3, Some(y), a as u32, Some(b)));
            }
            return None;
        }
        if digit_at(e2)
            || t.get(e2) == Some(&sep)
            || t.get(e2).is_some_and(|c| c.is_ascii_alphabetic())
        {
            return None;
        }
        let (m, d) = (a as u32, b);
        if !valid(2000, m, d) {
            return None;
        }
        let next = t.get(e2).copied();
        let end_ok = matches!(
            next,
            None | Some(' ' | '号' | '日' | ',' | '，' | '。' | ')' | '）')
        ) || self.word(e2, WK::Daypart).is_some();
        if sep == '/' && end_ok {
            let e = if matches!(next, Some('号' | '日')) {
                e2 + 1
            } else {
                e2
            };
            return Some((e, None, m, Some(d)));
        }
        if sep == '-' && da == 2 && t[e1 + 1] != ' ' && (t[i] == '0' || t[e1 + 1] == '0') && end_ok
        {
            return Some((e2, None, m, Some(d)));
        }
        None
    }

    /// 每年, 每周三, 每隔3天, 每个工作日的下午三点: a set with its period.
    fn set_expr(&mut self, i: usize) -> Option<(usize, Out)> {
        let t = self.t;
        let tb = self.tb;
        if t.get(i) != Some(&'每') {
            return None;
        }
        let mut j = i + 1;
        if t.get(j) == Some(&'隔') {
            j += 1;
        }
        let (n, k) = if t.get(j) == Some(&'半') {
            (0.5, j + 1)
        } else if let Some(n) = numerals::count(tb, t, j) {
            (n.lo, n.end)
        } else {
            (1.0, j)
        };
        let mut k = k;
        if t.get(k) == Some(&'个') {
            k += 1;
        }
        let (mut e, (g, amt)) = tb.units.longest(t, k)?;
        if t.get(e) == Some(&'头') {
            e += 1;
        }
        let mut v = n * *amt as f64;
        let mut g = *g;
        if g == Grain::Week {
            g = Grain::Day;
            v *= 7.0;
        }
        let num = if v.fract() == 0.0 {
            format!("{}", v as i64)
        } else {
            format!("{v}")
        };
        let value = match g {
            Grain::Year => format!("P{num}Y"),
            Grain::Month => format!("P{num}M"),
            Grain::Day => format!("P{num}D"),
            Grain::Hour => format!("PT{num}H"),
            Grain::Minute => format!("PT{num}M"),
            _ => format!("PT{num}S"),
        };
        // what the set is of: 每年9月, 每周三, 每天晚上8点
        let mut end = e;
        let mut probe = if t.get(e) == Some(&'的') { e + 1 } else { e };
        if g == Grain::Day && t.get(k) == Some(&'周')
            || t.get(k) == Some(&'星')
            || t.get(k) == Some(&'礼')
        {
            probe = k;
        }
        if let Some((ce, _)) = self.chain(probe) {
            end = end.max(ce);
            let rj = self.skip_space(end);
            if let Some((se, _)) = self.word(rj, WK::RangeSep)
                && let Some((ce2, _)) = self.chain(se)
            {
                end = ce2;
            }
        }
        let mut o = Out::duration(value, g);
        o.kind = TimeType::Set;
        Some((end, o))
    }

    /// Year at `i`: (end, year, weak two-digit).
    fn year(&self, i: usize) -> Option<(usize, i32, bool)> {
        let t = self.t;
        let tb = self.tb;
        // 民国112年
        if let Some((e, w)) = self.word(i, WK::Era) {
            let n = numerals::count(tb, t, e)?;
            let y = n.exact()?;
            if t.get(n.end) == Some(&'年') {
                return Some((n.end + 1, y as i32 + w.a as i32, false));
            }
            return None;
        }
        let (e, v, digits, seq) = if let Some((e, v, d)) = numerals::arabic_int(t, i) {
            (e, v, d, false)
        } else if let Some((e, v, d)) = numerals::chinese_digit_seq(tb, t, i) {
            (e, v, d, true)
        } else {
            return None;
        };
        let mut k = e;
        if t.get(k) == Some(&' ') {
            k += 1;
        }
        if t.get(k) != Some(&'年') || t.get(k + 1) == Some(&'代') {
            return None;
        }
        let ry = self.rd.year();
        match digits {
            4 if (1000..2200).contains(&v) => Some((k + 1, v as i32, false)),
            2 => {
                // 三四年 is three or four years
                if seq {
                    let a = t[i];
                    let b = t[i + 1];
                    let (da, db) = (tb.nums.get(&a), tb.nums.get(&b));
                    if let (
                        Some(super::tables::NumChar::Digit(x)),
                        Some(super::tables::NumChar::Digit(y)),
                    ) = (da, db)
                        && *y == *x + 1
                    {
                        return None;
                    }
                }
                let leading_zero = !seq && t[i] == '0';
                let c = if 2000 + v as i32 <= ry + 10 {
                    2000
                } else {
                    1900
                };
                Some((k + 1, c + v as i32, !(seq || leading_zero)))
            }
            _ => None,
        }
    }

    /// 90年代, 上世纪90年代, 2010年代, 二十世纪九十年代, 18世纪, 本世纪.
    fn decade_century(&self, i: usize) -> Option<(usize, Spec)> {
        let t = self.t;
        let tb = self.tb;
        let mut s = Spec::default();
        let mut j = i;
        let mut century: Option<i32> = None;
        let rc = self.rd.year().div_euclid(100);
        if t[j..].starts_with(&['上', '世', '纪']) {
            century = Some(rc - 1);
            j += 3;
        } else if t[j..].starts_with(&['本', '世', '纪'])
            || t[j..].starts_with(&['这', '个', '世', '纪'])
        {
            century = Some(rc);
            j += if t[j] == '本' { 3 } else { 4 };
        } else if let Some(n) = numerals::count(tb, t, j)
            && t[n.end..].starts_with(&['世', '纪'])
        {
            let c = n.exact()? as i32;
            if !(1..=30).contains(&c) {
                return None;
            }
            century = Some(c - 1);
            j = n.end + 2;
        }
        // decade
        let dec = if let Some((e, v, d)) = numerals::arabic_int(t, j) {
            Some((e, v, d))
        } else if let Some((e, v, d)) = numerals::chinese_digit_seq(tb, t, j) {
            Some((e, v, d))
        } else {
            numerals::count(tb, t, j).and_then(|n| n.exact().map(|v| (n.end, v as u64, 2)))
        };
        if let Some((e, v, d)) = dec
            && t[e..].starts_with(&['年', '代'])
        {
            let y = if d == 4 && v % 10 == 0 {
                v as i32
            } else if v < 100 && v % 10 == 0 {
                match century {
                    Some(c) => c * 100 + v as i32,
                    None => {
                        let y = 2000 + v as i32;
                        if y <= self.rd.year() { y } else { y - 100 }
                    }
                }
            } else {
                return None;
            };
            s.decade = Some(y);
            return Some((e + 2, s));
        }
        let c = century?;
        s.century = Some(c);
        Some((j, s))
    }

    /// 第一季度, 一季度, 1季度, Q1, 首季度: (end, quarter).
    fn quarter(&self, i: usize) -> Option<(usize, u32)> {
        let t = self.t;
        if matches!(t.get(i), Some('Q' | 'q')) {
            if let Some(d) = t.get(i + 1).and_then(|c| c.to_digit(10))
                && (1..=4).contains(&d)
                && !t.get(i + 2).is_some_and(|c| c.is_ascii_alphanumeric())
            {
                let mut e = i + 2;
                if t[e..].starts_with(&['季', '度']) {
                    e += 2;
                }
                return Some((e, d));
            }
            return None;
        }
        if t[i..].starts_with(&['首', '季', '度']) {
            return Some((i + 3, 1));
        }
        let j = if t.get(i) == Some(&'第') { i + 1 } else { i };
        let n = numerals::count(self.tb, self.t, j)?;
        let q = n.exact()?;
        if (1..=4).contains(&q) && t[n.end..].starts_with(&['季', '度']) {
            return Some((n.end + 2, q));
        }
        if (1..=4).contains(&q) && t[n.end..].starts_with(&['季']) && j > i {
            return Some((n.end + 1, q));
        }
        None
    }

    /// Month at `i`: (end, month, lunar, leap).
    fn month(&self, i: usize) -> Option<(usize, u32, bool, bool)> {
        let t = self.t;
        let tb = self.tb;
        let mut j = i;
        let mut lunar = false;
        let mut leap = false;
        if let Some((e, _)) = self.word(j, WK::LunarMarker) {
            lunar = true;
            j = e;
        }
        if t.get(j) == Some(&'闰') {
            lunar = true;
            leap = true;
            j += 1;
        }
        if let Some((e, w)) = self.word(j, WK::LunarMonth) {
            return Some((e, w.a as u32, true, leap));
        }
        // English month names (April 2023, Apr. 20)
        if let Some((e, w)) = self.word(j, WK::MonthName) {
            if !t.get(e).is_some_and(|c| c.is_ascii_alphabetic()) {
                let e = if t.get(e) == Some(&'.') { e + 1 } else { e };
                return Some((e, w.a as u32, false, false));
            }
            return None;
        }
        if matches!(t.get(j), Some('两' | '俩' | '仨')) {
            return None;
        }
        let n = numerals::count(tb, t, j)?;
        let m = n.exact()?;
        if !(1..=12).contains(&m) || n.approx() || n.more {
            return None;
        }
        let mut k = n.end;
        if n.arabic && t.get(k) == Some(&' ') {
            k += 1; // 4 月 30 日
        }
        if t.get(k) != Some(&'月') {
            return None;
        }
        k += 1;
        if t.get(k) == Some(&'份') {
            k += 1;
        }
        Some((k, m, lunar, leap))
    }

    /// Day of month at `i` (after what the spec holds).
    fn day(&self, i: usize, s: &Spec) -> Option<(usize, u32)> {
        let t = self.t;
        let tb = self.tb;
        let month_given = s.month.is_some() || s.month_rel.is_some();
        // English: Apr. 20, 2023 is handled by the month name; here "20," after it
        if s.lunar
            && month_given
            && let Some((e, _)) = self.word(i, WK::LunarDayPrefix)
        {
            let n = numerals::count(tb, t, e)?;
            let d = n.exact()?;
            if (1..=10).contains(&d) {
                return Some((n.end, d));
            }
        }
        if matches!(t.get(i), Some('两' | '俩' | '仨')) {
            return None;
        }
        let n = numerals::count(tb, t, i)?;
        let d = n.exact()?;
        if !(1..=31).contains(&d) || n.approx() || n.more || n.lo.fract() != 0.0 {
            return None;
        }
        if n.arabic && n.digits > 2 {
            return None;
        }
        let mut k = n.end;
        if n.arabic && t.get(k) == Some(&' ') && self.word(k + 1, WK::DaySuffix).is_some() {
            k += 1;
        }
        if let Some((e, _)) = self.word(k, WK::DaySuffix) {
            // 5日 is a date; 5日内 / 5日前 are handled by durations when longer
            return Some((e, d));
        }
        // English "20, 2023" after a month name
        if month_given && n.arabic && s.month.is_some() && t.get(k) == Some(&',') {
            k = self.skip_space(k + 1);
            return Some((k - 1, d))
                .filter(|_| numerals::arabic_int(t, k).is_some_and(|x| x.2 == 4))
                .or(Some((n.end, d)));
        }
        // a month followed directly by a number: 1月3, 八月十五 (lunar when marked)
        if month_given && s.month.is_some() {
            let next = t.get(k).copied();
            let unitlike = matches!(next, Some(c) if "年月日天个号点时分秒万亿多余岁人位名家元%".contains(c) || c.is_ascii_alphanumeric());
            if !unitlike {
                return Some((k, d));
            }
        }
        None
    }

    fn weekday_name(&self, i: usize) -> Option<(usize, u32)> {
        let (e, w) = self.word(i, WK::Weekday)?;
        Some((e, w.a as u32))
    }

    /// 星期三, 周三, 礼拜天.
    fn weekday(&self, i: usize) -> Option<(usize, u32)> {
        let (e, _) = self.word(i, WK::WeekdayPrefix)?;
        let (e2, wd) = self.weekday_name(e)?;
        // 周一至周五 fine; 周日报 / 星期天气 are rare enough
        Some((e2, wd))
    }

    fn holiday(&self, i: usize) -> Option<(usize, (HolCal, i64, u32))> {
        let t = self.t;
        // 农历元宵: the lunar marker belongs to a lunar festival
        if let Some((le, _)) = self.word(i, WK::LunarMarker)
            && let Some((e, h)) = self.tb.holidays.longest(t, le)
            && matches!(h.cal, HolCal::Lunar(..))
            && h.needs.is_empty()
        {
            return Some((e, (h.cal, h.offset, h.days)));
        }
        let (e, h) = self.tb.holidays.longest(t, i)?;
        // 犹太植树节, 以色列国庆节, 美国的劳动节: another country's holiday of that name
        if !h.everywhere && i > 0 {
            let k0 = if t[i - 1] == '的' { i - 1 } else { i };
            if (1..=6.min(k0)).any(|k| {
                self.word(k0 - k, WK::ForeignQualifier)
                    .is_some_and(|(qe, _)| qe == k0)
            }) {
                return None;
            }
        }
        if !h.needs.is_empty() && !h.needs.iter().any(|w| t[e..].starts_with(w)) {
            return None;
        }
        if t[i].is_ascii_digit() && t.get(e).is_some_and(|c| c.is_ascii_digit()) {
            return None;
        }
        Some((e, (h.cal, h.offset, h.days)))
    }

    // ---------------------------------------------------------------- durations

    /// A duration: N unit [半] (N unit)*, 半年, 个半小时.
    fn duration(&self, i: usize) -> Option<(usize, Dur)> {
        let t = self.t;
        let _tb = self.tb;
        let mut j = i;
        let mut total: Option<Dur> = None;
        loop {
            let part = self.dur_part(j);
            let Some((e, d)) = part else { break };
            total = Some(match total {
                None => d,
                Some(tot) => {
                    if d.unit <= tot.unit {
                        break;
                    }
                    let a = tot.scale_to(d.unit);
                    if a.unit != d.unit {
                        break;
                    }
                    Dur {
                        lo: a.lo + d.lo,
                        hi: a.hi + d.hi,
                        unit: d.unit,
                        more: a.more || d.more,
                        biz: a.biz || d.biz,
                    }
                }
            });
            j = e;
            if t.get(j) == Some(&'零') && self.dur_part(j + 1).is_some() {
                j += 1;
            }
        }
        let mut d = total?;
        if let Some((se, _)) = self.word(j, WK::RangeSep)
            && let Some((e2, d2)) = self.dur_part(se)
        {
            let a = d.scale_to(d2.unit);
            let b = d2.scale_to(d.unit);
            if a.unit == d2.unit && d2.hi > a.lo {
                d = Dur {
                    lo: a.lo,
                    hi: d2.hi,
                    unit: a.unit,
                    more: false,
                    biz: d.biz || d2.biz,
                };
                j = e2;
            } else if b.unit == d.unit && b.hi > d.lo {
                d = Dur {
                    lo: d.lo,
                    hi: b.hi,
                    unit: d.unit,
                    more: false,
                    biz: d.biz || d2.biz,
                };
                j = e2;
            }
        }
        Some((j, d))
    }

    fn dur_part(&self, i: usize) -> Option<(usize, Dur)> {
        let t = self.t;
        let tb = self.tb;
        // 半年, 半个月, 半小时
        if t.get(i) == Some(&'半') {
            let k = i + 1;
            let (e, (g, amt)) = tb.units.longest(t, k).or_else(|| {
                if t.get(k) == Some(&'个') {
                    tb.units.longest(t, k + 1)
                } else {
                    None
                }
            })?;
            return Some((
                e,
                Dur {
                    lo: 0.5 * *amt as f64,
                    hi: 0.5 * *amt as f64,
                    unit: *g,
                    more: false,
                    biz: false,
                },
            ));
        }
        // 个半小时 / 分半 (one and a half)
        if t.get(i) == Some(&'个')
            && t.get(i + 1) == Some(&'半')
            && (i == 0 || numerals::count(tb, t, i - 1).is_none())
        {
            let (e, (g, amt)) = tb.units.longest(t, i + 2)?;
            let v = 1.5 * *amt as f64;
            return Some((
                e,
                Dur {
                    lo: v,
                    hi: v,
                    unit: *g,
                    more: false,
                    biz: false,
                },
            ));
        }
        if t.get(i) == Some(&'分') && t.get(i + 1) == Some(&'半') {
            let mut e = i + 2;
            if t.get(e) == Some(&'钟') {
                e += 1;
            }
            return Some((
                e,
                Dur {
                    lo: 90.0,
                    hi: 90.0,
                    unit: Grain::Second,
                    more: false,
                    biz: false,
                },
            ));
        }
        let mut n = numerals::count(tb, t, i)?;
        let mut k = n.end;
        // ranges 5~10年, 五到十年, 3天——8天
        if let Some((se, _)) = self.word(k, WK::RangeSep)
            && let Some(n2) = numerals::count(tb, t, se)
            && n2.lo > n.lo
        {
            n = Num {
                end: n2.end,
                lo: n.lo,
                hi: n2.hi,
                ..n
            };
            k = n2.end;
        }
        if t.get(k) == Some(&' ') {
            k += 1;
        }
        let mut half = false;
        if t.get(k) == Some(&'个') && t.get(k + 1) == Some(&'半') {
            half = true;
            k += 2;
        }
        let (mut e, (g, amt)) = tb.units.longest(t, k)?;
        let (g, amt) = (*g, *amt as f64);
        // 2020年: a four-digit number of years is a year
        if g == Grain::Year && n.arabic && n.digits == 4 && !n.more && !half {
            return None;
        }
        // a month number is not a duration: 3月 (but 3个月, 两月 are)
        let unit_text: String = t[k..e].iter().collect();
        if unit_text == "月"
            && !half
            && !matches!(t[i], '两' | '俩' | '仨')
            && !n.approx()
            && n.lo <= 12.0
            && (n.arabic || t.get(k.wrapping_sub(1)) != Some(&' '))
        {
            // 3月 is March; a Chinese count set apart by a space (十 月) is ten months
            return None;
        }
        if unit_text == "分" && t.get(e) == Some(&'钟') {
            e += 1;
        }
        if unit_text == "个钟" && t.get(e) == Some(&'头') {
            e += 1;
        }
        if n.more && !half {
            // 一个多月, 三个多月
        }
        if t.get(e) == Some(&'多') && !t.get(e + 1).is_some_and(|c| "人家个名位元少".contains(*c))
        {
            n.more = true;
            e += 1;
        }
        let mut lo = n.lo * amt;
        let mut hi = n.hi * amt;
        if half {
            lo += 0.5 * amt;
            hi += 0.5 * amt;
        } else if t.get(e) == Some(&'半')
            && !t
                .get(e + 1)
                .is_some_and(|c| *c == '年' || *c == '月' || *c == '天' || *c == '小')
        {
            lo += 0.5 * amt;
            hi += 0.5 * amt;
            e += 1;
            if g == Grain::Minute && t.get(e) == Some(&'钟') {
                e += 1;
            }
        }
        let biz = tb.business.longest(t, k).is_some_and(|(be, _)| be == e);
        Some((
            e,
            Dur {
                lo,
                hi,
                unit: g,
                more: n.more,
                biz,
            },
        ))
    }

    /// 个多月 (一个多月): the count parser sees 一 then 个多月.
    fn duration_full(&self, i: usize) -> Option<(usize, Dur)> {
        let t = self.t;
        // N个多月 / N多个月
        if let Some(n) = numerals::count(self.tb, t, i)
            && t.get(n.end) == Some(&'个')
            && t.get(n.end + 1) == Some(&'多')
        {
            let (e, (g, amt)) = self.tb.units.longest(t, n.end + 2)?;
            let v = n.lo * *amt as f64;
            return Some((
                e,
                Dur {
                    lo: v,
                    hi: v,
                    unit: *g,
                    more: true,
                    biz: false,
                },
            ));
        }
        self.duration(i)
    }

    /// Durations and what is built on them: 5年内, 10年前, 三年后, 3年以来, 5年以上.
    fn duration_expr(&mut self, i: usize) -> Option<(usize, Out)> {
        let t = self.t;
        if let Some((_, _, false)) = self.year(i) {
            return None; // 2020年 is a year
        }
        let (e, d) = self.duration_full(i)?;
        if d.lo == 0.0 {
            return None;
        }
        // a bare "N年" where N is a plausible year is a year, not a duration (handled there)
        let mut o = Out::duration(d.iso(), d.whole().unit.min(Grain::Year).max(d.whole().unit));
        o.grain = d.whole().unit;
        if d.more || (d.lo != d.hi) {
            o.modifier = Some(TimeMod::Approx);
        }
        // suffixes
        if let Some((be, w)) = self.word(e, WK::BoundSuffix) {
            match w.modifier {
                Some(TimeMod::Before) | Some(TimeMod::After) => {
                    let fwd = w.modifier == Some(TimeMod::After);
                    // 前后 after a duration is "around", not "before"
                    if t.get(be) == Some(&'后') && !fwd {
                        return Some((e, o));
                    }
                    let narrative = fwd && self.narrative(i, false).is_some();
                    let (base, anchor) = self.base_date(narrative, i);
                    let mut r = self.shifted(base, anchor, d, fwd)?;
                    if be - e == 2 && r.kind != TimeType::Interval && matches!(t[e], '以' | '之')
                    {
                        r.modifier = Some(if fwd {
                            TimeMod::OnOrAfter
                        } else {
                            TimeMod::OnOrBefore
                        });
                    }
                    // 三年后 / 10年前 name a calendar position: it becomes the narrative time
                    r.full = r.kind != TimeType::Interval && r.modifier.is_none();
                    return Some((be, r));
                }
                Some(TimeMod::OnOrAfter) if t[e..be].starts_with(&['以', '来']) => {
                    let end = self.unit_point(self.rd, d.whole().unit, Anchor::Published);
                    let start = self.shifted(
                        self.rd,
                        Anchor::Published,
                        Dur {
                            lo: d.hi,
                            hi: d.hi,
                            ..d
                        },
                        false,
                    )?;
                    let _ = end;
                    // from the start of the unit N units ago to the publication day
                    let o = match (start.from, start.grain) {
                        (Some(f), Grain::Year | Grain::Month | Grain::Week | Grain::Day) => {
                            Out::days(f, self.rd, Anchor::Published)
                        }
                        _ => {
                            let now = Out::point(
                                Pt::at(
                                    self.rd,
                                    start.grain,
                                    self.refdt.hour(),
                                    self.refdt.minute(),
                                    self.refdt.second(),
                                ),
                                Anchor::Published,
                            );
                            Out::interval(&start, &now)
                        }
                    };
                    return Some((be, o));
                }
                _ => {}
            }
        }
        if let Some((we, _)) = self.word(e, WK::Within) {
            return Some((we, o));
        }
        if let Some((me, _)) = self.word(e, WK::MoreThan) {
            // 3年以上7年以下: a range
            let k = if matches!(t.get(me), Some(',' | '，' | '、')) {
                me + 1
            } else {
                me
            };
            if let Some((e2, d2)) = self.duration_full(k)
                && let Some((le, _)) = self.word(e2, WK::LessThan)
            {
                let a = d.scale_to(d2.unit);
                if a.unit == d2.unit && d2.hi > a.lo {
                    let r = Dur {
                        lo: a.lo,
                        hi: d2.hi,
                        unit: a.unit,
                        more: false,
                        biz: false,
                    };
                    let mut o = Out::duration(r.iso(), r.whole().unit);
                    o.modifier = Some(TimeMod::Approx);
                    return Some((le, o));
                }
            }
            o.modifier = Some(TimeMod::MoreThan);
            return Some((me, o));
        }
        if let Some((le, _)) = self.word(e, WK::LessThan) {
            o.modifier = Some(TimeMod::LessThan);
            return Some((le, o));
        }
        Some((e, o))
    }

    fn unit_point(&self, d: NaiveDate, g: Grain, anchor: Anchor) -> Out {
        let pt = match g {
            Grain::Year => Pt::year(d.year()),
            Grain::Month => Pt::month(d.year(), d.month()),
            Grain::Week => Pt::week(d),
            _ => Pt::day(d),
        };
        Out::point(pt, anchor)
    }

    /// The point N units before/after `base` (an interval when N is a range).
    fn shifted(&self, base: NaiveDate, anchor: Anchor, d: Dur, fwd: bool) -> Option<Out> {
        let sign = if fwd { 1.0 } else { -1.0 };
        // 两个半月前, 十个半月后: the whole units first, then the half (15 days, 6 months)
        if d.lo == d.hi
            && d.lo > 1.0
            && d.lo.fract() != 0.0
            && matches!(d.unit, Grain::Year | Grain::Month)
        {
            let whole = d.lo.trunc();
            let b2 = cal::shift(base, d.unit, (whole * sign) as i64)?;
            let rest = Dur {
                lo: d.lo - whole,
                hi: d.lo - whole,
                ..d
            };
            return self.shifted(b2, anchor, rest, fwd);
        }
        let w = d.whole();
        let one = |n: f64| -> Option<Out> {
            let n = (n * sign) as i64;
            match w.unit {
                Grain::Day if w.biz => {
                    let dd = cal::add_business_days(base, n)?;
                    Some(self.unit_point(dd, w.unit, anchor))
                }
                Grain::Year | Grain::Month | Grain::Week | Grain::Day => {
                    let dd = cal::shift(base, w.unit, n)?;
                    Some(self.unit_point(dd, w.unit, anchor))
                }
                g => {
                    let secs = n.checked_mul(match g {
                        Grain::Hour => 3600,
                        Grain::Minute => 60,
                        _ => 1,
                    })?;
                    let bt = if base == self.rd {
                        self.refdt
                    } else {
                        base.and_time(NaiveTime::MIN)
                    };
                    let dt = bt.checked_add_signed(Duration::try_seconds(secs)?)?;
                    let pt = Pt::at(dt.date(), g, dt.hour(), dt.minute(), dt.second());
                    Some(Out::point(pt, anchor))
                }
            }
        };
        if w.lo == w.hi {
            let mut o = one(w.lo)?;
            if d.more {
                o.modifier = Some(TimeMod::Approx);
            }
            Some(o)
        } else {
            let (a, b) = (one(w.lo)?, one(w.hi)?);
            let mut o = if fwd {
                Out::interval(&a, &b)
            } else {
                Out::interval(&b, &a)
            };
            o.modifier = Some(TimeMod::Approx);
            Some(o)
        }
    }

    /// 近一年, 过去5年, 未来5~10年, 前两个月, 下三天.
    fn window(&mut self, i: usize) -> Option<(usize, Out)> {
        let t = self.t;
        let (past, e) = if let Some((e, _)) = self.word(i, WK::WindowPast) {
            (true, e)
        } else if let Some((e, _)) = self.word(i, WK::WindowFuture) {
            (false, e)
        } else {
            return None;
        };
        let aligned = matches!(t[i], '前' | '上' | '下' | '后');
        let mut j = e;
        if t.get(j) == Some(&'的') && !aligned {
            j += 1; // 过去的一年 (but 宣布前的两周 is not a window)
        }
        // 近三月: after a window word a month count is a duration, not a month name
        let months = || -> Option<(usize, Dur)> {
            let n = numerals::count(self.tb, t, j)?;
            (t.get(n.end) == Some(&'月') && !n.arabic).then_some((
                n.end + 1,
                Dur {
                    lo: n.lo,
                    hi: n.hi,
                    unit: Grain::Month,
                    more: n.more,
                    biz: false,
                },
            ))
        };
        let (de, d) = self.duration_full(j).or_else(months)?;
        let mut end = de;
        if let Some((we, _)) = self.word(end, WK::Within) {
            end = we;
        }
        let w = d.whole();
        let g = w.unit;
        if aligned {
            // the N whole units before / after the current one
            if !matches!(
                g,
                Grain::Year
                    | Grain::Month
                    | Grain::Week
                    | Grain::Day
                    | Grain::Hour
                    | Grain::Minute
                    | Grain::Second
            ) {
                return None;
            }
            let n = w.hi as i64;
            let (a, b) = if past { (-n, -1) } else { (1, n) };
            let pa = self.shifted(
                self.rd,
                Anchor::Published,
                Dur {
                    lo: a.unsigned_abs() as f64,
                    hi: a.unsigned_abs() as f64,
                    unit: g,
                    more: false,
                    biz: false,
                },
                a > 0,
            )?;
            let pb = self.shifted(
                self.rd,
                Anchor::Published,
                Dur {
                    lo: b.unsigned_abs() as f64,
                    hi: b.unsigned_abs() as f64,
                    unit: g,
                    more: false,
                    biz: false,
                },
                b > 0,
            )?;
            let fix = |o: Out| -> Out {
                // align sub-day points to their unit (drop the reference's finer fields)
                o
            };
            return Some((end, Out::interval(&fix(pa), &fix(pb))));
        }
        // rolling window up to / from the reference day
        let hi = Dur {
            lo: w.hi,
            hi: w.hi,
            ..w
        };
        if matches!(g, Grain::Hour | Grain::Minute | Grain::Second) {
            let other = self.shifted(self.rd, Anchor::Published, hi, !past)?;
            let now = Out::point(
                Pt::at(
                    self.rd,
                    g,
                    self.refdt.hour(),
                    self.refdt.minute(),
                    self.refdt.second(),
                ),
                Anchor::Published,
            );
            let o = if past {
                Out::interval(&other, &now)
            } else {
                Out::interval(&now, &other)
            };
            return Some((end, o));
        }
        let other = cal::shift(self.rd, g, if past { -(w.hi as i64) } else { w.hi as i64 })?;
        let o = if past {
            Out::days(other + Duration::days(1), self.rd, Anchor::Published)
        } else {
            Out::days(self.rd, other, Anchor::Published)
        };
        Some((end, o))
    }

    // ---------------------------------------------------------------- resolution

    fn choose(&mut self, cands: Vec<Out>, i: usize, grace: i64) -> Option<Out> {
        let rd = self.rd;
        if self.future(i) {
            let lim = rd - Duration::days(grace);
            cands
                .iter()
                .find(|o| o.to.is_some_and(|t| t >= lim))
                .or(cands.last())
                .cloned()
        } else {
            cands
                .iter()
                .rev()
                .find(|o| o.from.is_some_and(|f| f <= rd))
                .or(cands.first())
                .cloned()
        }
    }

    fn holiday_date(&self, h: &(HolCal, i64, u32), y: i32) -> Option<NaiveDate> {
        let d = match h.0 {
            HolCal::Solar(m, d) => cal::ymd(y, m, d)?,
            HolCal::Lunar(13, d) => cal::lunar_to_solar(y + 1, 1, false, d)?,
            HolCal::Lunar(m, d) => cal::lunar_to_solar(y, m, false, d)?,
            HolCal::Nth(m, n, wd) => cal::nth_weekday(y, m, n, wd)?,
            HolCal::Easter(off) => cal::easter(y)? + Duration::days(off),
            HolCal::Orthodox(off) => cal::orthodox_easter(y)? + Duration::days(off),
            HolCal::Term(m, c) => cal::solar_term(y, m, c)?,
        };
        Some(d + Duration::days(h.1))
    }

    /// The date-level point of a spec for year `y` (None when the spec has nothing below year).
    fn below_year(&self, s: &Spec, y: i32) -> Option<Option<Out>> {
        let a = Anchor::Absolute;
        if let Some(h) = &s.holiday {
            let d = self.holiday_date(h, y)? + Duration::days(s.day_shift);
            if h.2 > 1 {
                return Some(Some(Out::days(d, d + Duration::days(h.2 as i64 - 1), a)));
            }
            return Some(Some(Out::point(Pt::day(d), a)));
        }
        if let Some(m) = s.month {
            if s.lunar {
                if let Some(d) = s.day {
                    let d = cal::lunar_to_solar(y, m, s.leap, d)?;
                    return Some(Some(Out::point(Pt::day(d), a)));
                }
                let (f, l) = cal::lunar_month_span(y, m, s.leap)?;
                return Some(Some(Out::days(f, l, a)));
            }
            if let Some(d) = s.day {
                return Some(Some(Out::point(Pt::day(cal::ymd(y, m, d)?), a)));
            }
            if let Some((n, wd)) = s.nth_weekday {
                return Some(Some(Out::point(Pt::day(cal::nth_weekday(y, m, n, wd)?), a)));
            }
            if let Some(n) = s.week_of_month {
                let first = (1..=7)
                    .map(|d| cal::ymd(y, m, d))
                    .find(|d| d.is_some_and(|d| d.weekday() == chrono::Weekday::Mon))??;
                let d = first.checked_add_signed(Duration::try_days(7 * (n as i64 - 1))?)?;
                return Some(Some(Out::point(Pt::week(d), a)));
            }
            if let Some(td) = s.tenday {
                let f = cal::ymd(y, m, 10 * td - 9)?;
                let l = if td == 3 {
                    cal::month_end(y, m)?
                } else {
                    cal::ymd(y, m, 10 * td)?
                };
                return Some(Some(Out::days(f, l, a)));
            }
            let mut o = Out::point(Pt::month(y, m), a);
            o.modifier = s.part;
            return Some(Some(o));
        }
        if let Some(h) = s.half {
            return Some(Some(Out::point(Pt::half(y, h), a)));
        }
        if let Some(q) = s.quarter {
            let mut o = Out::point(Pt::quarter(y, q), a);
            o.modifier = s.part;
            return Some(Some(o));
        }
        if let Some((m0, n)) = s.season {
            let (y2, m2) = cal::add_months(y, m0, n as i32 - 1);
            let o = Out::interval(
                &Out::point(Pt::month(y, m0), a),
                &Out::point(Pt::month(y2, m2), a),
            );
            return Some(Some(o));
        }
        if let Some(n) = s.first_months {
            let o = match n {
                3 => Out::point(Pt::quarter(y, 1), a),
                6 => Out::point(Pt::half(y, 1), a),
                12 => Out::point(Pt::year(y), a),
                _ => Out::interval(
                    &Out::point(Pt::month(y, 1), a),
                    &Out::point(Pt::month(y, n), a),
                ),
            };
            return Some(Some(o));
        }
        if let Some(n) = s.last_months {
            let o = match n {
                3 => Out::point(Pt::quarter(y, 4), a),
                6 => Out::point(Pt::half(y, 2), a),
                12 => Out::point(Pt::year(y), a),
                _ => Out::interval(
                    &Out::point(Pt::month(y, 13 - n), a),
                    &Out::point(Pt::month(y, 12), a),
                ),
            };
            return Some(Some(o));
        }
        if let Some(n) = s.day_of_year {
            return Some(Some(Out::point(Pt::day(NaiveDate::from_yo_opt(y, n)?), a)));
        }
        if let Some(w) = s.week_of_year {
            let d = NaiveDate::from_isoywd_opt(y, w, chrono::Weekday::Mon)?;
            return Some(Some(Out::point(Pt::week(d), a)));
        }
        Some(None)
    }

    fn resolve(&mut self, s: &Spec, i: usize) -> Option<Out> {
        if let Some((g, v)) = s.range_to {
            let mut a = s.clone();
            a.range_to = None;
            let oa = self.resolve(&a, i)?;
            let mut b = a.clone();
            if g == Grain::Month {
                b.month = Some(v);
            } else if g == Grain::Hour {
                b.hour = Some(v / 60);
                b.minute = a.minute.map(|_| v % 60);
            } else {
                b.day = Some(v);
            }
            self.inherit(&a, &oa, &mut b);
            let ob = self.resolve(&b, i)?;
            let mut o = Out::interval(&oa, &ob);
            o.full = oa.full;
            return Some(o);
        }
        let mut o = self.resolve_date(s, i)?;
        if o.modifier.is_none() {
            o.modifier = s.modifier;
        }
        if s.part.is_some() && o.modifier.is_none() {
            o.modifier = s.part;
        }
        // narrow from/to for START/MID/END
        if let (Some(m), Some(f), Some(t)) = (o.modifier, o.from, o.to)
            && o.kind != TimeType::Interval
        {
            let n = (t - f).num_days() + 1;
            let (a, b) = match (o.grain, m) {
                (Grain::Year, TimeMod::Start) => (f, cal::month_end(f.year(), 3)?),
                (Grain::Year, TimeMod::Mid) => {
                    (cal::ymd(f.year(), 4, 1)?, cal::month_end(f.year(), 9)?)
                }
                (Grain::Year, TimeMod::End) => (cal::ymd(f.year(), 10, 1)?, t),
                (Grain::Month, TimeMod::Start) => (f, f + Duration::days(9)),
                (Grain::Month, TimeMod::Mid) => (f + Duration::days(10), f + Duration::days(19)),
                (Grain::Month, TimeMod::End) => (f + Duration::days(20), t),
                (_, TimeMod::Start) => (f, f + Duration::days(n / 3 - 1)),
                (_, TimeMod::Mid) => (f + Duration::days(n / 3), t - Duration::days(n / 3)),
                (_, TimeMod::End) => (t - Duration::days(n / 3 - 1), t),
                _ => (f, t),
            };
            if n >= 3 {
                o.from = Some(a);
                o.to = Some(b);
            }
        }
        Some(o)
    }

    fn resolve_date(&mut self, s: &Spec, i: usize) -> Option<Out> {
        let rd = self.rd;
        if s.present {
            let mut o = if self.has_time && s.modifier.is_none() {
                let r = self.refdt;
                Out::point(
                    Pt::at(rd, Grain::Second, r.hour(), r.minute(), r.second()),
                    Anchor::Published,
                )
            } else {
                Out::point(Pt::day(rd), Anchor::Published)
            };
            o.modifier = s.modifier;
            return Some(o);
        }
        if s.narrative_word {
            return Some(match self.narrative(i, true) {
                Some(n) => {
                    let mut o = n.clone();
                    o.anchor = Anchor::Narrative;
                    o.full = false;
                    o.modifier = s.modifier;
                    o
                }
                None => {
                    let mut o = Out::point(Pt::day(rd), Anchor::Published);
                    o.modifier = Some(s.modifier.unwrap_or(TimeMod::Approx));
                    o
                }
            });
        }
        if let Some(y) = s.decade {
            return Some(Out::point(Pt::decade(y), Anchor::Absolute));
        }
        if let Some(c) = s.century {
            let a = if c == rd.year().div_euclid(100) {
                Anchor::Published
            } else {
                Anchor::Absolute
            };
            return Some(Out::point(Pt::century(c), a));
        }
        // ---- the date part
        let mut full = false;
        let date_out: Out = if let Some((off, narr)) = s.day_rel {
            let (b, a) = self.base_date(narr, i);
            Out::point(
                Pt::day(b.checked_add_signed(Duration::days(off as i64))?),
                a,
            )
        } else if let Some(off) = s.week_rel {
            let mon = cal::week_monday(rd) + Duration::days(7 * off as i64);
            if s.weekend {
                let sat = mon + Duration::days(5);
                Out::days(sat, sat + Duration::days(1), Anchor::Published)
            } else if let Some(wd) = s.weekday {
                Out::point(
                    Pt::day(mon + Duration::days(wd as i64 - 1)),
                    Anchor::Published,
                )
            } else {
                Out::point(Pt::week(mon), Anchor::Published)
            }
        } else if let Some((off, narr)) = s.month_rel {
            let (b, a) = self.base_date(narr, i);
            let (y, m) = cal::add_months(b.year(), b.month(), off);
            let mut s2 = s.clone();
            s2.month = Some(m);
            let mut o = self.below_year(&s2, y)??;
            o.anchor = a;
            o
        } else if let Some(off) = s.quarter_rel {
            let q0 = (rd.month() - 1) / 3 + 1;
            let idx = rd.year() * 4 + q0 as i32 - 1 + off;
            Out::point(
                Pt::quarter(idx.div_euclid(4), (idx.rem_euclid(4) + 1) as u32),
                Anchor::Published,
            )
        } else if s.has_year_info() {
            let (y, a) = match (s.year, s.year_rel) {
                (Some(y), _) => (y, Anchor::Absolute),
                (None, Some((off, narr))) => {
                    let (b, a) = self.base_date(narr, i);
                    (b.year() + off, a)
                }
                _ => return None,
            };
            full = true;
            match self.below_year(s, y)? {
                Some(mut o) => {
                    o.anchor = a;
                    if s.weekday.is_some() {
                        o.full = true;
                    }
                    o
                }
                None => Out::point(Pt::year(y), a),
            }
        } else if s.month.is_some()
            || s.holiday.is_some()
            || s.half.is_some()
            || s.quarter.is_some()
            || s.season.is_some()
            || s.first_months.is_some()
        {
            // underspecified: the nearest year the tense allows
            let y0 = rd.year();
            if s.holiday.is_none() && s.month.is_none() {
                // 上半年, 一季度, 春季 alone: this year
                let mut o = self.below_year(s, y0)??;
                o.anchor = Anchor::Published;
                o
            } else {
                let mut cands = Vec::new();
                let years = if self.ref_year_only {
                    &[y0][..]
                } else {
                    &[y0 - 1, y0, y0 + 1][..]
                };
                for &y in years {
                    if let Some(Some(mut o)) = self.below_year(s, y) {
                        o.anchor = Anchor::Published;
                        cands.push(o);
                    }
                }
                let grace = if s.day.is_some() || s.holiday.is_some() {
                    30
                } else {
                    0
                };
                self.choose(cands, i, grace)?
            }
        } else if let Some(wd) = s.weekday {
            let mon = cal::week_monday(rd);
            let cands = (-1..=1)
                .map(|k| {
                    Out::point(
                        Pt::day(mon + Duration::days(7 * k + wd as i64 - 1)),
                        Anchor::Published,
                    )
                })
                .collect();
            self.choose(cands, i, 0)?
        } else if s.weekend {
            let sat = cal::week_monday(rd) + Duration::days(5);
            Out::days(sat, sat + Duration::days(1), Anchor::Published)
        } else if let Some(d) = s.day {
            // 5日: this month or the one before / after
            let mut cands = Vec::new();
            for k in [-1, 0, 1] {
                let (y, m) = cal::add_months(rd.year(), rd.month(), k);
                if let Some(dd) = cal::ymd(y, m, d) {
                    cands.push(Out::point(Pt::day(dd), Anchor::Published));
                }
            }
            self.choose(cands, i, 0)?
        } else if s.hour.is_some() || s.daypart.is_some() {
            Out::point(Pt::day(rd), Anchor::Published)
        } else if s.part.is_some() {
            Out::point(Pt::year(rd.year()), Anchor::Published)
        } else {
            return None;
        };
        let mut o = date_out;
        o.full = full || o.full;
        if s.weak_hour {
            // 一点 after a date: the hour was not taken
        }
        // ---- time of day
        let day = if o.grain == Grain::Day && o.kind != TimeType::Interval {
            o.from
        } else {
            None
        };
        if let Some(d) = day {
            if let Some(mut h) = s.hour {
                if let Some((from, _, pm)) = s.daypart {
                    if (pm == 1 && h < 12)
                        || (pm == 2 && h < 6)
                        || (pm == 3 && (6..12).contains(&h))
                    {
                        h += 12;
                    } else if pm == 1 && h == 12 && from >= 18 {
                        h = 24; // 夜里12点: the midnight that ends the day
                    }
                }
                let (d, h) = if h == 24 {
                    (d + Duration::days(1), 0)
                } else {
                    (d, h)
                };
                let g = if s.second.is_some() {
                    Grain::Second
                } else if s.minute.is_some() {
                    Grain::Minute
                } else {
                    Grain::Hour
                };
                let mut t = Out::point(
                    Pt::at(d, g, h, s.minute.unwrap_or(0), s.second.unwrap_or(0)),
                    o.anchor,
                );
                t.full = o.full;
                return Some(t);
            }
            if let Some((a, b, _)) = s.daypart {
                let pa = Out::point(Pt::at(d, Grain::Hour, a, 0, 0), o.anchor);
                if a == b {
                    // 午夜: one hour
                    let mut t = pa;
                    t.full = o.full;
                    return Some(t);
                }
                let pb = Out::point(Pt::at(d, Grain::Hour, b, 0, 0), o.anchor);
                let mut t = Out::interval(&pa, &pb);
                t.full = o.full;
                return Some(t);
            }
        }
        Some(o)
    }
}

impl Spec {
    fn is_empty(&self) -> bool {
        !self.has_year_info()
            && self.month.is_none()
            && self.month_rel.is_none()
            && self.day.is_none()
            && self.day_rel.is_none()
            && self.quarter.is_none()
            && self.quarter_rel.is_none()
            && self.half.is_none()
            && self.season.is_none()
            && self.week_rel.is_none()
            && self.weekday.is_none()
            && !self.weekend
            && self.holiday.is_none()
            && self.decade.is_none()
            && self.century.is_none()
            && self.part.is_none()
            && self.daypart.is_none()
            && self.hour.is_none()
            && !self.present
            && !self.narrative_word
    }
}
