//! The real binary in a real terminal (tmux): open the demo, move a card, quit, and find the
//! move in the file; see a colleague's save appear; and a panic leaves the terminal usable.

use std::fs;
use std::path::Path;
use std::process::Command;
use std::time::{Duration, Instant};

use planbord::storage;

#[path = "common/tmux.rs"]
mod tmux;

use tmux::Tmux;

fn tmux_ok() -> bool {
    tmux::available()
}

fn demo_copy() -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    for e in fs::read_dir("boards").unwrap() {
        let e = e.unwrap();
        fs::copy(e.path(), dir.path().join(e.file_name())).unwrap();
    }
    dir
}

fn command(map: &Path, extra_env: &str) -> String {
    format!(
        "cd {} && PLANBORD_CONFIG=/nonexistent {extra_env} {} --vandaag 2026-11-23 {}; echo PLANBORD-EINDE $?; sleep 60",
        env!("CARGO_MANIFEST_DIR"),
        env!("CARGO_BIN_EXE_planbord"),
        map.display()
    )
}

/// Presses `j` until the overview selects the board with this title, then opens it.
fn open_board(t: &Tmux, title: &str) {
    t.wait_for("Opgaveteams", 10);
    for _ in 0..30 {
        if t.screen()
            .lines()
            .any(|l| l.contains(&format!("▶ {title}")))
        {
            t.keys(&["Enter"]);
            t.wait_for("Te doen", 5);
            return;
        }
        t.keys(&["j"]);
    }
    panic!("board {title} not found:\n{}", t.screen());
}

#[test]
fn move_a_card_quit_and_find_the_move_in_the_file() {
    if !tmux_ok() {
        return;
    }
    let dir = demo_copy();
    let file = dir.path().join("opgave-strand.ron");
    let before = storage::load(&file).werkmap.borden.remove(0);
    let first = before
        .kaarten
        .iter()
        .find(|k| k.kolom == "todo")
        .unwrap()
        .clone();
    let t = Tmux::start(&command(dir.path(), ""));
    open_board(&t, "Revitalisering Wassenaarse Slag");
    t.keys(&["L"]);
    t.wait_for("verplaatst naar Bezig", 5);
    // Written, then confirmed once the file stayed as written for 3 s.
    t.wait_for(" opgeslagen · ", 8);
    t.keys(&["q", "q"]);
    t.wait_for("PLANBORD-EINDE 0", 5);
    let after = storage::load(&file).werkmap.borden.remove(0);
    let moved = after.kaarten.iter().find(|k| k.id == first.id).unwrap();
    assert_eq!(moved.kolom, "bezig");
    // Nothing else changed.
    let mut expected = before.clone();
    expected.kaarten.retain(|k| k.id != first.id);
    let mut got = after.clone();
    got.kaarten.retain(|k| k.id != first.id);
    assert_eq!(got.sporen.split(' ').count(), 1, "one save: one token");
    expected.sporen = got.sporen.clone();
    assert_eq!(got, expected);
}

#[test]
fn a_colleagues_save_appears_on_screen() {
    if !tmux_ok() {
        return;
    }
    let dir = demo_copy();
    let file = dir.path().join("opgave-strand.ron");
    let t = Tmux::start(&command(dir.path(), ""));
    open_board(&t, "Revitalisering Wassenaarse Slag");
    let text = fs::read_to_string(&file).unwrap();
    let bord = storage::load(&file).werkmap.borden.remove(0);
    let first = bord.kaarten.iter().find(|k| k.kolom == "todo").unwrap();
    let changed = text.replacen(
        &format!("titel: \"{}\"", first.titel),
        "titel: \"Gewijzigd op een andere laptop\"",
        1,
    );
    assert_ne!(changed, text);
    // Another laptop saves the way planbord does: a temporary file renamed over the board.
    storage::save::write_atomic(&file, changed.as_bytes()).unwrap();
    let s = t.wait_for("Gewijzigd op een andere", 5);
    assert!(s.contains("herladen"), "{s}");
    t.keys(&["q", "q"]);
    t.wait_for("PLANBORD-EINDE 0", 5);
}

#[test]
fn a_panic_restores_the_terminal() {
    if !tmux_ok() {
        return;
    }
    let dir = demo_copy();
    let t = Tmux::start(&command(dir.path(), "PLANBORD_TEST_PANIC=1"));
    let s = t.wait_for("PLANBORD-EINDE", 10);
    assert!(
        s.contains("testpaniek"),
        "the panic message is readable after restore:\n{s}"
    );
    // Back on the normal screen, with mouse reporting off.
    assert_eq!(t.display("#{alternate_on}"), "0");
    assert_eq!(t.display("#{mouse_any_flag}"), "0");
}

/// The pid of planbord in the tmux pane (a child of the pane's shell).
#[cfg(unix)]
fn planbord_pid(t: &Tmux) -> Option<u32> {
    let shell = t.display("#{pane_pid}");
    let out = Command::new("pgrep")
        .args(["-P", shell.trim(), "planbord"])
        .output()
        .ok()?;
    String::from_utf8_lossy(&out.stdout)
        .lines()
        .next()?
        .trim()
        .parse()
        .ok()
}

