//! The terminal shell: owns the terminal, reads input and file changes, feeds actions to the
//! app, carries out its effects (saving, reloading), and restores the terminal on every exit.

mod watch;

use std::io::{self, Write};
use std::path::Path;
use std::sync::mpsc;
use std::time::Duration;

use chrono::{NaiveDate, Timelike};
use ratatui::crossterm::event::{
    self, DisableMouseCapture, EnableMouseCapture, Event, KeyEventKind, MouseButton, MouseEventKind,
};
use ratatui::crossterm::execute;
use ratatui::layout::Rect;

use crate::app::{Action, App, Command, Config, Effect};
use crate::storage;
use crate::ui::{self, Theme};

/// What wakes the loop up.
pub enum Wake {
    Input(Event),
    Files(Vec<std::path::PathBuf>),
}

/// A stand-up to start with: a board or cluster id, the minutes on the timer, the rotation.
pub struct StandupStart {
    pub doel: Option<String>,
    pub minuten: i64,
    pub roteer: Option<chrono::Duration>,
}

/// Runs the TUI on a werkmap (a folder or one board file) until the user quits.
pub fn run(
    path: &Path,
    vandaag: NaiveDate,
    config: Config,
    config_error: Option<String>,
    created: bool,
    standup: Option<StandupStart>,
) -> io::Result<()> {
    let loaded = storage::load(path);
    let login = ["USER", "LOGNAME", "USERNAME"]
        .iter()
        .find_map(|v| std::env::var(v).ok().filter(|s| !s.is_empty()))
        .unwrap_or_else(|| "onbekend".into());
    let mut app = App::new(
        loaded,
        config,
        vandaag,
        now(),
        &login,
        storage::save::random_bits(),
    );
    app.single_board = path.is_file();
    if let Some(start) = standup {
        let borden = standup_boards(&app, start.doel.as_deref()).map_err(io::Error::other)?;
        app.start_standup(borden, start.minuten, start.roteer);
    }
    if created {
        app.status.message = Some(crate::text::demo_aangemaakt(path));
    }
    if let Some(e) = config_error {
        app.status.error = Some(e);
    }
    let theme = Theme::named(
        app.config.thema.as_deref(),
        std::env::var_os("NO_COLOR").is_some_and(|v| !v.is_empty()),
    );
    let mouse = app.config.muis();

    let mut terminal = ratatui::init();
    install_panic_hook(mouse);
    if mouse {
        execute!(io::stdout(), EnableMouseCapture)?;
    }
    let result = event_loop(&mut terminal, &mut app, &theme);
    restore(mouse);
    result
}

/// The boards of a stand-up: the named board, the boards of the named cluster, or the only
/// board of a single-board session.
fn standup_boards(app: &App, doel: Option<&str>) -> Result<Vec<String>, String> {
    let w = &app.werkmap;
    match doel {
        Some(d) if w.bord(d).is_some() => Ok(vec![d.to_string()]),
        Some(d) => {
            let borden = crate::app::standup::cluster_boards(w, d);
            if borden.is_empty() {
                Err(crate::text::onbekend_bord_of_cluster(d))
            } else {
                Ok(borden)
            }
        }
        None => w
            .borden
            .first()
            .map(|b| vec![b.id.clone()])
            .ok_or_else(|| crate::text::onbekend_bord_of_cluster("")),
    }
}

fn now() -> chrono::NaiveDateTime {
    let t = chrono::Local::now().naive_local();
    t.with_nanosecond(0).unwrap_or(t)
}

/// `ratatui::init` restores the terminal on a panic, but not mouse capture: add that.
fn install_panic_hook(mouse: bool) {
    let previous = std::panic::take_hook();
    std::panic::set_hook(Box::new(move |info| {
        restore(mouse);
        previous(info);
    }));
}

fn restore(mouse: bool) {
    if mouse {
        let _ = execute!(io::stdout(), DisableMouseCapture);
    }
    ratatui::restore();
    let _ = io::stdout().flush();
}

