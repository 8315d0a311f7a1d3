//! The temporal tagger: finds time expressions and normalizes them against a reference
//! (the publication date) and the narrative time (the last fully specified date before them).
//!
//! The grammar is data (`data/time/*.tsv`); this module holds the mechanisms.
mod calendar;
mod grammar;
mod numerals;
mod tables;

use chrono::{NaiveDate, NaiveDateTime, NaiveTime};
use serde::{Deserialize, Serialize};
use std::io::{BufRead, Write};
use std::path::Path;
use std::sync::LazyLock;

#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum TimeType {
    Date,
    Time,
    Duration,
    Set,
    Interval,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Grain {
    Century,
    Decade,
    Year,
    Half,
    Quarter,
    Month,
    Week,
    Day,
    Hour,
    Minute,
    Second,
}

/// TIMEX3 modifiers.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "SCREAMING_SNAKE_CASE")]
pub enum TimeMod {
    Start,
    Mid,
    End,
    Approx,
    Before,
    After,
    OnOrBefore,
    OnOrAfter,
    LessThan,
    MoreThan,
}

/// What the value was resolved against.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Anchor {
    Absolute,
    Published,
    Narrative,
}

/// One time expression, as the contract's TimeMention. Offsets are Unicode scalar values into
/// the text given to [`TimeTagger::tag`], end exclusive.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct TimeMention {
    pub text: String,
    pub start: usize,
    pub end: usize,
    #[serde(rename = "type")]
    pub kind: TimeType,
    pub value: String,
    pub grain: Grain,
    #[serde(rename = "mod")]
    pub modifier: Option<TimeMod>,
    pub from: Option<NaiveDate>,
    pub to: Option<NaiveDate>,
    pub anchor: Anchor,
}

impl TimeMention {
    /// True when the expression names a calendar position by itself or through the publication
    /// date (not a duration, not a vague "now"), so it can anchor the narrative time.
    pub fn is_dated(&self) -> bool {
        matches!(
            self.kind,
            TimeType::Date | TimeType::Time | TimeType::Interval
        ) && self.from.is_some()
    }
}

/// The temporal tagger: the word tables of `data/time/` and the rules that use them.
pub struct TimeTagger {
    tables: tables::Tables,
}

static EMBEDDED: LazyLock<TimeTagger> = LazyLock::new(TimeTagger::new);

impl Default for TimeTagger {
    fn default() -> Self {
        Self::new()
    }
}

impl TimeTagger {
    /// The tagger built from the data embedded in the binary, built once per process.
    pub fn embedded() -> &'static TimeTagger {
        &EMBEDDED
    }

    /// A tagger built from the embedded tables.
    pub fn new() -> Self {
        let get = |name: &str| -> Result<String, crate::Error> {
            Ok(tables::FILES
                .iter()
                .find(|(n, _)| *n == name)
                .map(|(_, t)| t.to_string())
                .unwrap_or_default())
        };
        TimeTagger {
            tables: tables::Tables::load(&get).expect("embedded time tables are valid"),
        }
    }

    /// The same tables read from `dir` (a file missing there falls back to the embedded one).
    pub fn from_dir(dir: &Path) -> Result<TimeTagger, crate::Error> {
        let get = |name: &str| -> Result<String, crate::Error> {
            let p = dir.join(name);
            if p.exists() {
                std::fs::read_to_string(&p).map_err(|e| crate::Error::io(&p, e))
            } else {
                Ok(tables::FILES
                    .iter()
                    .find(|(n, _)| *n == name)
                    .map(|(_, t)| t.to_string())
                    .unwrap_or_default())
            }
        };
        Ok(TimeTagger {
            tables: tables::Tables::load(&get)?,
        })
    }

    /// Every time expression in `text`, in text order, resolved against `reference`
    /// (the publication date) and the narrative time.
    pub fn tag(&self, text: &str, reference: NaiveDate) -> Vec<TimeMention> {
        self.tag_at(text, reference.and_time(NaiveTime::MIN))
    }

    /// As [`TimeTagger::tag`], with a publication time (used by 现在 and clock-relative words).
    pub fn tag_at(&self, text: &str, reference: NaiveDateTime) -> Vec<TimeMention> {
        self.tag_ref(text, reference, Grain::Second)
    }

    /// Tag against a reference known only to `precision` (a publication date given as `2021` is
    /// [`Grain::Year`], `2021-05` [`Grain::Month`]): an underspecified date then takes the
    /// reference's year instead of the nearest past occurrence.
    pub fn tag_ref(
        &self,
        text: &str,
        reference: NaiveDateTime,
        precision: Grain,
    ) -> Vec<TimeMention> {
        let original: Vec<char> = text.chars().collect();
        let folded: Vec<char> = original.iter().map(|&c| self.tables.fold_char(c)).collect();
        let mut sc = grammar::Scanner::new(&self.tables, &folded, reference);
        sc.set_precision(precision);
        sc.run(&original)
    }

    /// The value of a whole string written as a number (1000, 3.5, ３５, 一百, 两万四千), by
    /// the numeral grammar of `data/time/numerals.tsv`; None unless the number is exact and
    /// takes the whole string.
    pub fn number(&self, s: &str) -> Option<f64> {
        let t: Vec<char> = s.chars().map(|c| self.tables.fold_char(c)).collect();
        let n = numerals::count(&self.tables, &t, 0)?;
        (n.end == t.len() && !n.approx()).then_some(n.lo)
    }
}

