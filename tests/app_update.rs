//! The app without a terminal: every action through `update`, effects checked as values.
//!
//! The tests run on small hand-written werkmappen in tests/fixtures, on Monday 2026-11-23:
//! - `klein`: two clusters, three units, eight people, the boards Haven en strand and Park en
//!   landgoed and a clusterkamer; Daan Bakker is over-booked, Eva Smit is away in week 50 while
//!   Haven counts on her, Fleur Mulder has an open request for Haven (see its organisatie.ron).
//! - `verzoek`: klein where Fleur's request alone over-loads her unit Zorg, with a second open
//!   request (Gijs Visser, Buitenruimte) and a CoCo of two units (Anna de Vries).
//! - `kamers`: klein plus a clusterkamer for Ruimte, the cluster of both opgave boards.
//!
//! One smoke test (`demo_*`) runs on the generated demo werkmap `boards/`.

use std::path::Path;

use chrono::NaiveDate;
use planbord::app::{Action, App, Command, Config, Effect, FileKey, Mode, Now, QuickFilter, View};
use planbord::domain::{KaartStatus, Week};
use planbord::storage;
use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};

const KLEIN: &str = "tests/fixtures/klein";
const VERZOEK: &str = "tests/fixtures/verzoek";
const KAMERS: &str = "tests/fixtures/kamers";

fn vandaag() -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, 11, 23).unwrap()
}

/// A fixture werkmap, loaded without errors.
fn load(dir: &str) -> storage::Loaded {
    let loaded = storage::load(Path::new(dir));
    assert!(loaded.fouten.is_empty(), "{dir}: {:?}", loaded.fouten);
    loaded
}

/// The app on `klein` as Daan Bakker, who owns cards on the Haven board and is over-booked.
fn app() -> App {
    let now = vandaag().and_hms_opt(10, 15, 0).unwrap();
    let config = Config {
        gebruiker: Some("dbakker".into()),
        ..Config::default()
    };
    App::new(load(KLEIN), config, vandaag(), now, "tester", 7)
}

fn key(app: &mut App, code: KeyCode) -> Vec<Effect> {
    app.update(Action::Key(KeyEvent::new(code, KeyModifiers::NONE)))
}

fn typ(app: &mut App, text: &str) {
    for c in text.chars() {
        key(app, KeyCode::Char(c));
    }
}

/// Selects row `n` of the list on screen the way a user does: to the top, then down.
fn to_row(app: &mut App, n: usize) {
    for _ in 0..200 {
        app.update(Action::Command(Command::Up));
    }
    for _ in 0..n {
        app.update(Action::Command(Command::Down));
    }
}

fn cmd(app: &mut App, c: Command) -> Vec<Effect> {
    app.update(Action::Command(c))
}

/// The shell's tick after drawing: the saves that start now, as (file, token).
fn saves(app: &mut App) -> Vec<(FileKey, String)> {
    let now = Now {
        mono: app.session.clock + 1,
        local: app.session.now,
    };
    app.update(Action::Tick(now))
        .into_iter()
        .filter_map(|e| match e {
            Effect::Save(r) => Some((r.file, r.token)),
            _ => None,
        })
        .collect()
}

/// Time passes to this moment.
fn tick_to(app: &mut App, local: chrono::NaiveDateTime) {
    let mono = app.session.clock + 1000;
    app.update(Action::Tick(Now { mono, local }));
}

fn bord_key(id: &str) -> FileKey {
    FileKey::Bord(id.into())
}

/// The shell reports a save as written.
fn saved(app: &mut App, (file, token): (FileKey, String)) {
    let hash = storage::ContentHash::of(token.as_bytes());
    app.update(Action::Saved { file, token, hash });
}

/// Opens the board with this id.
fn open(app: &mut App, id: &str) {
    let i = app
        .session
        .werkmap
        .borden
        .iter()
        .position(|b| b.id == id)
        .unwrap();
    // A click selects the board in the overview, a click on the selected one opens it.
    app.update(Action::Click(planbord::app::Target::Board(i)));
    if app.view != View::Bord {
        app.update(Action::Click(planbord::app::Target::Board(i)));
    }
    assert_eq!(app.view, View::Bord);
}

/// The Haven en strand board: Te doen k4 k5, Bezig k1 k2 k3 (WIP 2), Wacht op k6, Klaar k7.
fn haven(app: &App) -> &planbord::domain::Bord {
    app.session.werkmap.bord("opgave-haven").unwrap()
}

fn column_of<'a>(app: &'a App, id: &str) -> &'a str {
    &haven(app)
        .kaarten
        .iter()
        .find(|k| k.id == id)
        .unwrap()
        .kolom
}

#[test]
fn demo_open_a_board_and_move_a_card() {
    // The one test on the generated demo: it loads, a board opens, a card moves and is saved.
    let loaded = storage::load(Path::new("boards"));
    assert!(loaded.fouten.is_empty(), "{:?}", loaded.fouten);
    let now = vandaag().and_hms_opt(10, 15, 0).unwrap();
    let mut a = App::new(loaded, Config::default(), vandaag(), now, "tester", 7);
    let id = a.session.werkmap.borden[a.overview_order()[0]].id.clone();
    open(&mut a, &id);
    let kaart = a.views.bord.kaart.clone().expect("a selected card");
    let kolom = a.views.bord.kolom;
    let bord = a.board().unwrap();
    assert!(kolom + 1 < bord.kolommen.len(), "a column to its right");
    let right = bord.kolommen[kolom + 1].id.clone();
    key(&mut a, KeyCode::Char('L'));
    let bord = a.board().unwrap();
    assert_eq!(
        bord.kaarten.iter().find(|k| k.id == kaart).unwrap().kolom,
        right
    );
    let s = saves(&mut a);
    assert_eq!(s.len(), 1);
    assert_eq!(s[0].0, bord_key(&id));
}

#[test]
fn q_quits_the_overview_and_steps_back_elsewhere() {
    let mut a = app();
    open(&mut a, "opgave-haven");
    assert!(key(&mut a, KeyCode::Char('q')).is_empty());
    assert_eq!(a.view, View::Overzicht);
    assert_eq!(key(&mut a, KeyCode::Char('q')), vec![Effect::Quit]);
}

#[test]
fn moving_a_card_saves_and_undo_and_redo_work_across_saves() {
    let mut a = app();
    open(&mut a, "opgave-haven");
    let id = a.views.bord.kaart.clone().unwrap();
    assert_eq!(id, "k4", "the first card of Te doen is selected");
    assert_eq!(column_of(&a, &id), "todo");
    assert!(
        key(&mut a, KeyCode::Char('L')).is_empty(),
        "saved after the frame"
    );
    assert_eq!(column_of(&a, &id), "bezig");
    assert_eq!(a.views.bord.kolom, 1, "the selection follows the card");
    let s = saves(&mut a);
    assert_eq!(s.len(), 1);
    assert_eq!(s[0].0, bord_key("opgave-haven"));
    // The save succeeds; undo then changes the saved file back.
    saved(&mut a, s[0].clone());
    assert_eq!(a.session.files.unwritten(), 0);
    key(&mut a, KeyCode::Char('u'));
    assert_eq!(saves(&mut a).len(), 1);
    assert_eq!(column_of(&a, &id), "todo");
    a.update(Action::Key(KeyEvent::new(
        KeyCode::Char('r'),
        KeyModifiers::CONTROL,
    )));
    assert_eq!(column_of(&a, &id), "bezig");
}

#[test]
fn moving_up_and_down_changes_the_order_in_the_column() {
    let mut a = app();
    open(&mut a, "opgave-haven");
    let order = |a: &App| -> Vec<String> {
        haven(a)
            .kaarten
            .iter()
            .filter(|k| k.kolom == "todo")
            .map(|k| k.id.clone())
            .collect()
    };
    let before = order(&a);
    assert_eq!(before, ["k4", "k5"]);
    key(&mut a, KeyCode::Char('J'));
    let after = order(&a);
    assert_eq!(after[0], before[1]);
    assert_eq!(after[1], before[0]);
    key(&mut a, KeyCode::Char('K'));
    assert_eq!(order(&a), before);
    // At the top nothing moves and nothing is saved.
    saves(&mut a);
    key(&mut a, KeyCode::Char('K'));
    assert!(saves(&mut a).is_empty());
}

#[test]
fn a_new_card_through_the_form() {
    let mut a = app();
    open(&mut a, "opgave-haven");
    key(&mut a, KeyCode::Char('n'));
    assert!(matches!(a.mode, Mode::Form(_)));
    // Enter without a title is refused with a message.
    key(&mut a, KeyCode::Enter);
    match &a.mode {
        Mode::Form(f) => assert!(f.error.as_deref().unwrap().contains("titel")),
        m => panic!("{m:?}"),
    }
    typ(&mut a, "Strandopgang Noord");
    key(&mut a, KeyCode::Tab); // owner
    // A name that matches nobody is refused, not saved as "no owner".
    typ(&mut a, "zzq");
    key(&mut a, KeyCode::Enter);
    match &a.mode {
        Mode::Form(f) => assert!(f.error.as_deref().unwrap().contains("zzq"), "{:?}", f.error),
        m => panic!("{m:?}"),
    }
    for _ in 0..3 {
        key(&mut a, KeyCode::Backspace);
    }
    typ(&mut a, "smit");
    key(&mut a, KeyCode::Tab); // hours
    typ(&mut a, "7,5");
    key(&mut a, KeyCode::Tab); // start
    key(&mut a, KeyCode::Tab); // deadline
    typ(&mut a, "18-12-2026");
    key(&mut a, KeyCode::Enter);
    assert_eq!(saves(&mut a).len(), 1);
    assert_eq!(a.mode, Mode::Normal);
    let k = a.selected_card().unwrap();
    assert_eq!(k.titel, "Strandopgang Noord");
    assert_eq!(
        k.eigenaar.as_deref(),
        Some("esmit"),
        "Eva Smit, found by name"
    );
    assert_eq!(k.uren, Some(7.5));
    assert_eq!(k.deadline.unwrap().to_string(), "2026-12-18");
    assert_eq!(k.kolom, "todo");
    assert_eq!(k.id.len(), 6);
    // Undo removes it again.
    key(&mut a, KeyCode::Char('u'));
    assert!(
        haven(&a)
            .kaarten
            .iter()
            .all(|c| c.titel != "Strandopgang Noord")
    );
}

