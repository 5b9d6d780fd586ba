//! Sharing a werkmap, as two laptops do: the real app and disk worker of each on one folder.
//! Every failure of issue 8's "Why" that lives in the app has a test here: forms, dialogs and
//! undo against a colleague's save, the organisation's base after a reload, saves that fail,
//! files that cannot be read, and what the watcher does with a FIFO.

#[path = "common/laptop.rs"]
mod laptop;

use chrono::NaiveDate;
use laptop::{Laptop, werkmap_copy};
use planbord::app::{Action, Mode, View};
use planbord::domain::{Bord, InzetStatus};
use planbord::storage;
use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};

fn vandaag() -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, 11, 23).unwrap()
}

fn on_disk(dir: &std::path::Path, name: &str) -> Bord {
    storage::load(&dir.join(name)).werkmap.borden.remove(0)
}

fn ctrl(l: &mut Laptop, c: char) {
    l.act(Action::Key(KeyEvent::new(
        KeyCode::Char(c),
        KeyModifiers::CONTROL,
    )));
}

/// Two laptops on a copy of the demo, both on the strand board with the same card selected.
fn two_laptops() -> (tempfile::TempDir, Laptop, Laptop, String) {
    two_laptops_as(Some("rsluiter"), Some("mdehaan"))
}

/// The same, for these users (`None`: no user configured, anyone may decide).
fn two_laptops_as(
    me: Option<&str>,
    them: Option<&str>,
) -> (tempfile::TempDir, Laptop, Laptop, String) {
    let dir = werkmap_copy("boards");
    let mut me = Laptop::open(dir.path(), me, vandaag(), 1);
    let mut them = Laptop::open(dir.path(), them, vandaag(), 2);
    me.open_board("opgave-strand");
    them.open_board("opgave-strand");
    let card = me.app.views.bord.kaart.clone().unwrap();
    assert_eq!(them.app.views.bord.kaart.as_deref(), Some(card.as_str()));
    (dir, me, them, card)
}

fn card_on_disk(dir: &std::path::Path, id: &str) -> planbord::domain::Kaart {
    on_disk(dir, "opgave-strand.ron")
        .kaarten
        .into_iter()
        .find(|k| k.id == id)
        .unwrap()
}

#[test]
fn a_form_left_open_while_a_colleague_saves_keeps_the_colleagues_changes() {
    let (dir, mut me, mut them, card) = two_laptops();
    me.key(KeyCode::Char('e'));
    assert!(matches!(me.app.mode, Mode::Form(_)));
    // The colleague sets a deadline, adds a note and moves the card, and saves.
    them.key(KeyCode::Char('e'));
    for _ in 0..4 {
        them.key(KeyCode::Tab);
    }
    ctrl(&mut them, 'u');
    them.typ("31-12-2027");
    them.key(KeyCode::Enter);
    them.key(KeyCode::Char('a'));
    them.typ("Van een collega");
    them.key(KeyCode::Enter);
    them.key(KeyCode::Char('L'));
    assert!(them.settle(10_000));
    // Our watcher sees it while our form is open: the untouched deadline follows.
    me.watch();
    let Mode::Form(f) = &me.app.mode else {
        panic!("the form stays open: {:?}", me.app.mode)
    };
    assert_eq!(f.inputs[4].text, "31-12-2027");
    assert_eq!(f.marks[4], Some(planbord::app::bord::form::Mark::Taken));
    // We change the title only, and save.
    ctrl(&mut me, 'u');
    me.typ("Nieuwe titel van mij");
    me.key(KeyCode::Enter);
    assert!(me.settle(10_000));
    let k = card_on_disk(dir.path(), &card);
    assert_eq!(k.titel, "Nieuwe titel van mij");
    assert_eq!(k.deadline.unwrap().to_string(), "2027-12-31");
    assert_eq!(k.kolom, "bezig", "the colleague's move stays");
    assert!(k.notities.iter().any(|n| n.tekst == "Van een collega"));
}

