//! The command line contract of DESIGN.md section 4, through the real binary.

use std::fs;
use std::path::Path;
use std::process::{Command, Output};

use serde_json::Value;

fn planbord(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_planbord"))
        .args(args)
        .output()
        .expect("the binary runs")
}

fn stdout(o: &Output) -> String {
    String::from_utf8_lossy(&o.stdout).into_owned()
}

fn copy_dir(from: &Path, to: &Path) {
    fs::create_dir_all(to).unwrap();
    for e in fs::read_dir(from).unwrap() {
        let e = e.unwrap();
        fs::copy(e.path(), to.join(e.file_name())).unwrap();
    }
}

const KEYS: [&str; 10] = [
    "soort",
    "ernst",
    "week",
    "persoon",
    "eenheid",
    "bord",
    "kolom",
    "kaart",
    "beschikbaar",
    "gepland",
];

#[test]
fn the_worked_example_gives_exactly_the_expected_conflicts() {
    let out = planbord(&[
        "controleer",
        "tests/fixtures/voorbeeld",
        "--format",
        "json",
        "--vandaag",
        "2027-05-04",
    ]);
    assert_eq!(out.status.code(), Some(1));
    let got: Value = serde_json::from_slice(&out.stdout).unwrap();
    let expected: Value = serde_json::from_str(
        &fs::read_to_string("tests/fixtures/voorbeeld/verwacht.json").unwrap(),
    )
    .unwrap();
    let got = got["conflicten"].as_array().unwrap();
    let expected = expected["conflicten"].as_array().unwrap();
    assert_eq!(got.len(), expected.len());
    for (i, (g, e)) in got.iter().zip(expected).enumerate() {
        for key in KEYS {
            match (&g[key], &e[key]) {
                (Value::Number(a), Value::Number(b)) => {
                    assert!(
                        (a.as_f64().unwrap() - b.as_f64().unwrap()).abs() < 0.006,
                        "conflict {i} {key}: {a} vs {b}"
                    )
                }
                (a, b) => assert_eq!(a, b, "conflict {i} field {key}"),
            }
        }
        assert!(!g["uitleg"].as_str().unwrap().is_empty());
    }
}

#[test]
fn controleer_json_has_the_shape_of_the_design() {
    let out = planbord(&[
        "controleer",
        "boards",
        "--format",
        "json",
        "--vandaag",
        "2026-11-23",
    ]);
    let v: Value = serde_json::from_slice(&out.stdout).unwrap();
    let top: Vec<&str> = v.as_object().unwrap().keys().map(String::as_str).collect();
    assert_eq!(
        top,
        ["conflicten", "fouten", "waarschuwingen"]
            .iter()
            .copied()
            .filter(|k| top.contains(k))
            .collect::<Vec<_>>()
    );
    assert_eq!(top.len(), 3);
    for c in v["conflicten"].as_array().unwrap() {
        let keys: Vec<&str> = c.as_object().unwrap().keys().map(String::as_str).collect();
        for k in KEYS.iter().chain(&["uitleg"]) {
            assert!(keys.contains(k), "missing {k} in {c}");
        }
        assert_eq!(keys.len(), 11, "{c}");
    }
    // Every kind of conflict shows in the demo.
    for soort in [
        "overboekt",
        "afwezig_ingezet",
        "eenheid_overbelast",
        "niet_toegezegd",
        "kaarten_boven_inzet",
        "wip_overschreden",
        "deadline_verlopen",
        "span_of_attention",
    ] {
        assert!(
            v["conflicten"]
                .as_array()
                .unwrap()
                .iter()
                .any(|c| c["soort"] == soort),
            "the demo has no {soort}"
        );
    }
}

#[test]
fn controleer_text_on_the_demo_is_readable_dutch() {
    let out = planbord(&["controleer", "boards", "--vandaag", "2026-11-23"]);
    assert_eq!(out.status.code(), Some(1), "conflicts found");
    let text = stdout(&out);
    assert!(text.contains("Conflicten ("), "{text}");
    assert!(text.contains("u gepland"), "{text}");
    assert!(!text.contains("Fouten"), "{text}");
}

