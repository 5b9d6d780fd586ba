//! Issue 8, reading: numbers that are no numbers are refused with their position; files are
//! looked at before they are read (a FIFO never blocks, `/dev/zero` never fills the memory);
//! one lexer tells structure from strings and comments; stray temporary files of a killed save
//! are cleaned up; OS errors are Dutch.

use std::fs;
use std::path::Path;
use std::process::Command;
use std::time::{Duration, SystemTime};

use planbord::storage;
use planbord::storage::load::{self, ReadRefused};

const ORG: &str = r#"Organisatie(
    versie: 1,
    naam: "Test",
    clusters: [Cluster(id: "c", naam: "C")],
    eenheden: [Eenheid(id: "e", naam: "E", cluster: "c")],
    mensen: [Persoon(id: "p", naam: "Piet", eenheid: "e", uren: 36.0)],
    opgaven: [Opgave(id: "o", naam: "O")],
)
"#;

const BORD: &str = r#"Bord(
    versie: 1,
    id: "b",
    titel: "Bord",
    soort: Opgaveteam(opgave: "o"),
    kolommen: [Kolom(id: "todo", naam: "Te doen")],
    inzet: [Inzet(persoon: "p", uren_per_week: 8, van: "2026-W10", tot: "2026-W12")],
    kaarten: [Kaart(id: "k1", titel: "Een", kolom: "todo", uren: 4)],
)
"#;

fn werkmap(files: &[(&str, &str)]) -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    for (name, text) in files {
        fs::write(dir.path().join(name), text).unwrap();
    }
    dir
}

fn errors(dir: &Path) -> Vec<String> {
    storage::load(dir)
        .fouten
        .iter()
        .map(planbord::wording::diagnostic)
        .collect()
}

/// Line and column (1-based) of the first `needle` in `text`.
fn at(text: &str, needle: &str) -> String {
    let i = text.find(needle).unwrap();
    let line = text[..i].matches('\n').count() + 1;
    let col = text[..i].rsplit('\n').next().unwrap().chars().count() + 1;
    format!("{line}:{col}")
}

#[test]
fn nan_inf_and_overflowing_numbers_are_refused_with_their_position() {
    for bad in ["NaN", "inf", "-inf", "+inf", "1e400", "-1e400"] {
        for (file, field, needle) in [
            ("b.ron", "uren_per_week", "uren_per_week: 8"),
            ("b.ron", "uren", "uren: 4"),
            ("organisatie.ron", "uren", "uren: 36.0"),
        ] {
            let (org, bord) = if file == "b.ron" {
                let value = needle.replace(|c: char| c.is_ascii_digit(), "");
                (
                    ORG.to_string(),
                    BORD.replacen(needle, &format!("{value}{bad}"), 1),
                )
            } else {
                (
                    ORG.replacen(needle, &format!("uren: {bad}"), 1),
                    BORD.to_string(),
                )
            };
            let text = if file == "b.ron" { &bord } else { &org };
            let dir = werkmap(&[("organisatie.ron", &org), ("b.ron", &bord)]);
            let errs = errors(dir.path());
            let pos = at(text, bad);
            let expected = format!("{file}:{pos}: ongeldig getal voor `{field}`");
            assert!(
                errs.iter().any(|e| e.starts_with(&expected)),
                "{bad} in {field}: expected {expected}, got {errs:?}"
            );
        }
    }
    let dir = werkmap(&[(
        "organisatie.ron",
        &ORG.replace("naam: \"Test\",", "naam: \"Test\", uren_per_fte: NaN,"),
    )]);
    let errs = errors(dir.path());
    assert!(
        errs.iter()
            .any(|e| e.contains("ongeldig getal voor `uren_per_fte`: NaN")),
        "{errs:?}"
    );
}

#[test]
fn a_regulier_aandeel_of_nan_is_an_invalid_number() {
    let dir = werkmap(&[(
        "organisatie.ron",
        &ORG.replace("uren: 36.0", "uren: 36.0, regulier_aandeel: NaN"),
    )]);
    let errs = errors(dir.path());
    assert!(
        errs.iter()
            .any(|e| e.contains("ongeldig getal voor `regulier_aandeel`")),
        "{errs:?}"
    );
}