#[test]
fn editing_status_progress_and_a_bad_date() {
    let mut a = app();
    open(&mut a, "opgave-haven");
    let id = a.views.bord.kaart.clone().unwrap();
    key(&mut a, KeyCode::Char('e'));
    for _ in 0..5 {
        key(&mut a, KeyCode::Tab);
    }
    key(&mut a, KeyCode::Right); // status: Risico
    key(&mut a, KeyCode::Tab);
    for _ in 0..6 {
        key(&mut a, KeyCode::Right); // voortgang +60
    }
    key(&mut a, KeyCode::Up);
    key(&mut a, KeyCode::Up); // deadline
    a.update(Action::Key(KeyEvent::new(
        KeyCode::Char('u'),
        KeyModifiers::CONTROL,
    ))); // clears the field
    typ(&mut a, "31-02-2026");
    key(&mut a, KeyCode::Enter);
    match &a.mode {
        Mode::Form(f) => assert!(
            f.error.as_deref().unwrap().contains("is geen datum"),
            "{:?}",
            f.error
        ),
        m => panic!("{m:?}"),
    }
    for _ in 0..10 {
        key(&mut a, KeyCode::Backspace);
    }
    typ(&mut a, "2027-01-15");
    key(&mut a, KeyCode::Enter);
    let k = haven(&a).kaarten.iter().find(|k| k.id == id).unwrap();
    assert_eq!(k.status, KaartStatus::Risico);
    assert_eq!(k.voortgang, 60);
    assert_eq!(k.deadline.unwrap().to_string(), "2027-01-15");
}

#[test]
fn a_note_is_signed_by_the_configured_user() {
    let mut a = app();
    open(&mut a, "opgave-haven");
    key(&mut a, KeyCode::Char('a'));
    typ(&mut a, "Exploitanten akkoord");
    key(&mut a, KeyCode::Enter);
    assert_eq!(saves(&mut a).len(), 1);
    let n = a.selected_card().unwrap().notities.last().unwrap().clone();
    assert_eq!(n.tekst, "Exploitanten akkoord");
    assert_eq!(n.wie, "dbakker");
    assert_eq!(n.wanneer.to_string(), "2026-11-23T10:15:00");
}

#[test]
fn an_unknown_configured_user_signs_with_the_login_name() {
    let loaded = load(KLEIN);
    let config = Config {
        gebruiker: Some("niemand".into()),
        ..Config::default()
    };
    let a = App::new(
        loaded,
        config,
        vandaag(),
        vandaag().and_hms_opt(9, 0, 0).unwrap(),
        "jan",
        1,
    );
    assert_eq!(a.session.signer, "jan");
}

#[test]
fn delete_asks_first() {
    let mut a = app();
    open(&mut a, "opgave-haven");
    let id = a.views.bord.kaart.clone().unwrap();
    let n = haven(&a).kaarten.len();
    key(&mut a, KeyCode::Char('d'));
    assert!(matches!(a.mode, Mode::ConfirmDelete(_)));
    assert!(key(&mut a, KeyCode::Char('n')).is_empty());
    assert_eq!(haven(&a).kaarten.len(), n);
    key(&mut a, KeyCode::Char('d'));
    key(&mut a, KeyCode::Char('j'));
    assert_eq!(saves(&mut a).len(), 1);
    assert_eq!(haven(&a).kaarten.len(), n - 1);
    assert_ne!(
        a.views.bord.kaart.as_deref(),
        Some(id.as_str()),
        "a neighbour is selected"
    );
    key(&mut a, KeyCode::Char('u'));
    assert_eq!(haven(&a).kaarten.len(), n);
}

#[test]
fn filter_by_text_owner_label_or_status_and_quick_filters() {
    let mut a = app();
    open(&mut a, "opgave-haven");
    key(&mut a, KeyCode::Char('/'));
    typ(&mut a, "boulevard");
    let bord = haven(&a).clone();
    let shown: Vec<_> = (0..bord.kolommen.len())
        .flat_map(|k| a.visible_cards(&bord, k))
        .collect();
    let ids: Vec<&str> = shown.iter().map(|k| k.id.as_str()).collect();
    assert_eq!(ids, ["k1"], "only Ontwerp boulevard bespreken");
    key(&mut a, KeyCode::Enter);
    assert_eq!(a.views.bord.filter, "boulevard");
    key(&mut a, KeyCode::Char('/'));
    key(&mut a, KeyCode::Esc);
    assert_eq!(a.views.bord.filter, "");
    key(&mut a, KeyCode::Char('/'));
    typ(&mut a, "risico");
    let shown: Vec<_> = (0..bord.kolommen.len())
        .flat_map(|k| a.visible_cards(&bord, k))
        .collect();
    assert!(
        shown
            .iter()
            .all(|k| k.status == KaartStatus::Risico || k.titel.to_lowercase().contains("risico"))
    );
    assert!(shown.iter().any(|k| k.id == "k1"), "k1 has status Risico");
    key(&mut a, KeyCode::Esc);

    key(&mut a, KeyCode::Char('f'));
    assert_eq!(a.views.bord.quick, QuickFilter::Mijn);
    let mine: Vec<_> = (0..bord.kolommen.len())
        .flat_map(|k| a.visible_cards(&bord, k))
        .collect();
    let mut mine: Vec<&str> = mine.iter().map(|k| k.id.as_str()).collect();
    mine.sort();
    assert_eq!(mine, ["k1", "k4", "k7"], "Daan Bakker's cards");
    key(&mut a, KeyCode::Char('f'));
    let overdue: Vec<_> = (0..bord.kolommen.len())
        .flat_map(|k| a.visible_cards(&bord, k))
        .collect();
    assert!(overdue.iter().all(|k| k.deadline.unwrap().0 < vandaag()));
    let overdue: Vec<&str> = overdue.iter().map(|k| k.id.as_str()).collect();
    assert_eq!(overdue, ["k2"], "the permit was due on 20-11-2026");
    key(&mut a, KeyCode::Char('f'));
    assert_eq!(a.views.bord.quick, QuickFilter::InConflict);
    key(&mut a, KeyCode::Char('f'));
    assert_eq!(a.views.bord.quick, QuickFilter::Geen);
}

#[test]
fn the_owner_of_the_haven_board_is_over_booked_and_their_cards_are_marked() {
    let mut a = app();
    open(&mut a, "opgave-haven");
    let bord = haven(&a);
    let theirs: Vec<_> = bord
        .kaarten
        .iter()
        .filter(|k| k.eigenaar.as_deref() == Some("dbakker") && bord.is_open(k))
        .collect();
    assert_eq!(theirs.len(), 2, "k1 and k4; k7 is done");
    assert!(
        theirs
            .iter()
            .all(|k| a.session.derived.card_in_conflict(bord, k))
    );
    assert!(a.session.derived.overbooked.contains("dbakker"));
    assert!(
        !a.session
            .derived
            .card_in_conflict(bord, bord.kaarten.iter().find(|k| k.id == "k3").unwrap()),
        "Gijs Visser's card is not marked"
    );
    let row = a
        .views
        .bord
        .strip
        .rows
        .iter()
        .find(|r| r.naam == "Daan Bakker")
        .unwrap();
    assert!(row.cells[0].1, "over-booked this week");
    assert_eq!(a.views.bord.strip.weeks[0], Week::of(vandaag()));
}

/// The haven board as a colleague saved it: one other card changed.
fn colleague_version(a: &App, change: impl Fn(&mut planbord::domain::Bord)) -> Action {
    let mut disk = haven(a).clone();
    change(&mut disk);
    let text = storage::format::to_canonical(&disk).unwrap();
    let mut meta = a.session.files.borden["opgave-haven"].meta.clone();
    meta.hash = storage::ContentHash::of(text.as_bytes());
    Action::FileChanged {
        name: meta.name.clone(),
        result: Ok(Box::new((disk, meta))),
    }
}

#[test]
fn a_reload_keeps_the_selection_and_shows_the_other_change() {
    let mut a = app();
    open(&mut a, "opgave-haven");
    cmd(&mut a, Command::Down);
    let selected = a.views.bord.kaart.clone();
    let other = haven(&a)
        .kaarten
        .iter()
        .rev()
        .find(|k| k.kolom == "bezig")
        .unwrap()
        .id
        .clone();
    let action = colleague_version(&a, |b| {
        b.kaarten.iter_mut().find(|k| k.id == other).unwrap().titel = "Door een collega".into()
    });
    assert!(a.update(action).is_empty(), "nothing of ours to save");
    assert_eq!(a.views.bord.kaart, selected);
    assert!(
        haven(&a)
            .kaarten
            .iter()
            .any(|k| k.titel == "Door een collega")
    );
    assert!(
        a.session
            .status
            .message
            .as_deref()
            .unwrap()
            .contains("herladen")
    );
}

#[test]
fn a_local_edit_survives_a_concurrent_save_of_another_card() {
    let mut a = app();
    open(&mut a, "opgave-haven");
    let mine = a.views.bord.kaart.clone().unwrap();
    key(&mut a, KeyCode::Char('L'));
    // The save finds the file changed: the shell reports the colleague's version.
    let other = haven(&a)
        .kaarten
        .iter()
        .rev()
        .find(|k| k.kolom == "klaar")
        .unwrap()
        .id
        .clone();
    let action = colleague_version(&a, |b| {
        // The colleague's file does not have our move.
        b.kaarten.iter_mut().find(|k| k.id == mine).unwrap().kolom = "todo".into();
        b.kaarten
            .iter_mut()
            .find(|k| k.id == other)
            .unwrap()
            .voortgang = 99;
    });
    let effects = a.update(action);
    assert_eq!(
        planbord::app::files::save_count(&effects),
        1,
        "save the merged board"
    );
    assert_eq!(column_of(&a, &mine), "bezig", "our move is re-applied");
    assert_eq!(
        haven(&a)
            .kaarten
            .iter()
            .find(|k| k.id == other)
            .unwrap()
            .voortgang,
        99,
        "their edit is kept"
    );
}

/// The haven board as a colleague saved it, starting from the file we last read.
fn colleague_from_base(a: &App, change: impl Fn(&mut planbord::domain::Bord)) -> Action {
    let slot = &a.session.files.borden["opgave-haven"];
    let mut disk = slot.replica.view().clone();
    change(&mut disk);
    let text = storage::format::to_canonical(&disk).unwrap();
    let mut meta = slot.meta.clone();
    meta.hash = storage::ContentHash::of(text.as_bytes());
    Action::FileChanged {
        name: meta.name.clone(),
        result: Ok(Box::new((disk, meta))),
    }
}

#[test]
fn a_card_deleted_by_a_colleague_and_edited_here_is_kept_and_reported() {
    let mut a = app();
    open(&mut a, "opgave-haven");
    let mine = a.views.bord.kaart.clone().unwrap();
    key(&mut a, KeyCode::Char('L'));
    let action = colleague_from_base(&a, |b| b.kaarten.retain(|k| k.id != mine));
    assert_eq!(planbord::app::files::save_count(&a.update(action)), 1);
    assert!(
        a.session
            .status
            .error
            .as_deref()
            .unwrap()
            .contains("teruggezet: verwijderd terwijl jij het wijzigde"),
        "{:?}",
        a.session.status.error
    );
    assert_eq!(column_of(&a, &mine), "bezig");
}