#[test]
fn a_broken_file_exits_2_with_its_position_and_the_rest_is_still_checked() {
    let dir = tempfile::tempdir().unwrap();
    copy_dir(Path::new("tests/fixtures/voorbeeld"), dir.path());
    let broken = fs::read_to_string(dir.path().join("bord3.ron"))
        .unwrap()
        .replace("voortgang: 42", "voortgang: 42,");
    fs::write(
        dir.path().join("bord3.ron"),
        broken.replacen("kolom: \"b\"", "kolom: \"b\" kolom", 1),
    )
    .unwrap();
    let map = dir.path().to_str().unwrap();
    let out = planbord(&[
        "controleer",
        map,
        "--vandaag",
        "2027-05-04",
        "--format",
        "json",
    ]);
    assert_eq!(out.status.code(), Some(2));
    let v: Value = serde_json::from_slice(&out.stdout).unwrap();
    let fouten = v["fouten"].as_array().unwrap();
    assert_eq!(fouten.len(), 1);
    assert_eq!(fouten[0]["bestand"], "bord3.ron");
    assert!(fouten[0]["regel"].as_u64().unwrap() > 1);
    // The other boards still give their conflicts.
    assert!(
        v["conflicten"]
            .as_array()
            .unwrap()
            .iter()
            .any(|c| c["bord"] == "bord4")
    );
    let text = stdout(&planbord(&["controleer", map, "--vandaag", "2027-05-04"]));
    assert!(text.contains("bord3.ron:"), "{text}");
}

#[test]
fn a_clean_werkmap_exits_0() {
    let dir = tempfile::tempdir().unwrap();
    fs::write(
        dir.path().join("organisatie.ron"),
        "Organisatie(versie: 1, naam: \"Leeg\")",
    )
    .unwrap();
    let out = planbord(&["controleer", dir.path().to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(0), "{}", stdout(&out));
    assert!(stdout(&out).contains("Geen conflicten."));
}

#[test]
fn capaciteit_json_csv_and_text() {
    let out = planbord(&[
        "capaciteit",
        "boards",
        "--format",
        "json",
        "--vandaag",
        "2026-11-23",
        "--weken",
        "3",
    ]);
    assert_eq!(out.status.code(), Some(0));
    let v: Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(
        v["weken"],
        serde_json::json!(["2026-W48", "2026-W49", "2026-W50"])
    );
    let e = &v["eenheden"][0];
    for k in ["id", "naam", "cluster", "weken"] {
        assert!(e.get(k).is_some(), "{k}");
    }
    for k in [
        "week",
        "beschikbaar",
        "regulier",
        "opgave",
        "gevraagd",
        "belasting",
    ] {
        assert!(e["weken"][0].get(k).is_some(), "{k}");
    }
    assert_eq!(v["eenheden"].as_array().unwrap().len(), 11);

    let out = planbord(&[
        "capaciteit",
        "boards",
        "--format",
        "json",
        "--eenheid",
        "oov",
        "--vandaag",
        "2026-11-23",
    ]);
    let v: Value = serde_json::from_slice(&out.stdout).unwrap();
    let mensen = v["mensen"].as_array().unwrap();
    assert!(!mensen.is_empty());
    // The unit is the sum of its people.
    let sum: f64 = mensen
        .iter()
        .map(|m| m["weken"][2]["beschikbaar"].as_f64().unwrap())
        .sum();
    assert!(
        (sum - v["eenheden"][0]["weken"][2]["beschikbaar"]
            .as_f64()
            .unwrap())
        .abs()
            < 0.05
    );

    let out = planbord(&[
        "capaciteit",
        "boards",
        "--format",
        "csv",
        "--vandaag",
        "2026-11-23",
    ]);
    let csv = String::from_utf8(out.stdout).unwrap();
    assert!(csv.starts_with(
        "\u{feff}eenheid;naam;cluster;week;beschikbaar;regulier;opgave;gevraagd;belasting\r\n"
    ));
    assert_eq!(csv.lines().count(), 1 + 11 * 12);
    let figures: Vec<&str> = csv
        .lines()
        .skip(1)
        .flat_map(|l| l.split(';').skip(4))
        .collect();
    assert!(figures.iter().any(|f| f.contains(',')), "decimal comma");
    assert!(figures.iter().all(|f| !f.contains('.')), "no decimal point");
    let out = planbord(&[
        "capaciteit",
        "boards",
        "--format",
        "csv",
        "--eenheid",
        "oov",
    ]);
    assert!(
        String::from_utf8(out.stdout)
            .unwrap()
            .starts_with("\u{feff}persoon;naam;eenheid;week;")
    );

    let out = planbord(&["capacity", "boards", "--vandaag", "2026-11-23"]);
    let text = stdout(&out);
    assert!(
        text.contains("Openbare Orde en Veiligheid") && text.contains('%'),
        "{text}"
    );

    let out = planbord(&["capaciteit", "boards", "--eenheid", "bestaatniet"]);
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("onbekende eenheid"));
}