#[test]
fn a_field_both_changed_in_an_open_form_keeps_ours_and_notes_theirs() {
    let (dir, mut me, mut them, card) = two_laptops();
    me.key(KeyCode::Char('e'));
    for _ in 0..4 {
        me.key(KeyCode::Tab);
    }
    ctrl(&mut me, 'u');
    me.typ("15-01-2028");
    // The colleague sets another deadline and saves first.
    them.key(KeyCode::Char('e'));
    for _ in 0..4 {
        them.key(KeyCode::Tab);
    }
    ctrl(&mut them, 'u');
    them.typ("31-12-2027");
    them.key(KeyCode::Enter);
    assert!(them.settle(10_000));
    me.watch();
    let Mode::Form(f) = &me.app.mode else {
        panic!()
    };
    assert!(
        matches!(&f.marks[4], Some(planbord::app::bord::form::Mark::Both(v)) if v == "2027-12-31"),
        "{:?}",
        f.marks[4]
    );
    me.key(KeyCode::Enter);
    assert!(me.settle(10_000));
    let k = card_on_disk(dir.path(), &card);
    assert_eq!(k.deadline.unwrap().to_string(), "2028-01-15");
    assert!(
        k.notities.iter().any(|n| n
            .tekst
            .contains("\"2027-12-31\" van een collega is vervangen")),
        "{:?}",
        k.notities
    );
}

#[test]
fn undo_after_a_colleague_added_a_note_keeps_the_note() {
    let (dir, mut me, mut them, card) = two_laptops();
    me.key(KeyCode::Char('L'));
    assert!(me.settle(10_000));
    them.watch();
    them.select_card(&card);
    them.key(KeyCode::Char('a'));
    them.typ("Na jouw verplaatsing");
    them.key(KeyCode::Enter);
    assert!(them.settle(10_000));
    me.watch();
    me.key(KeyCode::Char('u'));
    assert!(me.settle(10_000));
    let k = card_on_disk(dir.path(), &card);
    assert_eq!(k.kolom, "todo", "the move is undone");
    assert!(k.notities.iter().any(|n| n.tekst == "Na jouw verplaatsing"));
}

#[test]
fn undo_leaves_a_field_a_colleague_changed_since_and_says_so() {
    let (dir, mut me, mut them, card) = two_laptops();
    me.key(KeyCode::Char('L'));
    assert!(me.settle(10_000));
    them.watch();
    them.select_card(&card);
    them.key(KeyCode::Char('L')); // on to Wacht op
    assert!(them.settle(10_000));
    me.watch();
    me.key(KeyCode::Char('u'));
    assert!(me.settle(10_000));
    assert_eq!(card_on_disk(dir.path(), &card).kolom, "wacht");
    let m = me.app.session.status.message.clone().unwrap_or_default();
    assert!(m.contains("behalve") && m.contains("kolom"), "{m}");
}

#[test]
fn a_delete_dialog_closes_when_its_card_changed_and_deletes_nothing() {
    let (dir, mut me, mut them, card) = two_laptops();
    let n = on_disk(dir.path(), "opgave-strand.ron").kaarten.len();
    me.key(KeyCode::Char('d'));
    assert!(matches!(me.app.mode, Mode::ConfirmDelete(_)));
    them.key(KeyCode::Char('L'));
    assert!(them.settle(10_000));
    me.watch();
    assert!(matches!(me.app.mode, Mode::Normal));
    let e = me.app.session.status.error.clone().unwrap_or_default();
    assert!(e.contains("intussen door een collega gewijzigd"), "{e}");
    me.key(KeyCode::Char('j'));
    assert!(me.settle(10_000));
    let b = on_disk(dir.path(), "opgave-strand.ron");
    assert_eq!(b.kaarten.len(), n, "nothing deleted");
    assert!(b.kaarten.iter().any(|k| k.id == card));
}

