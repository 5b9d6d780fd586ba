//! Issue 8, "nothing lost": where the werkmap is (DESIGN.md section 4), the same for every
//! command, and no command overwrites or creates what the user did not ask for.
//!
//! Every test runs the binary in a sandbox: its own current folder, HOME, XDG folders and
//! config file, so the real user's data folder is never touched. Unix only: Windows finds the
//! data folder without looking at HOME or XDG, so there the sandbox would not hold.
#![cfg(unix)]

use std::fs;
use std::path::{Path, PathBuf};
use std::process::{Command, Output};

#[path = "common/tmux.rs"]
mod tmux;
use tmux::Tmux;

const ORG: &str =
    "Organisatie(versie: 1, naam: \"Test\", clusters: [Cluster(id: \"x\", naam: \"X\")])";

fn bord(id: &str) -> String {
    format!(
        "Bord(versie: 1, id: \"{id}\", titel: \"Bord {id}\", soort: Clusterkamer(cluster: \"x\"), kolommen: [Kolom(id: \"a\", naam: \"A\")])"
    )
}

/// A sandbox: `cwd` (empty), `home`, the data folder planbord would use, and a config path.
struct Sandbox {
    dir: tempfile::TempDir,
}

impl Sandbox {
    fn new() -> Sandbox {
        let s = Sandbox {
            dir: tempfile::tempdir().unwrap(),
        };
        for d in ["cwd", "home", "data", "config"] {
            fs::create_dir(s.path(d)).unwrap();
        }
        s
    }

    fn path(&self, rel: &str) -> PathBuf {
        self.dir.path().join(rel)
    }

    fn config(&self) -> PathBuf {
        self.path("config/config.ron")
    }

    /// The folder planbord's TUI would fill with a demo.
    fn data_werkmap(&self) -> PathBuf {
        self.path("data/planbord/werkmap")
    }

    fn env(&self) -> Vec<(&'static str, PathBuf)> {
        vec![
            ("HOME", self.path("home")),
            ("XDG_DATA_HOME", self.path("data")),
            ("XDG_CONFIG_HOME", self.path("config")),
            ("PLANBORD_CONFIG", self.config()),
        ]
    }

    fn run(&self, args: &[&str]) -> Output {
        Command::new(env!("CARGO_BIN_EXE_planbord"))
            .args(args)
            .current_dir(self.path("cwd"))
            .envs(self.env())
            .output()
            .expect("the binary runs")
    }

    /// A werkmap with `organisatie.ron` and one board `id` at `rel`.
    fn werkmap(&self, rel: &str, id: &str) -> PathBuf {
        let p = self.path(rel);
        fs::create_dir_all(&p).unwrap();
        fs::write(p.join("organisatie.ron"), ORG).unwrap();
        fs::write(p.join(format!("{id}.ron")), bord(id)).unwrap();
        p
    }
}

fn stderr(o: &Output) -> String {
    String::from_utf8_lossy(&o.stderr).into_owned()
}

fn stdout(o: &Output) -> String {
    String::from_utf8_lossy(&o.stdout).into_owned()
}

/// Every file under `dir`, relative.
fn files(dir: &Path) -> Vec<String> {
    let mut out = Vec::new();
    if let Ok(entries) = fs::read_dir(dir) {
        for e in entries {
            let p = e.unwrap().path();
            if p.is_dir() {
                out.extend(
                    files(&p)
                        .into_iter()
                        .map(|f| format!("{}/{f}", p.file_name().unwrap().to_string_lossy())),
                );
            } else {
                out.push(p.file_name().unwrap().to_string_lossy().into_owned());
            }
        }
    }
    out.sort();
    out
}

#[test]
fn no_command_without_a_werkmap_creates_one() {
    let s = Sandbox::new();
    for args in [
        &["controleer"][..],
        &["capaciteit"],
        &["rapport"],
        &["git-setup"],
        &["check"],
        &[],
    ] {
        let out = s.run(args);
        assert_eq!(out.status.code(), Some(2), "{args:?}: {}", stderr(&out));
        assert!(
            stderr(&out).contains("geen werkmap gevonden"),
            "{args:?}: {}",
            stderr(&out)
        );
        assert_eq!(
            files(s.dir.path()),
            Vec::<String>::new(),
            "{args:?} wrote something"
        );
    }
}