#[test]
fn the_same_card_edited_on_two_laptops_keeps_both_fields_and_notes_the_clash() {
    let mut a = app();
    open(&mut a, "opgave-haven");
    let mine = a.views.bord.kaart.clone().unwrap();
    key(&mut a, KeyCode::Char('L')); // we move it to Bezig
    let action = colleague_from_base(&a, |b| {
        let k = b.kaarten.iter_mut().find(|k| k.id == mine).unwrap();
        k.kolom = "wacht".into(); // they moved it elsewhere
        k.voortgang = 70; // and changed its progress
    });
    assert_eq!(planbord::app::files::save_count(&a.update(action)), 1);
    let k = haven(&a).kaarten.iter().find(|k| k.id == mine).unwrap();
    assert_eq!(
        k.kolom, "wacht",
        "the value saved first stays; ours becomes a note"
    );
    assert_eq!(k.voortgang, 70, "their other field survives");
    assert!(
        k.notities
            .last()
            .unwrap()
            .tekst
            .contains("Gelijktijdige wijziging"),
        "{:?}",
        k.notities.last()
    );
    assert!(a.session.status.error.as_deref().unwrap().contains("kolom"));
}

#[test]
fn our_own_save_coming_back_from_the_watcher_is_ignored() {
    let mut b = app();
    open(&mut b, "opgave-haven");
    let same = {
        let meta = b.session.files.borden["opgave-haven"].meta.clone();
        Action::FileChanged {
            name: meta.name.clone(),
            result: Ok(Box::new((haven(&b).clone(), meta))),
        }
    };
    let before = b.session.status.clone();
    assert!(b.update(same).is_empty());
    assert_eq!(b.session.status, before);
}

#[test]
fn a_broken_file_on_disk_keeps_the_board_and_reports_the_error() {
    let mut a = app();
    open(&mut a, "opgave-haven");
    let name = a.session.files.borden["opgave-haven"].meta.name.clone();
    let diag = storage::Diagnostic {
        bestand: name.clone(),
        regel: 3,
        kolom: 5,
        melding: storage::Melding::GeenUtf8,
    };
    a.update(Action::FileChanged {
        name,
        result: Err(vec![diag]),
    });
    assert!(
        a.session
            .status
            .error
            .as_deref()
            .unwrap()
            .contains("opgave-haven.ron:3:5")
    );
    assert!(a.board().is_some());
    assert_eq!(a.session.fouten.len(), 1);
}

#[test]
fn help_lists_the_keys_of_the_current_view() {
    let mut a = app();
    key(&mut a, KeyCode::Char('?'));
    assert_eq!(a.mode, Mode::Help(0));
    key(&mut a, KeyCode::Char('x'));
    assert_eq!(a.mode, Mode::Normal);
    // At 80×24 the board's keys are longer than the screen: j/↓ scroll, up to the end.
    a.update(Action::Resize(80, 24));
    key(&mut a, KeyCode::Enter);
    assert_eq!(a.view, View::Bord);
    // The window floats over all but the status line.
    let max = planbord::app::hulp::indeling(View::Bord, true, 80, 23).max_scroll(23);
    assert!(max >= 2, "{max}");
    key(&mut a, KeyCode::Char('?'));
    key(&mut a, KeyCode::Char('j'));
    key(&mut a, KeyCode::Down);
    assert_eq!(a.mode, Mode::Help(2));
    key(&mut a, KeyCode::Char('k'));
    assert_eq!(a.mode, Mode::Help(1));
    for _ in 0..5 {
        key(&mut a, KeyCode::PageDown);
    }
    assert_eq!(a.mode, Mode::Help(max));
    key(&mut a, KeyCode::Esc);
    assert_eq!(a.mode, Mode::Normal);
    // On a big screen everything shows: j closes, as any key.
    a.update(Action::Resize(200, 50));
    key(&mut a, KeyCode::Char('?'));
    key(&mut a, KeyCode::Char('j'));
    assert_eq!(a.mode, Mode::Normal);
}

#[test]
fn clicks_select_boards_and_cards() {
    let mut a = app();
    // The overview: Clusterkamer Samenleving, Haven en strand, Park en landgoed.
    let i = a.overview_order()[1];
    assert_eq!(a.session.werkmap.borden[i].id, "opgave-haven");
    a.update(Action::Click(planbord::app::Target::Board(i)));
    assert_eq!(a.views.overzicht.row, 1);
    assert_eq!(a.view, View::Overzicht, "a first click only selects");
    a.update(Action::Click(planbord::app::Target::Board(i)));
    assert_eq!(a.view, View::Bord, "a second click opens");
    let id = a
        .board()
        .unwrap()
        .kaarten
        .iter()
        .find(|k| k.kolom == a.board().unwrap().kolommen[2].id)
        .unwrap()
        .id
        .clone();
    assert_eq!(id, "k6", "the card in Wacht op");
    a.update(Action::Click(planbord::app::Target::Card {
        kolom: 2,
        kaart: id.clone(),
    }));
    assert_eq!(
        (a.views.bord.kolom, a.views.bord.kaart.as_deref()),
        (2, Some(id.as_str()))
    );
}

#[test]
fn capaciteit_drills_from_units_to_people_to_a_person_and_the_parts_add_up() {
    use planbord::app::capaciteit::{Niveau, RowKind};
    // verzoek: Zorg is over-loaded from week 49 only because of Fleur Mulder's request (h3).
    let mut a = app_as_on(VERZOEK, None);
    key(&mut a, KeyCode::Char('c'));
    assert_eq!(a.view, View::Capaciteit);
    let cap = &a.views.capaciteit;
    assert_eq!(cap.weeks.len(), 12);
    // Cluster rows are the sums of their units.
    let cluster = cap
        .rows
        .iter()
        .position(|r| r.kind == RowKind::Cluster && r.naam == "Samenleving")
        .unwrap();
    let units: Vec<_> = cap.rows[cluster + 1..]
        .iter()
        .take_while(|r| r.kind != RowKind::Cluster)
        .collect();
    let names: Vec<&str> = units.iter().map(|r| r.naam.as_str()).collect();
    assert_eq!(names, ["Wijken", "Zorg"]);
    for w in 0..12 {
        let sum: f64 = units.iter().map(|r| r.cells[w].gepland()).sum();
        assert!((sum - cap.rows[cluster].cells[w].gepland()).abs() < 1e-6);
    }
    // The unit that is over-loaded only because of one Gevraagd claim.
    let zorg = cap.rows.iter().position(|r| r.naam == "Zorg").unwrap();
    assert!(cap.rows[zorg].over(2), "week 50 is over-loaded");
    assert!(
        !cap.rows[zorg].over(0),
        "week 48, before the request starts, is not"
    );
    to_row(&mut a, zorg);
    cmd(&mut a, Command::Open);
    let unit_cells = {
        let loaded = load(VERZOEK);
        let org = loaded.werkmap.organisatie.clone().unwrap();
        let engine = planbord::capacity::Engine::new(&org, &loaded.werkmap.borden);
        engine.unit_week(engine.unit("zorg").unwrap(), a.views.capaciteit.weeks[2])
    };
    assert!(matches!(a.views.capaciteit.niveau, Niveau::Mensen(_)));
    let people_sum: f64 = a
        .views
        .capaciteit
        .rows
        .iter()
        .map(|r| r.cells[2].gepland())
        .sum();
    assert!(
        (people_sum - unit_cells.gepland()).abs() < 1e-6,
        "the people add up to the unit"
    );
    let over = a
        .views
        .capaciteit
        .rows
        .iter()
        .position(|r| r.over(2))
        .unwrap();
    to_row(&mut a, over);
    cmd(&mut a, Command::Open);
    assert_eq!(a.views.capaciteit.niveau, Niveau::Persoon("fmulder".into()));
    let d = a.views.capaciteit.person.clone().unwrap();
    for (l, parts) in d.loads.iter().zip(&d.parts) {
        let opgave: f64 = parts.iter().map(|(_, h)| h).sum();
        assert!(
            (opgave - l.opgave()).abs() < 1e-6,
            "the opgave parts add up to the week"
        );
    }
    assert!(
        d.claims
            .iter()
            .any(|c| c.status == planbord::domain::InzetStatus::Gevraagd)
    );
    // Without Gevraagd claims, the what-if, the person is no longer over.
    key(&mut a, KeyCode::Char('g'));
    let d = a.views.capaciteit.person.clone().unwrap();
    assert!(
        d.loads
            .iter()
            .all(|l| !planbord::capacity::meer_dan(l.gepland(), l.beschikbaar))
    );
    // From an inzet to its board.
    let gevraagd = d
        .claims
        .iter()
        .position(|c| c.status == planbord::domain::InzetStatus::Gevraagd)
        .unwrap();
    to_row(&mut a, gevraagd);
    cmd(&mut a, Command::Open);
    assert_eq!(a.view, View::Inzet, "the board's team, on that inzet");
    assert_eq!(a.views.bord.bord, "opgave-haven");
    let r = a.selected_inzet().unwrap();
    assert_eq!(
        r.inzet(&a.session.werkmap).unwrap().status,
        planbord::domain::InzetStatus::Gevraagd
    );
    // Esc goes to the board, back to the person, and up the trail to the units.
    key(&mut a, KeyCode::Esc);
    assert_eq!(a.view, View::Bord);
    key(&mut a, KeyCode::Esc);
    assert_eq!(a.view, View::Capaciteit);
    key(&mut a, KeyCode::Esc);
    key(&mut a, KeyCode::Esc);
    assert_eq!(a.views.capaciteit.niveau, Niveau::Eenheden);
    assert_eq!(a.views.capaciteit.row, zorg);
    key(&mut a, KeyCode::Esc);
    assert_eq!(a.view, View::Overzicht);
}

