//! The terminal shell: owns the terminal, reads input, file changes and signals, feeds actions
//! to the app, hands its effects to the disk worker, and restores the terminal on every exit
//! (quit, error, panic, SIGTERM, SIGHUP, SIGINT, a terminal that went away).
//!
//! Owns: the terminal, the clock, signals, the file watcher and the disk worker thread. May use:
//! every layer below it (`app`, `ui`, `storage`, …); nothing uses it but `main.rs`.

mod signals;
mod terminal;
mod watch;
pub mod worker;

use std::collections::HashMap;
use std::io::{self, Write};
use std::path::Path;
use std::sync::mpsc;
use std::time::{Duration, Instant};

use chrono::{NaiveDate, Timelike};
use ratatui::crossterm::event::{
    self, DisableMouseCapture, EnableMouseCapture, Event, KeyEventKind, MouseButton, MouseEventKind,
};
use ratatui::crossterm::execute;
use ratatui::layout::Rect;

use crate::app::{Action, App, Config, Effect, Now};
use crate::storage;
use crate::ui::{self, Theme};
use worker::{Job, Worker};

/// What wakes the loop up.
pub enum Wake {
    Input(Event),
    /// The terminal can no longer be read (closed, hung up).
    InputClosed,
    Files(Vec<std::path::PathBuf>),
    /// The disk worker reports.
    Disk(Box<Action>),
    /// SIGTERM, SIGHUP or SIGINT.
    Signal,
    /// The terminal changed size (SIGWINCH).
    Resized,
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
    let (path, bord_bestand) = storage::load::werkmap_van(path);
    let bord_bestand = bord_bestand.as_deref();
    // One spelling of the werkmap for the watcher, the saves and the screen: `.` (the werkmap
    // found in the current folder) made absolute, or a save of our own looks like a stranger's
    // file next to it.
    let path = std::path::absolute(&path).unwrap_or(path);
    let path = path.as_path();
    let loaded = storage::load(path);
    let login = login();
    let mut app = App::new(
        loaded,
        config,
        vandaag,
        now(),
        &login,
        storage::save::random_bits(),
    )
    .single_board(path.is_file());
    if let Some(naam) = bord_bestand {
        app.open_board_file(naam);
    }
    if let Some(start) = standup {
        let borden = crate::app::standup::doel_borden(&app.session.werkmap, start.doel.as_deref())
            .map_err(io::Error::other)?;
        app.start_standup_alone(borden, start.minuten, start.roteer);
    }
    app.update(Action::Say(crate::app::Status {
        message: created.then(|| crate::wording::demo_aangemaakt(path)),
        error: config_error,
        ..Default::default()
    }));
    let theme = Theme::named(
        app.session.config.thema.as_deref(),
        std::env::var_os("NO_COLOR").is_some_and(|v| !v.is_empty()),
    );
    let mouse = app.session.config.muis();

    install_panic_hook(mouse);
    let mut terminal = init_screen()?;
    if mouse {
        execute!(io::stdout(), EnableMouseCapture)?;
    }
    let result = event_loop(&mut terminal, &mut app, &theme, path);
    restore(mouse);
    if let Some(m) = app
        .session
        .status
        .message
        .as_ref()
        .filter(|_| app.session.leaving.terminating || app.session.leaving.saved_elsewhere)
    {
        eprintln!("planbord: {m}");
    }
    result
}

/// The login name that signs notes when no `gebruiker` is configured: from the environment,
/// else (on Unix) the account of the process's user, else "onbekend".
fn login() -> String {
    ["USER", "LOGNAME", "USERNAME"]
        .iter()
        .find_map(|v| std::env::var(v).ok().filter(|s| !s.is_empty()))
        .or_else(account_name)
        .unwrap_or_else(|| "onbekend".into())
}

/// The name of the process's user in /etc/passwd.
#[cfg(unix)]
fn account_name() -> Option<String> {
    let passwd = std::fs::read_to_string("/etc/passwd").ok()?;
    name_of_uid(&passwd, rustix::process::getuid().as_raw())
}

/// The account name of `uid` in the text of /etc/passwd (`name:x:uid:gid:…`).
fn name_of_uid(passwd: &str, uid: u32) -> Option<String> {
    let uid = uid.to_string();
    passwd.lines().find_map(|l| {
        let mut f = l.split(':');
        let name = f.next()?;
        (f.nth(1)? == uid).then(|| name.to_string())
    })
}

#[cfg(not(unix))]
fn account_name() -> Option<String> {
    None
}

