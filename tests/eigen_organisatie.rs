//! From the demo to one's own organisation, from the outside: `planbord nieuw` and
//! `planbord importeer mensen`, run as a user runs them.

use std::path::Path;
use std::process::{Command, Output};

fn planbord_in(dir: &Path, args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_planbord"))
        .args(args)
        .current_dir(dir)
        .env("COLUMNS", "100")
        .env("PLANBORD_CONFIG", "/nonexistent")
        .output()
        .expect("the binary runs")
}

fn stdout(o: &Output) -> String {
    String::from_utf8_lossy(&o.stdout).into_owned()
}

fn stderr(o: &Output) -> String {
    String::from_utf8_lossy(&o.stderr).into_owned()
}

fn organisatie(dir: &Path) -> planbord::domain::Organisatie {
    planbord::storage::load(dir)
        .werkmap
        .organisatie
        .expect("organisatie.ron reads")
}

#[test]
fn nieuw_writes_the_name_and_the_holidays_on_working_days() {
    let tmp = tempfile::tempdir().unwrap();
    let out = planbord_in(
        tmp.path(),
        &[
            "nieuw",
            "vs",
            "--naam",
            "Gemeente Voorschoten",
            "--vandaag",
            "2027-02-01",
        ],
    );
    assert!(out.status.success(), "{}", stderr(&out));
    assert!(
        stdout(&out).contains("planbord importeer mensen"),
        "{}",
        stdout(&out)
    );
    let map = tmp.path().join("vs");
    let names: Vec<_> = std::fs::read_dir(&map)
        .unwrap()
        .map(|e| e.unwrap().file_name().into_string().unwrap())
        .collect();
    assert_eq!(names, ["organisatie.ron"]);
    let org = organisatie(&map);
    assert_eq!(org.naam, "Gemeente Voorschoten");
    assert_eq!(org.uren_per_fte, 36.0);
    assert!(org.mensen.is_empty() && org.eenheden.is_empty() && org.clusters.is_empty());
    let dagen: Vec<String> = org.feestdagen.iter().map(|d| d.0.to_string()).collect();
    // 2027 and 2028, only those on Monday to Friday.
    for d in [
        "2027-01-01", // Nieuwjaarsdag, Friday
        "2027-03-29", // Tweede Paasdag
        "2027-04-27", // Koningsdag, Tuesday
        "2027-05-05", // Bevrijdingsdag, Wednesday
        "2027-05-06", // Hemelvaartsdag
        "2027-05-17", // Tweede Pinksterdag
        "2028-04-17", // Tweede Paasdag
        "2028-04-27", // Koningsdag, Thursday
        "2028-05-05", // Bevrijdingsdag, Friday
        "2028-05-25", // Hemelvaartsdag
        "2028-06-05", // Tweede Pinksterdag
        "2028-12-25", // Eerste Kerstdag, Monday
        "2028-12-26", // Tweede Kerstdag, Tuesday
    ] {
        assert!(dagen.contains(&d.to_string()), "{d} missing from {dagen:?}");
    }
    // Christmas 2027 falls on Saturday and Sunday; New Year 2028 on a Saturday.
    for d in ["2027-12-25", "2027-12-26", "2028-01-01"] {
        assert!(!dagen.contains(&d.to_string()), "{d} is in a weekend");
    }
    assert_eq!(dagen.len(), 13);
    // The werkmap is valid and clean.
    let out = planbord_in(&map, &["controleer"]);
    assert_eq!(
        out.status.code(),
        Some(0),
        "{}{}",
        stdout(&out),
        stderr(&out)
    );
}

#[test]
fn nieuw_refuses_a_folder_that_holds_anything_and_a_missing_name() {
    let tmp = tempfile::tempdir().unwrap();
    std::fs::write(tmp.path().join("notities.txt"), "van mij").unwrap();
    let out = planbord_in(tmp.path(), &["nieuw", ".", "--naam", "Gemeente X"]);
    assert_eq!(out.status.code(), Some(2));
    assert!(stderr(&out).contains("niet leeg"), "{}", stderr(&out));
    assert!(!tmp.path().join("organisatie.ron").exists());
    assert_eq!(
        std::fs::read_to_string(tmp.path().join("notities.txt")).unwrap(),
        "van mij"
    );
    let out = planbord_in(tmp.path(), &["nieuw", "leeg", "--naam", "  "]);
    assert_eq!(out.status.code(), Some(2));
    assert!(stderr(&out).contains("--naam"), "{}", stderr(&out));
    let out = planbord_in(tmp.path(), &["nieuw", "leeg"]);
    assert_eq!(out.status.code(), Some(2));
    assert!(stderr(&out).contains("--naam"), "{}", stderr(&out));
}