#[test]
fn conflicten_are_filtered_and_jump_to_their_source() {
    let mut a = app();
    key(&mut a, KeyCode::Char('!'));
    assert_eq!(a.view, View::Conflicten);
    let all = a.conflict_list().len();
    // klein has every kind this test follows, and more than one conflict of a kind.
    for soort in [
        planbord::capacity::ConflictSoort::AfwezigIngezet,
        planbord::capacity::ConflictSoort::DeadlineVerlopen,
        planbord::capacity::ConflictSoort::EenheidOverbelast,
        planbord::capacity::ConflictSoort::Overboekt,
    ] {
        assert!(
            a.conflict_list().iter().any(|c| c.soort == soort),
            "{soort:?}"
        );
    }
    // Filter by kind with `f`: Eva Smit is the one away while an opgave counts on her.
    key(&mut a, KeyCode::Char('f'));
    let afwezig = a.conflict_list();
    assert!(
        afwezig
            .iter()
            .all(|c| c.soort == planbord::capacity::ConflictSoort::AfwezigIngezet)
    );
    assert_eq!(afwezig.len(), 1);
    assert_eq!(afwezig[0].persoon.as_deref(), Some("esmit"));
    for _ in 0..8 {
        key(&mut a, KeyCode::Char('f'));
    }
    assert_eq!(a.views.conflicten.soort, None);
    // Filter by text: a unit, a week.
    key(&mut a, KeyCode::Char('/'));
    typ(&mut a, "2026-W50");
    let w50 = a.conflict_list().len();
    assert!(w50 > 0 && w50 < all, "{w50} of {all}");
    assert!(
        a.conflict_list()
            .iter()
            .all(
                |c| c.week.map(|w| w.to_string()).as_deref() == Some("2026-W50")
                    || planbord::wording::uitleg(c).contains("2026-W50")
            )
    );
    key(&mut a, KeyCode::Esc);
    assert_eq!(a.conflict_list().len(), all);
    // A card's conflict opens its board on that card.
    let i = a
        .conflict_list()
        .iter()
        .position(|c| c.kaart.is_some())
        .unwrap();
    let target = a.conflict_list()[i].clone();
    to_row(&mut a, i);
    key(&mut a, KeyCode::Enter);
    assert_eq!(a.view, View::Bord);
    assert_eq!(a.views.bord.bord, target.bord.clone().unwrap());
    assert_eq!(a.views.bord.kaart, target.kaart);
    assert_eq!(
        (a.views.bord.bord.as_str(), a.views.bord.kaart.as_deref()),
        ("opgave-haven", Some("k2")),
        "the permit past its deadline"
    );
    key(&mut a, KeyCode::Esc);
    assert_eq!(a.view, View::Conflicten, "Esc returns to the list");
    // A unit's conflict opens the unit's people.
    let i = a
        .conflict_list()
        .iter()
        .position(|c| c.soort == planbord::capacity::ConflictSoort::EenheidOverbelast)
        .unwrap();
    to_row(&mut a, i);
    key(&mut a, KeyCode::Enter);
    assert_eq!(a.view, View::Capaciteit);
    assert_eq!(
        a.views.capaciteit.niveau,
        planbord::app::capaciteit::Niveau::Mensen("wijken".into())
    );
    // A person's conflict opens the person.
    key(&mut a, KeyCode::Char('!'));
    let i = a
        .conflict_list()
        .iter()
        .position(|c| c.soort == planbord::capacity::ConflictSoort::Overboekt)
        .unwrap();
    to_row(&mut a, i);
    key(&mut a, KeyCode::Enter);
    assert_eq!(
        a.views.capaciteit.niveau,
        planbord::app::capaciteit::Niveau::Persoon("dbakker".into())
    );
}

/// The app on `klein` with a configured user (a CoCo or not).
fn app_as(gebruiker: Option<&str>) -> App {
    app_as_on(KLEIN, gebruiker)
}

/// The app on the fixture in `dir` with a configured user (a CoCo or not).
fn app_as_on(dir: &str, gebruiker: Option<&str>) -> App {
    let loaded = load(dir);
    let now = vandaag().and_hms_opt(10, 15, 0).unwrap();
    let config = Config {
        gebruiker: gebruiker.map(String::from),
        ..Config::default()
    };
    App::new(loaded, config, vandaag(), now, "tester", 11)
}

fn unit_over(a: &App, unit: &str) -> bool {
    a.session.derived.people.iter().any(|c| {
        c.soort == planbord::capacity::ConflictSoort::EenheidOverbelast
            && c.eenheid.as_deref() == Some(unit)
    })
}

/// Opens the haven board's team panel on its Gevraagd request (h3, Fleur Mulder of Zorg).
fn open_request(a: &mut App) -> planbord::app::inzet::InzetRef {
    open(a, "opgave-haven");
    key(a, KeyCode::Char('t'));
    assert_eq!(a.view, View::Inzet);
    let rows = a.inzet_rows();
    let pos = rows
        .iter()
        .position(|r| {
            r.inzet(&a.session.werkmap).unwrap().status == planbord::domain::InzetStatus::Gevraagd
        })
        .unwrap();
    to_row(a, pos);
    assert_eq!(rows[pos].inzet, "h3");
    rows[pos].clone()
}

#[test]
fn the_coco_declines_the_request_that_over_loads_the_unit() {
    // verzoek: Fleur Mulder's request alone over-loads Zorg; Bram Dekker is its CoCo.
    let coco = "bdekker";
    let mut a = app_as_on(VERZOEK, Some(coco));
    assert!(unit_over(&a, "zorg"));
    let r = open_request(&mut a);
    key(&mut a, KeyCode::Char('x'));
    typ(&mut a, "Eerst de jaarwisseling");
    key(&mut a, KeyCode::Enter);
    let s = saves(&mut a);
    assert_eq!(s.len(), 1);
    assert_eq!(s[0].0, bord_key("opgave-haven"));
    let z = r.inzet(&a.session.werkmap).unwrap();
    assert_eq!(z.status, planbord::domain::InzetStatus::Afgewezen);
    let b = z.besluit.as_ref().unwrap();
    assert_eq!(
        (b.wie.as_str(), b.toelichting.as_deref()),
        (coco, Some("Eerst de jaarwisseling"))
    );
    assert!(!unit_over(&a, "zorg"), "declining clears the unit");
    key(&mut a, KeyCode::Char('u'));
    assert!(unit_over(&a, "zorg"), "undo brings the request back");
}

#[test]
fn only_the_persons_coco_decides() {
    // Anna de Vries is a CoCo, of Wijken, not of Fleur Mulder's unit Zorg.
    let mut a = app_as(Some("avries"));
    open_request(&mut a);
    assert!(key(&mut a, KeyCode::Char('t')).is_empty());
    assert!(
        a.session
            .status
            .error
            .as_deref()
            .unwrap()
            .contains("alleen de CoCo van Zorg (Bram Dekker)")
    );
    key(&mut a, KeyCode::Char('x'));
    assert_eq!(a.mode, Mode::Normal, "no reason asked either");
}

/// Asks `uren` a week of `persoon` on the haven board for weeks 49–50 and selects the request.
fn ask(a: &mut App, persoon: &str, uren: &str) -> planbord::app::inzet::InzetRef {
    ask_weeks(a, persoon, uren, "49", "50")
}

/// Asks `uren` a week of `persoon` on the haven board for weeks `van`–`tot`.
fn ask_weeks(
    a: &mut App,
    persoon: &str,
    uren: &str,
    van: &str,
    tot: &str,
) -> planbord::app::inzet::InzetRef {
    open(a, "opgave-haven");
    key(a, KeyCode::Char('t'));
    key(a, KeyCode::Char('n'));
    typ(a, persoon);
    key(a, KeyCode::Tab);
    typ(a, uren);
    key(a, KeyCode::Tab);
    a.update(Action::Key(KeyEvent::new(
        KeyCode::Char('u'),
        KeyModifiers::CONTROL,
    )));
    typ(a, van);
    key(a, KeyCode::Tab);
    a.update(Action::Key(KeyEvent::new(
        KeyCode::Char('u'),
        KeyModifiers::CONTROL,
    )));
    typ(a, tot);
    key(a, KeyCode::Enter);
    let last = a.inzet_rows().len() - 1;
    to_row(a, last);
    a.selected_inzet().unwrap()
}

#[test]
fn agreeing_when_it_over_books_offers_the_real_choices() {
    use planbord::app::inzet::Keuze;
    let mut a = app_as(None);
    // Anna de Vries has 36 u, 25,2 of them regular work: 30 more does not fit.
    let r = ask(&mut a, "anna de vries", "30");
    key(&mut a, KeyCode::Char('t'));
    let Mode::Decide(d) = a.mode.clone() else {
        panic!("{:?}", a.mode)
    };
    assert!(d.impact.persoon.is_some(), "{:?}", d.impact);
    assert_eq!(d.keuzes.first(), Some(&Keuze::TochToezeggen));
    assert_eq!(d.keuzes.last(), Some(&Keuze::LatenStaan));
    assert_eq!(
        d.keuzes[d.choice],
        Keuze::LatenStaan,
        "the safe choice is preselected"
    );
    // Fewer hours: agreed with what fits, the reason says what was asked.
    let fewer = d
        .keuzes
        .iter()
        .position(|k| matches!(k, Keuze::MinderUren(_)))
        .unwrap();
    let Keuze::MinderUren(h) = d.keuzes[fewer] else {
        unreachable!()
    };
    key(&mut a, KeyCode::Char(char::from(b'1' + fewer as u8)));
    assert!(matches!(a.mode, Mode::Decide(_)), "a digit only chooses");
    key(&mut a, KeyCode::Enter);
    let z = r.inzet(&a.session.werkmap).unwrap();
    assert_eq!(z.status, planbord::domain::InzetStatus::Toegezegd);
    assert_eq!(z.uren_per_week, h);
    assert!(
        z.besluit
            .as_ref()
            .unwrap()
            .toelichting
            .as_deref()
            .unwrap()
            .contains("gevraagd: 30,0 u/week")
    );
    assert!(
        !a.session
            .derived
            .people
            .iter()
            .any(|c| c.persoon.as_deref() == Some(z.persoon.as_str())
                && c.soort == planbord::capacity::ConflictSoort::Overboekt)
    );
}

#[test]
fn agreeing_for_a_colleague_declines_the_request_and_undo_reverts_both() {
    use planbord::app::inzet::Keuze;
    let mut a = app_as(None);
    // Daan Bakker is over-booked already; Anna de Vries in his unit has hours free.
    let r = ask(&mut a, "daan bakker", "2");
    let n = a.session.werkmap.bord(&r.bord).unwrap().inzet.len();
    key(&mut a, KeyCode::Char('t'));
    let Mode::Decide(d) = a.mode.clone() else {
        panic!()
    };
    let other = d
        .keuzes
        .iter()
        .position(|k| matches!(k, Keuze::AnderePersoon { .. }))
        .expect("a colleague with free hours");
    let Keuze::AnderePersoon { id, .. } = d.keuzes[other].clone() else {
        unreachable!()
    };
    // The digit chooses, Enter carries out.
    key(&mut a, KeyCode::Char(char::from(b'1' + other as u8)));
    key(&mut a, KeyCode::Enter);
    let bord = a.session.werkmap.bord(&r.bord).unwrap();
    assert_eq!(bord.inzet.len(), n + 1);
    assert_eq!(
        bord.inzet.iter().find(|z| z.id == r.inzet).unwrap().status,
        planbord::domain::InzetStatus::Afgewezen
    );
    let new = bord.inzet.last().unwrap();
    assert_eq!(
        (new.persoon.as_str(), new.status),
        (id.as_str(), planbord::domain::InzetStatus::Toegezegd)
    );
    key(&mut a, KeyCode::Char('u'));
    let bord = a.session.werkmap.bord(&r.bord).unwrap();
    assert_eq!(bord.inzet.len(), n);
    assert_eq!(
        bord.inzet.iter().find(|z| z.id == r.inzet).unwrap().status,
        planbord::domain::InzetStatus::Gevraagd
    );
}

#[test]
fn a_request_the_person_has_room_for_is_agreed_at_once() {
    let mut a = app_as(None);
    // Cor Jansen has nothing but his regular work.
    let r = ask(&mut a, "cor jansen", "1");
    key(&mut a, KeyCode::Char('t'));
    assert_eq!(a.mode, Mode::Normal, "no choices needed");
    let z = r.inzet(&a.session.werkmap).unwrap();
    assert_eq!(z.status, planbord::domain::InzetStatus::Toegezegd);
    assert_eq!(z.besluit.as_ref().unwrap().wie, "tester");
}

