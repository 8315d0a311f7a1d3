//! Calendar arithmetic: units, ISO weeks, the Chinese lunisolar calendar, Easter, solar terms.
use super::Grain;
use chrono::{Datelike, Duration, Months, NaiveDate, Weekday};

pub(crate) fn ymd(y: i32, m: u32, d: u32) -> Option<NaiveDate> {
    NaiveDate::from_ymd_opt(y, m, d)
}

pub(crate) fn month_end(y: i32, m: u32) -> Option<NaiveDate> {
    ymd(y, m, 1)?.checked_add_months(Months::new(1))?.pred_opt()
}

pub(crate) fn add_months(y: i32, m: u32, n: i32) -> (i32, u32) {
    let idx = y * 12 + (m as i32 - 1) + n;
    (idx.div_euclid(12), (idx.rem_euclid(12) + 1) as u32)
}

pub(crate) fn weekday_from(n: u32) -> Weekday {
    match n {
        1 => Weekday::Mon,
        2 => Weekday::Tue,
        3 => Weekday::Wed,
        4 => Weekday::Thu,
        5 => Weekday::Fri,
        6 => Weekday::Sat,
        _ => Weekday::Sun,
    }
}

/// Monday of the ISO week containing `d`.
pub(crate) fn week_monday(d: NaiveDate) -> NaiveDate {
    d - Duration::days(d.weekday().num_days_from_monday() as i64)
}

/// The n-th (1-based) given weekday of a month.
pub(crate) fn nth_weekday(y: i32, m: u32, n: u32, wd: u32) -> Option<NaiveDate> {
    NaiveDate::from_weekday_of_month_opt(y, m, weekday_from(wd), n as u8)
}

/// Solar date of a Chinese lunisolar date (1901..=2100), `None` when out of range or invalid.
pub(crate) fn lunar_to_solar(y: i32, m: u32, leap: bool, d: u32) -> Option<NaiveDate> {
    let y = u16::try_from(y).ok()?;
    let l = chinese_lunisolar_calendar::LunisolarDate::from_ymd(y, m as u8, leap, d as u8).ok()?;
    Some(l.to_naive_date())
}

/// First and last solar day of a lunar month.
pub(crate) fn lunar_month_span(y: i32, m: u32, leap: bool) -> Option<(NaiveDate, NaiveDate)> {
    let first = lunar_to_solar(y, m, leap, 1)?;
    let last = lunar_to_solar(y, m, leap, 30).or_else(|| lunar_to_solar(y, m, leap, 29))?;
    Some((first, last))
}

/// Western Easter Sunday (anonymous Gregorian algorithm).
pub(crate) fn easter(y: i32) -> Option<NaiveDate> {
    let a = y % 19;
    let b = y / 100;
    let c = y % 100;
    let d = b / 4;
    let e = b % 4;
    let f = (b + 8) / 25;
    let g = (b - f + 1) / 3;
    let h = (19 * a + b - d - g + 15) % 30;
    let i = c / 4;
    let k = c % 4;
    let l = (32 + 2 * e + 2 * i - h - k) % 7;
    let m = (a + 11 * h + 22 * l) / 451;
    let month = (h + l - 7 * m + 114) / 31;
    let day = (h + l - 7 * m + 114) % 31 + 1;
    ymd(y, month as u32, day as u32)
}

/// Orthodox Easter Sunday: the Julian computus (Meeus), moved to the Gregorian calendar
/// (13 days from 1900-03-01 to 2100-02-28, the range the tagger resolves).
pub(crate) fn orthodox_easter(y: i32) -> Option<NaiveDate> {
    let (a, b, c) = (y % 4, y % 7, y % 19);
    let d = (19 * c + 15) % 30;
    let e = (2 * a + 4 * b - d + 34) % 7;
    let month = (d + e + 114) / 31;
    let day = (d + e + 114) % 31 + 1;
    let julian_gap = if y < 2100 { 13 } else { 14 };
    ymd(y, month as u32, day as u32)?.checked_add_signed(chrono::Duration::try_days(julian_gap)?)
}

/// Day of a solar term with the 21st-century constant `c` (2001..=2099; close outside).
pub(crate) fn solar_term(y: i32, month: u32, c: f64) -> Option<NaiveDate> {
    let yy = y.rem_euclid(100);
    let l = if month <= 2 {
        (yy - 1).div_euclid(4)
    } else {
        yy / 4
    };
    let day = (yy as f64 * 0.2422 + c).floor() as i32 - l;
    ymd(y, month, day.clamp(1, 31) as u32)
}

/// A point of the calendar at a grain: the value of a TimeMention.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) struct Pt {
    pub g: Grain,
    pub y: i32,
    /// month; quarter or half number; ISO week number; unused for year, decade, century
    pub m: u32,
    pub d: u32,
    pub h: u32,
    pub mi: u32,
    pub s: u32,
}