fn now() -> chrono::NaiveDateTime {
    let t = chrono::Local::now().naive_local();
    t.with_nanosecond(0).unwrap_or(t)
}

/// The screen: raw mode, the alternate screen, and a backend that writes each frame in one
/// piece (the standard output's own buffer would send it in 1 KB writes, which a terminal
/// or tmux then parses and shows one by one).
type Screen = ratatui::Terminal<ratatui::backend::CrosstermBackend<io::BufWriter<io::Stdout>>>;

fn init_screen() -> io::Result<Screen> {
    ratatui::crossterm::terminal::enable_raw_mode()?;
    execute!(
        io::stdout(),
        ratatui::crossterm::terminal::EnterAlternateScreen,
        ratatui::crossterm::event::EnableBracketedPaste
    )?;
    let out = io::BufWriter::with_capacity(1 << 17, io::stdout());
    ratatui::Terminal::new(ratatui::backend::CrosstermBackend::new(out))
}

/// Restores the terminal on a panic, mouse capture included.
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
    let _ = execute!(
        io::stdout(),
        ratatui::crossterm::event::DisableBracketedPaste
    );
    ratatui::restore();
    let _ = io::stdout().flush();
}

fn event_loop(terminal: &mut Screen, app: &mut App, theme: &Theme, path: &Path) -> io::Result<()> {
    let started = Instant::now();
    let clock = || Now {
        mono: started.elapsed().as_millis() as u64,
        local: now(),
    };
    let (tx, rx) = mpsc::channel::<Wake>();
    read_input(tx.clone());
    let _signals = signals::start(tx.clone());
    // Kept alive for the whole loop; dropping them stops watching.
    let _watchers = watch::start(&app.session.root, tx.clone());
    let worker = start_worker(app, path, &login(), tx);
    storage::load::clean_stray_temp_files(&app.session.root, STRAY_TEMP_AGE);
    app.update(Action::Tick(clock()));
    let size = terminal.size()?;
    app.update(Action::Resize(size.width, size.height));
    if std::env::var_os("PLANBORD_TEST_PANIC").is_some() {
        terminal.draw(|f| ui::draw(f, app, theme))?;
        panic!("testpaniek: PLANBORD_TEST_PANIC is gezet");
    }
    loop {
        if terminal.draw(|f| ui::draw(f, app, theme)).is_err() {
            // The terminal is gone: save what can be saved and stop.
            if run_effects(app.update(Action::Terminate), app, &worker) {
                return Ok(());
            }
        }
        // Saves start after the frame is out: the screen shows an edit before its save.
        if run_effects(app.update(Action::Tick(clock())), app, &worker) {
            return Ok(());
        }
        // Idle means idle: wake for input, files, the worker, or the next deadline.
        let now = clock().mono;
        let wait = Duration::from_millis(next_wake(app, now).saturating_sub(now).max(1));
        let first = match rx.recv_timeout(wait) {
            Ok(w) => Some(w),
            Err(mpsc::RecvTimeoutError::Timeout) => None,
            Err(e) => return Err(io::Error::other(e.to_string())),
        };
        let mut actions = vec![Action::Tick(clock())];
        if terminal::gone() {
            actions.push(Action::Terminate);
        }
        let size = terminal.size().unwrap_or_default();
        // Take whatever else is waiting, so a burst of events draws once.
        for w in first
            .into_iter()
            .chain(std::iter::from_fn(|| rx.try_recv().ok()))
        {
            collect(w, app, size, &worker, &mut actions);
        }
        for action in actions {
            if run_effects(app.update(action), app, &worker) {
                return Ok(());
            }
        }
    }
}

/// Reads the terminal's input on a thread of its own and sends it on.
fn read_input(tx: mpsc::Sender<Wake>) {
    std::thread::spawn(move || {
        // A terminal that is gone (closed, or hung up with SIGHUP ignored) would make
        // crossterm's reader spin: look first, and stop when it is gone.
        loop {
            match terminal::wait(Duration::from_secs(10)) {
                terminal::Input::Gone => break,
                terminal::Input::Quiet => {}
                terminal::Input::Ready => {
                    // Only what is there now: crossterm must not wait on its own.
                    while let Ok(true) = event::poll(Duration::ZERO) {
                        let Ok(ev) = event::read() else { break };
                        if tx.send(Wake::Input(ev)).is_err() {
                            return;
                        }
                    }
                }
            }
        }
        let _ = tx.send(Wake::InputClosed);
    });
}