#[test]
fn asking_capacity_changing_and_withdrawing() {
    let mut a = app_as(None);
    open(&mut a, "opgave-haven");
    key(&mut a, KeyCode::Char('t'));
    let n = haven(&a).inzet.len();
    key(&mut a, KeyCode::Char('n'));
    typ(&mut a, "cor jansen");
    key(&mut a, KeyCode::Tab);
    typ(&mut a, "7,5");
    key(&mut a, KeyCode::Tab);
    a.update(Action::Key(KeyEvent::new(
        KeyCode::Char('u'),
        KeyModifiers::CONTROL,
    )));
    typ(&mut a, "49");
    key(&mut a, KeyCode::Tab);
    a.update(Action::Key(KeyEvent::new(
        KeyCode::Char('u'),
        KeyModifiers::CONTROL,
    )));
    typ(&mut a, "2027-W02");
    key(&mut a, KeyCode::Enter);
    assert_eq!(saves(&mut a).len(), 1);
    let z = haven(&a).inzet.last().unwrap().clone();
    assert_eq!(haven(&a).inzet.len(), n + 1);
    assert_eq!(a.session.person_name(&z.persoon), "Cor Jansen");
    assert_eq!(
        (z.uren_per_week, z.van.to_string(), z.tot.to_string()),
        (7.5, "2026-W49".into(), "2027-W02".into())
    );
    assert_eq!(z.status, planbord::domain::InzetStatus::Gevraagd);
    assert!(a.session.derived.people.iter().any(|c| c.soort
        == planbord::capacity::ConflictSoort::NietToegezegd
        && c.persoon == Some(z.persoon.clone())));
    // Withdrawing a request removes it.
    let last = a.inzet_rows().len() - 1;
    to_row(&mut a, last);
    key(&mut a, KeyCode::Char('w'));
    assert_eq!(haven(&a).inzet.len(), n);
    // Raising the hours of an agreed inzet asks again; withdrawing it ends it this week.
    let agreed = a
        .inzet_rows()
        .iter()
        .position(|r| {
            haven(&a)
                .inzet
                .iter()
                .find(|z| z.id == r.inzet)
                .unwrap()
                .status
                == planbord::domain::InzetStatus::Toegezegd
                && haven(&a)
                    .inzet
                    .iter()
                    .find(|z| z.id == r.inzet)
                    .unwrap()
                    .van
                    < Week::of(vandaag())
        })
        .unwrap();
    to_row(&mut a, agreed);
    assert_eq!(
        a.inzet_rows()[agreed].inzet,
        "h1",
        "Daan Bakker's, since week 40"
    );
    key(&mut a, KeyCode::Char('e'));
    a.update(Action::Key(KeyEvent::new(
        KeyCode::Char('u'),
        KeyModifiers::CONTROL,
    )));
    typ(&mut a, "40");
    key(&mut a, KeyCode::Enter);
    let id = a.inzet_rows()[agreed].clone();
    assert_eq!(
        id.inzet(&a.session.werkmap).unwrap().status,
        planbord::domain::InzetStatus::Gevraagd
    );
    key(&mut a, KeyCode::Char('u'));
    key(&mut a, KeyCode::Char('w'));
    let z = id.inzet(&a.session.werkmap).unwrap();
    assert_eq!(
        (z.status, z.tot),
        (
            planbord::domain::InzetStatus::Toegezegd,
            Week::of(vandaag())
        )
    );
}

#[test]
fn the_inbox_lists_the_open_requests_of_the_cocos_units() {
    // verzoek: two open requests, Fleur Mulder (Zorg, CoCo Bram Dekker) on Haven and Gijs
    // Visser (Buitenruimte) on Park.
    let mut a = app_as_on(VERZOEK, None);
    key(&mut a, KeyCode::Char('i'));
    let mut all: Vec<String> = a.inzet_rows().into_iter().map(|r| r.inzet).collect();
    all.sort();
    assert_eq!(all, ["h3", "p4"], "without a user: every open request");
    let mut a = app_as_on(VERZOEK, Some("bdekker"));
    key(&mut a, KeyCode::Char('i'));
    let mine = a.inzet_rows();
    assert_eq!(mine.len(), 1);
    let z = mine[0].inzet(&a.session.werkmap).unwrap();
    assert_eq!(
        a.session
            .werkmap
            .organisatie
            .as_ref()
            .unwrap()
            .persoon(&z.persoon)
            .unwrap()
            .eenheid,
        "zorg"
    );
    assert!(
        a.views.inzet.detail.is_some(),
        "the person's weeks with and without the request"
    );
}

#[test]
fn standup_runs_its_timer_cycles_the_team_and_rotates_boards() {
    // kamers: klein plus Clusterkamer Ruimte, the cluster of both opgave boards.
    let mut a = app_as_on(KAMERS, Some("dbakker"));
    open(&mut a, "opgave-haven");
    key(&mut a, KeyCode::Char('s'));
    assert_eq!(a.view, View::Standup);
    let s = a.views.standup.clone().unwrap();
    assert_eq!(s.over(a.session.now).num_minutes(), 15);
    let team = s.team(&a.session.werkmap);
    assert_eq!(team.len(), 4, "Daan, Eva, Fleur and Gijs: {team:?}");
    assert_eq!(s.kolom, 2, "the walk starts at the rightmost open column");
    key(&mut a, KeyCode::Char(' '));
    let s = a.views.standup.clone().unwrap();
    assert_eq!(s.aan_de_beurt(&a.session.werkmap), Some(team[0].clone()));
    assert!(s.belasting.is_some(), "their load this week comes along");
    for _ in 1..team.len() {
        key(&mut a, KeyCode::Char(' '));
    }
    key(&mut a, KeyCode::Char(' '));
    assert_eq!(
        a.views.standup.as_ref().unwrap().beurt,
        None,
        "after the last, nobody"
    );
    key(&mut a, KeyCode::Left);
    assert_eq!(a.views.standup.as_ref().unwrap().kolom, 1);
    // Time passes: the timer runs down; nothing rotates with one board.
    let later = a.session.now + chrono::Duration::minutes(16);
    tick_to(&mut a, later);
    assert!(
        a.views
            .standup
            .as_ref()
            .unwrap()
            .over(a.session.now)
            .num_seconds()
            < 0
    );
    key(&mut a, KeyCode::Esc);
    assert_eq!(a.view, View::Bord);
    assert!(a.views.standup.is_none());

    // A clusterkamer screen rotates through the cluster's boards.
    let borden = planbord::app::standup::cluster_boards(&a.session.werkmap, "ruimte");
    assert_eq!(
        borden,
        ["clusterkamer-ruimte", "opgave-haven", "opgave-park"],
        "the clusterkamer first, then the boards of the cluster's opgaven"
    );
    a.start_standup(borden.clone(), 15, Some(chrono::Duration::seconds(30)));
    let later = a.session.now + chrono::Duration::seconds(10);
    tick_to(&mut a, later);
    assert_eq!(a.views.standup.as_ref().unwrap().bord(), borden[0]);
    let later = a.session.now + chrono::Duration::seconds(25);
    tick_to(&mut a, later);
    assert_eq!(a.views.standup.as_ref().unwrap().bord(), borden[1]);
}

#[test]
fn agreeing_in_other_weeks_moves_the_request_to_weeks_that_fit() {
    use planbord::app::inzet::Keuze;
    let mut a = app_as(None);
    // Eva Smit is away in week 50: a claim on weeks 50–51 does not fit, later weeks do
    // (1 u fits next to her 16,8 u regular work and 6 u for Haven, of 24).
    let r = ask_weeks(&mut a, "eva smit", "1", "50", "51");
    key(&mut a, KeyCode::Char('t'));
    let Mode::Decide(d) = a.mode.clone() else {
        panic!("{:?}", a.mode)
    };
    let i = d
        .keuzes
        .iter()
        .position(|k| matches!(k, Keuze::AndereWeken { .. }))
        .expect("later weeks that fit");
    let Keuze::AndereWeken { van, tot } = d.keuzes[i].clone() else {
        unreachable!()
    };
    let before = r.inzet(&a.session.werkmap).unwrap().clone();
    assert!(van > before.van);
    assert_eq!(
        van.weeks_until(tot),
        before.van.weeks_until(before.tot),
        "as many weeks as asked"
    );
    key(&mut a, KeyCode::Char(char::from(b'1' + i as u8)));
    key(&mut a, KeyCode::Enter);
    let z = r.inzet(&a.session.werkmap).unwrap();
    assert_eq!(
        (z.van, z.tot, z.status),
        (van, tot, planbord::domain::InzetStatus::Toegezegd)
    );
    assert!(
        !a.session
            .derived
            .people
            .iter()
            .any(|c| c.persoon.as_deref() == Some(z.persoon.as_str())
                && c.week.is_some_and(|w| w >= van && w <= tot))
    );
}

#[test]
fn the_coco_keeps_hours_days_and_absences_in_the_organisation() {
    // Anna de Vries is the CoCo of Wijken: herself, Daan Bakker and Eva Smit.
    let mut a = app_as(Some("avries"));
    key(&mut a, KeyCode::Char('p'));
    assert_eq!(a.view, View::Mensen);
    let rows = a.mensen_rows();
    let org = a.session.werkmap.organisatie.clone().unwrap();
    assert!(
        rows.len() == 3 && rows.iter().all(|&p| org.mensen[p].eenheid == "wijken"),
        "only the CoCo's people"
    );
    // Hours and days: 36 → 32 hours, Friday off.
    let p = a.selected_persoon().unwrap().clone();
    assert_eq!((p.id.as_str(), p.uren), ("avries", 36.0));
    assert!(p.werkdagen.contains(&planbord::domain::Dag::Vr));
    key(&mut a, KeyCode::Char('e'));
    a.update(Action::Key(KeyEvent::new(
        KeyCode::Char('u'),
        KeyModifiers::CONTROL,
    )));
    typ(&mut a, "32");
    key(&mut a, KeyCode::Tab);
    for _ in 0..4 {
        key(&mut a, KeyCode::Right);
    }
    key(&mut a, KeyCode::Char(' '));
    key(&mut a, KeyCode::Enter);
    let after = a
        .session
        .werkmap
        .organisatie
        .as_ref()
        .unwrap()
        .persoon(&p.id)
        .unwrap()
        .clone();
    assert_eq!(after.uren, 32.0);
    assert!(!after.werkdagen.contains(&planbord::domain::Dag::Vr));
    let s = saves(&mut a);
    assert_eq!(s.len(), 1);
    assert_eq!(s[0].0, FileKey::Organisatie);
    saved(&mut a, s[0].clone());
    assert_eq!(a.session.files.unwritten(), 0);
    // An absence in week 50 for Daan Bakker, whom both opgaven count on then: claimed while
    // away. (Eva Smit is away in week 50 already; only Daan's conflict is followed here.)
    let daan_away = |a: &App| {
        a.session.derived.people.iter().any(|c| {
            c.soort == planbord::capacity::ConflictSoort::AfwezigIngezet
                && c.persoon.as_deref() == Some("dbakker")
                && c.week.map(|w| w.to_string()).as_deref() == Some("2026-W50")
        })
    };
    assert!(!daan_away(&a));
    let daan = a
        .mensen_rows()
        .iter()
        .position(|&i| org.mensen[i].naam == "Daan Bakker")
        .unwrap();
    to_row(&mut a, daan);
    key(&mut a, KeyCode::Char('a'));
    typ(&mut a, "07-12-2026");
    key(&mut a, KeyCode::Tab);
    typ(&mut a, "11-12-2026");
    key(&mut a, KeyCode::Tab);
    key(&mut a, KeyCode::Right);
    key(&mut a, KeyCode::Right);
    key(&mut a, KeyCode::Enter);
    assert_eq!(saves(&mut a)[0].0, FileKey::Organisatie);
    assert!(daan_away(&a));
    assert!(
        a.session
            .derived
            .people
            .iter()
            .all(|c| !planbord::wording::uitleg(c)
                .to_lowercase()
                .contains("opleiding")),
        "elsewhere only the effect on capacity shows, not the kind"
    );
    key(&mut a, KeyCode::Char('d'));
    assert!(!daan_away(&a));
    key(&mut a, KeyCode::Char('u'));
    assert!(daan_away(&a), "undo brings it back");
}

