//! The history of a board end to end: the real app and disk worker on a copy of a fixture
//! werkmap. Saves record what they changed, a stand-up records its start, `w` lists what
//! changed since the last stand-up, and two writers' files read as one history.

#[path = "common/laptop.rs"]
mod laptop;

use chrono::NaiveDate;
use laptop::{Laptop, werkmap_copy};
use planbord::app::historie::Sinds;
use planbord::app::{Mode, View};
use planbord::domain::historie::Wat;
use ratatui::crossterm::event::KeyCode;

fn vandaag() -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, 11, 23).unwrap()
}

/// The changes the open "wat is er veranderd" window lists, newest first.
fn listed(l: &Laptop) -> (String, Vec<Wat>) {
    let Mode::Veranderd(v) = &l.app.mode else {
        panic!("no window: {:?}", l.app.mode);
    };
    let lijst = l.app.veranderd_lijst(v).expect("history read");
    (
        lijst.kop.clone(),
        lijst.entries.iter().map(|e| e.wat.clone()).collect(),
    )
}

#[test]
fn w_after_a_stand_up_start_lists_only_the_changes_since_then() {
    let dir = werkmap_copy("tests/fixtures/klein");
    let mut l = Laptop::open(dir.path(), Some("dbakker"), vandaag(), 1);
    l.disk.set_writer("dbakker");
    l.open_board("opgave-haven");
    l.select_card("k4");
    // 09:00: Bewonersavond voorbereiden moves from Te doen to Bezig.
    l.key(KeyCode::Char('L'));
    l.advance(60_000);
    assert!(l.settle(20_000));

    // A minute later the stand-up starts and opens with what changed (nothing recorded before: the
    // last 7 days).
    l.advance(60_000);
    l.key(KeyCode::Char('s'));
    assert_eq!(l.app.view, View::Standup);
    let st = l.app.views.standup.as_ref().unwrap();
    assert!(st.intro_tot.is_some(), "it opens with what changed");
    let intro = l.app.standup_lijst().expect("history read");
    assert_eq!(
        intro.entries.iter().map(|e| &e.wat).collect::<Vec<_>>(),
        [&Wat::Verplaatst {
            van: "todo".into(),
            naar: "bezig".into()
        }]
    );
    assert!(intro.kop.contains("7 dagen"), "{}", intro.kop);
    // Any key goes on to the board; the next ends the stand-up.
    l.key(KeyCode::Char('x'));
    assert!(l.app.views.standup.as_ref().unwrap().intro_tot.is_none());
    l.key(KeyCode::Esc);
    assert_eq!(l.app.view, View::Bord);

    // Two minutes later: a note on the same card.
    l.advance(120_000);
    l.select_card("k4");
    l.key(KeyCode::Char('a'));
    l.typ("Zaal geboekt");
    l.key(KeyCode::Enter);
    l.advance(60_000);
    assert!(l.settle(20_000));

    // `w`: only the note, since the stand-up.
    l.key(KeyCode::Char('w'));
    let (kop, wat) = listed(&l);
    assert!(
        kop.contains("Sinds de stand-up van 23-11-2026 09:0"),
        "{kop}"
    );
    assert_eq!(
        wat,
        [Wat::Notitie {
            tekst: "Zaal geboekt".into()
        }]
    );
    // `[`: since the day before: the move as well, newest first.
    l.key(KeyCode::Char('['));
    let (kop, wat) = listed(&l);
    assert!(kop.contains("22-11-2026"), "{kop}");
    assert_eq!(wat.len(), 2);
    assert!(matches!(wat[1], Wat::Verplaatst { .. }));
    // `0`: back to since the stand-up.
    l.key(KeyCode::Char('0'));
    assert!(matches!(&l.app.mode, Mode::Veranderd(v) if v.sinds == Sinds::Standup));
    assert_eq!(listed(&l).1.len(), 1);
    l.key(KeyCode::Esc);
    assert_eq!(l.app.mode, Mode::Normal);

    // The card view shows the card's history, and the files hold it.
    l.key(KeyCode::Enter);
    assert_eq!(l.app.view, View::Kaart);
    let entries = l.app.historie_entries().unwrap();
    let own = planbord::domain::historie::van_kaart(entries, "k4");
    assert_eq!(own.len(), 2);
    let file = dir
        .path()
        .join(".planbord/historie/opgave-haven")
        .read_dir()
        .unwrap()
        .map(|e| e.unwrap().file_name().into_string().unwrap())
        .collect::<Vec<_>>();
    assert_eq!(file.len(), 1);
    assert!(file[0].starts_with("dbakker@"), "{file:?}");
    // Nothing else was written: the board file holds no history.
    let text = std::fs::read_to_string(dir.path().join("opgave-haven.ron")).unwrap();
    assert!(!text.contains("StandupBegonnen"));
}

#[test]
fn two_writers_edits_show_in_one_history_and_a_damaged_line_only_warns() {
    let dir = werkmap_copy("tests/fixtures/klein");
    let mut me = Laptop::open(dir.path(), Some("dbakker"), vandaag(), 1);
    let mut them = Laptop::open(dir.path(), None, vandaag(), 2);
    me.disk.set_writer("dbakker");
    them.disk.set_writer("collega");
    me.open_board("opgave-haven");
    them.open_board("opgave-haven");
    me.select_card("k4");
    me.key(KeyCode::Char('L'));
    me.advance(60_000);
    assert!(me.settle(20_000));
    them.advance(120_000);
    them.watch();
    them.select_card("k6");
    them.key(KeyCode::Char('H'));
    them.advance(60_000);
    assert!(them.settle(20_000));
    // A line cut off in the colleague's file.
    let folder = dir.path().join(".planbord/historie/opgave-haven");
    let theirs = std::fs::read_dir(&folder)
        .unwrap()
        .map(|e| e.unwrap().path())
        .find(|p| p.to_string_lossy().contains("collega@"))
        .unwrap();
    let mut text = std::fs::read_to_string(&theirs).unwrap();
    text.push_str("{\"tijd\": \"2026-11-23T09:");
    std::fs::write(&theirs, text).unwrap();

    me.advance(180_000);
    me.watch();
    me.key(KeyCode::Char('w'));
    let (_, wat) = listed(&me);
    assert_eq!(wat.len(), 2, "{wat:?}");
    assert_eq!(
        wat[0],
        Wat::Verplaatst {
            van: "wacht".into(),
            naar: "bezig".into()
        },
        "the colleague's later move first"
    );
    let status = me.app.session.status.message.clone().unwrap_or_default();
    assert!(status.contains("beschadigd en overgeslagen"), "{status}");
}