/// Parse a reference date: `2013-02-12T04:30:00`, `2013-02-12 04:30`, `2013-02-12`, `2019-06`, `2021`.
/// The precision of a reference as written: `2021` is a year, `2021-05` a month, anything
/// longer a day or finer (what [`parse_reference`] accepts).
pub fn reference_precision(s: &str) -> Grain {
    match s.trim().len() {
        4 => Grain::Year,
        7 => Grain::Month,
        _ => Grain::Second,
    }
}

pub fn parse_reference(s: &str) -> Option<NaiveDateTime> {
    let s = s.trim();
    for f in [
        "%Y-%m-%dT%H:%M:%S",
        "%Y-%m-%d %H:%M:%S",
        "%Y-%m-%dT%H:%M",
        "%Y-%m-%d %H:%M",
    ] {
        if let Ok(d) = NaiveDateTime::parse_from_str(s, f) {
            return Some(d);
        }
    }
    if let Ok(d) = NaiveDate::parse_from_str(s, "%Y-%m-%d") {
        return Some(d.and_time(NaiveTime::MIN));
    }
    let parts: Vec<&str> = s.split('-').collect();
    let y: i32 = parts.first()?.parse().ok()?;
    if parts[0].len() != 4 {
        return None;
    }
    let m: u32 = match parts.get(1) {
        Some(m) => m.parse().ok()?,
        None => 1,
    };
    if parts.len() > 2 {
        return None;
    }
    NaiveDate::from_ymd_opt(y, m, 1).map(|d| d.and_time(NaiveTime::MIN))
}

#[derive(Deserialize)]
struct InLine {
    id: serde_json::Value,
    text: Option<String>,
    #[serde(rename = "ref")]
    reference: Option<String>,
}

#[derive(Serialize)]
struct OutLine<'a> {
    id: &'a serde_json::Value,
    times: Vec<TimeMention>,
}

/// Read JSON lines `{"id", "text", "ref"?}` and write `{"id", "times": [...]}` per line.
pub fn times_jsonl<R: BufRead, W: Write>(
    input: R,
    mut out: W,
    default_ref: NaiveDateTime,
) -> Result<(), crate::Error> {
    let tagger = TimeTagger::embedded();
    let stdin = || "<stdin>".to_string();
    for (k, line) in input.lines().enumerate() {
        let line = line.map_err(|e| crate::Error::io("<stdin>", e))?;
        if line.trim().is_empty() {
            continue;
        }
        let v: InLine = serde_json::from_str(&line).map_err(|e| crate::Error::JsonLine {
            path: stdin(),
            line: k + 1,
            message: e.to_string(),
        })?;
        let text = v.text.ok_or(crate::Error::MissingText {
            path: stdin(),
            line: k + 1,
        })?;
        let given = v
            .reference
            .as_deref()
            .and_then(|s| Some((parse_reference(s)?, s)));
        let times = match given {
            Some((r, s)) => tagger.tag_ref(&text, r, reference_precision(s)),
            None => tagger.tag_at(&text, default_ref),
        };
        let o = OutLine { id: &v.id, times };
        let s = serde_json::to_string(&o).map_err(|e| crate::Error::Output(e.to_string()))?;
        writeln!(out, "{s}").map_err(|e| crate::Error::Output(e.to_string()))?;
    }
    Ok(())
}