/// The strand board's team panel on a laptop, with two open requests in it.
fn requests(l: &mut Laptop) -> Vec<String> {
    l.key(KeyCode::Char('t'));
    assert_eq!(l.app.view, View::Inzet);
    for (who, hours) in [("greetje bakker", "2"), ("daan zwart", "3")] {
        l.key(KeyCode::Char('n'));
        l.typ(who);
        l.key(KeyCode::Tab);
        l.typ(hours);
        l.key(KeyCode::Enter);
        assert!(
            !matches!(l.app.mode, Mode::InzetForm(_)),
            "{:?}",
            l.app.mode
        );
    }
    assert!(l.settle(10_000));
    let b = l.app.session.werkmap.bord("opgave-strand").unwrap();
    b.inzet
        .iter()
        .filter(|z| z.status == InzetStatus::Gevraagd)
        .map(|z| z.id.clone())
        .collect()
}

#[test]
fn a_decline_dialog_declines_the_request_it_asked_about() {
    let (dir, mut me, mut them, _) = two_laptops_as(None, None);
    let open = requests(&mut them);
    let (first, second) = (open[open.len() - 2].clone(), open[open.len() - 1].clone());
    me.watch();
    me.key(KeyCode::Char('t'));
    me.select_inzet(&second);
    me.key(KeyCode::Char('x'));
    assert!(matches!(me.app.mode, Mode::Reason(..)));
    // The colleague withdraws the request before ours in the list.
    them.select_inzet(&first);
    them.key(KeyCode::Char('w'));
    assert!(them.settle(10_000));
    me.watch();
    me.typ("Eerst de begroting");
    me.key(KeyCode::Enter);
    assert!(me.settle(10_000));
    let b = on_disk(dir.path(), "opgave-strand.ron");
    assert!(b.inzet.iter().all(|z| z.id != first), "withdrawn");
    let z = b.inzet.iter().find(|z| z.id == second).unwrap();
    assert_eq!(z.status, InzetStatus::Afgewezen);
    assert_eq!(
        b.inzet
            .iter()
            .filter(|z| z.status == InzetStatus::Afgewezen)
            .count(),
        on_disk(std::path::Path::new("boards"), "opgave-strand.ron")
            .inzet
            .iter()
            .filter(|z| z.status == InzetStatus::Afgewezen)
            .count()
            + 1,
        "only that one was declined"
    );
}

#[test]
fn dialogs_whose_request_vanished_close_instead_of_panicking() {
    let (_dir, mut me, mut them, _) = two_laptops_as(None, None);
    let open = requests(&mut them);
    let target = open.last().unwrap().clone();
    me.watch();
    me.key(KeyCode::Char('t'));
    let select = |me: &mut Laptop| me.select_inzet(&target);
    select(&mut me);
    me.key(KeyCode::Char('x'));
    assert!(matches!(me.app.mode, Mode::Reason(..)));
    them.select_inzet(&target);
    them.key(KeyCode::Char('w'));
    assert!(them.settle(10_000));
    me.watch();
    assert!(matches!(me.app.mode, Mode::Normal), "{:?}", me.app.mode);
    assert!(
        me.app
            .session
            .status
            .error
            .as_deref()
            .unwrap_or_default()
            .contains("gewijzigd of afgehandeld")
    );
    me.key(KeyCode::Enter); // nothing happens, nothing panics
    assert!(me.app.views.inzet.row < me.app.inzet_rows().len().max(1));
}

#[test]
fn the_person_view_survives_the_person_leaving_the_organisation() {
    let (dir, mut me, _them, _) = two_laptops();
    me.key(KeyCode::Char('c'));
    assert_eq!(me.app.view, View::Capaciteit);
    me.key(KeyCode::Char('j')); // the first unit under its cluster
    me.key(KeyCode::Enter);
    me.key(KeyCode::Enter); // its first person
    let Some(persoon) = me
        .app
        .views
        .capaciteit
        .person
        .as_ref()
        .map(|p| p.naam.clone())
    else {
        panic!("zoomed on a person")
    };
    // Someone removes the person (and their claims) from the organisation.
    let mut loaded = storage::load(dir.path());
    let org = loaded.werkmap.organisatie.as_mut().unwrap();
    let id = org
        .mensen
        .iter()
        .find(|m| m.naam == persoon)
        .unwrap()
        .id
        .clone();
    org.mensen.retain(|m| m.id != id);
    for e in &mut org.eenheden {
        e.cocos.retain(|c| *c != id);
    }
    for o in &mut org.opgaven {
        if o.adviseur.as_deref() == Some(id.as_str()) {
            o.adviseur = None;
        }
    }
    storage::save::save(&dir.path().join("organisatie.ron"), org).unwrap();
    me.watch();
    // The view no longer points at the person; drawing it does not panic.
    assert!(
        me.app
            .views
            .capaciteit
            .person
            .as_ref()
            .is_none_or(|p| p.naam != persoon)
    );
    let backend = ratatui::backend::TestBackend::new(80, 24);
    let mut terminal = ratatui::Terminal::new(backend).unwrap();
    let theme = planbord::ui::Theme::named(None, true);
    terminal
        .draw(|f| planbord::ui::draw(f, &me.app, &theme))
        .unwrap();
}

