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

/// Standard output with every run of spaces as one, for reading the report's lines.
fn plat(o: &Output) -> String {
    stdout(o)
        .lines()
        .map(|l| l.split_whitespace().collect::<Vec<_>>().join(" "))
        .collect::<Vec<_>>()
        .join("\n")
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

/// A new werkmap in a temporary folder: (the folder, the werkmap in it).
fn nieuwe_werkmap() -> (tempfile::TempDir, std::path::PathBuf) {
    let tmp = tempfile::tempdir().unwrap();
    let out = planbord_in(
        tmp.path(),
        &[
            "nieuw",
            "vs",
            "--naam",
            "Gemeente Voorschoten",
            "--vandaag",
            "2026-11-23",
        ],
    );
    assert!(out.status.success(), "{}", stderr(&out));
    let map = tmp.path().join("vs");
    (tmp, map)
}

fn importeer(dir: &Path, bestand: &str, extra: &[&str]) -> Output {
    let mut args = vec!["importeer", "mensen", bestand, "vs"];
    args.extend(extra);
    planbord_in(dir, &args)
}

/// The same people, as Dutch HR systems write CSV: (file name, bytes).
fn csv_varianten() -> Vec<(&'static str, Vec<u8>)> {
    let rows = [
        [
            "Personeelsnummer",
            "Naam",
            "Afdeling",
            "Uren per week",
            "Talenten",
        ],
        [
            "10001",
            "José Müller",
            "Financiën",
            "32,5",
            "Excel, begroting",
        ],
        ["10002", "Fleur Mulder", "Wijken", "36", ""],
    ];
    let join = |sep: &str, quote: bool| {
        rows.iter()
            .map(|r| {
                r.iter()
                    .map(|c| {
                        if quote || c.contains(sep) {
                            format!("\"{c}\"")
                        } else {
                            c.to_string()
                        }
                    })
                    .collect::<Vec<_>>()
                    .join(sep)
            })
            .collect::<Vec<_>>()
            .join("\r\n")
            + "\r\n"
    };
    let utf8_bom = [b"\xEF\xBB\xBF".as_slice(), join(";", false).as_bytes()].concat();
    // Windows-1252 as Dutch Excel writes "CSV (gescheiden door lijstscheidingsteken)".
    let cp1252: Vec<u8> = join(";", false)
        .chars()
        .map(|c| match c {
            'é' => 0xE9,
            'ü' => 0xFC,
            'ë' => 0xEB,
            c => c as u8,
        })
        .collect();
    vec![
        ("bom.csv", utf8_bom),
        ("excel.csv", cp1252),
        ("komma.csv", join(",", true).into_bytes()),
        ("tab.csv", join("\t", false).into_bytes()),
    ]
}

#[test]
fn importeer_reads_csv_in_every_encoding_and_delimiter() {
    for (naam, bytes) in csv_varianten() {
        let (tmp, map) = nieuwe_werkmap();
        std::fs::write(tmp.path().join(naam), &bytes).unwrap();
        let out = importeer(tmp.path(), naam, &[]);
        assert_eq!(
            out.status.code(),
            Some(0),
            "{naam}: {}{}",
            stdout(&out),
            stderr(&out)
        );
        let org = organisatie(&map);
        let jose = org
            .persoon("p10001")
            .unwrap_or_else(|| panic!("{naam}: {org:?}"));
        assert_eq!(jose.naam, "José Müller", "{naam}");
        assert_eq!(jose.uren, 32.5, "{naam}");
        assert_eq!(jose.talenten, ["Excel", "begroting"], "{naam}");
        let unit = org.eenheid(&jose.eenheid).unwrap();
        assert_eq!(unit.naam, "Financiën", "{naam}");
        assert_eq!(org.cluster(&unit.cluster).unwrap().naam, "Nog in te delen");
        assert_eq!(org.persoon("p10002").unwrap().uren, 36.0);
    }
}

/// The spreadsheets of `tests/fixtures/import`, written by openpyxl and odfpy (`maak.py`).
#[test]
fn importeer_reads_the_first_sheet_of_xlsx_and_ods() {
    for bestand in ["mensen.xlsx", "mensen.ods"] {
        let (tmp, map) = nieuwe_werkmap();
        let src = Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("tests/fixtures/import")
            .join(bestand);
        std::fs::copy(&src, tmp.path().join(bestand)).unwrap();
        let out = importeer(tmp.path(), bestand, &[]);
        let text = stdout(&out);
        // Piet Bos has no unit: skipped, with his row number.
        assert_eq!(
            out.status.code(),
            Some(1),
            "{bestand}: {text}{}",
            stderr(&out)
        );
        assert!(text.contains("rij 5: geen eenheid"), "{bestand}: {text}");
        assert!(
            text.contains("Onbekende kolommen (genegeerd): Functie"),
            "{text}"
        );
        let org = organisatie(&map);
        assert_eq!(org.mensen.len(), 3, "{bestand}");
        let fleur = org.persoon("p20001").unwrap();
        assert_eq!(fleur.naam, "Fleur Mulder");
        assert_eq!(fleur.uren, 28.8, "0,8 fte × 36");
        assert_eq!(fleur.werkdagen.len(), 4);
        assert_eq!(fleur.in_dienst.unwrap().0.to_string(), "2024-02-01");
        let jan = org.persoon("p20002").unwrap();
        assert_eq!(jan.naam, "Jan de Vries");
        assert_eq!(jan.uit_dienst.unwrap().0.to_string(), "2027-03-31");
        assert_eq!(org.persoon("p20003").unwrap().naam, "Ayşe Yılmaz");
        let wijken = org.eenheid(&fleur.eenheid).unwrap();
        assert_eq!(org.cluster(&wijken.cluster).unwrap().naam, "Fysiek Domein");
        assert_eq!(org.clusters.len(), 2, "{bestand}: {:?}", org.clusters);
    }
}

#[test]
fn importeer_twice_changes_nothing_and_a_dry_run_writes_nothing() {
    let (tmp, map) = nieuwe_werkmap();
    let (naam, bytes) = csv_varianten().remove(0);
    std::fs::write(tmp.path().join(naam), &bytes).unwrap();
    let voor = std::fs::read(map.join("organisatie.ron")).unwrap();
    let out = importeer(tmp.path(), naam, &["--droog"]);
    assert_eq!(out.status.code(), Some(0));
    assert!(
        plat(&out).contains("toegevoegd 2 José Müller"),
        "{}",
        stdout(&out)
    );
    assert_eq!(
        std::fs::read(map.join("organisatie.ron")).unwrap(),
        voor,
        "--droog wrote"
    );
    assert!(importeer(tmp.path(), naam, &[]).status.success());
    let eerste = std::fs::read(map.join("organisatie.ron")).unwrap();
    assert_ne!(eerste, voor);
    let out = importeer(tmp.path(), naam, &[]);
    assert!(stdout(&out).contains("Niets veranderd"), "{}", stdout(&out));
    assert!(plat(&out).contains("ongewijzigd 2"), "{}", stdout(&out));
    assert_eq!(std::fs::read(map.join("organisatie.ron")).unwrap(), eerste);
}

#[test]
fn importeer_updates_what_the_file_has_keeps_the_rest_and_reports_who_is_missing() {
    let (tmp, map) = nieuwe_werkmap();
    let write = |name: &str, text: &str| std::fs::write(tmp.path().join(name), text).unwrap();
    write(
        "a.csv",
        "nummer;naam;eenheid;uren;talenten\n1;Anna;Wijken;36;Excel\n2;Bert;Wijken;24;\n",
    );
    assert!(importeer(tmp.path(), "a.csv", &[]).status.success());
    // Anna works fewer hours now; the file has no talents column: hers stay. Bert is gone
    // from the file but stays in the werkmap. Synonyms and case do not matter.
    write(
        "b.csv",
        "MEDEWERKERNUMMER;Volledige naam;TEAM;Contracturen\n1;Anna;wijken;32\n3;Cor;Wijken;75\n",
    );
    let out = importeer(tmp.path(), "b.csv", &[]);
    let text = plat(&out);
    assert_eq!(out.status.code(), Some(1), "{text}");
    // The report fits the width it is given (COLUMNS=100 here).
    assert!(
        stdout(&out).lines().all(|l| l.chars().count() <= 100),
        "{}",
        stdout(&out)
    );
    assert!(text.contains("bijgewerkt 1 Anna"), "{text}");
    assert!(text.contains("niet in het bestand 1 Bert"), "{text}");
    assert!(
        text.contains("rij 3: 75 uur per week ligt buiten 0–60"),
        "{text}"
    );
    let org = organisatie(&map);
    let anna = org.persoon("p1").unwrap();
    assert_eq!(
        (anna.uren, anna.talenten.clone()),
        (32.0, vec!["Excel".to_string()])
    );
    assert!(org.persoon("p2").is_some(), "never removed");
    assert_eq!(org.eenheden.len(), 1, "wijken matched case-insensitively");
}

#[test]
fn importeer_names_the_missing_columns_and_exits_2() {
    let (tmp, map) = nieuwe_werkmap();
    std::fs::write(tmp.path().join("x.csv"), "Naam;Functie\nAnna;adviseur\n").unwrap();
    let voor = std::fs::read(map.join("organisatie.ron")).unwrap();
    let out = importeer(tmp.path(), "x.csv", &[]);
    assert_eq!(out.status.code(), Some(2));
    let err = stderr(&out);
    assert!(err.contains("Gevonden kop: Naam | Functie"), "{err}");
    assert!(
        err.contains("Ontbreekt: eenheid (een van: eenheid, afdeling, team, organisatie eenheid)"),
        "{err}"
    );
    assert!(err.contains("contracturen") && err.contains("fte"), "{err}");
    assert_eq!(std::fs::read(map.join("organisatie.ron")).unwrap(), voor);
    // A file that is no spreadsheet, and one that does not exist.
    std::fs::write(tmp.path().join("y.xlsx"), "geen zip").unwrap();
    let out = importeer(tmp.path(), "y.xlsx", &[]);
    assert_eq!(out.status.code(), Some(2));
    assert!(stderr(&out).contains("y.xlsx"), "{}", stderr(&out));
    let out = importeer(tmp.path(), "weg.csv", &[]);
    assert_eq!(out.status.code(), Some(2));
    assert!(stderr(&out).contains("weg.csv"), "{}", stderr(&out));
}

#[test]
fn two_people_with_one_name_and_two_numbers_stay_two() {
    let (tmp, map) = nieuwe_werkmap();
    std::fs::write(
        tmp.path().join("a.csv"),
        "nummer;naam;eenheid;uren\n10234;Renée Jansen;Wijken;36\n10244;Renée Jansen;Zorg;18\n",
    )
    .unwrap();
    let out = importeer(tmp.path(), "a.csv", &[]);
    assert!(out.status.success(), "{}", stdout(&out));
    assert!(plat(&out).contains("toegevoegd 2"), "{}", stdout(&out));
    let org = organisatie(&map);
    assert_eq!(org.persoon("p10234").unwrap().uren, 36.0);
    assert_eq!(org.persoon("p10244").unwrap().uren, 18.0);
    let out = importeer(tmp.path(), "a.csv", &[]);
    assert!(plat(&out).contains("ongewijzigd 2"), "{}", stdout(&out));
    assert!(plat(&out).contains("bijgewerkt 0"), "{}", stdout(&out));
}