/// Starts the disk worker, knowing the files as the app read them.
fn start_worker(app: &App, path: &Path, login: &str, tx: mpsc::Sender<Wake>) -> Worker {
    let files = &app.session.files;
    let known: HashMap<String, storage::ContentHash> = files
        .borden
        .values()
        .map(|s| (s.meta.name.clone(), s.meta.hash))
        .chain(
            files
                .organisatie
                .iter()
                .map(|s| (s.meta.name.clone(), s.meta.hash)),
        )
        .collect();
    let single = app
        .session
        .single_board
        .then(|| {
            path.file_name()
                .and_then(|n| n.to_str())
                .map(str::to_string)
        })
        .flatten();
    Worker::start(
        app.session.root.clone(),
        known,
        app.session.werkmap.organisatie.clone(),
        single,
        login,
        tx,
    )
}

/// When the loop must wake without input: a save due, a confirmation, the quit deadline, a
/// stand-up second, and now and then to check that the terminal is still there (an idle
/// check costs one ioctl).
fn next_wake(app: &App, now: u64) -> u64 {
    let mut wake = now + ALIVE_CHECK;
    if let Some(d) = app.session.files.next_deadline() {
        wake = wake.min(d);
    }
    if let Some(q) = app.session.leaving.deadline {
        wake = wake.min(q);
    }
    if app.view == crate::app::View::Standup {
        wake = wake.min(now + 1000);
    }
    wake
}

/// Temporary files of a save that was killed are removed at the next start, once they are
/// older than any save in progress could be.
const STRAY_TEMP_AGE: Duration = Duration::from_secs(600);

/// How often an idle screen checks that its terminal is still there (ms).
const ALIVE_CHECK: u64 = 30_000;

/// Carries out the app's effects; `true` when the app asks to quit.
fn run_effects(effects: Vec<Effect>, app: &mut App, worker: &Worker) -> bool {
    let mut quit = false;
    for effect in effects {
        match effect {
            Effect::Quit => quit = true,
            Effect::Save(req) => worker.send(Job::Save(req, app.session.now)),
            Effect::RemoveCopy(path) => worker.send(Job::Retire(path, app.session.now)),
            Effect::SaveElsewhere(docs) => {
                worker.send(Job::SaveElsewhere(docs, app.session.now));
            }
            Effect::Vastleggen { bestand, entries } => {
                worker.send(Job::Vastleggen(bestand, entries));
            }
            Effect::LeesHistorie { bestand } => worker.send(Job::LeesHistorie(bestand)),
        }
    }
    quit
}

/// Turns what woke the loop into actions.
fn collect(
    wake: Wake,
    app: &App,
    size: ratatui::layout::Size,
    worker: &Worker,
    out: &mut Vec<Action>,
) {
    match wake {
        Wake::Input(Event::Key(k)) if k.kind != KeyEventKind::Release => out.push(Action::Key(k)),
        Wake::Input(Event::Resize(w, h)) => out.push(Action::Resize(w, h)),
        Wake::Input(Event::Paste(text)) => out.push(Action::Paste(text)),
        Wake::Input(Event::Mouse(m)) => match m.kind {
            MouseEventKind::Down(MouseButton::Left) => {
                let area = Rect::new(0, 0, size.width, size.height);
                if let Some(t) = ui::hit_test(app, area, m.column, m.row) {
                    out.push(Action::Click(t));
                }
            }
            MouseEventKind::ScrollUp | MouseEventKind::ScrollDown => {
                let area = Rect::new(0, 0, size.width, size.height);
                out.push(Action::Wheel {
                    over: ui::hit_test(app, area, m.column, m.row),
                    down: m.kind == MouseEventKind::ScrollDown,
                });
            }
            _ => {}
        },
        Wake::Input(_) => {}
        Wake::Resized => out.push(Action::Resize(size.width, size.height)),
        Wake::InputClosed | Wake::Signal => out.push(Action::Terminate),
        Wake::Files(paths) => worker.send(Job::Look(paths)),
        Wake::Disk(action) => out.push(*action),
    }
}

#[cfg(test)]
mod tests {

    #[test]
    fn the_account_name_is_read_from_passwd() {
        let passwd =
            "root:x:0:0:root:/root:/bin/bash\nmdehaan:x:1000:1000:M de Haan:/home/m:/bin/sh\n";
        assert_eq!(super::name_of_uid(passwd, 1000).as_deref(), Some("mdehaan"));
        assert_eq!(super::name_of_uid(passwd, 0).as_deref(), Some("root"));
        assert_eq!(super::name_of_uid(passwd, 1001), None);
    }
}