#[test]
fn the_organisation_saved_after_a_reload_keeps_a_colleagues_change() {
    let dir = werkmap_copy("boards");
    let org = storage::load(dir.path()).werkmap.organisatie.unwrap();
    let unit = org.eenheid("oov").unwrap();
    let coco = unit.cocos[0].clone();
    let mut me = Laptop::open(dir.path(), Some(&coco), vandaag(), 1);
    // A colleague changes another person's hours and saves; our watcher reloads.
    let other = org
        .mensen
        .iter()
        .find(|m| m.eenheid != "oov")
        .unwrap()
        .id
        .clone();
    let mut theirs = org.clone();
    theirs
        .mensen
        .iter_mut()
        .find(|m| m.id == other)
        .unwrap()
        .uren = 11.0;
    storage::save::save(&dir.path().join("organisatie.ron"), &theirs).unwrap();
    me.watch();
    // Now we change one of our people's hours.
    me.key(KeyCode::Char('p'));
    let mine = me.app.selected_persoon().unwrap().id.clone();
    me.key(KeyCode::Char('e'));
    ctrl(&mut me, 'u');
    me.typ("30");
    me.key(KeyCode::Enter);
    assert!(me.settle(10_000));
    let after = storage::load(dir.path()).werkmap.organisatie.unwrap();
    assert_eq!(after.persoon(&mine).unwrap().uren, 30.0);
    assert_eq!(after.persoon(&other).unwrap().uren, 11.0, "theirs is kept");
}

#[test]
fn edits_wait_visibly_while_the_file_cannot_be_read_and_are_saved_when_it_can() {
    let (dir, mut me, _them, card) = two_laptops();
    let path = dir.path().join("opgave-strand.ron");
    let good = std::fs::read(&path).unwrap();
    // Truncated by a sync tool for a moment.
    std::fs::write(&path, b"").unwrap();
    me.watch();
    me.key(KeyCode::Char('L'));
    me.advance(5_000);
    me.watch();
    assert_eq!(std::fs::read(&path).unwrap(), b"", "never written over");
    assert_eq!(me.app.session.files.unwritten(), 1);
    assert!(
        me.app.session.files.problem().is_some(),
        "the reason is shown"
    );
    // Restored: the edit goes through.
    std::fs::write(&path, &good).unwrap();
    me.watch();
    assert!(me.settle(10_000));
    assert_eq!(card_on_disk(dir.path(), &card).kolom, "bezig");
    assert_eq!(me.app.session.files.unconfirmed(), 0);
}

#[test]
fn a_save_above_the_size_limit_is_refused_and_stays_pending() {
    let (dir, mut me, _them, _) = two_laptops();
    let before = std::fs::read(dir.path().join("opgave-strand.ron")).unwrap();
    let big = "x".repeat(storage::load::MAX_BYTES as usize + 10);
    me.key(KeyCode::Char('a'));
    me.act(Action::Paste(big));
    me.key(KeyCode::Enter);
    me.advance(1_000);
    assert_eq!(
        std::fs::read(dir.path().join("opgave-strand.ron")).unwrap(),
        before
    );
    assert_eq!(me.app.session.files.unwritten(), 1);
    let why = me
        .app
        .session
        .files
        .problem()
        .unwrap_or_default()
        .to_string();
    assert!(why.contains("meer dan de grens"), "{why}");
}

