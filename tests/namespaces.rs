//! Two laptops for real: two `planbord` processes, each in its own PID and UTS namespace (its
//! own process table and host name, as on two machines), each in its own tmux, on one werkmap,
//! while a third process deletes the lock files in a loop (a share that ignores locks). Needs
//! root, `unshare` and tmux; skipped with a message where they are missing.

#[path = "common/tmux.rs"]
mod tmux;

use std::fs;
use std::path::Path;
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

use planbord::storage;
use tmux::Tmux;

/// A planbord in tmux in namespaces of its own; the tmux server goes first when dropped, then
/// the namespace's first process ends.
struct Laptop {
    pane: Tmux,
    init: Child,
    socket: String,
}

fn usable() -> bool {
    let root = Command::new("id")
        .arg("-u")
        .output()
        .is_ok_and(|o| String::from_utf8_lossy(&o.stdout).trim() == "0");
    let unshare = Command::new("unshare")
        .args(["--pid", "--fork", "--mount-proc", "--uts", "true"])
        .status()
        .is_ok_and(|s| s.success());
    let tmux = Command::new("tmux").arg("-V").output().is_ok();
    if !(root && unshare && tmux) {
        eprintln!("namespaces-test overgeslagen: root, unshare en tmux zijn nodig");
    }
    root && unshare && tmux
}

impl Laptop {
    /// Starts planbord on `file` in tmux, inside new PID and UTS namespaces named `host`.
    fn start(host: &str, file: &Path) -> Laptop {
        let socket = std::env::temp_dir()
            .join(Tmux::socket("planbord-ns"))
            .display()
            .to_string();
        let run = format!(
            "PLANBORD_CONFIG=/nonexistent USER={host} {} {} --vandaag 2026-11-23; echo PLANBORD-EINDE $?; sleep 30",
            env!("CARGO_BIN_EXE_planbord"),
            file.display()
        );
        // The namespace lives as long as its first process: keep it until tmux is gone.
        let script = format!(
            "hostname {host}; tmux -S {socket} -f /dev/null new-session -d -x 120 -y 40 -s t \"$0\"; \
             while tmux -S {socket} has-session 2>/dev/null; do sleep 0.2; done",
        );
        let init = Command::new("unshare")
            .args(["--pid", "--fork", "--mount-proc", "--uts", "sh", "-c"])
            .arg(script)
            .arg(run)
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .unwrap();
        let l = Laptop {
            pane: Tmux::attach(&socket),
            init,
            socket,
        };
        l.wait_for_server();
        l.pane.wait_for("Opgaveteam", 15);
        l
    }

    /// The namespace starts tmux itself: wait until its server answers.
    fn wait_for_server(&self) {
        let start = Instant::now();
        while self.pane.screen().is_empty() && start.elapsed() < Duration::from_secs(10) {
            std::thread::sleep(Duration::from_millis(50));
        }
    }

    /// Waits for the board: planbord opens a board file on its board.
    fn open_board(&self) {
        self.pane.wait_for("Te doen", 10);
    }

    fn quit(&self) {
        self.pane.keys(&["q", "q"]);
        self.pane.wait_for("PLANBORD-EINDE 0", 20);
    }

    fn keys(&self, keys: &[&str]) {
        for k in keys {
            self.pane.tmux(&["send-keys", "-t", "t", k]);
        }
    }

    fn text(&self, s: &str) {
        self.pane.text(s);
    }
}

impl Drop for Laptop {
    fn drop(&mut self) {
        // The server first: the namespace's first process waits for it to go.
        let _ = Command::new("tmux")
            .args(["-S", &self.socket, "kill-server"])
            .stderr(Stdio::null())
            .status();
        let _ = self.init.wait();
    }
}

/// Deletes the lock files in a loop, as a share that ignores them would; stopped when
/// dropped, also when a test fails.
struct LockThief(Child);

fn lock_thief(root: &Path) -> LockThief {
    let locks = root.join(".planbord/locks");
    LockThief(
        Command::new("sh")
            .arg("-c")
            .arg(format!("while :; do rm -f '{}'/*; done", locks.display()))
            .stdin(Stdio::null())
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .unwrap(),
    )
}

impl Drop for LockThief {
    fn drop(&mut self) {
        let _ = self.0.kill();
        let _ = self.0.wait();
    }
}

fn werkmap() -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    for e in fs::read_dir("boards").unwrap() {
        let e = e.unwrap();
        fs::copy(e.path(), dir.path().join(e.file_name())).unwrap();
    }
    dir
}

fn board(dir: &Path) -> planbord::domain::Bord {
    storage::load(&dir.join("opgave-strand.ron"))
        .werkmap
        .borden
        .remove(0)
}

