use std::collections::HashSet;

use super::placement::moved;
use super::*;
use crate::domain::{Bord, BordSoort, Kaart, Kolom, Notitie};

fn word(n: &Notice) -> String {
    format!("{:?} {:?}", n.kind, n.field)
}

fn cx(mode: Mode) -> Context<'static> {
    Context {
        mode,
        at: "2026-11-27T10:00:00".parse().unwrap(),
        wording: &word,
    }
}

fn bord() -> Bord {
    let kolom = |id: &str| Kolom {
        id: id.into(),
        naam: id.to_uppercase(),
        wip: None,
        klaar: false,
    };
    Bord {
        versie: 1,
        id: "b".into(),
        titel: "B".into(),
        soort: BordSoort::Clusterkamer {
            cluster: "c".into(),
        },
        kolommen: vec![kolom("a"), kolom("b")],
        inzet: vec![],
        kaarten: vec![
            Kaart::new("1", "een", "a"),
            Kaart::new("2", "twee", "a"),
            Kaart::new("3", "drie", "b"),
        ],
        sporen: String::new(),
    }
}

fn ids(b: &Bord) -> Vec<&str> {
    b.kaarten.iter().map(|k| k.id.as_str()).collect()
}

#[test]
fn diff_then_apply_reproduces_the_document() {
    let before = bord();
    let mut after = bord();
    after.titel = "Nieuw".into();
    after.kaarten[0].kolom = "b".into();
    after.kaarten[0].labels.push("x".into());
    after.kaarten.swap(0, 2);
    after.kaarten.remove(1);
    after.kaarten.push(Kaart::new("4", "vier", "a"));
    after.kolommen[1].wip = Some(3);
    let ops = diff(&before, &after);
    let (got, notices) = applied(&before, &ops, &cx(Mode::Merge));
    assert_eq!(got, after);
    assert!(notices.is_empty(), "{notices:?}");
}

#[test]
fn a_changed_field_keeps_its_new_value_and_ours_becomes_a_note() {
    let base = bord();
    let mut mine = base.clone();
    mine.kaarten[0].kolom = "b".into();
    let ops = diff(&base, &mine);
    let mut disk = base.clone();
    disk.kaarten[0].kolom = "a2".into();
    disk.kolommen.push(Kolom {
        id: "a2".into(),
        naam: "A2".into(),
        wip: None,
        klaar: false,
    });
    let (got, notices) = applied(&disk, &ops, &cx(Mode::Merge));
    assert_eq!(got.kaarten[0].kolom, "a2");
    assert_eq!(notices.len(), 1);
    assert_eq!(notices[0].kind, NoticeKind::NotApplied);
    assert_eq!(got.kaarten[0].notities.len(), 1);
    // A second application (a repeated repair) leaves no second note.
    let (again, _) = applied(&got, &ops, &cx(Mode::Merge));
    assert_eq!(again.kaarten[0].notities.len(), 1);
}

#[test]
fn different_fields_of_one_card_both_survive() {
    let base = bord();
    let mut mine = base.clone();
    mine.kaarten[0].voortgang = 40;
    let mut theirs = base.clone();
    theirs.kaarten[0].titel = "anders".into();
    let (got, notices) = applied(&theirs, &diff(&base, &mine), &cx(Mode::Merge));
    assert_eq!(got.kaarten[0].voortgang, 40);
    assert_eq!(got.kaarten[0].titel, "anders");
    assert!(notices.is_empty());
}

#[test]
fn notes_of_both_sides_survive_and_removals_too() {
    let base = bord();
    let note = |t: &str| Notitie {
        wie: "x".into(),
        wanneer: "2026-11-27T09:00:00".parse().unwrap(),
        tekst: t.into(),
    };
    let mut mine = base.clone();
    mine.kaarten[0].notities.push(note("mijn"));
    let mut theirs = base.clone();
    theirs.kaarten[0].notities.push(note("hun"));
    let (got, _) = applied(&theirs, &diff(&base, &mine), &cx(Mode::Merge));
    assert_eq!(got.kaarten[0].notities.len(), 2);
}

#[test]
fn a_deleted_card_that_we_changed_comes_back_with_a_note() {
    let base = bord();
    let mut mine = base.clone();
    mine.kaarten[1].voortgang = 50;
    let mut theirs = base.clone();
    theirs.kaarten.remove(1);
    let (got, notices) = applied(&theirs, &diff(&base, &mine), &cx(Mode::Merge));
    let k = got.kaarten.iter().find(|k| k.id == "2").unwrap();
    assert_eq!(k.voortgang, 50);
    assert_eq!(k.notities.len(), 1);
    assert_eq!(notices[0].kind, NoticeKind::Restored);
}