#[test]
fn a_named_werkmap_that_does_not_exist_is_an_error_naming_where_it_came_from() {
    let s = Sandbox::new();
    // A fallback would find this one.
    s.werkmap("cwd/boards", "b");
    let cases: [(&[&str], &str); 5] = [
        (
            &["controleer", "/bestaat-niet"],
            "genoemd op de opdrachtregel",
        ),
        (
            &["capaciteit", "--werkmap", "/bestaat-niet"],
            "genoemd met --werkmap",
        ),
        (&["rapport", "/bestaat-niet"], "genoemd op de opdrachtregel"),
        (
            &["git-setup", "/bestaat-niet"],
            "genoemd op de opdrachtregel",
        ),
        (&["/bestaat-niet"], "genoemd op de opdrachtregel"),
    ];
    for (args, bron) in cases {
        let out = s.run(args);
        assert_eq!(out.status.code(), Some(2), "{args:?}");
        let err = stderr(&out);
        assert!(
            err.contains("de werkmap /bestaat-niet bestaat niet") && err.contains(bron),
            "{args:?}: {err}"
        );
        assert_eq!(
            stdout(&out),
            "",
            "{args:?}: nothing printed as if it worked"
        );
    }

    // From the config: an unmounted share is an error, not ./boards.
    fs::write(s.config(), "Config(werkmap: \"/mnt/niet-gekoppeld\")").unwrap();
    let out = s.run(&["controleer"]);
    assert_eq!(out.status.code(), Some(2));
    let err = stderr(&out);
    assert!(
        err.contains("/mnt/niet-gekoppeld bestaat niet")
            && err.contains("de `werkmap` in de config")
            && err.contains(&s.config().display().to_string()),
        "{err}"
    );
}

#[test]
fn the_order_is_argument_current_folder_config_boards() {
    let s = Sandbox::new();
    let first_line = |args: &[&str]| {
        let out = s.run(args);
        assert!(out.status.code() != Some(2), "{args:?}: {}", stderr(&out));
        stdout(&out).lines().next().unwrap_or_default().to_string()
    };
    s.werkmap("cwd/boards", "uit-boards");
    assert_eq!(
        first_line(&["controleer"]),
        "Werkmap boards (1 borden)",
        "./boards without config"
    );
    let gedeeld = s.werkmap("gedeeld", "gedeeld");
    fs::write(
        s.config(),
        format!("Config(werkmap: \"{}\")", gedeeld.display()),
    )
    .unwrap();
    assert_eq!(
        first_line(&["controleer"]),
        format!("Werkmap {} (1 borden)", gedeeld.display()),
        "the config before ./boards"
    );
    fs::write(s.path("cwd/organisatie.ron"), ORG).unwrap();
    assert_eq!(
        first_line(&["controleer"]),
        "Werkmap . (0 borden)",
        "the current folder with organisatie.ron before the config"
    );
    let arg = s.werkmap("arg", "a");
    assert_eq!(
        first_line(&["controleer", arg.to_str().unwrap()]),
        format!("Werkmap {} (1 borden)", arg.display())
    );
    assert_eq!(
        first_line(&["controleer", "--werkmap", arg.to_str().unwrap()]),
        format!("Werkmap {} (1 borden)", arg.display())
    );
    // The piped overview looks in the same places.
    let out = s.run(&[]);
    assert!(
        stdout(&out).starts_with("Werkmap . (0 borden)"),
        "{}",
        stdout(&out)
    );
}