/// Runs the binary, killing it (and failing) after 20 seconds: a FIFO must never block it.
#[cfg(unix)]
fn planbord_within(args: &[&str]) -> std::process::Output {
    use std::process::Stdio;
    use std::time::Instant;
    let child = Command::new(env!("CARGO_BIN_EXE_planbord"))
        .args(args)
        .env("PLANBORD_CONFIG", "/nonexistent")
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let id = child.id();
    let start = Instant::now();
    let (tx, rx) = std::sync::mpsc::channel();
    std::thread::spawn(move || {
        let _ = tx.send(child.wait_with_output());
    });
    loop {
        if let Ok(out) = rx.try_recv() {
            return out.unwrap();
        }
        if start.elapsed() > Duration::from_secs(20) {
            let _ = Command::new("kill").arg("-9").arg(id.to_string()).status();
            panic!("planbord {args:?} hangs");
        }
        std::thread::sleep(Duration::from_millis(50));
    }
}

#[cfg(unix)]
#[test]
fn special_files_named_ron_are_reported_not_opened() {
    use std::os::unix::fs::symlink;
    let dir = werkmap(&[("organisatie.ron", ORG), ("b.ron", BORD)]);
    let d = dir.path();
    let ok = Command::new("mkfifo")
        .arg(d.join("fifo.ron"))
        .status()
        .unwrap();
    assert!(ok.success());
    symlink("/dev/zero", d.join("nul.ron")).unwrap();
    symlink(d.join("bestaat-niet"), d.join("los.ron")).unwrap();
    fs::create_dir(d.join("map.ron")).unwrap();
    // A link to a regular board elsewhere is read normally.
    let elders = tempfile::tempdir().unwrap();
    fs::write(
        elders.path().join("c.ron"),
        BORD.replace("id: \"b\"", "id: \"c\""),
    )
    .unwrap();
    symlink(elders.path().join("c.ron"), d.join("gekoppeld.ron")).unwrap();

    let out = planbord_within(&["controleer", d.to_str().unwrap(), "--format", "json"]);
    assert_eq!(out.status.code(), Some(2));
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let fouten: Vec<String> = v["fouten"]
        .as_array()
        .unwrap()
        .iter()
        .map(|f| {
            format!(
                "{}: {}",
                f["bestand"].as_str().unwrap(),
                f["melding"].as_str().unwrap()
            )
        })
        .collect();
    for (name, wat) in [
        ("fifo.ron", "een FIFO"),
        ("nul.ron", "een apparaat"),
        ("map.ron", "een map"),
        (
            "los.ron",
            "symbolische koppeling naar iets dat niet bestaat",
        ),
    ] {
        assert!(
            fouten
                .iter()
                .any(|f| f.starts_with(&format!("{name}: geen bordbestand")) && f.contains(wat)),
            "{name}: {fouten:?}"
        );
    }
    assert_eq!(fouten.len(), 4, "{fouten:?}");
    let loaded = storage::load(d);
    let ids: Vec<&str> = loaded
        .werkmap
        .borden
        .iter()
        .map(|b| b.id.as_str())
        .collect();
    assert_eq!(
        ids,
        ["b", "c"],
        "the regular file and the link to one are boards"
    );

    // A FIFO or a device given as the one board, or as organisatie.ron.
    for name in ["fifo.ron", "nul.ron"] {
        let out = planbord_within(&["controleer", d.join(name).to_str().unwrap()]);
        assert_eq!(out.status.code(), Some(2));
        assert!(String::from_utf8_lossy(&out.stdout).contains("geen bordbestand"));
    }
    let org = tempfile::tempdir().unwrap();
    let ok = Command::new("mkfifo")
        .arg(org.path().join("organisatie.ron"))
        .status()
        .unwrap();
    assert!(ok.success());
    let out = planbord_within(&["controleer", org.path().to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stdout).contains("organisatie.ron:1:1: geen bordbestand"));
}

#[cfg(unix)]
#[test]
fn read_bounded_refuses_what_is_not_a_regular_file() {
    let dir = tempfile::tempdir().unwrap();
    let fifo = dir.path().join("f.ron");
    assert!(
        Command::new("mkfifo")
            .arg(&fifo)
            .status()
            .unwrap()
            .success()
    );
    assert!(matches!(
        load::read_bounded(&fifo),
        Err(ReadRefused::GeenBestand(load::Soort::Fifo))
    ));
    assert!(matches!(
        load::read_bounded(Path::new("/dev/zero")),
        Err(ReadRefused::GeenBestand(load::Soort::Apparaat))
    ));
    std::os::unix::fs::symlink("/nergens", dir.path().join("los.ron")).unwrap();
    assert!(matches!(
        load::read_bounded(&dir.path().join("los.ron")),
        Err(ReadRefused::LosseKoppeling)
    ));
}

