//! The temporal tagger: finds time expressions and normalizes them against a reference
//! (the publication date) and the narrative time (the last fully specified date before them).
//!
//! The grammar is data (`data/time/*.tsv`); this module holds the mechanisms.
use chrono::{Datelike, NaiveDate};
use regex::Regex;
use serde::{Deserialize, Serialize};
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

pub struct TimeTagger {
    year_month_day: Regex,
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

    pub fn new() -> Self {
        TimeTagger {
            year_month_day: Regex::new(r"(?:(\d{4})年)?(?:(\d{1,2})月)?(?:(\d{1,2})[日号])?")
                .expect("static regex"),
        }
    }

    /// Every time expression in `text`, in text order, resolved against `reference`
    /// (the publication date) and the narrative time.
    pub fn tag(&self, text: &str, reference: NaiveDate) -> Vec<TimeMention> {
        let mut out = Vec::new();
        let mut char_pos = 0usize;
        let mut last_byte = 0usize;
        for caps in self.year_month_day.captures_iter(text) {
            let m = caps.get(0).unwrap();
            if m.is_empty() {
                continue;
            }
            char_pos += text[last_byte..m.start()].chars().count();
            last_byte = m.start();
            let year = caps.get(1).and_then(|y| y.as_str().parse::<i32>().ok());
            let month = caps.get(2).and_then(|y| y.as_str().parse::<u32>().ok());
            let day = caps.get(3).and_then(|y| y.as_str().parse::<u32>().ok());
            let (anchor, year) = match year {
                Some(y) => (Anchor::Absolute, y),
                None => (Anchor::Published, reference.year()),
            };
            let (value, grain, from, to) = match (month, day) {
                (None, None) => (
                    format!("{year:04}"),
                    Grain::Year,
                    NaiveDate::from_ymd_opt(year, 1, 1),
                    NaiveDate::from_ymd_opt(year, 12, 31),
                ),
                (Some(mo), None) => {
                    let first = NaiveDate::from_ymd_opt(year, mo, 1);
                    let last = first.and_then(|f| {
                        f.checked_add_months(chrono::Months::new(1))
                            .and_then(|n| n.pred_opt())
                    });
                    (format!("{year:04}-{mo:02}"), Grain::Month, first, last)
                }
                (Some(mo), Some(d)) => {
                    let day = NaiveDate::from_ymd_opt(year, mo, d);
                    (format!("{year:04}-{mo:02}-{d:02}"), Grain::Day, day, day)
                }
                (None, Some(_)) => continue,
            };
            if from.is_none() || (anchor == Anchor::Published && month.is_none()) {
                continue;
            }
            let len = m.as_str().chars().count();
            out.push(TimeMention {
                text: m.as_str().to_string(),
                start: char_pos,
                end: char_pos + len,
                kind: TimeType::Date,
                value,
                grain,
                modifier: None,
                from,
                to,
                anchor,
            });
        }
        out
    }
}

/// Parses a reference time: `2013-02-12T04:30:00`, `2013-02-12`, `2019-06`, `2021`.
pub fn parse_reference(s: &str) -> Option<chrono::NaiveDateTime> {
    let s = s.trim();
    if let Ok(t) = chrono::NaiveDateTime::parse_from_str(s, "%Y-%m-%dT%H:%M:%S") {
        return Some(t);
    }
    let parts: Vec<&str> = s.split('-').collect();
    let y: i32 = parts.first()?.parse().ok()?;
    let m: u32 = parts.get(1).map_or(Some(1), |m| m.parse().ok())?;
    let d: u32 = parts.get(2).map_or(Some(1), |d| d.parse().ok())?;
    NaiveDate::from_ymd_opt(y, m, d)?.and_hms_opt(0, 0, 0)
}

/// `shiji times`: JSON lines `{"id","text","ref"?}` in, `{"id","times":[…]}` out.
pub fn times_jsonl<R: std::io::BufRead, W: std::io::Write>(
    input: R,
    mut out: W,
    default_ref: chrono::NaiveDateTime,
) -> Result<(), crate::Error> {
    let tagger = TimeTagger::embedded();
    for (i, line) in input.lines().enumerate() {
        let line = line.map_err(|e| crate::Error::io("<stdin>", e))?;
        if line.trim().is_empty() {
            continue;
        }
        let v: serde_json::Value =
            serde_json::from_str(&line).map_err(|e| crate::Error::JsonLine {
                path: "<stdin>".into(),
                line: i + 1,
                message: e.to_string(),
            })?;
        let text = v.get("text").and_then(|t| t.as_str()).unwrap_or("");
        let reference = v
            .get("ref")
            .and_then(|r| r.as_str())
            .and_then(parse_reference)
            .unwrap_or(default_ref);
        let times = tagger.tag(text, reference.date());
        let o = serde_json::json!({"id": v.get("id"), "times": times});
        writeln!(out, "{o}").map_err(|e| crate::Error::io("<stdout>", e))?;
    }
    Ok(())
}