impl Pt {
    pub fn year(y: i32) -> Pt {
        Pt {
            g: Grain::Year,
            y,
            m: 1,
            d: 1,
            h: 0,
            mi: 0,
            s: 0,
        }
    }
    pub fn month(y: i32, m: u32) -> Pt {
        Pt {
            g: Grain::Month,
            y,
            m,
            d: 1,
            h: 0,
            mi: 0,
            s: 0,
        }
    }
    pub fn day(d: NaiveDate) -> Pt {
        Pt {
            g: Grain::Day,
            y: d.year(),
            m: d.month(),
            d: d.day(),
            h: 0,
            mi: 0,
            s: 0,
        }
    }
    pub fn week(d: NaiveDate) -> Pt {
        let w = d.iso_week();
        Pt {
            g: Grain::Week,
            y: w.year(),
            m: w.week(),
            d: 1,
            h: 0,
            mi: 0,
            s: 0,
        }
    }
    pub fn quarter(y: i32, q: u32) -> Pt {
        Pt {
            g: Grain::Quarter,
            y,
            m: q,
            d: 1,
            h: 0,
            mi: 0,
            s: 0,
        }
    }
    pub fn half(y: i32, h: u32) -> Pt {
        Pt {
            g: Grain::Half,
            y,
            m: h,
            d: 1,
            h: 0,
            mi: 0,
            s: 0,
        }
    }
    pub fn decade(y: i32) -> Pt {
        Pt {
            g: Grain::Decade,
            y: y.div_euclid(10) * 10,
            m: 1,
            d: 1,
            h: 0,
            mi: 0,
            s: 0,
        }
    }
    pub fn century(c0: i32) -> Pt {
        // c0 = the hundreds: 19 for 1900-1999 (the 20th century)
        Pt {
            g: Grain::Century,
            y: c0 * 100,
            m: 1,
            d: 1,
            h: 0,
            mi: 0,
            s: 0,
        }
    }
    pub fn at(d: NaiveDate, g: Grain, h: u32, mi: u32, s: u32) -> Pt {
        Pt {
            g,
            y: d.year(),
            m: d.month(),
            d: d.day(),
            h,
            mi,
            s,
        }
    }

    pub fn date(&self) -> Option<NaiveDate> {
        ymd(self.y, self.m, self.d)
    }

    pub fn value(&self) -> String {
        match self.g {
            Grain::Century => format!("{:02}", self.y.div_euclid(100)),
            Grain::Decade => format!("{:03}", self.y.div_euclid(10)),
            Grain::Year => format!("{:04}", self.y),
            Grain::Half => format!("{:04}-H{}", self.y, self.m),
            Grain::Quarter => format!("{:04}-Q{}", self.y, self.m),
            Grain::Month => format!("{:04}-{:02}", self.y, self.m),
            Grain::Week => format!("{:04}-W{:02}", self.y, self.m),
            Grain::Day => format!("{:04}-{:02}-{:02}", self.y, self.m, self.d),
            Grain::Hour => format!("{:04}-{:02}-{:02}T{:02}", self.y, self.m, self.d, self.h),
            Grain::Minute => format!(
                "{:04}-{:02}-{:02}T{:02}:{:02}",
                self.y, self.m, self.d, self.h, self.mi
            ),
            Grain::Second => format!(
                "{:04}-{:02}-{:02}T{:02}:{:02}:{:02}",
                self.y, self.m, self.d, self.h, self.mi, self.s
            ),
        }
    }

    /// The calendar days covered.
    pub fn span(&self) -> Option<(NaiveDate, NaiveDate)> {
        match self.g {
            Grain::Century => Some((ymd(self.y, 1, 1)?, ymd(self.y + 99, 12, 31)?)),
            Grain::Decade => Some((ymd(self.y, 1, 1)?, ymd(self.y + 9, 12, 31)?)),
            Grain::Year => Some((ymd(self.y, 1, 1)?, ymd(self.y, 12, 31)?)),
            Grain::Half => {
                let m0 = 6 * self.m - 5;
                Some((ymd(self.y, m0, 1)?, month_end(self.y, m0 + 5)?))
            }
            Grain::Quarter => {
                let m0 = 3 * self.m - 2;
                Some((ymd(self.y, m0, 1)?, month_end(self.y, m0 + 2)?))
            }
            Grain::Month => Some((ymd(self.y, self.m, 1)?, month_end(self.y, self.m)?)),
            Grain::Week => {
                let mon = NaiveDate::from_isoywd_opt(self.y, self.m, Weekday::Mon)?;
                Some((mon, mon + Duration::days(6)))
            }
            _ => {
                let d = self.date()?;
                Some((d, d))
            }
        }
    }
}

/// Shift a day by whole units of a grain (weeks and days exact; months clamp the day).
pub(crate) fn shift(d: NaiveDate, g: Grain, n: i64) -> Option<NaiveDate> {
    match g {
        Grain::Year => shift(d, Grain::Month, n * 12),
        Grain::Half => shift(d, Grain::Month, n * 6),
        Grain::Quarter => shift(d, Grain::Month, n * 3),
        Grain::Month => {
            if n >= 0 {
                d.checked_add_months(Months::new(n as u32))
            } else {
                d.checked_sub_months(Months::new((-n) as u32))
            }
        }
        Grain::Week => d.checked_add_signed(Duration::days(7 * n)),
        Grain::Day => d.checked_add_signed(Duration::days(n)),
        _ => Some(d),
    }
}

/// `n` business days (Monday to Friday) after `d` (before it when `n` is negative): the days are
/// counted from the day after `d`, so 5 business days after a Monday is the next Monday.
pub(crate) fn add_business_days(d: NaiveDate, n: i64) -> Option<NaiveDate> {
    let step = if n >= 0 { 1 } else { -1 };
    let mut left = n.abs();
    let mut cur = d;
    // whole weeks first (five business days are seven days), then the rest one by one
    if left > 5 {
        let weeks = (left - 1) / 5;
        cur = cur.checked_add_signed(Duration::days(7 * weeks * step))?;
        left -= 5 * weeks;
    }
    while left > 0 {
        cur = cur.checked_add_signed(Duration::days(step))?;
        if cur.weekday().number_from_monday() <= 5 {
            left -= 1;
        }
    }
    Some(cur)
}