#[test]
fn an_organisation_saved_meanwhile_keeps_both_changes() {
    let mut a = app_as(Some("avries"));
    key(&mut a, KeyCode::Char('p'));
    let p = a.selected_persoon().unwrap().clone();
    key(&mut a, KeyCode::Char('e'));
    a.update(Action::Key(KeyEvent::new(
        KeyCode::Char('u'),
        KeyModifiers::CONTROL,
    )));
    typ(&mut a, "20");
    key(&mut a, KeyCode::Enter);
    // Someone else changed another person and saved first.
    let mut loaded = load(KLEIN);
    let other = loaded
        .werkmap
        .organisatie
        .as_mut()
        .unwrap()
        .mensen
        .iter_mut()
        .find(|m| m.id != p.id)
        .unwrap();
    other.uren = 12.0;
    let other_id = other.id.clone();
    let effects = a.update(Action::WerkmapReloaded(Box::new(loaded)));
    assert_eq!(planbord::app::files::save_count(&effects), 1);
    let org = a.session.werkmap.organisatie.as_ref().unwrap();
    assert_eq!(org.persoon(&p.id).unwrap().uren, 20.0, "ours re-applied");
    assert_eq!(org.persoon(&other_id).unwrap().uren, 12.0, "theirs kept");
}

#[test]
fn only_a_coco_changes_people() {
    // Absences are personal: without a CoCo of the unit, the view lists no one and no key
    // opens a form or saves anything.
    for gebruiker in [Some("dbakker"), None, Some("niemand")] {
        let mut a = app_as(gebruiker);
        key(&mut a, KeyCode::Char('p'));
        assert_eq!(a.view, View::Mensen);
        assert!(
            a.mensen_rows().is_empty(),
            "{gebruiker:?}: dbakker leads no unit; no user or an unknown one: no one"
        );
        assert_eq!(a.selected_persoon(), None);
        for c in ['e', 'a', 'd'] {
            key(&mut a, KeyCode::Char(c));
            assert_eq!(a.mode, Mode::Normal, "{gebruiker:?} {c}");
        }
        assert!(saves(&mut a).is_empty());
    }
}

#[test]
fn a_coco_sees_exactly_the_people_of_their_units() {
    // verzoek: Anna de Vries leads two units, Wijken and Buitenruimte.
    let mut a = app_as_on(VERZOEK, Some("avries"));
    key(&mut a, KeyCode::Char('p'));
    let org = a.session.werkmap.organisatie.clone().unwrap();
    let rows = a.mensen_rows();
    let mut expected: Vec<usize> = (0..org.mensen.len())
        .filter(|&i| ["wijken", "buiten"].contains(&org.mensen[i].eenheid.as_str()))
        .collect();
    let unit = |i: usize| {
        org.eenheden
            .iter()
            .position(|e| e.id == org.mensen[i].eenheid)
    };
    expected.sort_by(|&x, &y| {
        unit(x)
            .cmp(&unit(y))
            .then(org.mensen[x].naam.cmp(&org.mensen[y].naam))
    });
    assert!(
        rows.iter().any(|&i| org.mensen[i].eenheid == "wijken")
            && rows.iter().any(|&i| org.mensen[i].eenheid == "buiten")
    );
    let names: Vec<&str> = rows.iter().map(|&i| org.mensen[i].naam.as_str()).collect();
    assert_eq!(
        names,
        [
            "Anna de Vries",
            "Daan Bakker",
            "Eva Smit",
            "Cor Jansen",
            "Gijs Visser"
        ]
    );
    assert_eq!(
        rows, expected,
        "both units, by unit and name, and no one else"
    );
}

#[test]
fn the_absence_form_sets_a_soort() {
    use planbord::domain::AfwezigheidSoort;
    let mut a = app_as(Some("avries"));
    key(&mut a, KeyCode::Char('p'));
    let p = a.selected_persoon().unwrap().clone();
    key(&mut a, KeyCode::Char('a'));
    // Without a year, as the card form takes it: the coming 4 January.
    typ(&mut a, "04-01");
    key(&mut a, KeyCode::Tab);
    typ(&mut a, "08-01-2027");
    key(&mut a, KeyCode::Tab);
    let soort = |a: &App| match &a.mode {
        Mode::AfwezigForm(f) => f.soort,
        m => panic!("{m:?}"),
    };
    assert_eq!(soort(&a), None, "no kind unless chosen");
    // ←/→ and space cycle none, Verlof, Opleiding, Overig; typed text goes nowhere.
    key(&mut a, KeyCode::Left);
    assert_eq!(soort(&a), Some(AfwezigheidSoort::Overig));
    key(&mut a, KeyCode::Right);
    assert_eq!(soort(&a), None);
    key(&mut a, KeyCode::Right);
    assert_eq!(soort(&a), Some(AfwezigheidSoort::Verlof));
    key(&mut a, KeyCode::Char(' '));
    assert_eq!(soort(&a), Some(AfwezigheidSoort::Opleiding));
    typ(&mut a, "ziek");
    assert_eq!(soort(&a), Some(AfwezigheidSoort::Opleiding));
    key(&mut a, KeyCode::Enter);
    assert_eq!(a.mode, Mode::Normal);
    let s = saves(&mut a);
    assert_eq!(s.len(), 1);
    assert_eq!(s[0].0, FileKey::Organisatie);
    let org = a.session.werkmap.organisatie.as_ref().unwrap();
    let after = org.persoon(&p.id).unwrap();
    let nieuw = after
        .afwezig
        .iter()
        .find(|x| x.van.to_string() == "2027-01-04")
        .unwrap();
    assert_eq!(nieuw.tot.to_string(), "2027-01-08");
    assert_eq!(nieuw.soort, Some(AfwezigheidSoort::Opleiding));
    let written = storage::format::to_canonical(org).unwrap();
    assert!(written.contains("                    van: \"2027-01-04\",\n                    tot: \"2027-01-08\",\n                    soort: Opleiding,\n"), "{written}");
    assert!(!written.contains("reden") && !written.contains("ziek"));
}

#[test]
fn a_conflict_copy_is_offered_and_merged_into_its_board() {
    // klein in a scratch directory, plus the copy made here.
    let dir = tempfile::tempdir().unwrap();
    for e in std::fs::read_dir(KLEIN).unwrap() {
        let e = e.unwrap();
        std::fs::copy(e.path(), dir.path().join(e.file_name())).unwrap();
    }
    // The sync tool's copy: one card changed, one card added.
    let mut copy = storage::load(&dir.path().join("opgave-haven.ron"))
        .werkmap
        .borden
        .remove(0);
    copy.kaarten[0].titel = "Titel op de laptop".into();
    let mut extra = copy.kaarten[1].clone();
    extra.id = "laptop1".into();
    extra.titel = "Alleen op de laptop".into();
    copy.kaarten.push(extra);
    let copy_path = dir.path().join("opgave-haven-LAPTOP12.ron");
    storage::save::save(&copy_path, &copy).unwrap();
    let loaded = storage::load(dir.path());
    assert_eq!(loaded.kopieen.len(), 1);
    let mut a = App::new(
        loaded,
        Config::default(),
        vandaag(),
        vandaag().and_hms_opt(9, 0, 0).unwrap(),
        "tester",
        5,
    );
    let effects = a.update(Action::Key(KeyEvent::new(
        KeyCode::Char('M'),
        KeyModifiers::SHIFT,
    )));
    assert_eq!(effects, vec![Effect::RemoveCopy(copy_path.clone())]);
    assert_eq!(saves(&mut a)[0].0, bord_key("opgave-haven"));
    let b = a.session.werkmap.bord("opgave-haven").unwrap();
    assert!(
        b.kaarten.iter().any(|k| k.titel == "Alleen op de laptop"),
        "what only the copy has is added"
    );
    assert_ne!(b.kaarten[0].titel, "Titel op de laptop", "ours stays");
    assert!(
        b.kaarten[0]
            .notities
            .iter()
            .any(|n| n.tekst.contains("Titel op de laptop")),
        "the copy's value is noted"
    );
    assert!(a.session.kopieen.is_empty() && a.session.fouten.is_empty());
    storage::save::retire(&copy_path, vandaag().and_hms_opt(9, 0, 0).unwrap()).unwrap();
    let kept: Vec<String> = std::fs::read_dir(dir.path().join(".planbord/vorige"))
        .unwrap()
        .map(|e| e.unwrap().file_name().into_string().unwrap())
        .collect();
    assert_eq!(kept, ["opgave-haven-LAPTOP12.20261123-090000.000.ron"]);
    assert!(storage::load(dir.path()).kopieen.is_empty());
}

#[test]
fn a_card_gets_a_description_of_several_lines_in_the_form() {
    let mut a = app();
    open(&mut a, "opgave-haven");
    key(&mut a, KeyCode::Char('n'));
    typ(&mut a, "Bewonersbrief");
    // Shift-Tab from the title goes round to the description, the last field.
    key(&mut a, KeyCode::BackTab);
    typ(&mut a, "Eerste regel");
    key(&mut a, KeyCode::Enter);
    assert!(matches!(a.mode, Mode::Form(_)), "Enter is a new line here");
    typ(&mut a, "Tweede regel");
    a.update(Action::Key(KeyEvent::new(
        KeyCode::Char('s'),
        KeyModifiers::CONTROL,
    )));
    assert_eq!(a.mode, Mode::Normal, "Ctrl-s saves");
    assert_eq!(saves(&mut a).len(), 1);
    let k = a.selected_card().unwrap();
    assert_eq!(k.titel, "Bewonersbrief");
    assert_eq!(
        k.omschrijving.as_deref(),
        Some("Eerste regel\nTweede regel")
    );
    // Editing again shows it, and Tab then Enter saves the form as elsewhere.
    key(&mut a, KeyCode::Char('e'));
    match &a.mode {
        Mode::Form(f) => assert_eq!(f.omschrijving.text(), "Eerste regel\nTweede regel"),
        m => panic!("{m:?}"),
    }
    key(&mut a, KeyCode::BackTab);
    // The editor's keys: the cursor starts at the top; ↓ and End go to the end.
    key(&mut a, KeyCode::Down);
    key(&mut a, KeyCode::End);
    typ(&mut a, "!");
    key(&mut a, KeyCode::Tab);
    key(&mut a, KeyCode::Enter);
    assert_eq!(a.mode, Mode::Normal);
    assert_eq!(
        a.selected_card().unwrap().omschrijving.as_deref(),
        Some("Eerste regel\nTweede regel!")
    );
}

