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

use chrono::{Datelike, NaiveDate};

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

/// The holidays of the demo: every one of the year, weekend or not, and Bevrijdingsdag only in
/// lustrum years (as many collective agreements give it).
fn feestdagen(years: std::ops::RangeInclusive<i32>) -> Vec<Datum> {
    use crate::domain::feestdagen::{Feestdag, in_jaar};
    years
        .flat_map(|y| {
            in_jaar(y)
                .into_iter()
                .filter(move |(f, _)| *f != Feestdag::Bevrijdingsdag || y % 5 == 0)
        })
        .map(|(_, d)| Datum(d))
        .collect()
}