#[test]
fn read_bounded_reads_a_regular_file_and_refuses_a_large_one() {
    let dir = tempfile::tempdir().unwrap();
    let p = dir.path().join("b.ron");
    fs::write(&p, BORD).unwrap();
    assert_eq!(load::read_bounded(&p).unwrap(), BORD.as_bytes());
    assert!(matches!(
        load::read_bounded(dir.path()),
        Err(ReadRefused::GeenBestand(load::Soort::Map))
    ));
    let groot = dir.path().join("groot.ron");
    let f = fs::File::create(&groot).unwrap();
    f.set_len(load::MAX_BYTES + 1).unwrap();
    let err = load::read_bounded(&groot).unwrap_err();
    assert!(matches!(err, ReadRefused::TeGroot(_)));
    let zin = planbord::wording::leesweigering(&err);
    assert!(zin.starts_with("bestand is te groot"), "{zin}");
    let err = load::read_bounded(&dir.path().join("weg.ron")).unwrap_err();
    assert_eq!(
        planbord::wording::leesweigering(&err),
        "kan het bestand niet lezen: bestand niet gevonden"
    );
}

#[test]
fn brackets_in_comments_and_raw_strings_are_no_nesting() {
    let deep = "(".repeat(40);
    let text = BORD.replace(
        "titel: \"Bord\",",
        &format!("/* {deep} */ titel: \"Bord\", // {deep}\n"),
    );
    assert!(load::parse_text::<planbord::domain::Bord>("b.ron", &text).is_ok());

    let text = BORD.replace(
        "titel: \"Bord\",",
        &format!("titel: r#\"Bord \"{deep}\" ]]\"#,"),
    );
    let b = load::parse_text::<planbord::domain::Bord>("b.ron", &text).unwrap();
    assert!(b.titel.starts_with("Bord \"(((("), "{}", b.titel);

    // Nested block comments: the inner `*/` does not end the outer one.
    let text = BORD.replace(
        "titel: \"Bord\",",
        &format!("/* buiten /* binnen */ {deep} */ titel: \"Bord\","),
    );
    assert!(
        load::parse_text::<planbord::domain::Bord>("b.ron", &text).is_ok(),
        "ron itself nests block comments"
    );
}

#[test]
fn positions_after_comments_and_raw_strings_are_right() {
    // A reference error after a nested comment and a raw string with quotes and brackets.
    let text = BORD
        .replace(
            "titel: \"Bord\",",
            "titel: r#\"Bord \"(\" [\"#, /* a /* b */ kolom: \"x\" */",
        )
        .replace("kolom: \"todo\", uren", "kolom: \"weg\", uren");
    let dir = werkmap(&[("organisatie.ron", ORG), ("b.ron", &text)]);
    let errs = errors(dir.path());
    let pos = at(&text, "\"weg\"");
    assert!(
        errs.iter()
            .any(|e| e.starts_with(&format!("b.ron:{pos}: onbekende kolom `weg`"))),
        "{pos}: {errs:?}"
    );
}

#[test]
fn a_decimal_comma_in_a_comment_is_not_the_error() {
    // A real error elsewhere; the comment's `: 80,0` must not be blamed.
    let text = BORD
        .replace("titel: \"Bord\",", "/* uren: 80,0 */ titel: \"Bord\",")
        .replace("versie: 1,", "versie: 1, onzin: 3,");
    let err = load::parse_text::<planbord::domain::Bord>("b.ron", &text).unwrap_err();
    assert!(
        !planbord::wording::melding_van(&err[0].melding).contains("decimaalkomma")
            && planbord::wording::melding_van(&err[0].melding).contains("onzin"),
        "{err:?}"
    );
    // Outside a comment it is.
    let text = BORD.replace("uren_per_week: 8", "uren_per_week: 8,5");
    let err = load::parse_text::<planbord::domain::Bord>("b.ron", &text).unwrap_err();
    assert!(
        planbord::wording::melding_van(&err[0].melding).contains("decimaalkomma"),
        "{err:?}"
    );
    assert_eq!(
        format!("{}:{}", err[0].regel, err[0].kolom),
        at(&text, "8,5")
    );
}