#[cfg(unix)]
fn column_on_disk(file: &Path, id: &str) -> String {
    storage::load(file)
        .werkmap
        .borden
        .remove(0)
        .kaarten
        .into_iter()
        .find(|k| k.id == id)
        .unwrap()
        .kolom
}

#[cfg(unix)]
#[test]
fn a_move_is_on_screen_before_its_slow_save_finishes() {
    if !tmux_ok() {
        return;
    }
    if !tmux_ok() {
        return;
    }
    let dir = demo_copy();
    let file = dir.path().join("opgave-strand.ron");
    let first = storage::load(&file).werkmap.borden[0]
        .kaarten
        .iter()
        .find(|k| k.kolom == "todo")
        .unwrap()
        .id
        .clone();
    let t = Tmux::start(&command(dir.path(), ""));
    open_board(&t, "Revitalisering Wassenaarse Slag");
    // A colleague's save holds the lock for a while (a slow share).
    let lock = storage::lock::lock_path(&file);
    fs::create_dir_all(lock.parent().unwrap()).unwrap();
    let Ok(mut holder) = Command::new("flock")
        .arg(&lock)
        .args(["-c", "sleep 3"])
        .spawn()
    else {
        eprintln!("flock ontbreekt: test overgeslagen");
        return;
    };
    std::thread::sleep(Duration::from_millis(200));
    let start = Instant::now();
    t.keys(&["L"]);
    t.wait_for("verplaatst naar Bezig", 2);
    let shown = start.elapsed();
    assert_eq!(
        column_on_disk(&file, &first),
        "todo",
        "on screen in {shown:?}, while the save still waits for the lock"
    );
    assert!(shown < Duration::from_secs(1), "{shown:?}");
    holder.wait().unwrap();
    t.wait_for(" opgeslagen · ", 10);
    assert_eq!(column_on_disk(&file, &first), "bezig");
    t.keys(&["q", "q"]);
    t.wait_for("PLANBORD-EINDE 0", 5);
}

#[cfg(unix)]
#[test]
fn sigterm_saves_and_restores_the_terminal() {
    if !tmux_ok() {
        return;
    }
    if !tmux_ok() {
        return;
    }
    let dir = demo_copy();
    let file = dir.path().join("opgave-strand.ron");
    let first = storage::load(&file).werkmap.borden[0]
        .kaarten
        .iter()
        .find(|k| k.kolom == "todo")
        .unwrap()
        .id
        .clone();
    let t = Tmux::start(&command(dir.path(), ""));
    open_board(&t, "Revitalisering Wassenaarse Slag");
    let pid = planbord_pid(&t).expect("planbord runs");
    t.keys(&["L"]);
    Command::new("kill")
        .args(["-TERM", &pid.to_string()])
        .status()
        .unwrap();
    t.wait_for("PLANBORD-EINDE 0", 10);
    assert_eq!(column_on_disk(&file, &first), "bezig", "the edit was saved");
    for (what, flag) in [
        ("alternate screen", "#{alternate_on}"),
        ("mouse", "#{mouse_any_flag}"),
    ] {
        assert_eq!(t.display(flag), "0", "{what} off");
    }
    assert_eq!(t.display("#{cursor_flag}"), "1", "the cursor is visible");
}

#[cfg(unix)]
#[test]
fn a_closed_terminal_ends_the_program_even_when_sighup_is_ignored() {
    if !tmux_ok() {
        return;
    }
    if !tmux_ok() {
        return;
    }
    let dir = demo_copy();
    let t = Tmux::start(&format!("trap '' HUP; {}", command(dir.path(), "")));
    t.wait_for("Opgaveteams", 10);
    let pid = planbord_pid(&t).expect("planbord runs");
    t.tmux(&["kill-server"]);
    let start = Instant::now();
    while Path::new(&format!("/proc/{pid}")).exists() {
        assert!(
            start.elapsed() < Duration::from_secs(8),
            "planbord {pid} still runs after its terminal closed"
        );
        std::thread::sleep(Duration::from_millis(100));
    }
}

#[test]
fn quitting_with_edits_that_cannot_be_saved_offers_to_keep_them_elsewhere() {
    if !tmux_ok() {
        return;
    }
    let dir = demo_copy();
    let home = tempfile::tempdir().unwrap();
    // A file where the lock folder should be: every save fails.
    fs::write(dir.path().join(".planbord"), "geen map").unwrap();
    let env = format!("HOME={h} XDG_DATA_HOME={h}/data", h = home.path().display());
    let t = Tmux::start(&command(dir.path(), &env));
    open_board(&t, "Revitalisering Wassenaarse Slag");
    t.keys(&["L"]);
    let s = t.wait_for("1 wijziging niet opgeslagen", 5);
    assert!(
        s.contains("kan de vergrendeling in"),
        "the reason shows: {s}"
    );
    t.keys(&["q", "q"]);
    let s = t.wait_for("Afsluiten met wijzigingen", 5);
    assert!(s.contains("Bewaren buiten de werkmap"), "{s}");
    t.keys(&["2", "Enter"]);
    let s = t.wait_for("PLANBORD-EINDE 0", 10);
    assert!(s.contains("niet-opgeslagen wijzigingen bewaard in"), "{s}");
    let kept: Vec<_> = fs::read_dir(home.path().join("data/planbord/niet-opgeslagen"))
        .unwrap()
        .flatten()
        .collect();
    assert_eq!(kept.len(), 1);
    let name = kept[0].file_name().into_string().unwrap();
    assert!(
        name.starts_with("opgave-strand-") && name.ends_with(".ron"),
        "{name}"
    );
    assert!(storage::load(&kept[0].path()).fouten.is_empty());
}

