//! Issue 8, "nothing leaked": text from a file never reaches the terminal raw (no escape
//! sequences that retitle the window, write the clipboard or clear the screen), the Markdown
//! report escapes HTML, and the CSV for Excel runs no formula.

use std::fs;
use std::path::Path;
use std::process::{Command, Output};

use serde_json::Value;

/// OSC 0 (window title), OSC 52 (clipboard), CSI 2J (clear screen) and a C1 CSI.
const TITEL: &str = "\u{1b}]0;gekaapt\u{7}";
const KLEMBORD: &str = "\u{1b}]52;c;ZXZpbA==\u{7}";
const WIS: &str = "\u{1b}[2J";
const C1: &str = "\u{9b}2J";

fn evil_werkmap() -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    let org = format!(
        r#"Organisatie(
    versie: 1,
    naam: "Gemeente{TITEL}",
    clusters: [Cluster(id: "@SUM(1+1)", naam: "Cluster")],
    eenheden: [Eenheid(id: "e", naam: "=HYPERLINK(\"http://x\",\"klik\"){WIS}", cluster: "@SUM(1+1)")],
    mensen: [Persoon(id: "p", naam: "+Piet{C1}", eenheid: "e", uren: 36, regulier_aandeel: 0.5)],
)"#
    );
    fs::write(dir.path().join("organisatie.ron"), org).unwrap();
    let bord = format!(
        r#"Bord(
    versie: 1,
    id: "b",
    titel: "<script>alert(1)</script> & co{KLEMBORD}",
    soort: Clusterkamer(cluster: "@SUM(1+1)"),
    kolommen: [Kolom(id: "a", naam: "A")],
    inzet: [Inzet(persoon: "p", uren_per_week: 30, van: "2026-W01", tot: "2026-W52")],
    kaarten: [Kaart(id: "k", titel: "Kaart{WIS}", kolom: "a", eigenaar: "p", deadline: "2020-01-01")],
)"#
    );
    fs::write(dir.path().join("b.ron"), bord).unwrap();
    // A broken file: its error message quotes the file's text.
    let kapot = format!(
        r#"Bord(versie: 1, id: "kapot", titel: "K", soort: Clusterkamer(cluster: "@SUM(1+1)"),
    kolommen: [Kolom(id: "a", naam: "A")],
    inzet: [Inzet(persoon: "p", uren_per_week: 1, van: "2026-W{KLEMBORD}", tot: "2026-W10")])"#
    );
    fs::write(dir.path().join("kapot.ron"), kapot).unwrap();
    dir
}

fn planbord(dir: &Path, args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_planbord"))
        .args(args)
        .arg(dir)
        .args(["--vandaag", "2026-03-02"])
        .env("PLANBORD_CONFIG", dir.join("geen-config.ron"))
        .output()
        .expect("the binary runs")
}

/// No C0 control except newline and tab (and CR only as part of CRLF when `crlf`), no DEL, no C1.
fn assert_clean(what: &str, bytes: &[u8], crlf: bool) {
    let text = String::from_utf8(bytes.to_vec()).unwrap_or_else(|_| panic!("{what}: not UTF-8"));
    let text = if crlf {
        text.replace("\r\n", "\n")
    } else {
        text
    };
    if let Some(c) = text
        .chars()
        .find(|&c| c.is_control() && c != '\n' && c != '\t')
    {
        panic!(
            "{what}: control character U+{:04X} in\n{text}",
            u32::from(c)
        );
    }
}

#[test]
fn controleer_text_shows_no_control_characters() {
    let dir = evil_werkmap();
    let out = planbord(dir.path(), &["controleer"]);
    assert_eq!(out.status.code(), Some(2), "kapot.ron is broken");
    assert_clean("controleer", &out.stdout, false);
    let text = String::from_utf8_lossy(&out.stdout);
    assert!(text.contains("Kaart\u{fffd}[2J"), "{text}");
    assert!(
        text.contains("kapot.ron:") && text.contains("\u{fffd}]52;"),
        "the error quoting the file is shown, made visible: {text}"
    );
}

#[test]
fn controleer_json_escapes_every_control_character() {
    let dir = evil_werkmap();
    let out = planbord(dir.path(), &["controleer", "--format", "json"]);
    assert_clean("controleer json", &out.stdout, false);
    let raw = String::from_utf8_lossy(&out.stdout);
    assert!(raw.contains("\\u001b"), "{raw}");
    assert!(raw.contains("\\u009b"), "C1 escaped as well: {raw}");
    // And it still means the same text.
    let v: Value = serde_json::from_slice(&out.stdout).unwrap();
    let all = v.to_string();
    assert!(all.contains("Kaart\\u001b[2J"), "{all}");
    let uitleg: Vec<&str> = v["conflicten"]
        .as_array()
        .unwrap()
        .iter()
        .map(|c| c["uitleg"].as_str().unwrap())
        .collect();
    assert!(uitleg.iter().any(|u| u.contains(C1)), "{uitleg:?}");
}