#[test]
fn a_card_entering_klaar_gets_the_day_and_loses_it_when_it_leaves() {
    let mut a = app();
    open(&mut a, "opgave-haven");
    // The first card of Wacht op (third column) into Klaar.
    key(&mut a, KeyCode::Char('l'));
    key(&mut a, KeyCode::Char('l'));
    let id = a.selected_card().unwrap().id.clone();
    key(&mut a, KeyCode::Char('L'));
    let card = |a: &App| {
        a.board()
            .unwrap()
            .kaarten
            .iter()
            .find(|k| k.id == id)
            .unwrap()
            .clone()
    };
    assert_eq!(card(&a).klaar_op.map(|d| d.0), Some(vandaag()));
    assert_eq!(card(&a).voortgang, 100);
    key(&mut a, KeyCode::Char('H'));
    assert_eq!(card(&a).klaar_op, None);
    // Undo of the move back puts it in Klaar with its day again.
    key(&mut a, KeyCode::Char('u'));
    assert_eq!(card(&a).klaar_op.map(|d| d.0), Some(vandaag()));
}

#[test]
fn cards_finished_long_ago_go_to_the_archive_and_a_shows_them() {
    let mut loaded = load(KLEIN);
    let haven = loaded
        .werkmap
        .borden
        .iter_mut()
        .find(|b| b.id == "opgave-haven")
        .unwrap();
    for (i, weken) in [1i64, 3, 5, 9].iter().enumerate() {
        let mut k = planbord::domain::Kaart::new(format!("a{i}"), format!("oud {weken}"), "klaar");
        k.klaar_op = Some(planbord::domain::Datum(
            vandaag() - chrono::Duration::weeks(*weken),
        ));
        haven.kaarten.push(k);
    }
    let now = vandaag().and_hms_opt(10, 15, 0).unwrap();
    let app_met = |weken: Option<u32>| {
        let config = Config {
            archief_na_weken: weken,
            ..Config::default()
        };
        App::new(loaded.clone(), config, vandaag(), now, "tester", 7)
    };
    let titels = |a: &App| -> Vec<String> {
        let b = a.board().unwrap();
        let klaar = b.kolommen.iter().position(|k| k.klaar).unwrap();
        a.visible_cards(b, klaar)
            .iter()
            .map(|k| k.titel.clone())
            .filter(|t| t.starts_with("oud"))
            .collect()
    };
    // Default 4 weeks: 5 and 9 weeks ago are in the archive.
    let mut a = app_met(None);
    open(&mut a, "opgave-haven");
    assert_eq!(titels(&a), ["oud 1", "oud 3"]);
    key(&mut a, KeyCode::Char('A'));
    assert_eq!(titels(&a), ["oud 1", "oud 3", "oud 5", "oud 9"]);
    key(&mut a, KeyCode::Char('A'));
    assert_eq!(titels(&a), ["oud 1", "oud 3"]);
    // The config says after how many weeks.
    let mut a = app_met(Some(2));
    open(&mut a, "opgave-haven");
    assert_eq!(titels(&a), ["oud 1"]);
}

#[test]
fn who_can_help_a_request_found_by_talent_offers_the_one_with_most_room_first() {
    // Daan Bakker (over-booked) and Bram Dekker both know subsidies.
    let mut loaded = load(KLEIN);
    let org = loaded.werkmap.organisatie.as_mut().unwrap();
    for p in org.mensen.iter_mut() {
        if p.id == "dbakker" || p.id == "bdekker" {
            p.talenten = vec!["Subsidies".into()];
        }
    }
    let now = vandaag().and_hms_opt(10, 15, 0).unwrap();
    let mut a = App::new(loaded, Config::default(), vandaag(), now, "tester", 7);
    open(&mut a, "opgave-haven");
    key(&mut a, KeyCode::Char('t'));
    key(&mut a, KeyCode::Char('n'));
    typ(&mut a, "subsid");
    let Mode::InzetForm(f) = &a.mode else {
        panic!("{:?}", a.mode)
    };
    let ids: Vec<&str> = f.matches().iter().map(|c| c.id.as_str()).collect();
    assert_eq!(ids, ["bdekker", "dbakker"], "most free hours first");
    assert!(f.vrij["bdekker"] > f.vrij["dbakker"]);
    assert_eq!(f.chosen().unwrap().id, "bdekker");
    assert_eq!(f.talenten_gevonden(f.chosen().unwrap()), ["Subsidies"]);
    // Choosing the second and then changing the weeks (which re-sorts by free hours) keeps
    // the person chosen; a date is read as its week.
    key(&mut a, KeyCode::Right);
    for _ in 0..2 {
        key(&mut a, KeyCode::Tab);
    }
    a.update(Action::Key(KeyEvent::new(
        KeyCode::Char('u'),
        KeyModifiers::CONTROL,
    )));
    typ(&mut a, "1-2");
    key(&mut a, KeyCode::Tab);
    a.update(Action::Key(KeyEvent::new(
        KeyCode::Char('u'),
        KeyModifiers::CONTROL,
    )));
    typ(&mut a, "15-3");
    let Mode::InzetForm(f) = &a.mode else {
        panic!("{:?}", a.mode)
    };
    assert_eq!(f.chosen().unwrap().id, "dbakker");
    assert!(!f.vrij.is_empty(), "the dates read as weeks");
}

/// Selects the row of the Inrichting view that names `naam` (a heading or an item).
fn inrichting_naar(a: &mut App, naam: &str) {
    let org = a.session.werkmap.organisatie.as_ref().unwrap();
    let rijen = planbord::app::inrichting::rijen(org);
    let pos = rijen
        .iter()
        .position(|r| match r {
            planbord::app::inrichting::Rij::Kop(s) => format!("{s:?}") == naam,
            _ => planbord::app::inrichting::naam_van(org, *r) == naam,
        })
        .unwrap_or_else(|| panic!("{naam} not in the view"));
    for _ in 0..100 {
        key(a, KeyCode::Up);
    }
    for _ in 0..pos {
        key(a, KeyCode::Down);
    }
}

#[test]
fn setting_up_a_cluster_a_unit_with_a_coco_and_an_opgave_in_the_tui() {
    let mut a = app();
    key(&mut a, KeyCode::Char('I'));
    assert_eq!(a.view, View::Inrichting);
    // A cluster.
    inrichting_naar(&mut a, "Clusters");
    key(&mut a, KeyCode::Char('n'));
    typ(&mut a, "Bedrijfsvoering");
    key(&mut a, KeyCode::Enter);
    assert_eq!(a.mode, Mode::Normal);
    let org = a.session.werkmap.organisatie.clone().unwrap();
    let c = org
        .clusters
        .iter()
        .find(|c| c.naam == "Bedrijfsvoering")
        .unwrap();
    assert_eq!(c.id, "bedrijfsvoering");
    // A unit in it, with a CoCo found by part of her name and a share as a percentage.
    inrichting_naar(&mut a, "Eenheden");
    key(&mut a, KeyCode::Char('n'));
    typ(&mut a, "Financiën");
    key(&mut a, KeyCode::Tab);
    typ(&mut a, "bedrijfs");
    key(&mut a, KeyCode::Tab);
    typ(&mut a, "anna");
    key(&mut a, KeyCode::Tab);
    typ(&mut a, "60%");
    key(&mut a, KeyCode::Enter);
    // Two Anna's: the form names them and waits.
    match &a.mode {
        Mode::OrgForm(f) => assert!(f.error.as_deref().unwrap().contains("Anna de Vries")),
        m => panic!("{m:?}"),
    }
    key(&mut a, KeyCode::Up);
    typ(&mut a, " de vries");
    key(&mut a, KeyCode::Enter);
    assert_eq!(a.mode, Mode::Normal, "{:?}", a.mode);
    let org = a.session.werkmap.organisatie.clone().unwrap();
    let e = org.eenheden.iter().find(|e| e.naam == "Financiën").unwrap();
    assert_eq!(
        (
            e.id.as_str(),
            e.cluster.as_str(),
            e.cocos.clone(),
            e.regulier_aandeel
        ),
        (
            "financien",
            "bedrijfsvoering",
            vec!["avries".to_string()],
            Some(0.6)
        )
    );
    // A CoCo who does not exist is refused with the name.
    key(&mut a, KeyCode::Char('e'));
    key(&mut a, KeyCode::Tab);
    key(&mut a, KeyCode::Tab);
    typ(&mut a, ", zzq");
    key(&mut a, KeyCode::Enter);
    match &a.mode {
        Mode::OrgForm(f) => assert!(f.error.as_deref().unwrap().contains("zzq")),
        m => panic!("{m:?}"),
    }
    key(&mut a, KeyCode::Esc);
    // An opgave with an adviser.
    inrichting_naar(&mut a, "Opgaven");
    key(&mut a, KeyCode::Char('n'));
    typ(&mut a, "Nieuwe begroting");
    key(&mut a, KeyCode::Tab);
    typ(&mut a, "Bedrijfsvoering");
    key(&mut a, KeyCode::Tab);
    typ(&mut a, "Daan Bakker");
    key(&mut a, KeyCode::Tab);
    typ(&mut a, "wethouder Financiën");
    key(&mut a, KeyCode::Enter);
    let org = a.session.werkmap.organisatie.clone().unwrap();
    let o = org
        .opgaven
        .iter()
        .find(|o| o.naam == "Nieuwe begroting")
        .unwrap();
    assert_eq!(o.adviseur.as_deref(), Some("dbakker"));
    assert_eq!(o.portefeuillehouder.as_deref(), Some("wethouder Financiën"));
    // Every change was saved to organisatie.ron, and each can be undone.
    assert!(saves(&mut a).iter().all(|s| s.0 == FileKey::Organisatie));
    key(&mut a, KeyCode::Char('u'));
    let org = a.session.werkmap.organisatie.clone().unwrap();
    assert!(!org.opgaven.iter().any(|o| o.naam == "Nieuwe begroting"));
}