#[test]
fn a_board_file_opens_on_its_board_with_the_whole_werkmaps_load() {
    if !tmux_ok() {
        return;
    }
    let dir = demo_copy();
    let t = Tmux::start(&command(&dir.path().join("opgave-strand.ron"), ""));
    // Rik Sluiter works for three opgaven: the strip counts all of them, not this board's.
    let s = t.wait_until(
        "the load row of Rik Sluiter",
        |s| {
            s.lines()
                .any(|l| l.contains("Rik Sluiter") && l.contains('%'))
        },
        10,
    );
    assert!(s.contains("Revitalisering Wassenaarse Slag"), "{s}");
    let rik = s
        .lines()
        .find(|l| l.contains("Rik Sluiter") && l.contains('%'))
        .unwrap_or_else(|| panic!("no load row for Rik Sluiter:\n{s}"));
    assert!(rik.contains("119%"), "{rik}");
    t.keys(&["Escape"]);
    t.wait_for("Opgaveteams", 5);
    t.keys(&["q"]);
    t.wait_for("PLANBORD-EINDE 0", 5);
}

#[test]
fn a_board_file_named_inside_its_werkmap_opens_on_the_board() {
    if !tmux_ok() {
        return;
    }
    let dir = demo_copy();
    let run = format!(
        "cd {} && PLANBORD_CONFIG=/nonexistent {} opgave-strand.ron --vandaag 2026-11-23; echo PLANBORD-EINDE $?; sleep 60",
        dir.path().display(),
        env!("CARGO_BIN_EXE_planbord"),
    );
    let t = Tmux::start(&run);
    let s = t.wait_for("Te doen", 10);
    assert!(s.contains("Revitalisering Wassenaarse Slag"), "{s}");
    assert!(!s.contains("met een fout"), "{s}");
    t.keys(&["q", "q"]);
    t.wait_for("PLANBORD-EINDE 0", 5);
}

#[test]
fn started_in_the_werkmap_folder_a_save_is_not_taken_for_a_copy() {
    if !tmux_ok() {
        return;
    }
    let dir = demo_copy();
    // No argument: the current folder holds organisatie.ron, so it is the werkmap (".").
    let run = format!(
        "cd {} && PLANBORD_CONFIG=/nonexistent {} --vandaag 2026-11-23; echo PLANBORD-EINDE $?; sleep 60",
        dir.path().display(),
        env!("CARGO_BIN_EXE_planbord"),
    );
    let t = Tmux::start(&run);
    open_board(&t, "Revitalisering Wassenaarse Slag");
    t.keys(&["L"]);
    t.wait_for(" opgeslagen · ", 8);
    // A colleague saves twice: each reload must find the board by its own name.
    let file = dir.path().join("opgave-strand.ron");
    for titel in [
        "Eerste wijziging van een collega",
        "Tweede wijziging van een collega",
    ] {
        let text = fs::read_to_string(&file).unwrap();
        let bord = storage::load(&file).werkmap.borden.remove(0);
        let k = bord.kaarten.iter().find(|k| k.kolom == "todo").unwrap();
        let changed = text.replacen(
            &format!("titel: \"{}\"", k.titel),
            &format!("titel: \"{titel}\""),
            1,
        );
        storage::save::write_atomic(&file, changed.as_bytes()).unwrap();
        t.wait_for(&titel[..20], 5);
    }
    t.keys(&["Escape"]);
    let s = t.wait_for("Opgaveteams", 5);
    assert!(!s.contains("Conflictkopie"), "{s}");
    assert!(dir.path().join("opgave-strand.ron").is_file());
    t.keys(&["q"]);
    t.wait_for("PLANBORD-EINDE 0", 5);
}

#[test]
fn a_resized_terminal_is_redrawn_without_a_key() {
    if !tmux_ok() {
        return;
    }
    let dir = demo_copy();
    let t = Tmux::start_sized(&command(dir.path(), ""), 80, 24);
    t.wait_for("Opgaveteams", 10);
    t.tmux(&["resize-window", "-t", "t", "-x", "50", "-y", "14"]);
    t.wait_for("venster te klein", 5);
    t.tmux(&["resize-window", "-t", "t", "-x", "120", "-y", "35"]);
    t.wait_for("Opgaveteams", 5);
    t.keys(&["q"]);
    t.wait_for("PLANBORD-EINDE 0", 5);
}
