//! Reading a board's history (`cargo bench --bench historie`): 10,000 entries of a board,
//! written by 4 writers in their own files, merged by time. Issue 12 asks under 50 ms.

use std::path::PathBuf;
use std::sync::OnceLock;

use chrono::{Duration, NaiveDate};
use divan::Bencher;
use planbord::domain::Moment;
use planbord::domain::historie::{Gebeurtenis, Wat};
use planbord::storage::historie;

fn main() {
    divan::main();
}

const ENTRIES: usize = 10_000;
const WRITERS: usize = 4;

/// A werkmap with the history of one board on disk, made once per run: a realistic mix of
/// moves, field changes and notes, each writer's entries in time order.
fn werkmap() -> PathBuf {
    static DIR: OnceLock<tempfile::TempDir> = OnceLock::new();
    let dir = DIR.get_or_init(|| {
        let dir = tempfile::tempdir().expect("temp dir");
        let start = NaiveDate::from_ymd_opt(2026, 1, 5)
            .and_then(|d| d.and_hms_opt(8, 0, 0))
            .expect("date");
        let mut per_writer: Vec<Vec<Gebeurtenis>> = vec![Vec::new(); WRITERS];
        for i in 0..ENTRIES {
            let wat = match i % 5 {
                0 => Wat::Verplaatst {
                    van: "todo".into(),
                    naar: "bezig".into(),
                },
                1 => Wat::Veld {
                    veld: "deadline".into(),
                    oud: "2026-03-01".into(),
                    nieuw: "2026-03-08".into(),
                },
                2 => Wat::Notitie {
                    tekst: "Overleg gehad met de exploitanten; planning volgt volgende week."
                        .into(),
                },
                3 => Wat::Veld {
                    veld: "voortgang".into(),
                    oud: 40.into(),
                    nieuw: 60.into(),
                },
                _ => Wat::StandupBegonnen,
            };
            per_writer[i % WRITERS].push(Gebeurtenis {
                tijd: Moment(start + Duration::minutes(i as i64 * 7)),
                wie: format!("persoon{}", i % WRITERS),
                kaart: Some(format!("k{}", i % 300)),
                titel: Some(format!("Kaart nummer {} van het bord", i % 300)),
                wat,
            });
        }
        for (w, entries) in per_writer.iter().enumerate() {
            historie::voeg_toe(
                dir.path(),
                "opgave-strand.ron",
                &historie::schrijver(&format!("persoon{w}"), "laptop"),
                entries,
            )
            .expect("write history");
        }
        dir
    });
    dir.path().to_path_buf()
}

/// Reading, parsing and merging the 10,000 entries of one board.
#[divan::bench(sample_count = 30)]
fn lees_10000(b: Bencher) {
    let root = werkmap();
    let n = historie::lees(&root, "opgave-strand.ron").entries.len();
    assert_eq!(n, ENTRIES);
    b.bench(|| historie::lees(&root, "opgave-strand.ron"));
}