#[test]
fn a_conflict_copy_brings_its_inzet_and_column_changes() {
    let dir = werkmap_copy("boards");
    let mut copy = on_disk(dir.path(), "opgave-strand.ron");
    copy.kolommen[1].wip = Some(9);
    copy.inzet[0].uren_per_week += 1.0;
    let mut extra = copy.inzet[0].clone();
    extra.id = "kopie1".into();
    copy.inzet.push(extra);
    let copy_path = dir.path().join("opgave-strand-LAPTOP12.ron");
    storage::save::save(&copy_path, &copy).unwrap();
    let mut me = Laptop::open(dir.path(), None, vandaag(), 1);
    me.act(Action::Key(KeyEvent::new(
        KeyCode::Char('M'),
        KeyModifiers::SHIFT,
    )));
    assert!(me.settle(10_000));
    let b = on_disk(dir.path(), "opgave-strand.ron");
    assert!(
        b.inzet.iter().any(|z| z.id == "kopie1"),
        "its new inzet is added"
    );
    let log = std::fs::read_to_string(dir.path().join(".planbord/samenvoegingen.log")).unwrap();
    assert!(
        log.contains("wip") && log.contains("uren_per_week"),
        "{log}"
    );
    assert!(!copy_path.exists());
}

#[cfg(unix)]
#[test]
fn a_fifo_or_a_link_to_a_device_named_ron_is_reported_not_read() {
    let dir = werkmap_copy("boards");
    let mut me = Laptop::open(dir.path(), None, vandaag(), 1);
    let fifo = dir.path().join("x.ron");
    if !std::process::Command::new("mkfifo")
        .arg(&fifo)
        .status()
        .is_ok_and(|s| s.success())
    {
        eprintln!("mkfifo ontbreekt: test overgeslagen");
        return;
    }
    std::os::unix::fs::symlink("/dev/zero", dir.path().join("nul.ron")).unwrap();
    // The watcher's look must come back at once (a FIFO read would block forever).
    let (tx, rx) = std::sync::mpsc::channel();
    let root = dir.path().to_path_buf();
    std::thread::spawn(move || {
        let mut disk =
            planbord::tui::worker::Disk::new(root.clone(), Default::default(), None, None);
        let actions = disk.handle(planbord::tui::worker::Job::Look(vec![
            root.join("x.ron"),
            root.join("nul.ron"),
        ]));
        let _ = tx.send(actions.len());
    });
    let n = rx
        .recv_timeout(std::time::Duration::from_secs(5))
        .expect("the watcher does not hang on a FIFO or /dev/zero");
    assert_eq!(n, 2, "both reported");
    me.watch();
    assert!(me.app.session.fouten.iter().any(|d| d.bestand == "x.ron"));
}

#[test]
fn an_absence_form_left_open_keeps_a_colleagues_absence_for_the_same_person() {
    let dir = werkmap_copy("boards");
    let org = storage::load(dir.path()).werkmap.organisatie.unwrap();
    let coco = org.eenheid("oov").unwrap().cocos[0].clone();
    let mut me = Laptop::open(dir.path(), Some(&coco), vandaag(), 1);
    me.key(KeyCode::Char('p'));
    let p = me.app.selected_persoon().unwrap().id.clone();
    me.key(KeyCode::Char('a'));
    me.typ("04-01-2027");
    me.key(KeyCode::Tab);
    me.typ("08-01-2027");
    // A colleague (the other CoCo, say) saves another absence of the same person.
    let mut theirs = org.clone();
    theirs
        .mensen
        .iter_mut()
        .find(|m| m.id == p)
        .unwrap()
        .afwezig
        .push(planbord::domain::Afwezigheid {
            van: "2027-02-01".parse().unwrap(),
            tot: "2027-02-05".parse().unwrap(),
            soort: Some(planbord::domain::AfwezigheidSoort::Verlof),
        });
    storage::save::save(&dir.path().join("organisatie.ron"), &theirs).unwrap();
    me.watch();
    assert!(
        matches!(me.app.mode, Mode::AfwezigForm(_)),
        "the form stays open"
    );
    me.key(KeyCode::Enter);
    assert!(me.settle(10_000));
    let after = storage::load(dir.path()).werkmap.organisatie.unwrap();
    let van: Vec<String> = after
        .persoon(&p)
        .unwrap()
        .afwezig
        .iter()
        .map(|a| a.van.to_string())
        .collect();
    assert!(
        van.contains(&"2027-01-04".to_string()) && van.contains(&"2027-02-01".to_string()),
        "both absences: {van:?}"
    );
}

