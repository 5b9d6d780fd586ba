//! ISO weeks, dates and moments as real types with the textual forms of the file format.

use std::fmt;
use std::str::FromStr;

use chrono::{Datelike, Duration, NaiveDate, NaiveDateTime, Weekday};
use serde::{Deserialize, Deserializer, Serialize, Serializer};

/// An ISO week, written `2026-W12`. Ordered by time.
#[derive(Copy, Clone, PartialEq, Eq, PartialOrd, Ord, Hash, Debug)]
pub struct Week {
    year: i32,
    week: u32,
}

impl Week {
    /// The week `week` of ISO year `year`, if it exists (week 53 exists only in long years).
    pub fn new(year: i32, week: u32) -> Option<Week> {
        NaiveDate::from_isoywd_opt(year, week, Weekday::Mon).map(|_| Week { year, week })
    }

    /// The ISO week that holds `date`.
    pub fn of(date: NaiveDate) -> Week {
        let iso = date.iso_week();
        Week {
            year: iso.year(),
            week: iso.week(),
        }
    }

    /// The ISO year.
    pub fn year(self) -> i32 {
        self.year
    }

    /// The week number within the ISO year (1..=53).
    pub fn number(self) -> u32 {
        self.week
    }

    /// The Monday of this week.
    pub fn monday(self) -> NaiveDate {
        // Invariant: a Week is only constructed for existing (year, week) pairs.
        NaiveDate::from_isoywd_opt(self.year, self.week, Weekday::Mon).unwrap_or(NaiveDate::MIN)
    }

    /// The seven days of this week, Monday first.
    pub fn days(self) -> impl Iterator<Item = NaiveDate> {
        let monday = self.monday();
        (0..7).map(move |d| monday + Duration::days(d))
    }

    /// The week `n` weeks later (earlier for negative `n`).
    pub fn plus(self, n: i64) -> Week {
        Week::of(self.monday() + Duration::weeks(n))
    }

    /// The number of weeks from `self` to `other` (negative when `other` is earlier).
    pub fn weeks_until(self, other: Week) -> i64 {
        (other.monday() - self.monday()).num_weeks()
    }

    /// Every week from `self` to `last`, both included.
    pub fn through(self, last: Week) -> impl Iterator<Item = Week> {
        let count = self.weeks_until(last).max(-1) + 1;
        (0..count).map(move |n| self.plus(n))
    }
}

impl fmt::Display for Week {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}-W{:02}", self.year, self.week)
    }
}

impl FromStr for Week {
    type Err = String;

    /// Accepts `2026-W12`, `2026-w12`, `2026W12` and `2026-W1`.
    fn from_str(s: &str) -> Result<Week, String> {
        let bad = || format!("ongeldige week \"{s}\": verwacht bijvoorbeeld \"2026-W12\"");
        let t = s.trim();
        let (y, w) = t.split_once(['W', 'w']).ok_or_else(bad)?;
        let y = y.strip_suffix('-').unwrap_or(y);
        let year: i32 = y.parse().map_err(|_| bad())?;
        let week: u32 = w.parse().map_err(|_| bad())?;
        Week::new(year, week)
            .ok_or_else(|| format!("week \"{s}\" bestaat niet: {year} heeft geen week {week}"))
    }
}

impl Serialize for Week {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_str(self)
    }
}

impl<'de> Deserialize<'de> for Week {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Week, D::Error> {
        let s = String::deserialize(d)?;
        s.parse().map_err(serde::de::Error::custom)
    }
}

/// A calendar date, written `2026-03-16`; read also as `16-03-2026`.
#[derive(Copy, Clone, PartialEq, Eq, PartialOrd, Ord, Hash, Debug)]
pub struct Datum(pub NaiveDate);

impl Datum {
    /// The ISO week of this date.
    pub fn week(self) -> Week {
        Week::of(self.0)
    }
}

impl fmt::Display for Datum {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}", self.0.format("%Y-%m-%d"))
    }
}

impl FromStr for Datum {
    type Err = String;

    fn from_str(s: &str) -> Result<Datum, String> {
        let t = s.trim();
        NaiveDate::parse_from_str(t, "%Y-%m-%d")
            .or_else(|_| NaiveDate::parse_from_str(t, "%d-%m-%Y"))
            .map(Datum)
            .map_err(|_| format!("ongeldige datum \"{s}\": verwacht bijvoorbeeld \"2026-03-16\""))
    }
}

impl Serialize for Datum {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_str(self)
    }
}

impl<'de> Deserialize<'de> for Datum {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Datum, D::Error> {
        let s = String::deserialize(d)?;
        s.parse().map_err(serde::de::Error::custom)
    }
}

/// A local moment to the second, written `2026-03-05T09:12:00`.
#[derive(Copy, Clone, PartialEq, Eq, PartialOrd, Ord, Hash, Debug)]
pub struct Moment(pub NaiveDateTime);

impl fmt::Display for Moment {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}", self.0.format("%Y-%m-%dT%H:%M:%S"))
    }
}

impl FromStr for Moment {
    type Err = String;

    fn from_str(s: &str) -> Result<Moment, String> {
        let t = s.trim();
        NaiveDateTime::parse_from_str(t, "%Y-%m-%dT%H:%M:%S")
            .or_else(|_| NaiveDateTime::parse_from_str(t, "%Y-%m-%dT%H:%M"))
            .or_else(|_| NaiveDateTime::parse_from_str(t, "%Y-%m-%d %H:%M:%S"))
            .map(Moment)
            .map_err(|_| {
                format!("ongeldig moment \"{s}\": verwacht bijvoorbeeld \"2026-03-05T09:12:00\"")
            })
    }
}

impl Serialize for Moment {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_str(self)
    }
}

impl<'de> Deserialize<'de> for Moment {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Moment, D::Error> {
        let s = String::deserialize(d)?;
        s.parse().map_err(serde::de::Error::custom)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn week_53_exists_in_2026_only_when_long() {
        assert!(Week::new(2026, 53).is_some());
        assert!(Week::new(2027, 53).is_none());
        assert_eq!(
            Week::new(2026, 53).unwrap().plus(1),
            Week::new(2027, 1).unwrap()
        );
    }

    #[test]
    fn parses_and_prints() {
        let w: Week = "2026-W1".parse().unwrap();
        assert_eq!(w.to_string(), "2026-W01");
        assert!("2027-W53".parse::<Week>().is_err());
        assert!("morgen".parse::<Week>().is_err());
        let d: Datum = "23-11-2026".parse().unwrap();
        assert_eq!(d.to_string(), "2026-11-23");
        assert_eq!(d.week().to_string(), "2026-W48");
    }

    #[test]
    fn through_is_inclusive() {
        let a: Week = "2026-W52".parse().unwrap();
        let b: Week = "2027-W02".parse().unwrap();
        let ws: Vec<String> = a.through(b).map(|w| w.to_string()).collect();
        assert_eq!(ws, ["2026-W52", "2026-W53", "2027-W01", "2027-W02"]);
        assert_eq!(b.through(a).count(), 0);
    }
}