#[test]
fn the_demo_is_deterministic_and_boards_is_up_to_date() {
    let dir = tempfile::tempdir().unwrap();
    let a = dir.path().join("a");
    let out = planbord(&["demo", a.to_str().unwrap(), "--vandaag", "2026-11-23"]);
    assert_eq!(out.status.code(), Some(0));
    assert!(stdout(&out).contains("220 mensen"), "{}", stdout(&out));
    for e in fs::read_dir("boards").unwrap() {
        let e = e.unwrap();
        assert_eq!(
            fs::read(e.path()).unwrap(),
            fs::read(a.join(e.file_name())).unwrap(),
            "boards/ differs from `planbord demo boards --vandaag 2026-11-23`: {:?}",
            e.file_name()
        );
    }
    let b = dir.path().join("b");
    planbord(&[
        "demo",
        b.to_str().unwrap(),
        "--vandaag",
        "2030-02-01",
        "--schaal",
        "2",
    ]);
    let loaded = planbord::storage::load(&b);
    assert!(loaded.fouten.is_empty(), "{:?}", loaded.fouten);
    assert_eq!(loaded.werkmap.organisatie.unwrap().mensen.len(), 440);
    assert_eq!(loaded.werkmap.borden.len(), 34);
}

#[test]
fn help_and_errors_are_dutch() {
    let out = planbord(&["--help"]);
    assert_eq!(out.status.code(), Some(0));
    let text = stdout(&out);
    assert!(
        text.contains("Gebruik:") && text.contains("Opdrachten") && text.contains("controleer"),
        "{text}"
    );
    assert!(
        !text.contains("Usage") && !text.contains("Options"),
        "{text}"
    );
    let out = planbord(&["controleer", "--help"]);
    assert!(stdout(&out).contains("--vanaf"));
    let out = planbord(&["controleer", "--onbekend"]);
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("onbekende optie"));
    let out = planbord(&["controleer", "--vandaag", "morgen"]);
    assert!(String::from_utf8_lossy(&out.stderr).contains("ongeldige datum"));
}

#[test]
fn vanaf_and_weken_choose_the_horizon() {
    let out = planbord(&[
        "controleer",
        "tests/fixtures/voorbeeld",
        "--format",
        "json",
        "--vandaag",
        "2027-05-04",
        "--vanaf",
        "2027-W26",
        "--weken",
        "1",
    ]);
    let v: Value = serde_json::from_slice(&out.stdout).unwrap();
    let weeks: Vec<&str> = v["conflicten"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|c| c["soort"] == "overboekt")
        .map(|c| c["week"].as_str().unwrap())
        .collect();
    assert_eq!(weeks, ["2027-W26", "2027-W26"]);
}
