//! The demo werkmap generator: Wassenaar with fictional people, around any date.
//!
//! Deterministic: the same `vandaag` and `schaal` give the same werkmap. `schaal` N repeats the
//! organisation N times (ids suffixed `-2`, `-3`, …), which also makes the benchmark werkmappen.
//! After generating, [`tune`] uses the capacity engine to remove accidental conflicts, so that
//! the demo shows a realistic handful of each kind, each with a story.
//!
//! Owns: the generated organisation, its boards and their tuning. May use: `domain` and
//! `capacity`; writing the files is the command line's job.

mod build;
mod names;
mod rng;
mod tune;

use chrono::{Datelike, Duration, NaiveDate};

use crate::domain::{Datum, Organisatie, Werkmap};

/// Generates the demo werkmap around `vandaag`, `schaal` times the size of Wassenaar.
pub fn generate(vandaag: NaiveDate, schaal: u32) -> Werkmap {
    let mut org = Organisatie {
        versie: crate::domain::organisatie::VERSIE,
        naam: "Gemeente Wassenaar".into(),
        uren_per_fte: crate::domain::organisatie::UREN_PER_FTE,
        max_fte_per_coco: crate::domain::organisatie::MAX_FTE_PER_COCO,
        feestdagen: feestdagen(vandaag.year() - 1..=vandaag.year() + 2),
        clusters: Vec::new(),
        eenheden: Vec::new(),
        mensen: Vec::new(),
        opgaven: Vec::new(),
        sporen: String::new(),
    };
    let mut borden = Vec::new();
    let mut plan = tune::Plan::default();
    for copy in 0..schaal.max(1) {
        build::Copy::new(copy, vandaag).build(&mut org, &mut borden, &mut plan);
    }
    let mut werkmap = Werkmap {
        organisatie: Some(org),
        borden,
    };
    tune::tune(&mut werkmap, &plan, vandaag);
    werkmap
}

/// Easter Sunday (anonymous Gregorian algorithm).
fn pasen(y: i32) -> NaiveDate {
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

/// The public holidays a Dutch municipality closes on, for these years.
fn feestdagen(years: std::ops::RangeInclusive<i32>) -> Vec<Datum> {
    let mut out = Vec::new();
    for y in years {
        let ymd = |m, d| NaiveDate::from_ymd_opt(y, m, d).unwrap_or_default();
        let p = pasen(y);
        let koningsdag = if ymd(4, 27).weekday() == chrono::Weekday::Sun {
            ymd(4, 26)
        } else {
            ymd(4, 27)
        };
        let mut dagen = vec![
            ymd(1, 1),
            p + Duration::days(1),
            koningsdag,
            p + Duration::days(39),
            p + Duration::days(50),
            ymd(12, 25),
            ymd(12, 26),
        ];
        if y % 5 == 0 {
            dagen.push(ymd(5, 5));
        }
        dagen.sort();
        out.extend(dagen.into_iter().map(Datum));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn easter_dates() {
        assert_eq!(pasen(2026), NaiveDate::from_ymd_opt(2026, 4, 5).unwrap());
        assert_eq!(pasen(2027), NaiveDate::from_ymd_opt(2027, 3, 28).unwrap());
    }
}