#[test]
fn a_broken_config_is_not_silently_skipped() {
    let s = Sandbox::new();
    s.werkmap("cwd/boards", "b");
    fs::write(s.config(), "Config(werkmp: \"/ergens\")").unwrap();
    let out = s.run(&["controleer"]);
    assert_eq!(out.status.code(), Some(2));
    assert!(
        stderr(&out).contains("de config is onleesbaar") && stderr(&out).contains("werkmp"),
        "{}",
        stderr(&out)
    );
    // Naming the werkmap still works.
    let out = s.run(&["controleer", "boards"]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
}

#[test]
fn the_werkmap_in_the_data_folder_is_read_but_never_made_by_a_command() {
    let s = Sandbox::new();
    let data = s.data_werkmap();
    fs::create_dir_all(&data).unwrap();
    fs::write(data.join("organisatie.ron"), ORG).unwrap();
    let out = s.run(&["controleer"]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    assert!(stdout(&out).contains(&data.display().to_string()));
}

#[test]
fn demo_refuses_a_folder_that_holds_anything() {
    let s = Sandbox::new();
    let map = s.path("mijn-map");
    fs::create_dir(&map).unwrap();
    fs::write(map.join("notities.txt"), "van mij").unwrap();
    let out = s.run(&["demo", map.to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(2));
    assert!(stderr(&out).contains("is niet leeg"), "{}", stderr(&out));
    assert!(stderr(&out).contains("--overschrijven"), "{}", stderr(&out));
    assert_eq!(files(&map), ["notities.txt"]);

    // A folder with only what counts as nothing is fine.
    let leeg = s.path("leeg");
    fs::create_dir_all(leeg.join(".git")).unwrap();
    fs::write(leeg.join(".DS_Store"), "").unwrap();
    fs::write(leeg.join("desktop.ini"), "").unwrap();
    let out = s.run(&["demo", leeg.to_str().unwrap(), "--vandaag", "2026-11-23"]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    assert!(leeg.join("organisatie.ron").is_file());
    assert!(leeg.join(".git").is_dir());
}

#[test]
fn demo_overschrijven_keeps_the_old_files_in_planbord_vorige() {
    let s = Sandbox::new();
    let map = s.werkmap("map", "eigen");
    fs::write(map.join("organisatie.ron"), "mijn organisatie").unwrap();
    fs::create_dir(map.join("sub")).unwrap();
    fs::write(map.join("sub/x.txt"), "x").unwrap();
    fs::create_dir(map.join(".git")).unwrap();
    let out = s.run(&[
        "demo",
        map.to_str().unwrap(),
        "--overschrijven",
        "--vandaag",
        "2026-11-23",
    ]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    assert!(
        stdout(&out).contains(".planbord/vorige/demo-"),
        "{}",
        stdout(&out)
    );
    let vorige: Vec<_> = fs::read_dir(map.join(".planbord/vorige"))
        .unwrap()
        .map(|e| e.unwrap().path())
        .collect();
    assert_eq!(vorige.len(), 1);
    let name = vorige[0]
        .file_name()
        .unwrap()
        .to_string_lossy()
        .into_owned();
    assert!(
        name.starts_with("demo-20") && name.len() == "demo-2026-11-23T10-15-00".len(),
        "the time in the name: {name}"
    );
    assert_eq!(
        files(&vorige[0]),
        ["eigen.ron", "organisatie.ron", "sub/x.txt"]
    );
    assert_eq!(
        fs::read_to_string(vorige[0].join("organisatie.ron")).unwrap(),
        "mijn organisatie"
    );
    assert!(!map.join("eigen.ron").exists());
    assert!(map.join(".git").is_dir(), ".git stays where it is");
    let loaded = planbord::storage::load(&map);
    assert!(loaded.fouten.is_empty(), "{:?}", loaded.fouten);
    assert_eq!(loaded.werkmap.organisatie.unwrap().mensen.len(), 220);
}

/// The TUI in tmux inside the sandbox, with `args` after the usual ones.
fn tui_in_tmux(s: &Sandbox, args: &str) -> Tmux {
    let env: Vec<String> = s
        .env()
        .iter()
        .map(|(k, v)| format!("{k}={}", v.display()))
        .collect();
    Tmux::start(&format!(
        "cd {} && env {} {} --vandaag 2026-11-23 {args}; echo PLANBORD-EINDE $?; sleep 60",
        s.path("cwd").display(),
        env.join(" "),
        env!("CARGO_BIN_EXE_planbord"),
    ))
}

#[test]
fn only_the_tui_makes_the_demo_and_only_in_an_empty_data_folder() {
    if !tmux::available() {
        return;
    }
    let s = Sandbox::new();
    // A data folder that holds something of the user's: refused, untouched.
    let data = s.data_werkmap();
    fs::create_dir_all(&data).unwrap();
    fs::write(data.join("boodschappen.txt"), "melk").unwrap();
    let t = tui_in_tmux(&s, "");
    let screen = t.wait_for("PLANBORD-EINDE 2", 10);
    assert!(screen.contains("niet leeg"), "{screen}");
    assert_eq!(files(&data), ["boodschappen.txt"]);
    drop(t);

    // Empty: the TUI's first start writes the demo there.
    fs::remove_file(data.join("boodschappen.txt")).unwrap();
    fs::write(data.join("Thumbs.db"), "").unwrap();
    let t = tui_in_tmux(&s, "");
    t.wait_for("Opgaveteams", 15);
    assert!(data.join("organisatie.ron").is_file());
    t.tmux(&["send-keys", "-t", "t", "q"]);
    t.wait_for("PLANBORD-EINDE 0", 10);

    // The TUI with a named werkmap that does not exist: an error, no demo.
    let t = tui_in_tmux(&s, "/bestaat-niet");
    let screen = t.wait_for("PLANBORD-EINDE 2", 10);
    assert!(screen.contains("/bestaat-niet bestaat niet"), "{screen}");
}
