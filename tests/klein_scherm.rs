//! Every view and every dialog, drawn on terminals from 1×1 to 80×24, on the small fixture
//! werkmap (`tests/fixtures/klein`). Each screen is reached the way a user reaches it, by keys,
//! and the test checks it got there: a screen that is no longer reachable fails here, and one
//! that panics when cramped fails too.

use std::path::Path;

use chrono::NaiveDate;
use planbord::app::{Action, App, Config, FileKey, Mode, View};
use planbord::storage;
use planbord::ui::{self, Theme};
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};

const SIZES: [(u16, u16); 6] = [(1, 1), (20, 5), (30, 10), (45, 8), (60, 16), (80, 24)];

fn app(gebruiker: Option<&str>) -> App {
    let vandaag = NaiveDate::from_ymd_opt(2026, 11, 23).unwrap();
    let config = Config {
        gebruiker: gebruiker.map(str::to_string),
        ..Config::default()
    };
    let loaded = storage::load(Path::new("tests/fixtures/klein"));
    assert!(loaded.fouten.is_empty(), "{:?}", loaded.fouten);
    let now = vandaag.and_hms_opt(9, 0, 0).unwrap();
    App::new(loaded, config, vandaag, now, "tester", 5)
}

/// Presses keys: `v` is ↓, `>` is →, `\n` Enter, `\x1b` Esc; anything else is that character.
fn press(a: &mut App, keys: &str) {
    for c in keys.chars() {
        let code = match c {
            'v' => KeyCode::Down,
            '>' => KeyCode::Right,
            '\n' => KeyCode::Enter,
            '\x1b' => KeyCode::Esc,
            c => KeyCode::Char(c),
        };
        a.update(Action::Key(KeyEvent::new(code, KeyModifiers::NONE)));
    }
}

fn draw_everywhere(a: &mut App, name: &str) {
    let theme = Theme::named(None, false);
    for (w, h) in SIZES {
        a.update(Action::Resize(w, h));
        let mut t = Terminal::new(TestBackend::new(w, h)).unwrap();
        t.draw(|f| ui::draw(f, a, &theme))
            .unwrap_or_else(|e| panic!("{name} at {w}×{h}: {e}"));
    }
}

/// A screen: its name, who looks, the keys from the overview, the view and the dialog test.
type Screen = (
    &'static str,
    Option<&'static str>,
    &'static str,
    View,
    fn(&Mode) -> bool,
);

/// The screens: who looks, the keys from the overview, the view and dialog they lead to.
fn screens() -> Vec<Screen> {
    let normal: fn(&Mode) -> bool = |m| *m == Mode::Normal;
    vec![
        ("overzicht", None, "", View::Overzicht, normal),
        ("hulp", None, "?", View::Overzicht, |m| *m == Mode::Help(0)),
        ("bord", None, "v\n", View::Bord, normal),
        ("filter", None, "v\n/bo", View::Bord, |m| {
            matches!(m, Mode::Filter(_))
        }),
        ("kaart", None, "v\n>\n", View::Kaart, normal),
        ("kaartformulier", None, "v\ne", View::Bord, |m| {
            matches!(m, Mode::Form(_))
        }),
        ("nieuwe kaart", None, "v\nn", View::Bord, |m| {
            matches!(m, Mode::Form(_))
        }),
        ("notitie", None, "v\na", View::Bord, |m| {
            matches!(m, Mode::Note(..))
        }),
        ("verwijderen", None, "v\nd", View::Bord, |m| {
            matches!(m, Mode::ConfirmDelete(_))
        }),
        ("capaciteit", None, "c", View::Capaciteit, normal),
        ("eenheid", None, "cv\n", View::Capaciteit, normal),
        ("persoon", None, "cv\nv\n", View::Capaciteit, normal),
        ("conflicten", None, "!", View::Conflicten, normal),
        ("team", None, "v\nt", View::Inzet, normal),
        ("inbox", Some("bdekker"), "i", View::Inzet, normal),
        ("inzetformulier", None, "v\ntn", View::Inzet, |m| {
            matches!(m, Mode::InzetForm(_))
        }),
        ("besluit", None, "v\ntvvt", View::Inzet, |m| {
            matches!(m, Mode::Decide(_))
        }),
        ("afwijzen", None, "v\ntvvx", View::Inzet, |m| {
            matches!(m, Mode::Reason(..))
        }),
        ("mensen", Some("avries"), "p", View::Mensen, normal),
        ("mensen zonder gebruiker", None, "p", View::Mensen, normal),
        ("uren en dagen", Some("avries"), "pvve", View::Mensen, |m| {
            matches!(m, Mode::MensForm(_))
        }),
        ("afwezigheid", Some("avries"), "pvva", View::Mensen, |m| {
            matches!(m, Mode::AfwezigForm(_))
        }),
        ("stand-up", None, "v\ns ", View::Standup, normal),
    ]
}

#[test]
fn every_view_and_dialog_draws_on_small_terminals() {
    for (name, gebruiker, keys, view, mode) in screens() {
        let mut a = app(gebruiker);
        press(&mut a, keys);
        assert_eq!(a.view, view, "{name}: the keys {keys:?} lead elsewhere");
        assert!(mode(&a.mode), "{name}: {:?}", a.mode);
        draw_everywhere(&mut a, name);
    }
}

#[test]
fn the_quit_dialog_draws_on_small_terminals() {
    let mut a = app(None);
    press(&mut a, "v\nL\x1b");
    // The save fails (a read-only share): the edit waits, and quitting asks what to do.
    for effect in a.update(Action::Tick(planbord::app::Now {
        mono: 1_000,
        local: NaiveDate::from_ymd_opt(2026, 11, 23)
            .unwrap()
            .and_hms_opt(9, 0, 1)
            .unwrap(),
    })) {
        if let planbord::app::Effect::Save(req) = effect {
            a.update(Action::SaveFailed {
                file: FileKey::Bord(req.name.trim_end_matches(".ron").into()),
                token: req.token,
                changed: false,
                melding: "alleen-lezen".into(),
            });
        }
    }
    press(&mut a, "q");
    assert!(matches!(a.mode, Mode::QuitPending(_)), "{:?}", a.mode);
    draw_everywhere(&mut a, "afsluiten");
}