#[test]
fn removing_what_is_referred_to_is_refused_and_names_it() {
    let mut a = app();
    key(&mut a, KeyCode::Char('I'));
    // The unit Wijken has people: it stays, and the message names them.
    inrichting_naar(&mut a, "Wijken");
    key(&mut a, KeyCode::Char('d'));
    let org = a.session.werkmap.organisatie.clone().unwrap();
    assert!(org.eenheden.iter().any(|e| e.naam == "Wijken"));
    let said = a
        .session
        .status
        .error
        .clone()
        .or(a.session.status.message.clone())
        .unwrap();
    assert!(
        said.contains("Wijken blijft") && said.contains("persoon"),
        "{said}"
    );
    // The opgave Haven has a board.
    inrichting_naar(&mut a, "Haven en strand");
    key(&mut a, KeyCode::Char('d'));
    let said = a
        .session
        .status
        .error
        .clone()
        .or(a.session.status.message.clone())
        .unwrap();
    assert!(said.contains("bord Haven en strand"), "{said}");
    // A new, empty cluster goes, and comes back with u.
    inrichting_naar(&mut a, "Clusters");
    key(&mut a, KeyCode::Char('n'));
    typ(&mut a, "Tijdelijk");
    key(&mut a, KeyCode::Enter);
    inrichting_naar(&mut a, "Tijdelijk");
    key(&mut a, KeyCode::Char('d'));
    let has = |a: &App| {
        a.session
            .werkmap
            .organisatie
            .as_ref()
            .unwrap()
            .clusters
            .iter()
            .any(|c| c.naam == "Tijdelijk")
    };
    assert!(!has(&a));
    key(&mut a, KeyCode::Char('u'));
    assert!(has(&a));
}

#[test]
fn a_boards_columns_are_added_renamed_moved_and_removed_from_the_board() {
    let mut a = app();
    open(&mut a, "opgave-haven");
    let namen =
        |a: &App| -> Vec<String> { haven(a).kolommen.iter().map(|k| k.naam.clone()).collect() };
    let voor = namen(&a);
    assert_eq!(voor, ["Te doen", "Bezig", "Wacht op", "Klaar"]);
    key(&mut a, KeyCode::Char('B'));
    assert!(matches!(a.mode, Mode::Kolommen(_)));
    // A new column "Review" with WIP 3 after Te doen (the selected column).
    key(&mut a, KeyCode::Char('n'));
    typ(&mut a, "Review");
    key(&mut a, KeyCode::Tab);
    typ(&mut a, "3");
    key(&mut a, KeyCode::Enter);
    assert!(matches!(a.mode, Mode::Kolommen(_)), "back in the dialog");
    assert_eq!(
        namen(&a),
        ["Te doen", "Review", "Bezig", "Wacht op", "Klaar"]
    );
    let review = haven(&a).kolommen[1].clone();
    assert_eq!((review.id.as_str(), review.wip), ("review", Some(3)));
    // A WIP that is no number is refused.
    key(&mut a, KeyCode::Char('e'));
    key(&mut a, KeyCode::Tab);
    typ(&mut a, "x");
    key(&mut a, KeyCode::Enter);
    match &a.mode {
        Mode::KolomForm(f) => assert!(f.error.as_deref().unwrap().contains("WIP")),
        m => panic!("{m:?}"),
    }
    key(&mut a, KeyCode::Esc);
    // Moved one to the right, then removed: it is empty, so at once.
    key(&mut a, KeyCode::Char('>'));
    assert_eq!(
        namen(&a),
        ["Te doen", "Bezig", "Review", "Wacht op", "Klaar"]
    );
    key(&mut a, KeyCode::Char('d'));
    assert_eq!(namen(&a), voor);
    // Wacht op has a card: the first d asks, the second moves it to Bezig.
    let Mode::Kolommen(d) = &a.mode else {
        panic!("{:?}", a.mode)
    };
    assert_eq!(haven(&a).kolommen[d.row].naam, "Wacht op");
    key(&mut a, KeyCode::Char('d'));
    assert_eq!(namen(&a), voor, "asked first");
    key(&mut a, KeyCode::Char('d'));
    assert_eq!(namen(&a), ["Te doen", "Bezig", "Klaar"]);
    assert!(haven(&a).kaarten.iter().all(|k| k.kolom != "wacht"));
    key(&mut a, KeyCode::Esc);
    assert_eq!(a.mode, Mode::Normal);
    // Undo brings the column and its card back.
    key(&mut a, KeyCode::Char('u'));
    assert_eq!(namen(&a), voor);
    assert!(haven(&a).kaarten.iter().any(|k| k.kolom == "wacht"));
    assert!(!saves(&mut a).is_empty());
}

#[test]
fn a_person_with_every_field_is_made_in_inrichting_and_one_with_cards_stays() {
    let mut a = app();
    key(&mut a, KeyCode::Char('I'));
    inrichting_naar(&mut a, "Mensen");
    key(&mut a, KeyCode::Char('n'));
    typ(&mut a, "Sanne Vos");
    key(&mut a, KeyCode::Tab);
    typ(&mut a, "zorg");
    key(&mut a, KeyCode::Tab);
    typ(&mut a, "28,5");
    key(&mut a, KeyCode::Tab);
    a.update(Action::Key(KeyEvent::new(
        KeyCode::Char('u'),
        KeyModifiers::CONTROL,
    )));
    typ(&mut a, "ma di do");
    key(&mut a, KeyCode::Tab);
    typ(&mut a, "subsidies, Excel");
    key(&mut a, KeyCode::Tab);
    typ(&mut a, "01-01-2027");
    key(&mut a, KeyCode::Tab);
    key(&mut a, KeyCode::Tab);
    typ(&mut a, "0,5");
    key(&mut a, KeyCode::Enter);
    assert_eq!(a.mode, Mode::Normal, "{:?}", a.mode);
    let org = a.session.werkmap.organisatie.clone().unwrap();
    let p = org.persoon("sanne-vos").unwrap();
    assert_eq!(p.eenheid, "zorg");
    assert_eq!(p.uren, 28.5);
    assert_eq!(p.werkdagen.len(), 3);
    assert_eq!(p.talenten, ["subsidies", "Excel"]);
    assert_eq!(p.in_dienst.unwrap().to_string(), "2027-01-01");
    assert_eq!(p.regulier_aandeel, Some(0.5));
    // Daan Bakker owns cards and has inzet: he stays, and the message says where.
    inrichting_naar(&mut a, "Daan Bakker");
    key(&mut a, KeyCode::Char('d'));
    let said = a
        .session
        .status
        .error
        .clone()
        .or(a.session.status.message.clone())
        .unwrap();
    assert!(
        said.contains("Daan Bakker blijft") && said.contains("kaart"),
        "{said}"
    );
    // Sanne has nothing yet: she goes.
    inrichting_naar(&mut a, "Sanne Vos");
    key(&mut a, KeyCode::Char('d'));
    let org = a.session.werkmap.organisatie.clone().unwrap();
    assert!(org.persoon("sanne-vos").is_none());
}

#[test]
fn a_unit_name_is_taken_once_and_two_people_of_one_name_are_told_apart_by_id() {
    let mut a = app();
    key(&mut a, KeyCode::Char('I'));
    inrichting_naar(&mut a, "Eenheden");
    key(&mut a, KeyCode::Char('n'));
    typ(&mut a, "wijken");
    key(&mut a, KeyCode::Tab);
    typ(&mut a, "Samenleving");
    key(&mut a, KeyCode::Enter);
    match &a.mode {
        Mode::OrgForm(f) => assert!(
            f.error.as_deref().unwrap().contains("al iets"),
            "{:?}",
            f.error
        ),
        m => panic!("{m:?}"),
    }
    key(&mut a, KeyCode::Esc);
    // A second Eva Smit: a CoCo field naming her lists both with their ids; the id picks one.
    inrichting_naar(&mut a, "Mensen");
    key(&mut a, KeyCode::Char('n'));
    typ(&mut a, "Eva Smit");
    key(&mut a, KeyCode::Tab);
    typ(&mut a, "zorg");
    key(&mut a, KeyCode::Tab);
    typ(&mut a, "32");
    key(&mut a, KeyCode::Enter);
    assert_eq!(a.mode, Mode::Normal, "{:?}", a.mode);
    inrichting_naar(&mut a, "Zorg");
    key(&mut a, KeyCode::Char('e'));
    key(&mut a, KeyCode::Tab);
    key(&mut a, KeyCode::Tab);
    a.update(Action::Key(KeyEvent::new(
        KeyCode::Char('u'),
        KeyModifiers::CONTROL,
    )));
    typ(&mut a, "Eva Smit");
    key(&mut a, KeyCode::Enter);
    match &a.mode {
        Mode::OrgForm(f) => {
            let e = f.error.as_deref().unwrap();
            assert!(
                e.contains("Eva Smit (esmit)") && e.contains("Eva Smit (eva-smit)"),
                "{e}"
            );
        }
        m => panic!("{m:?}"),
    }
    a.update(Action::Key(KeyEvent::new(
        KeyCode::Char('u'),
        KeyModifiers::CONTROL,
    )));
    typ(&mut a, "eva-smit");
    key(&mut a, KeyCode::Enter);
    assert_eq!(a.mode, Mode::Normal, "{:?}", a.mode);
    let org = a.session.werkmap.organisatie.clone().unwrap();
    assert_eq!(org.eenheid("zorg").unwrap().cocos, ["eva-smit"]);
}

#[test]
fn an_opgave_closes_only_after_it_was_celebrated_and_evaluated() {
    let mut a = app();
    key(&mut a, KeyCode::Char('I'));
    inrichting_naar(&mut a, "Haven en strand");
    let zet_fase = |a: &mut App, fase: &str| {
        key(a, KeyCode::Char('e'));
        for _ in 0..4 {
            key(a, KeyCode::Tab);
        }
        a.update(Action::Key(KeyEvent::new(
            KeyCode::Char('u'),
            KeyModifiers::CONTROL,
        )));
        typ(a, fase);
        key(a, KeyCode::Enter);
    };
    let fase = |a: &App| a.session.werkmap.organisatie.as_ref().unwrap().opgaven[0].fase;
    assert_eq!(fase(&a), planbord::domain::Fase::Uitvoering);
    zet_fase(&mut a, "afgesloten");
    match &a.mode {
        Mode::OrgForm(f) => assert!(
            f.error.as_deref().unwrap().contains("pas af na"),
            "{:?}",
            f.error
        ),
        m => panic!("{m:?}"),
    }
    key(&mut a, KeyCode::Esc);
    zet_fase(&mut a, "gevierd");
    assert_eq!(fase(&a), planbord::domain::Fase::GevierdEnGeevalueerd);
    zet_fase(&mut a, "afgesloten");
    assert_eq!(a.mode, Mode::Normal, "{:?}", a.mode);
    assert_eq!(fase(&a), planbord::domain::Fase::Afgesloten);
}

#[test]
fn a_card_carries_an_lta_date_of_the_council_or_the_college() {
    let mut a = app();
    open(&mut a, "opgave-haven");
    key(&mut a, KeyCode::Char('n'));
    typ(&mut a, "Raadsvoorstel");
    for _ in 0..8 {
        key(&mut a, KeyCode::Tab);
    }
    typ(&mut a, "12-03-2027");
    key(&mut a, KeyCode::Tab);
    key(&mut a, KeyCode::Right);
    key(&mut a, KeyCode::Right);
    key(&mut a, KeyCode::Enter);
    assert_eq!(a.mode, Mode::Normal, "{:?}", a.mode);
    let k = a.selected_card().unwrap();
    assert_eq!(k.lta.unwrap().to_string(), "2027-03-12");
    assert_eq!(k.lta_soort, Some(planbord::domain::LtaSoort::Raad));
}