#[test]
fn a_card_we_delete_that_was_changed_stays_with_a_note() {
    let base = bord();
    let mut mine = base.clone();
    mine.kaarten.remove(1);
    let mut theirs = base.clone();
    theirs.kaarten[1].titel = "bijgewerkt".into();
    let (got, notices) = applied(&theirs, &diff(&base, &mine), &cx(Mode::Merge));
    assert_eq!(ids(&got), ["1", "2", "3"]);
    assert_eq!(notices[0].kind, NoticeKind::NotDeleted);
}

#[test]
fn undo_restores_only_what_still_holds_our_value() {
    let base = bord();
    let mut mine = base.clone();
    mine.kaarten[0].kolom = "b".into();
    mine.kaarten[0].voortgang = 10;
    let ops = diff(&base, &mine);
    let mut now = mine.clone();
    now.kaarten[0].voortgang = 70; // a colleague, after our edit
    let undo: Vec<Op> = ops.iter().rev().map(Op::inverse).collect();
    let (got, notices) = applied(&now, &undo, &cx(Mode::Undo));
    assert_eq!(got.kaarten[0].kolom, "a");
    assert_eq!(got.kaarten[0].voortgang, 70);
    assert_eq!(notices.len(), 1);
    assert_eq!(notices[0].kind, NoticeKind::NotUndone);
    assert!(got.kaarten[0].notities.is_empty(), "undo leaves no notes");
}

#[test]
fn moves_are_found_and_replayed() {
    let before: Vec<String> = ["a", "b", "c", "d"].map(String::from).to_vec();
    let after: Vec<String> = ["b", "c", "a", "d"].map(String::from).to_vec();
    let m = moved(&before, &after);
    assert_eq!(m, HashSet::from(["a".to_string()]));
    let base = bord();
    let mut mine = base.clone();
    mine.kaarten.swap(0, 1);
    let ops = diff(&base, &mine);
    assert_eq!(ops.len(), 1, "{ops:?}");
    let (got, _) = applied(&base, &ops, &cx(Mode::Merge));
    assert_eq!(ids(&got), ["2", "1", "3"]);
}

#[test]
fn a_new_amount_reopens_a_decision_made_meanwhile() {
    use crate::domain::{Inzet, InzetSoort, InzetStatus};
    let mut base = bord();
    base.inzet.push(Inzet {
        id: "z".into(),
        persoon: "p".into(),
        uren_per_week: 8.0,
        van: "2026-W50".parse().unwrap(),
        tot: "2026-W52".parse().unwrap(),
        status: InzetStatus::Gevraagd,
        soort: InzetSoort::Opgave,
        verzoek: None,
        besluit: None,
    });
    base.inzet[0].status = InzetStatus::Toegezegd;
    // More hours: asked again.
    let mut mine = base.clone();
    mine.inzet[0].uren_per_week = 12.0;
    mine.inzet[0].status = InzetStatus::Gevraagd;
    // Meanwhile the CoCo declined the old amount.
    let mut theirs = base.clone();
    theirs.inzet[0].status = InzetStatus::Afgewezen;
    let (got, notices) = applied(&theirs, &diff(&base, &mine), &cx(Mode::Merge));
    assert_eq!(got.inzet[0].uren_per_week, 12.0);
    assert_eq!(got.inzet[0].status, InzetStatus::Gevraagd);
    assert_eq!(notices[0].kind, NoticeKind::DecisionReopened);
    // The other way round: the decision arrives second and becomes a notice.
    let (got, notices) = applied(&mine, &diff(&base, &theirs), &cx(Mode::Merge));
    assert_eq!(got.inzet[0].uren_per_week, 12.0);
    assert_eq!(got.inzet[0].status, InzetStatus::Gevraagd);
    assert_eq!(notices[0].kind, NoticeKind::NotApplied);
    // Hours on one side and weeks on the other both survive.
    let mut hours = base.clone();
    hours.inzet[0].uren_per_week = 6.0;
    let mut weeks = base.clone();
    weeks.inzet[0].tot = "2027-W02".parse().unwrap();
    let (got, notices) = applied(&weeks, &diff(&base, &hours), &cx(Mode::Merge));
    assert_eq!(got.inzet[0].uren_per_week, 6.0);
    assert_eq!(got.inzet[0].tot.to_string(), "2027-W02");
    assert!(notices.is_empty());
}