fn event_loop(
    terminal: &mut ratatui::DefaultTerminal,
    app: &mut App,
    theme: &Theme,
) -> io::Result<()> {
    let (tx, rx) = mpsc::channel::<Wake>();
    let input_tx = tx.clone();
    std::thread::spawn(move || {
        while let Ok(ev) = event::read() {
            if input_tx.send(Wake::Input(ev)).is_err() {
                break;
            }
        }
    });
    // Kept alive for the whole loop; dropping them stops watching.
    let _watchers = watch::start(&app.root, tx);
    let size = terminal.size()?;
    app.update(Action::Resize(size.width, size.height));
    if std::env::var_os("PLANBORD_TEST_PANIC").is_some() {
        terminal.draw(|f| ui::draw(f, app, theme))?;
        panic!("testpaniek: PLANBORD_TEST_PANIC is gezet");
    }
    loop {
        terminal.draw(|f| ui::draw(f, app, theme))?;
        // Idle means idle: only a running stand-up (timer, rotation) wakes up every second.
        let mut actions = Vec::new();
        if app.view == crate::app::View::Standup {
            match rx.recv_timeout(Duration::from_secs(1)) {
                Ok(wake) => collect(wake, app, terminal.size()?, &mut actions),
                Err(mpsc::RecvTimeoutError::Timeout) => actions.push(Action::Tick),
                Err(e) => return Err(io::Error::other(e.to_string())),
            }
        } else {
            let wake = rx.recv().map_err(|e| io::Error::other(e.to_string()))?;
            collect(wake, app, terminal.size()?, &mut actions);
        }
        // Take whatever else is waiting, so a burst of events draws once.
        while let Ok(w) = rx.recv_timeout(Duration::from_millis(0)) {
            collect(w, app, terminal.size()?, &mut actions);
        }
        app.now = now();
        for action in actions {
            let mut effects = app.update(action);
            while let Some(effect) = (!effects.is_empty()).then(|| effects.remove(0)) {
                match effect {
                    Effect::Quit => return Ok(()),
                    Effect::Save(bord) => {
                        if let Some(next) = save(app, &bord) {
                            effects.extend(app.update(next));
                        }
                    }
                    Effect::RemoveCopy(path) => {
                        if let Err(e) = storage::save::retire(&path) {
                            app.status.error = Some(e.to_string());
                        }
                    }
                    Effect::SaveOrganisatie => {
                        if let Some(next) = save_organisatie(app) {
                            effects.extend(app.update(next));
                        }
                    }
                }
            }
        }
    }
}

/// Turns what woke the loop into actions.
fn collect(wake: Wake, app: &App, size: ratatui::layout::Size, out: &mut Vec<Action>) {
    match wake {
        Wake::Input(Event::Key(k)) if k.kind != KeyEventKind::Release => out.push(Action::Key(k)),
        Wake::Input(Event::Resize(w, h)) => out.push(Action::Resize(w, h)),
        Wake::Input(Event::Mouse(m)) => match m.kind {
            MouseEventKind::Down(MouseButton::Left) => {
                let area = Rect::new(0, 0, size.width, size.height);
                if let Some(t) = ui::hit_test(app, area, m.column, m.row) {
                    out.push(Action::Click(t));
                }
            }
            MouseEventKind::ScrollUp => out.push(Action::Command(Command::Up)),
            MouseEventKind::ScrollDown => out.push(Action::Command(Command::Down)),
            _ => {}
        },
        Wake::Input(_) => {}
        Wake::Files(paths) => {
            for p in paths {
                if let Some(a) = file_action(app, &p, false) {
                    out.push(a);
                }
            }
        }
    }
}