/// Waits until the file has not changed for `quiet` (both laptops done repairing).
fn wait_quiet(file: &Path, quiet: Duration, max: Duration) {
    let start = Instant::now();
    let mut last = fs::read(file).unwrap();
    let mut since = Instant::now();
    while start.elapsed() < max {
        std::thread::sleep(Duration::from_millis(200));
        let now = fs::read(file).unwrap_or_default();
        if now != last {
            last = now;
            since = Instant::now();
        } else if since.elapsed() >= quiet {
            return;
        }
    }
    panic!("the file kept changing");
}

#[test]
fn two_laptops_without_locks_lose_no_note() {
    if !usable() {
        return;
    }
    let dir = werkmap();
    let file = dir.path().join("opgave-strand.ron");
    let card = board(dir.path())
        .kaarten
        .into_iter()
        .find(|k| k.kolom == "todo")
        .unwrap();
    let a = Laptop::start("laptop-a", &file);
    let b = Laptop::start("laptop-b", &file);
    a.open_board();
    b.open_board();
    let thief = lock_thief(dir.path());
    let typing = |l: &Laptop, who: &str| {
        for i in 0..32 {
            l.keys(&["a"]);
            l.text(&format!("{who}-{i:02}"));
            l.keys(&["Enter"]);
            std::thread::sleep(Duration::from_millis(30));
        }
    };
    std::thread::scope(|s| {
        s.spawn(|| typing(&a, "a"));
        s.spawn(|| typing(&b, "b"));
    });
    wait_quiet(&file, Duration::from_secs(6), Duration::from_secs(60));
    drop(thief);
    a.quit();
    b.quit();
    let k = board(dir.path())
        .kaarten
        .into_iter()
        .find(|k| k.id == card.id)
        .unwrap();
    let missing: Vec<String> = ["a", "b"]
        .iter()
        .flat_map(|w| (0..32).map(move |i| format!("{w}-{i:02}")))
        .filter(|t| !k.notities.iter().any(|n| &n.tekst == t))
        .collect();
    assert!(missing.is_empty(), "lost notes: {missing:?}");
}

#[test]
fn two_laptops_without_locks_keep_both_fields_and_a_delete_meets_an_edit() {
    if !usable() {
        return;
    }
    let dir = werkmap();
    let file = dir.path().join("opgave-strand.ron");
    let todo: Vec<_> = board(dir.path())
        .kaarten
        .into_iter()
        .filter(|k| k.kolom == "todo")
        .collect();
    let a = Laptop::start("laptop-a", &file);
    let b = Laptop::start("laptop-b", &file);
    a.open_board();
    b.open_board();
    let thief = lock_thief(dir.path());
    // A renames the first card again and again; B changes its case number meanwhile.
    std::thread::scope(|s| {
        s.spawn(|| {
            for i in 0..10 {
                a.keys(&["e", "C-u"]);
                a.text(&format!("Titel van A {i}"));
                a.keys(&["Enter"]);
                std::thread::sleep(Duration::from_millis(60));
            }
        });
        s.spawn(|| {
            for i in 0..10 {
                b.keys(&["e"]);
                for _ in 0..7 {
                    b.keys(&["Tab"]);
                }
                b.keys(&["C-u"]);
                b.text(&format!("Z/26/{i:06}"));
                b.keys(&["Enter"]);
                std::thread::sleep(Duration::from_millis(60));
            }
        });
    });
    wait_quiet(&file, Duration::from_secs(6), Duration::from_secs(60));
    let k = board(dir.path())
        .kaarten
        .into_iter()
        .find(|k| k.id == todo[0].id)
        .unwrap();
    let notes: Vec<&str> = k.notities.iter().map(|n| n.tekst.as_str()).collect();
    assert_eq!(k.titel, "Titel van A 9", "{notes:#?}");
    assert_eq!(k.zaak.as_deref(), Some("Z/26/000009"), "{notes:#?}");
    // A deletes the second card while B edits it.
    a.keys(&["j", "d", "j"]);
    b.keys(&["j", "e", "C-u"]);
    b.text("Door B bijgewerkt");
    b.keys(&["Enter"]);
    wait_quiet(&file, Duration::from_secs(6), Duration::from_secs(60));
    drop(thief);
    a.quit();
    b.quit();
    let bord = board(dir.path());
    // Either A deleted the card as B had left it (A saw B's edit), or the card is there with
    // B's edit (put back, kept, or the dialog closed because the card changed under it).
    if let Some(k) = bord.kaarten.iter().find(|k| k.id == todo[1].id) {
        assert_eq!(k.titel, "Door B bijgewerkt");
    }
}
