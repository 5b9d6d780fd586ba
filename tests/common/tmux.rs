//! A real terminal for the real binary: a tmux server of its own, killed when dropped.
#![allow(dead_code)]

use std::process::Command;
use std::sync::atomic::{AtomicU32, Ordering};
use std::time::{Duration, Instant};

/// Whether tmux is there; tests skip, saying so, where it is not (`.ci/run` installs it).
pub fn available() -> bool {
    let ok = Command::new("tmux").arg("-V").output().is_ok();
    if !ok {
        eprintln!("tmux ontbreekt: test overgeslagen");
    }
    ok
}

/// One tmux server with one pane, `t`.
pub struct Tmux {
    /// `-L NAME` or `-S PATH`: how to reach the server.
    server: [String; 2],
}

impl Tmux {
    /// A fresh socket name, unique in this test run.
    pub fn socket(prefix: &str) -> String {
        static N: AtomicU32 = AtomicU32::new(0);
        format!(
            "{prefix}-{}-{}",
            std::process::id(),
            N.fetch_add(1, Ordering::Relaxed)
        )
    }

    /// Runs `cmd` (a shell command) in a new 160×45 pane.
    pub fn start(cmd: &str) -> Tmux {
        Tmux::start_sized(cmd, 160, 45)
    }

    /// Runs `cmd` in a new pane of this size.
    pub fn start_sized(cmd: &str, w: u16, h: u16) -> Tmux {
        let t = Tmux {
            server: ["-L".into(), Tmux::socket("planbord-test")],
        };
        let ok = Command::new("tmux")
            .args(&t.server)
            .args([
                "new-session",
                "-d",
                "-x",
                &w.to_string(),
                "-y",
                &h.to_string(),
            ])
            .args(["-s", "t", cmd])
            .status()
            .expect("tmux runs");
        assert!(ok.success());
        t
    }

    /// A server someone else started on the socket file `path`.
    pub fn attach(path: &str) -> Tmux {
        Tmux {
            server: ["-S".into(), path.into()],
        }
    }

    pub fn tmux(&self, args: &[&str]) -> String {
        let out = Command::new("tmux")
            .args(&self.server)
            .args(args)
            .output()
            .unwrap();
        String::from_utf8_lossy(&out.stdout).into_owned()
    }

    /// Keys by name (`Enter`, `C-u`, `q`), with a breath between them.
    pub fn keys(&self, keys: &[&str]) {
        for k in keys {
            self.tmux(&["send-keys", "-t", "t", k]);
            std::thread::sleep(Duration::from_millis(40));
        }
    }

    /// Text typed literally.
    pub fn text(&self, s: &str) {
        self.tmux(&["send-keys", "-t", "t", "-l", s]);
    }

    pub fn screen(&self) -> String {
        self.tmux(&["capture-pane", "-p", "-J", "-t", "t"])
    }

    /// Waits until the screen shows `what`, and returns it.
    pub fn wait_for(&self, what: &str, seconds: u64) -> String {
        self.wait_until(what, |s| s.contains(what), seconds)
    }

    /// Waits until the screen passes `ok` (a frame may be captured half drawn on a busy
    /// machine, so a test waits for what it reads, not for something above it), and returns
    /// it; `what` names it in the failure.
    pub fn wait_until(&self, what: &str, ok: impl Fn(&str) -> bool, seconds: u64) -> String {
        let start = Instant::now();
        loop {
            let s = self.screen();
            if ok(&s) {
                return s;
            }
            assert!(
                start.elapsed() < Duration::from_secs(seconds),
                "`{what}` did not appear; screen:\n{s}"
            );
            std::thread::sleep(Duration::from_millis(100));
        }
    }

    /// A format variable of the pane (`#{alternate_on}`…).
    pub fn display(&self, format: &str) -> String {
        self.tmux(&["display-message", "-p", "-t", "t", format])
            .trim()
            .to_string()
    }
}

impl Drop for Tmux {
    fn drop(&mut self) {
        let _ = Command::new("tmux")
            .args(&self.server)
            .arg("kill-server")
            .stderr(std::process::Stdio::null())
            .status();
    }
}