#[test]
fn stray_temporary_files_of_a_killed_save_are_cleaned_up() {
    let dir = werkmap(&[("organisatie.ron", ORG), ("b.ron", BORD)]);
    let d = dir.path();
    let old = SystemTime::now() - Duration::from_secs(3600);
    let mut names = vec![
        ".b.ron.1234.99.tmp",
        ".organisatie.ron.7.123456789012.tmp",
        ".b.ron.55.1.tmp",
        ".b.ron.tmp",
        ".b.ron.12x.1.tmp",
        "b.ron.1234.1.tmp",
        ".b.ron.1.2.tmp.ron",
        "notities.txt",
    ];
    let vorige = d.join(".planbord/vorige");
    fs::create_dir_all(&vorige).unwrap();
    for n in &names {
        fs::write(d.join(n), "x").unwrap();
    }
    fs::write(vorige.join(".b.ron.9.9.tmp"), "x").unwrap();
    for n in [
        ".b.ron.1234.99.tmp",
        ".organisatie.ron.7.123456789012.tmp",
        ".b.ron.tmp",
        ".b.ron.12x.1.tmp",
        "b.ron.1234.1.tmp",
        ".b.ron.1.2.tmp.ron",
        "notities.txt",
    ] {
        fs::File::options()
            .write(true)
            .open(d.join(n))
            .unwrap()
            .set_modified(old)
            .unwrap();
    }
    fs::File::options()
        .write(true)
        .open(vorige.join(".b.ron.9.9.tmp"))
        .unwrap()
        .set_modified(old)
        .unwrap();
    let removed = load::clean_stray_temp_files(d, Duration::from_secs(600));
    assert_eq!(removed, 3);
    // Gone: the two old ones that match the pattern, in the werkmap and in .planbord/vorige.
    names.retain(|n| {
        !matches!(
            *n,
            ".b.ron.1234.99.tmp" | ".organisatie.ron.7.123456789012.tmp"
        )
    });
    let mut left: Vec<String> = fs::read_dir(d)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .filter(|n| n != ".planbord" && n != "organisatie.ron" && n != "b.ron")
        .collect();
    left.sort();
    let mut expected: Vec<String> = names.iter().map(|s| s.to_string()).collect();
    expected.sort();
    assert_eq!(
        left, expected,
        "a fresh one (a save in progress) and non-matching names stay"
    );
    assert!(!vorige.join(".b.ron.9.9.tmp").exists());
    // The board itself is untouched.
    assert_eq!(fs::read_to_string(d.join("b.ron")).unwrap(), BORD);
}

#[test]
fn os_errors_are_dutch() {
    use std::io::{Error, ErrorKind};
    let t = planbord::wording::io_fout;
    assert_eq!(
        t(&Error::from(ErrorKind::StorageFull)),
        "geen ruimte meer op de schijf"
    );
    assert_eq!(
        t(&Error::from(ErrorKind::PermissionDenied)),
        "geen toestemming"
    );
    assert_eq!(
        t(&Error::from(ErrorKind::NotFound)),
        "bestand niet gevonden"
    );
    assert_eq!(
        t(&Error::from(ErrorKind::ReadOnlyFilesystem)),
        "alleen-lezen bestandssysteem"
    );
    assert_eq!(
        t(&Error::from(ErrorKind::ResourceBusy)),
        "bestand is in gebruik door een ander programma"
    );
    #[cfg(target_os = "linux")]
    {
        // ENOSPC and EROFS as the OS reports them.
        assert_eq!(
            t(&Error::from_raw_os_error(28)),
            "geen ruimte meer op de schijf"
        );
        assert_eq!(
            t(&Error::from_raw_os_error(30)),
            "alleen-lezen bestandssysteem"
        );
    }
    // Anything else: the system's own text.
    assert_eq!(t(&Error::other("iets vreemds")), "iets vreemds");
}

#[test]
fn the_command_line_says_os_errors_in_dutch() {
    let dir = werkmap(&[("organisatie.ron", ORG), ("b.ron", BORD)]);
    let out = Command::new(env!("CARGO_BIN_EXE_planbord"))
        .arg("rapport")
        .arg(dir.path())
        .args(["-o", "/bestaat-niet/rapport.md"])
        .env("PLANBORD_CONFIG", "/nonexistent")
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    assert_eq!(
        String::from_utf8_lossy(&out.stderr).trim(),
        "planbord: kan /bestaat-niet/rapport.md niet opslaan: bestand niet gevonden"
    );
    let out = Command::new(env!("CARGO_BIN_EXE_planbord"))
        .args(["merge-driver", "/weg/o", "/weg/a", "/weg/b", "b.ron"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    assert_eq!(
        String::from_utf8_lossy(&out.stderr).trim(),
        "planbord: kan /weg/o niet lezen: bestand niet gevonden"
    );
}
