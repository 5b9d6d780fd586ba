//! The three-way merge: properties over random edit sequences from one base, and the cases of
//! issue 5 by example.

use chrono::NaiveDate;
use planbord::domain::merge::three_way;
use planbord::domain::ops::{Context, Mode, Notice};
use planbord::domain::*;
use planbord::storage::{self, format};
use proptest::prelude::*;

/// The merge the git driver does: what theirs changed applied to ours.
fn merge<D: planbord::domain::ops::Document>(b: &D, o: &D, t: &D, at: Moment) -> (D, Vec<Notice>) {
    let w: fn(&Notice) -> String = planbord::wording::notitie;
    let cx = Context {
        mode: Mode::Merge,
        at,
        wording: &w,
    };
    let m = three_way(b, o, t, &cx);
    (m.value, m.notices)
}

fn merge_bord(b: &Bord, o: &Bord, t: &Bord, at: Moment) -> (Bord, Vec<Notice>) {
    merge(b, o, t, at)
}

fn merge_organisatie(
    b: &Organisatie,
    o: &Organisatie,
    t: &Organisatie,
    at: Moment,
) -> (Organisatie, Vec<Notice>) {
    merge(b, o, t, at)
}

fn base() -> Bord {
    storage::load(std::path::Path::new("tests/fixtures/voorbeeld/bord2.ron"))
        .werkmap
        .borden
        .remove(0)
}

fn now() -> Moment {
    Moment(
        NaiveDate::from_ymd_opt(2027, 5, 4)
            .unwrap()
            .and_hms_opt(12, 0, 0)
            .unwrap(),
    )
}

/// One edit a user can make.
#[derive(Debug, Clone)]
enum Edit {
    Titel(usize, String),
    Kolom(usize, usize),
    Voortgang(usize, u32),
    Status(usize, u8),
    Note(usize, String),
    Add(String, usize),
    Delete(usize),
    MoveUp(usize),
}

fn edit() -> impl Strategy<Value = Edit> {
    prop_oneof![
        (0usize..20, "[a-z]{3,8}").prop_map(|(i, s)| Edit::Titel(i, s)),
        (0usize..20, 0usize..3).prop_map(|(i, k)| Edit::Kolom(i, k)),
        (0usize..20, 0u32..=100).prop_map(|(i, v)| Edit::Voortgang(i, v)),
        (0usize..20, 0u8..4).prop_map(|(i, s)| Edit::Status(i, s)),
        (0usize..20, "[a-z ]{3,12}").prop_map(|(i, s)| Edit::Note(i, s)),
        ("[a-z]{6}", 0usize..3).prop_map(|(id, k)| Edit::Add(id, k)),
        (0usize..20).prop_map(Edit::Delete),
        (0usize..20).prop_map(Edit::MoveUp),
    ]
}

/// Applies edits; `side` keeps ids and note times of the two sides apart.
fn apply(mut b: Bord, edits: &[Edit], side: &str) -> Bord {
    for (n, e) in edits.iter().enumerate() {
        let len = b.kaarten.len();
        let kolom = |k: usize| b.kolommen[k % b.kolommen.len()].id.clone();
        match e {
            Edit::Titel(i, s) if len > 0 => b.kaarten[i % len].titel = format!("{side}-{s}"),
            Edit::Kolom(i, k) if len > 0 => b.kaarten[i % len].kolom = kolom(*k),
            Edit::Voortgang(i, v) if len > 0 => b.kaarten[i % len].voortgang = *v,
            Edit::Status(i, s) if len > 0 => {
                b.kaarten[i % len].status = [
                    KaartStatus::OpKoers,
                    KaartStatus::Risico,
                    KaartStatus::Vertraagd,
                    KaartStatus::Geblokkeerd,
                ][*s as usize]
            }
            Edit::Note(i, s) if len > 0 => {
                let wanneer = Moment(
                    now().0 + chrono::Duration::seconds(n as i64 * 2 + i64::from(side == "theirs")),
                );
                b.kaarten[i % len].notities.push(Notitie {
                    wie: side.into(),
                    wanneer,
                    tekst: s.clone(),
                })
            }
            Edit::Add(id, k) => {
                let mut card: Kaart =
                    format::parse("Kaart(id: \"x\", titel: \"nieuw\", kolom: \"a\")").unwrap();
                card.id = format!("{side}{id}{n}");
                card.kolom = kolom(*k);
                b.kaarten.push(card);
            }
            Edit::Delete(i) if len > 0 => {
                b.kaarten.remove(i % len);
            }
            Edit::MoveUp(i) if len > 1 => {
                let i = i % len;
                if i > 0 {
                    b.kaarten.swap(i, i - 1);
                }
            }
            _ => {}
        }
    }
    b
}

