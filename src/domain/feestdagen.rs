//! The Dutch public holidays a municipality closes on, computed (Easter by the anonymous
//! Gregorian algorithm), so a new werkmap starts with them.

use chrono::{Datelike, Duration, NaiveDate, Weekday};

/// A public holiday.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Feestdag {
    Nieuwjaarsdag,
    TweedePaasdag,
    Koningsdag,
    Bevrijdingsdag,
    Hemelvaartsdag,
    TweedePinksterdag,
    EersteKerstdag,
    TweedeKerstdag,
}

/// Easter Sunday of year `y`.
pub fn pasen(y: i32) -> NaiveDate {
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
    // Invariant: the algorithm always yields a date in March or April.
    NaiveDate::from_ymd_opt(y, month as u32, day as u32).unwrap_or_default()
}

/// Every holiday of year `y` with its date, in date order (also those in a weekend).
pub fn in_jaar(y: i32) -> Vec<(Feestdag, NaiveDate)> {
    // Invariant: month and day are fixed, valid dates.
    let ymd = |m, d| NaiveDate::from_ymd_opt(y, m, d).unwrap_or_default();
    let p = pasen(y);
    let koningsdag = if ymd(4, 27).weekday() == Weekday::Sun {
        ymd(4, 26)
    } else {
        ymd(4, 27)
    };
    let mut dagen = vec![
        (Feestdag::Nieuwjaarsdag, ymd(1, 1)),
        (Feestdag::TweedePaasdag, p + Duration::days(1)),
        (Feestdag::Koningsdag, koningsdag),
        (Feestdag::Bevrijdingsdag, ymd(5, 5)),
        (Feestdag::Hemelvaartsdag, p + Duration::days(39)),
        (Feestdag::TweedePinksterdag, p + Duration::days(50)),
        (Feestdag::EersteKerstdag, ymd(12, 25)),
        (Feestdag::TweedeKerstdag, ymd(12, 26)),
    ];
    dagen.sort_by_key(|(_, d)| *d);
    dagen
}

/// The holidays of these years that fall on a working day (Monday to Friday): the days a
/// new werkmap lists in `feestdagen`.
pub fn op_werkdagen(jaren: std::ops::RangeInclusive<i32>) -> Vec<super::Datum> {
    jaren
        .flat_map(in_jaar)
        .filter(|(_, d)| !matches!(d.weekday(), Weekday::Sat | Weekday::Sun))
        .map(|(_, d)| super::Datum(d))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(s: &str) -> NaiveDate {
        s.parse().unwrap()
    }

    #[test]
    fn easter_and_the_holidays_that_follow_it() {
        assert_eq!(pasen(2026), d("2026-04-05"));
        assert_eq!(pasen(2027), d("2027-03-28"));
        assert_eq!(pasen(2028), d("2028-04-16"));
        let y2027 = in_jaar(2027);
        let of = |f| y2027.iter().find(|(g, _)| *g == f).unwrap().1;
        assert_eq!(of(Feestdag::TweedePaasdag), d("2027-03-29"));
        assert_eq!(of(Feestdag::Hemelvaartsdag), d("2027-05-06"));
        assert_eq!(of(Feestdag::TweedePinksterdag), d("2027-05-17"));
        assert_eq!(of(Feestdag::Koningsdag), d("2027-04-27"));
    }

    #[test]
    fn koningsdag_moves_to_saturday_when_the_27th_is_a_sunday() {
        // 27 April 2025 was a Sunday.
        let y = in_jaar(2025);
        assert!(y.contains(&(Feestdag::Koningsdag, d("2025-04-26"))));
    }

    #[test]
    fn only_working_days_count() {
        // 2027: 1 January Friday, 5 May Wednesday, 25/26 December Saturday/Sunday.
        let dagen: Vec<NaiveDate> = op_werkdagen(2027..=2027).into_iter().map(|d| d.0).collect();
        assert_eq!(
            dagen,
            [
                d("2027-01-01"),
                d("2027-03-29"),
                d("2027-04-27"),
                d("2027-05-05"),
                d("2027-05-06"),
                d("2027-05-17"),
            ]
        );
    }
}