#[test]
fn the_piped_overview_shows_no_control_characters() {
    let dir = evil_werkmap();
    let out = planbord(dir.path(), &[]);
    assert_clean("overzicht", &out.stdout, false);
    let text = String::from_utf8_lossy(&out.stdout);
    assert!(
        text.contains("<script>alert(1)</script> & co\u{fffd}]52;"),
        "{text}"
    );
}

#[test]
fn capaciteit_text_and_its_stderr_show_no_control_characters() {
    let dir = evil_werkmap();
    let out = planbord(dir.path(), &["capaciteit"]);
    assert_eq!(out.status.code(), Some(0));
    assert_clean("capaciteit", &out.stdout, false);
    assert_clean("capaciteit stderr", &out.stderr, false);
    assert!(
        String::from_utf8_lossy(&out.stderr).contains("kapot.ron:"),
        "the broken file is reported on stderr"
    );
    let out = planbord(dir.path(), &["capaciteit", "--eenheid", "e"]);
    assert_clean("capaciteit --eenheid", &out.stdout, false);
    assert!(String::from_utf8_lossy(&out.stdout).contains("+Piet\u{fffd}2J"));
}

#[test]
fn the_csv_for_excel_runs_no_formula() {
    let dir = evil_werkmap();
    let out = planbord(dir.path(), &["capaciteit", "--format", "csv"]);
    assert_clean("csv", &out.stdout, true);
    let csv = String::from_utf8(out.stdout).unwrap();
    let row = csv.lines().nth(1).unwrap();
    let fields: Vec<&str> = row.split(';').collect();
    assert_eq!(fields[0], "e");
    assert_eq!(
        fields[1],
        "\"'=HYPERLINK(\"\"http://x\"\",\"\"klik\"\")\u{fffd}[2J\""
    );
    assert_eq!(fields[2], "'@SUM(1+1)");
    let out = planbord(
        dir.path(),
        &["capaciteit", "--format", "csv", "--eenheid", "e"],
    );
    let csv = String::from_utf8(out.stdout).unwrap();
    let row = csv.lines().nth(1).unwrap();
    assert!(row.starts_with("p;'+Piet\u{fffd}2J;e;"), "{row}");
}

#[test]
fn capaciteit_json_escapes_control_characters() {
    let dir = evil_werkmap();
    let out = planbord(dir.path(), &["capaciteit", "--format", "json"]);
    assert_clean("capaciteit json", &out.stdout, false);
    let v: Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(
        v["eenheden"][0]["naam"],
        format!("=HYPERLINK(\"http://x\",\"klik\"){WIS}")
    );
}

#[test]
fn the_markdown_report_escapes_html_and_control_characters() {
    let dir = evil_werkmap();
    let out = planbord(dir.path(), &["rapport"]);
    assert_eq!(out.status.code(), Some(0));
    assert_clean("rapport md", &out.stdout, false);
    assert_clean("rapport stderr", &out.stderr, false);
    let md = String::from_utf8(out.stdout).unwrap();
    assert!(!md.contains("<script"), "{md}");
    assert!(
        md.contains("&lt;script&gt;alert(1)&lt;/script&gt; &amp; co\u{fffd}\\]52;"),
        "{md}"
    );
    assert!(md.contains("Gemeente\u{fffd}\\]0;gekaapt\u{fffd}"), "{md}");

    // Written to a file, the same.
    let file = dir.path().join("rapport.md");
    let out = planbord(dir.path(), &["rapport", "-o", file.to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(0));
    assert_clean("rapport md file", &fs::read(&file).unwrap(), false);
}

#[test]
fn the_html_report_escapes_html_and_control_characters() {
    let dir = evil_werkmap();
    let out = planbord(dir.path(), &["rapport", "--format", "html"]);
    assert_eq!(out.status.code(), Some(0));
    assert_clean("rapport html", &out.stdout, false);
    let html = String::from_utf8(out.stdout).unwrap();
    assert!(!html.contains("<script"), "{html}");
    assert!(html.contains("&lt;script&gt;alert(1)&lt;/script&gt; &amp; co"));
}
