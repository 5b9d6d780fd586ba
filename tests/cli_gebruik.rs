//! The command line as someone used to git and ripgrep uses it: `--version`, completions and
//! man pages, output that fits the terminal, and names instead of ids.

use std::process::{Command, Output};

fn planbord_env(args: &[&str], columns: Option<&str>) -> Output {
    let mut c = Command::new(env!("CARGO_BIN_EXE_planbord"));
    c.args(args);
    match columns {
        Some(w) => c.env("COLUMNS", w),
        None => c.env_remove("COLUMNS"),
    };
    c.output().expect("the binary runs")
}

fn planbord(args: &[&str]) -> Output {
    planbord_env(args, Some("80"))
}

fn stdout(o: &Output) -> String {
    String::from_utf8_lossy(&o.stdout).into_owned()
}

fn stderr(o: &Output) -> String {
    String::from_utf8_lossy(&o.stderr).into_owned()
}

/// The lines wider than `w` terminal cells.
fn te_breed(text: &str, w: usize) -> Vec<String> {
    text.lines()
        .filter(|l| unicode_width::UnicodeWidthStr::width(*l) > w)
        .map(String::from)
        .collect()
}

#[test]
fn version_short_and_long() {
    for flag in ["--version", "-V"] {
        let out = planbord(&[flag]);
        assert!(out.status.success(), "{flag}: {}", stderr(&out));
        assert_eq!(
            stdout(&out).trim(),
            format!("planbord {}", env!("CARGO_PKG_VERSION"))
        );
    }
}

#[test]
fn completions_for_every_shell_know_the_commands() {
    for shell in ["bash", "zsh", "fish", "powershell", "elvish"] {
        let out = planbord(&["completions", shell]);
        assert!(out.status.success(), "{shell}: {}", stderr(&out));
        let script = stdout(&out);
        for cmd in ["controleer", "capaciteit", "standup", "werkmap"] {
            assert!(script.contains(cmd), "{shell} completion lacks {cmd}");
        }
    }
    let out = planbord(&["completions", "tcsh"]);
    assert_eq!(out.status.code(), Some(2));
    assert!(stderr(&out).contains("tcsh"), "{}", stderr(&out));
}

#[test]
fn the_man_page_to_stdout_and_every_page_into_a_folder() {
    let out = planbord(&["man"]);
    assert!(out.status.success());
    let page = stdout(&out);
    assert!(page.contains(".TH planbord 1"), "{page}");
    assert!(page.contains("controleer"));

    let dir = tempfile::tempdir().unwrap();
    let map = dir.path().join("man1");
    let out = planbord(&["man", map.to_str().unwrap()]);
    assert!(out.status.success(), "{}", stderr(&out));
    for page in [
        "planbord.1",
        "planbord-controleer.1",
        "planbord-capaciteit.1",
    ] {
        assert!(map.join(page).is_file(), "{page} missing");
    }
}

#[test]
fn every_help_fits_80_columns() {
    let commands = [
        "",
        "controleer",
        "capaciteit",
        "standup",
        "rapport",
        "merge-driver",
        "git-setup",
        "demo",
        "nieuw",
        "mensen",
        "importeer",
        "importeer mensen",
        "completions",
        "man",
    ];
    for c in commands {
        let args: Vec<&str> = c.split_whitespace().chain(["--help"]).collect();
        let out = planbord(&args);
        assert!(out.status.success(), "{c} --help");
        let help = stdout(&out);
        assert!(help.contains("Gebruik: planbord"), "{help}");
        assert_eq!(
            te_breed(&help, 80),
            Vec::<String>::new(),
            "`planbord {c} --help`"
        );
    }
}

#[test]
fn without_columns_a_pipe_gets_100() {
    let out = planbord_env(&["controleer", "boards", "--vandaag", "2026-11-23"], None);
    let text = stdout(&out);
    assert!(
        te_breed(&text, 100).is_empty(),
        "{:?}",
        te_breed(&text, 100)
    );
    assert!(
        text.lines().any(|l| l.chars().count() > 80),
        "100 columns are used, not 80"
    );
}

#[test]
fn controleer_fits_80_columns_with_the_explanation_under_its_line() {
    let out = planbord(&["controleer", "boards", "--vandaag", "2026-11-23"]);
    assert_eq!(out.status.code(), Some(1));
    let text = stdout(&out);
    assert_eq!(te_breed(&text, 80), Vec::<String>::new());
    let lines: Vec<&str> = text.lines().collect();
    let kop = lines
        .iter()
        .position(|l| l.starts_with("  hoog   2026-W48 niet toegezegd"))
        .expect("a conflict's line names its kind in words");
    assert!(lines[kop + 1].starts_with("      "), "{}", lines[kop + 1]);
    assert!(
        !text.contains("niet_toegezegd"),
        "no internal codes in text"
    );
    assert!(!text.contains("span_of_attention"));
}