fn card<'a>(b: &'a Bord, id: &str) -> Option<&'a Kaart> {
    b.kaarten.iter().find(|k| k.id == id)
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 300, ..ProptestConfig::default() })]

    #[test]
    fn merging_identical_sides_gives_that_side(edits in proptest::collection::vec(edit(), 0..12)) {
        let b = base();
        let x = apply(b.clone(), &edits, "ours");
        prop_assert_eq!(&merge_bord(&b, &x, &x, now()).0, &x);
        prop_assert_eq!(&merge_bord(&b, &b, &x, now()).0, &x);
        prop_assert_eq!(&merge_bord(&b, &x, &b, now()).0, &x);
    }

    #[test]
    fn every_edit_one_side_made_and_the_other_did_not_touch_survives(
        ours_edits in proptest::collection::vec(edit(), 0..10),
        theirs_edits in proptest::collection::vec(edit(), 0..10),
    ) {
        let b = base();
        let o = apply(b.clone(), &ours_edits, "ours");
        let t = apply(b.clone(), &theirs_edits, "theirs");
        let (m, _) = merge_bord(&b, &o, &t, now());
        // The merge is a valid board.
        let text = format::to_canonical(&m).unwrap();
        prop_assert!(format::parse::<Bord>(&text).is_ok());
        let cols: Vec<&str> = m.kolommen.iter().map(|k| k.id.as_str()).collect();
        prop_assert!(m.kaarten.iter().all(|k| cols.contains(&k.kolom.as_str())));
        for bk in &b.kaarten {
            let (ok, tk, mk) = (card(&o, &bk.id), card(&t, &bk.id), card(&m, &bk.id));
            match (ok, tk) {
                (None, None) => prop_assert!(mk.is_none()),
                (None, Some(tk)) if tk == bk => prop_assert!(mk.is_none(), "our delete survives"),
                (Some(ok), None) if ok == bk => prop_assert!(mk.is_none(), "their delete survives"),
                (Some(ok), Some(tk)) => {
                    let mk = mk.expect("a card both kept is kept");
                    macro_rules! field {
                        ($f:ident) => {
                            if ok.$f != bk.$f {
                                prop_assert_eq!(&mk.$f, &ok.$f, "ours wins or stands: {}", stringify!($f));
                            } else if tk.$f != bk.$f {
                                prop_assert_eq!(&mk.$f, &tk.$f, "their change survives: {}", stringify!($f));
                            }
                        };
                    }
                    field!(titel);
                    field!(kolom);
                    field!(voortgang);
                    field!(status);
                    for n in ok.notities.iter().chain(&tk.notities) {
                        prop_assert!(mk.notities.contains(n), "every note is kept");
                    }
                }
                // Deleted by one side, edited by the other: kept.
                (Some(_), None) | (None, Some(_)) => prop_assert!(mk.is_some()),
            }
        }
        for k in o.kaarten.iter().chain(&t.kaarten).filter(|k| card(&b, &k.id).is_none()) {
            prop_assert!(card(&m, &k.id).is_some(), "added cards are kept");
        }
    }
}

#[test]
fn the_same_field_changed_twice_keeps_ours_and_notes_theirs() {
    let b = base();
    let mut o = b.clone();
    let mut t = b.clone();
    o.kaarten[0].titel = "Van ons".into();
    t.kaarten[0].titel = "Van hen".into();
    t.kaarten[0].voortgang = 90;
    let (m, report) = merge_bord(&b, &o, &t, now());
    assert_eq!(m.kaarten[0].titel, "Van ons");
    assert_eq!(
        m.kaarten[0].voortgang, 90,
        "a different field of the same card survives"
    );
    let note = m.kaarten[0].notities.last().unwrap();
    assert!(
        note.tekst.starts_with("Gelijktijdige wijziging") && note.tekst.contains("Van hen"),
        "{}",
        note.tekst
    );
    assert!(!report.is_empty());
}

#[test]
fn a_card_added_to_a_column_the_other_deleted_goes_to_the_first_column() {
    let b = base();
    let mut o = b.clone();
    let mut t = b.clone();
    let mut k = o.kaarten[0].clone();
    k.id = "nieuw1".into();
    k.kolom = "b".into();
    o.kaarten.push(k);
    t.kolommen.retain(|c| c.id != "b");
    t.kaarten.retain(|c| c.kolom != "b");
    let (m, report) = merge_bord(&b, &o, &t, now());
    let k = card(&m, "nieuw1").unwrap();
    assert_eq!(k.kolom, m.kolommen[0].id);
    assert!(
        k.notities
            .last()
            .unwrap()
            .tekst
            .contains("bestaat niet meer")
    );
    assert!(!report.is_empty());
}

#[test]
fn two_klaar_columns_keep_one_the_same_on_every_laptop() {
    let b = base();
    let mut o = b.clone();
    let mut t = b.clone();
    o.kolommen[2].klaar = false;
    o.kolommen[1].klaar = true;
    t.kolommen[0].klaar = true;
    t.kolommen[2].klaar = false;
    let (m, notices) = merge_bord(&b, &o, &t, now());
    let (m2, _) = merge_bord(&b, &t, &o, now());
    let klaar = |m: &Bord| -> Vec<String> {
        m.kolommen
            .iter()
            .filter(|k| k.klaar)
            .map(|k| k.id.clone())
            .collect()
    };
    // The first in column order: whoever merges, the result is the same.
    assert_eq!(klaar(&m), [o.kolommen[0].id.clone()]);
    assert_eq!(klaar(&m2), klaar(&m));
    assert!(!notices.is_empty());
}

#[test]
fn organisation_merges_people_by_id() {
    let org = storage::load(std::path::Path::new("tests/fixtures/voorbeeld"))
        .werkmap
        .organisatie
        .unwrap();
    let mut o = org.clone();
    let mut t = org.clone();
    o.mensen[0].uren = 20.0;
    t.mensen[1].uren = 12.0;
    t.mensen.push(Persoon {
        id: "nieuw".into(),
        ..org.mensen[2].clone()
    });
    let (m, report) = merge_organisatie(&org, &o, &t, now());
    assert_eq!((m.mensen[0].uren, m.mensen[1].uren), (20.0, 12.0));
    assert!(m.persoon("nieuw").is_some());
    assert!(report.is_empty());
    t.mensen[0].uren = 30.0;
    let (m, report) = merge_organisatie(&org, &o, &t, now());
    assert_eq!(m.mensen[0].uren, 20.0, "ours wins");
    assert!(!report.is_empty(), "the lost value is reported");
}
