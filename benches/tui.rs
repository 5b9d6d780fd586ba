//! The terminal UI without a terminal: start-up to the first complete frame, and handling a key
//! (move a card) plus drawing the next frame (`cargo bench --bench tui`).
//!
//! Werkmappen: the demo, `demo --schaal 10`, and one board of 2,000 cards (5 columns × 400).
//! Frames are drawn on ratatui's TestBackend at 160×45, so terminal output is not included.

use std::path::{Path, PathBuf};
use std::sync::OnceLock;

use chrono::NaiveDate;
use divan::Bencher;
use planbord::app::{Action, App, Command, Config};
use planbord::domain::{Bord, BordSoort, Kaart, Kolom};
use planbord::{demo, storage, ui};
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};

fn main() {
    divan::main();
}

const VANDAAG: NaiveDate = NaiveDate::from_ymd_opt(2026, 11, 23).unwrap();

fn root() -> &'static Path {
    static DIR: OnceLock<tempfile::TempDir> = OnceLock::new();
    DIR.get_or_init(|| tempfile::tempdir().expect("temp dir"))
        .path()
}

/// The werkmap of a case, written once per run.
fn werkmap(case: &str) -> PathBuf {
    let dir = root().join(case);
    if dir.exists() {
        return dir;
    }
    match case {
        "demo" => storage::save::write_werkmap(&dir, &demo::generate(VANDAAG, 1)).expect("demo"),
        "schaal10" => {
            storage::save::write_werkmap(&dir, &demo::generate(VANDAAG, 10)).expect("schaal 10")
        }
        _ => {
            let mut w = demo::generate(VANDAAG, 1);
            let kolommen: Vec<Kolom> = ["Te doen", "Bezig", "Wacht op", "Review", "Klaar"]
                .iter()
                .enumerate()
                .map(|(i, n)| Kolom {
                    id: format!("k{i}"),
                    naam: n.to_string(),
                    wip: None,
                    klaar: i == 4,
                })
                .collect();
            let template = w.borden[0].kaarten[0].clone();
            let kaarten: Vec<Kaart> = (0..2000)
                .map(|i| Kaart {
                    id: format!("g{i}"),
                    titel: format!("Kaart {i}: {}", template.titel),
                    kolom: format!("k{}", i / 400),
                    ..template.clone()
                })
                .collect();
            w.borden = vec![Bord {
                versie: 1,
                id: "groot".into(),
                titel: "Groot bord".into(),
                soort: BordSoort::Clusterkamer {
                    cluster: "wijken".into(),
                },
                kolommen,
                inzet: vec![],
                kaarten,
                sporen: String::new(),
            }];
            storage::save::write_werkmap(&dir, &w).expect("groot bord");
        }
    }
    dir
}

fn first_frame(dir: &Path, board: Option<&str>) -> App {
    let loaded = storage::load(dir);
    let mut app = App::new(
        loaded,
        Config::default(),
        VANDAAG,
        VANDAAG.and_hms_opt(9, 0, 0).unwrap(),
        "bench",
        1,
    );
    if let Some(id) = board {
        let i = app
            .session
            .werkmap
            .borden
            .iter()
            .position(|b| b.id == id)
            .unwrap_or(0);
        // A click selects the board in the overview, a click on the selected one opens it.
        app.update(Action::Click(planbord::app::Target::Board(i)));
        if app.view != planbord::app::View::Bord {
            app.update(Action::Click(planbord::app::Target::Board(i)));
        }
    }
    app
}

fn draw(term: &mut Terminal<TestBackend>, app: &App, theme: &ui::Theme) {
    term.draw(|f| ui::draw(f, app, theme)).expect("draw");
}

/// Load the werkmap, build the app, draw the overview (demo, schaal 10) or the board (2,000 cards).
#[divan::bench(args = ["demo", "schaal10", "groot"], sample_count = 20)]
fn start_to_first_frame(b: Bencher, case: &str) {
    let dir = werkmap(case);
    let theme = ui::Theme::named(None, false);
    let board = (case == "groot").then_some("groot");
    b.bench(|| {
        let app = first_frame(&dir, board);
        let mut term = Terminal::new(TestBackend::new(160, 45)).expect("terminal");
        draw(&mut term, &app, &theme);
    });
}

/// Loading alone, to compare the first frame with.
#[divan::bench(args = ["demo", "schaal10", "groot"], sample_count = 20)]
fn load_only(b: Bencher, case: &str) {
    let dir = werkmap(case);
    b.bench(|| storage::load(&dir));
}