/// What a changed path means for the app, if anything.
fn file_action(app: &App, path: &Path, during_save: bool) -> Option<Action> {
    let name = path.file_name()?.to_str()?.to_string();
    if !name.ends_with(".ron") || name.starts_with('.') {
        return None;
    }
    if name == storage::load::ORGANISATIE {
        let loaded = storage::load(&app.root);
        let same = loaded.organisatie_file.as_ref().map(|f| f.hash)
            == app.org_file.as_ref().map(|f| f.hash);
        return (!same).then(|| Action::WerkmapReloaded(Box::new(loaded)));
    }
    let known = app.board_files.iter().find(|f| f.name == name);
    if !path.exists() {
        return known.map(|_| Action::FileRemoved { name });
    }
    // A single-board session watches the folder but only cares about its own board.
    if known.is_none() && app.single_board {
        return None;
    }
    let bytes = std::fs::read(path).ok()?;
    if known.is_some_and(|f| f.hash == storage::ContentHash::of(&bytes)) {
        return None; // our own save, or nothing changed
    }
    let result =
        storage::load::read_board(path, &app.root, app.werkmap.organisatie.as_ref()).map(Box::new);
    Some(Action::FileChanged {
        name,
        result,
        during_save,
    })
}

/// Never write over a file we could not read: the refusal, when that is the case.
fn refuse_unreadable(app: &App, name: &str, bord: &str) -> Option<Action> {
    app.fouten
        .iter()
        .any(|d| d.bestand == name)
        .then(|| Action::SaveFailed {
            bord: bord.into(),
            melding: crate::text::niet_opslaan_onleesbaar(name),
        })
}

/// Keeps what a merge had to decide in `.planbord/samenvoegingen.log`; a log that cannot be
/// written must not stop the save that already succeeded.
fn log_merge(app: &App, name: &str, meldingen: &[String]) {
    let _ = storage::save::log_merge(&app.root, name, meldingen, crate::domain::Moment(app.now));
}

/// Saves `organisatie.ron`, merged with a colleague's save in between if there was one.
fn save_organisatie(app: &App) -> Option<Action> {
    let (Some(org), Some(file), Some(base)) =
        (&app.werkmap.organisatie, &app.org_file, &app.base_org)
    else {
        return Some(Action::SaveFailed {
            bord: String::new(),
            melding: crate::text::organisatie_ongeldig(),
        });
    };
    if let Some(refused) = refuse_unreadable(app, &file.name, "") {
        return Some(refused);
    }
    match storage::save::save_organisatie_merged(
        &file.path,
        base,
        org,
        file.hash,
        crate::domain::Moment(app.now),
    ) {
        Ok(s) if s.merged => {
            log_merge(app, &file.name, &s.report.meldingen);
            Some(Action::OrganisatieMerged {
                value: Box::new(s.value),
                hash: s.hash,
                meldingen: s.report.meldingen,
            })
        }
        Ok(s) => Some(Action::OrganisatieSaved(s.hash)),
        Err(e) => Some(Action::SaveFailed {
            bord: String::new(),
            melding: e.to_string(),
        }),
    }
}

/// Saves one board, merged with a colleague's save in between if there was one.
fn save(app: &App, bord: &str) -> Option<Action> {
    let i = app.werkmap.borden.iter().position(|b| b.id == bord)?;
    let file = &app.board_files[i];
    if let Some(refused) = refuse_unreadable(app, &file.name, bord) {
        return Some(refused);
    }
    match storage::save::save_bord_merged(
        &file.path,
        &app.base[i],
        &app.werkmap.borden[i],
        file.hash,
        crate::domain::Moment(app.now),
    ) {
        Ok(s) if s.merged => {
            log_merge(app, &file.name, &s.report.meldingen);
            Some(Action::Merged {
                bord: bord.into(),
                value: Box::new(s.value),
                hash: s.hash,
                meldingen: s.report.meldingen,
            })
        }
        Ok(s) => Some(Action::Saved {
            bord: bord.into(),
            hash: s.hash,
        }),
        Err(e) => Some(Action::SaveFailed {
            bord: bord.into(),
            melding: e.to_string(),
        }),
    }
}
