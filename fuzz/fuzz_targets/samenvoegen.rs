//! Merging two valid boards made by edits from one base never panics and gives a valid board.
#![no_main]

use libfuzzer_sys::fuzz_target;
use planbord::domain::{Bord, KaartStatus, Moment, Notitie};
use planbord::domain::merge;
use planbord::domain::ops::{Context, Mode, Notice};
use planbord::storage::{format, load};

const BASE: &str = include_str!("../../tests/fixtures/voorbeeld/bord3.ron");

/// Applies edits decoded from bytes, three bytes an edit.
fn edit(mut b: Bord, bytes: &[u8], side: &str) -> Bord {
    let now = chrono::NaiveDate::from_ymd_opt(2027, 5, 4).unwrap().and_hms_opt(9, 0, 0).unwrap();
    for (n, e) in bytes.chunks(3).enumerate() {
        let (op, x, y) = (e[0], *e.get(1).unwrap_or(&0) as usize, *e.get(2).unwrap_or(&0));
        let len = b.kaarten.len();
        let cols = b.kolommen.len();
        match op % 9 {
            0 if len > 0 => b.kaarten[x % len].titel = format!("{side}{y}"),
            1 if len > 0 => b.kaarten[x % len].kolom = b.kolommen[y as usize % cols].id.clone(),
            2 if len > 0 => b.kaarten[x % len].voortgang = u32::from(y % 101),
            3 if len > 0 => b.kaarten[x % len].status = [KaartStatus::OpKoers, KaartStatus::Risico][y as usize % 2],
            4 if len > 0 => b.kaarten[x % len].notities.push(Notitie {
                wie: side.into(),
                wanneer: Moment(now + chrono::Duration::seconds(n as i64)),
                tekst: format!("{y}"),
            }),
            5 if len > 0 => {
                let mut k = b.kaarten[x % len].clone();
                k.id = format!("{side}{n}");
                b.kaarten.push(k);
            }
            6 if len > 0 => {
                b.kaarten.remove(x % len);
            }
            7 if cols > 1 => {
                // Remove a column and move its cards to the first remaining one.
                let gone = b.kolommen.remove(x % cols).id;
                let first = b.kolommen[0].id.clone();
                for k in b.kaarten.iter_mut().filter(|k| k.kolom == gone) {
                    k.kolom = first.clone();
                }
                if !b.kolommen.iter().any(|k| k.klaar) {
                    b.kolommen[0].klaar = y % 2 == 0;
                }
            }
            8 => {
                for k in b.kolommen.iter_mut() {
                    k.klaar = false;
                }
                b.kolommen[x % cols].klaar = true;
            }
            _ => {}
        }
    }
    b
}

fuzz_target!(|data: &[u8]| {
    let base: Bord = format::parse(BASE).expect("the base parses");
    let half = data.len() / 2;
    let ours = edit(base.clone(), &data[..half], "o");
    let theirs = edit(base.clone(), &data[half..], "t");
    let now = Moment(chrono::NaiveDate::from_ymd_opt(2027, 5, 4).unwrap().and_hms_opt(12, 0, 0).unwrap());
    let w: fn(&Notice) -> String = planbord::wording::notitie;
    let cx = Context { mode: Mode::Merge, at: now, wording: &w };
    let m = merge::three_way(&base, &ours, &theirs, &cx).value;
    let text = format::to_canonical(&m).expect("writes");
    // Valid: it passes the loader's checks (ids unique, columns known, one klaar column).
    if let Err(e) = load::check_board_text("bord.ron", &text) {
        panic!("merge gave an invalid board: {e:?}");
    }
});