#[test]
fn a_unit_made_in_inrichting_while_a_colleague_saved_keeps_both() {
    let dir = werkmap_copy("boards");
    let org = storage::load(dir.path()).werkmap.organisatie.unwrap();
    let mut me = Laptop::open(dir.path(), None, vandaag(), 1);
    me.key(KeyCode::Char('I'));
    // Our form is open when a colleague renames a cluster and saves.
    me.key(KeyCode::Char('n'));
    me.typ("Stadsarchief");
    let mut theirs = org.clone();
    theirs.clusters[0].naam = "Cluster van een collega".into();
    storage::save::save(&dir.path().join("organisatie.ron"), &theirs).unwrap();
    me.watch();
    // Our new cluster goes on top of their version.
    me.key(KeyCode::Enter);
    assert!(me.settle(10_000));
    let after = storage::load(dir.path()).werkmap.organisatie.unwrap();
    assert!(after.clusters.iter().any(|c| c.naam == "Stadsarchief"));
    assert_eq!(
        after.clusters[0].naam, "Cluster van een collega",
        "theirs is kept"
    );
}

#[test]
fn an_opgave_made_in_the_tui_gets_a_board_file_with_the_chosen_columns() {
    let dir = werkmap_copy("boards");
    let mut me = Laptop::open(dir.path(), None, vandaag(), 1);
    me.key(KeyCode::Char('I'));
    // To the Opgaven heading.
    let org = me.app.session.werkmap.organisatie.clone().unwrap();
    let kop = planbord::app::inrichting::rijen(&org)
        .iter()
        .position(|r| {
            *r == planbord::app::inrichting::Rij::Kop(planbord::app::inrichting::Soort::Opgaven)
        })
        .unwrap();
    for _ in 0..kop {
        me.key(KeyCode::Down);
    }
    me.key(KeyCode::Char('n'));
    me.typ("Nieuwe begroting");
    me.key(KeyCode::Enter);
    me.key(KeyCode::Char('b'));
    me.key(KeyCode::Down);
    me.key(KeyCode::Enter);
    assert_eq!(me.app.view, planbord::app::View::Bord);
    assert!(me.settle(10_000));
    let bord = on_disk(dir.path(), "opgave-nieuwe-begroting.ron");
    assert_eq!(bord.titel, "Nieuwe begroting");
    let namen: Vec<&str> = bord.kolommen.iter().map(|k| k.naam.as_str()).collect();
    assert_eq!(
        namen,
        [
            "Te doen",
            "Bezig",
            "Wacht op",
            "Resultaat zichtbaar",
            "Gevierd en geëvalueerd"
        ]
    );
    assert!(bord.kolommen.last().unwrap().klaar);
    let org = storage::load(dir.path()).werkmap.organisatie.unwrap();
    assert!(org.opgaven.iter().any(|o| o.id == "nieuwe-begroting"));
    // A card on it, and the werkmap checks clean of errors.
    me.key(KeyCode::Char('n'));
    me.typ("Kadernota");
    me.key(KeyCode::Enter);
    assert!(me.settle(10_000));
    assert_eq!(
        on_disk(dir.path(), "opgave-nieuwe-begroting.ron")
            .kaarten
            .len(),
        1
    );
    assert!(storage::load(dir.path()).fouten.is_empty());
    // b on that opgave again opens its board instead of making a second one.
    me.key(KeyCode::Char('I'));
    assert_eq!(me.app.view, planbord::app::View::Inrichting);
    me.key(KeyCode::Char('b'));
    assert_eq!(me.app.view, planbord::app::View::Bord);
    assert_eq!(me.app.views.bord.bord, "opgave-nieuwe-begroting");
    assert_eq!(me.app.mode, planbord::app::Mode::Normal);
}