#[test]
fn capaciteit_shows_the_weeks_that_fit_and_how_to_see_the_rest() {
    let out = planbord(&["capaciteit", "boards", "--vandaag", "2026-11-23"]);
    assert!(out.status.success());
    let text = stdout(&out);
    assert_eq!(te_breed(&text, 80), Vec::<String>::new());
    let header = text.lines().nth(1).unwrap();
    let shown = header.split_whitespace().count();
    assert!((3..12).contains(&shown), "{header}");
    assert!(
        text.contains(&format!("--weken {}", 12 - shown)),
        "says how to see the other weeks: {text}"
    );
    // Wide enough: all twelve weeks, and no such line.
    let wide = stdout(&planbord_env(
        &["capaciteit", "boards", "--vandaag", "2026-11-23"],
        Some("200"),
    ));
    assert_eq!(wide.lines().nth(1).unwrap().split_whitespace().count(), 12);
    assert!(!wide.contains("passen niet"));
}

#[test]
fn a_unit_by_a_part_of_its_name_and_the_choices_when_unknown() {
    let out = planbord(&[
        "capaciteit",
        "boards",
        "--eenheid",
        "omgeving",
        "--vandaag",
        "2026-11-23",
    ]);
    assert!(out.status.success(), "{}", stderr(&out));
    assert!(stdout(&out).starts_with("Belasting van Ruimte en Omgeving"));

    let out = planbord(&["capaciteit", "boards", "--eenheid", "zzz"]);
    assert_eq!(out.status.code(), Some(2));
    let err = stderr(&out);
    assert!(err.contains("onbekende eenheid `zzz`"), "{err}");
    assert!(
        err.contains("ruimte") && err.contains("Ruimte en Omgeving"),
        "{err}"
    );

    let out = planbord(&["capaciteit", "boards", "--eenheid", "en"]);
    assert_eq!(out.status.code(), Some(2));
    assert!(stderr(&out).contains("meer dan één"), "{}", stderr(&out));
}

#[test]
fn standup_lists_the_choices_for_an_unknown_name() {
    let out = planbord(&["standup", "zzz", "--werkmap", "boards"]);
    assert_eq!(out.status.code(), Some(2));
    let err = stderr(&out);
    assert!(err.contains("geen bord of cluster `zzz`"), "{err}");
    assert!(err.contains("opgave-strand"), "{err}");
}

#[test]
fn an_extra_argument_is_named_in_the_error() {
    let out = planbord(&["boards", "extra"]);
    assert_eq!(out.status.code(), Some(2));
    let err = stderr(&out);
    assert!(err.contains("`extra` hoort niet na"), "{err}");
    assert!(!err.contains(":  "), "no empty argument name: {err}");
}

#[test]
fn the_piped_overview_counts_conflicts_as_the_screen_does() {
    // Wide, so each board is one line.
    let out = planbord_env(&["boards", "--vandaag", "2026-11-23"], Some("200"));
    assert!(out.status.success());
    let text = stdout(&out);
    let loaded = planbord::storage::load(std::path::Path::new("boards"));
    let vandaag = chrono::NaiveDate::from_ymd_opt(2026, 11, 23).unwrap();
    let app = planbord::app::App::new(
        loaded,
        planbord::app::Config::default(),
        vandaag,
        vandaag.and_hms_opt(9, 0, 0).unwrap(),
        "tester",
        1,
    );
    for bord in &app.session.werkmap.borden {
        let [hoog, midden, laag] = app.session.derived.counts(&bord.id);
        let line = text
            .lines()
            .find(|l| l.trim_start().starts_with(&bord.titel))
            .unwrap_or_else(|| panic!("{} missing:\n{text}", bord.titel));
        let expected = if hoog + midden + laag == 0 {
            "geen conflicten".to_string()
        } else {
            format!("conflicten: {hoog} hoog, {midden} midden, {laag} laag")
        };
        assert!(line.contains(&expected), "{line}\nexpected {expected}");
    }
}

/// Runs planbord with its stdout a pipe that is closed before it writes.
fn closed_pipe(args: &[&str]) -> Output {
    let mut c = Command::new(env!("CARGO_BIN_EXE_planbord"));
    c.args(args)
        .env("COLUMNS", "80")
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::piped());
    let mut child = c.spawn().unwrap();
    drop(child.stdout.take());
    child.wait_with_output().unwrap()
}

#[test]
fn a_reader_that_stops_early_is_no_error_and_keeps_the_answer() {
    for args in [
        &["--help"][..],
        &["completions", "bash"],
        &["man"],
        &["capaciteit", "boards"],
    ] {
        let out = closed_pipe(args);
        assert_eq!(out.status.code(), Some(0), "{args:?}: {}", stderr(&out));
        assert!(
            !stderr(&out).contains("panicked"),
            "{args:?}: {}",
            stderr(&out)
        );
    }
    let out = closed_pipe(&["controleer", "boards", "--vandaag", "2026-11-23"]);
    assert_eq!(
        out.status.code(),
        Some(1),
        "conflicts found: {}",
        stderr(&out)
    );
}