/// Move the selected card right and back (two keys), drawing after each.
#[divan::bench(args = ["schaal10", "groot"], sample_count = 50)]
fn key_and_frame(b: Bencher, case: &str) {
    let dir = werkmap(case);
    let board = if case == "groot" {
        "groot"
    } else {
        "opgave-strand"
    };
    let mut app = first_frame(&dir, Some(board));
    let theme = ui::Theme::named(None, false);
    let mut term = Terminal::new(TestBackend::new(160, 45)).expect("terminal");
    draw(&mut term, &app, &theme);
    b.bench_local(|| {
        for c in ['L', 'H'] {
            app.update(Action::Key(KeyEvent::new(
                KeyCode::Char(c),
                KeyModifiers::NONE,
            )));
            draw(&mut term, &app, &theme);
        }
    });
}

/// The capacity view on schaal 10: open it (`c`) and draw; then drill into a unit and draw.
#[divan::bench(args = ["open", "eenheid"], sample_count = 30)]
fn capaciteit(b: Bencher, step: &str) {
    let dir = werkmap("schaal10");
    let mut app = first_frame(&dir, None);
    let theme = ui::Theme::named(None, false);
    let mut term = Terminal::new(TestBackend::new(160, 45)).expect("terminal");
    let c = KeyEvent::new(KeyCode::Char('c'), KeyModifiers::NONE);
    app.update(Action::Key(c));
    app.update(Action::Command(Command::Down)); // the first unit
    b.bench_local(|| {
        match step {
            "open" => {
                app.update(Action::Command(Command::Back));
                app.update(Action::Key(c));
            }
            _ => {
                app.update(Action::Command(Command::Open));
                draw(&mut term, &app, &theme);
                app.update(Action::Command(Command::Back));
            }
        }
        draw(&mut term, &app, &theme);
    });
}

/// `planbord rapport --format html` on schaal 10, from the files.
#[divan::bench(sample_count = 10)]
fn rapport_html(b: Bencher) {
    let dir = werkmap("schaal10");
    b.bench(|| {
        let loaded = storage::load(&dir);
        let r = planbord::rapport::Rapport::new(&loaded.werkmap, VANDAAG, None);
        planbord::rapport::html(&r)
    });
}

/// The opgaven view (`o`) and the timeline (`T`) on schaal 10 (120 opgaven, 20,000 cards):
/// from the overview, the key and the first frame of the view; Esc back (issue 12: within one
/// frame, 16 ms).
#[divan::bench(args = ["opgaven", "tijdlijn"], sample_count = 30)]
fn opgaven_view(b: Bencher, view: &str) {
    let dir = werkmap("schaal10");
    let mut app = first_frame(&dir, None);
    let theme = ui::Theme::named(None, false);
    let mut term = Terminal::new(TestBackend::new(160, 45)).expect("terminal");
    let key = KeyEvent::new(
        KeyCode::Char(if view == "opgaven" { 'o' } else { 'T' }),
        KeyModifiers::NONE,
    );
    b.bench_local(|| {
        app.update(Action::Key(key));
        draw(&mut term, &app, &theme);
        app.update(Action::Command(Command::Back));
    });
}

/// The weekly agenda on schaal 10 (2,200 people, 170 boards, 20,000 cards), after loading
/// (issue 12: within one frame, 16 ms): `build` is the pure agenda and its Markdown
/// (`planbord agenda` without the files), `view` the key `W` on the overview, the agenda's
/// first frame, and Esc back.
#[divan::bench(args = ["build", "view"], sample_count = 30)]
fn agenda(b: Bencher, step: &str) {
    let dir = werkmap("schaal10");
    let mut app = first_frame(&dir, None);
    let week = planbord::domain::Week::of(VANDAAG).plus(1);
    if step == "build" {
        let werkmap = &app.session.werkmap;
        b.bench(|| {
            let a = planbord::capacity::agenda::Agenda::new(werkmap, week, VANDAAG);
            let doc = planbord::wording::agenda_document(&a, None);
            planbord::rapport::markdown_document(&doc)
        });
        return;
    }
    let theme = ui::Theme::named(None, false);
    let mut term = Terminal::new(TestBackend::new(160, 45)).expect("terminal");
    let key = KeyEvent::new(KeyCode::Char('W'), KeyModifiers::SHIFT);
    b.bench_local(|| {
        app.update(Action::Key(key));
        draw(&mut term, &app, &theme);
        app.update(Action::Command(Command::Back));
    });
}