#[test]
fn the_piped_overview_and_errors_fit_80_columns() {
    let out = planbord(&["boards", "--vandaag", "2026-11-23"]);
    assert_eq!(te_breed(&stdout(&out), 80), Vec::<String>::new());
    assert!(
        stdout(&out).contains("opgave-strand.ron\n"),
        "file names stay whole"
    );
    let out = planbord(&["standup", "zzz", "--werkmap", "boards"]);
    assert_eq!(te_breed(&stderr(&out), 80), Vec::<String>::new());
}

/// A board file named in its werkmap folder: the werkmap's figures, the board's conflicts,
/// and the same counts as the overview of the whole werkmap.
#[test]
fn a_board_file_is_checked_with_its_werkmaps_figures() {
    let boards = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("boards");
    let run = |args: &[&str]| {
        Command::new(env!("CARGO_BIN_EXE_planbord"))
            .args(args)
            .args(["--vandaag", "2026-11-23"])
            .current_dir(&boards)
            .env("COLUMNS", "100")
            .env("PLANBORD_CONFIG", "/nonexistent")
            .output()
            .unwrap()
    };
    let out = run(&["controleer", "opgave-strand.ron"]);
    let text = stdout(&out);
    assert_eq!(out.status.code(), Some(1), "{text}");
    assert!(
        text.starts_with("Bord Revitalisering Wassenaarse Slag"),
        "{text}"
    );
    assert!(
        text.contains("Rik Sluiter") && text.contains("overboekt"),
        "{text}"
    );
    // Only this board's and its people's conflicts: no other unit's CoCo span.
    assert!(!text.contains("te veel fte per CoCo"), "{text}");
    let alleen = stdout(&run(&["opgave-strand.ron"]));
    let alles = stdout(&run(&["."]));
    let telling = |t: &str| {
        let i = t
            .find("Revitalisering Wassenaarse Slag\n")
            .unwrap_or_else(|| panic!("{t}"));
        t[i..].lines().nth(1).unwrap().to_string()
    };
    assert_eq!(telling(&alleen), telling(&alles));
    assert!(!alleen.contains("Clusterkamers"), "{alleen}");
}

#[test]
fn numbers_out_of_range_are_refused_in_dutch() {
    for args in [
        ["capaciteit", "boards", "--weken", "0"],
        ["capaciteit", "boards", "--weken", "abc"],
        ["standup", "boards", "--minuten", "0"],
        ["demo", "/nonexistent/x", "--schaal", "0"],
    ] {
        let out = planbord(&args);
        assert_eq!(out.status.code(), Some(2), "{args:?}");
        let err = stderr(&out);
        assert!(
            err.contains("geen geheel getal van 1 tot en met"),
            "{args:?}: {err}"
        );
        assert!(
            !err.contains("is not in") && !err.contains("invalid digit"),
            "{err}"
        );
    }
    let help = stdout(&planbord(&["merge-driver", "--help"]));
    assert!(!help.contains("[default"), "{help}");
    let order: Vec<usize> = ["<BASIS>", "<ONS>", "<HUN>", "[NAAM]"]
        .iter()
        .map(|a| help.find(a).unwrap())
        .collect();
    assert!(order.windows(2).all(|w| w[0] < w[1]), "{help}");
}

#[test]
fn mensen_finds_who_can_help_by_talent_most_room_first() {
    let out = planbord(&[
        "mensen",
        "boards",
        "--talent",
        "Duurzaam",
        "--vandaag",
        "2026-11-23",
    ]);
    assert!(out.status.success(), "{}", stderr(&out));
    let text = stdout(&out);
    assert_eq!(te_breed(&text, 80), Vec::<String>::new());
    assert!(text.contains("Wie kan helpen met \"Duurzaam\""), "{text}");
    let out = planbord(&[
        "mensen",
        "boards",
        "--talent",
        "duurzaam",
        "--format",
        "json",
        "--vandaag",
        "2026-11-23",
    ]);
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let mensen = v["mensen"].as_array().unwrap();
    assert!(mensen.len() > 2, "{v}");
    let vrij: Vec<f64> = mensen
        .iter()
        .map(|m| m["vrij_per_week"].as_f64().unwrap())
        .collect();
    assert!(
        vrij.windows(2).all(|w| w[0] >= w[1]),
        "most room first: {vrij:?}"
    );
    assert!(mensen.iter().all(|m| {
        m["talenten"]
            .as_array()
            .unwrap()
            .iter()
            .any(|t| t.as_str().unwrap().to_lowercase().contains("duurzaam"))
    }));
    assert_eq!(v["weken"].as_array().unwrap().len(), 4);
}
