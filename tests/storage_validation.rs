//! Reading werkmappen: positioned Dutch errors, warnings, and one bad file never stops the rest.

use std::fs;
use std::path::Path;

use planbord::storage;

const ORG: &str = r#"#![enable(implicit_some)]
Organisatie(
    versie: 1,
    naam: "Test",
    clusters: [Cluster(id: "c", naam: "C")],
    eenheden: [Eenheid(id: "e", naam: "E", cluster: "c", cocos: ["p"])],
    mensen: [
        Persoon(id: "p", naam: "Piet", eenheid: "e", uren: 36.0),
        Persoon(id: "q", naam: "Queenie", eenheid: "e", uren: 32, werkdagen: [Ma, Di, Wo, Do]),
    ],
    opgaven: [Opgave(id: "o", naam: "O")],
)
"#;

/// A valid board; tests replace `@KAART@` with card fields.
const BORD: &str = r#"Bord(
    versie: 1,
    id: "b",
    titel: "Bord",
    soort: Opgaveteam(opgave: "o"),
    kolommen: [
        Kolom(id: "todo", naam: "Te doen"),
        Kolom(id: "klaar", naam: "Klaar", klaar: true),
    ],
    inzet: [Inzet(persoon: "p", uren_per_week: 8, van: "2026-W10", tot: "2026-W12")],
    kaarten: [
        Kaart(id: "k1", titel: "Een", kolom: "todo"),
        Kaart(@KAART@),
    ],
)
"#;

fn werkmap(files: &[(&str, &str)]) -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    for (name, text) in files {
        fs::write(dir.path().join(name), text).unwrap();
    }
    dir
}

fn board_with(card: &str) -> String {
    BORD.replace("@KAART@", card)
}

/// Loads a werkmap of the organisation plus one board with this card, and returns its errors.
fn errors_for_card(card: &str) -> Vec<String> {
    let dir = werkmap(&[("organisatie.ron", ORG), ("b.ron", &board_with(card))]);
    storage::load(dir.path())
        .fouten
        .iter()
        .map(planbord::wording::diagnostic)
        .collect()
}

#[test]
fn a_valid_werkmap_loads_without_errors() {
    let dir = werkmap(&[
        ("organisatie.ron", ORG),
        (
            "b.ron",
            &board_with(r#"id: "k2", titel: "Twee", kolom: "todo""#),
        ),
    ]);
    let loaded = storage::load(dir.path());
    assert!(loaded.fouten.is_empty(), "{:?}", loaded.fouten);
    assert_eq!(loaded.werkmap.borden.len(), 1);
    assert_eq!(
        loaded.werkmap.organisatie.as_ref().unwrap().mensen[1].uren,
        32.0,
        "an integer reads as a number"
    );
    assert!(loaded.capaciteit_uit.is_none());
}

/// `line:column` (1-based) of the first occurrence of `needle` in `text`.
fn at(text: &str, needle: &str) -> String {
    let offset = text
        .find(needle)
        .unwrap_or_else(|| panic!("`{needle}` not in text"));
    let before = &text[..offset];
    let line = before.matches('\n').count() + 1;
    let col = before.rsplit('\n').next().unwrap().chars().count() + 1;
    format!("{line}:{col}")
}

#[test]
fn each_error_names_file_line_column_in_dutch() {
    // (card fields, where the error must point, message)
    let cases: &[(&str, &str, &str)] = &[
        (
            r#"id: "k2", titel: "Twee", kolom: "todo", eigenaar: "nobody""#,
            r#""nobody""#,
            "onbekende persoon `nobody`",
        ),
        (
            r#"id: "k2", titel: "Twee", kolom: "nergens""#,
            r#""nergens""#,
            "onbekende kolom `nergens`",
        ),
        (
            r#"titel: "Twee", id: "k1", kolom: "todo""#,
            r#""k1", kolom"#,
            "kaart `k1` komt twee keer voor",
        ),
        (
            r#"id: "k2", titel: "Twee", kolom: "todo", voortgang: 150"#,
            "150",
            "`voortgang` is een percentage van 0 tot 100, niet 150",
        ),
        (
            r#"id: "k2", titel: "Twee", kolom: "todo", uren: -4.0"#,
            "-4.0",
            "`uren` mag niet negatief zijn",
        ),
        (
            r#"id: "k2", titel: "Twee", kolom: "todo", deadline: "31-02-2026""#,
            "31-02",
            "ongeldige datum \"31-02-2026\"",
        ),
        (
            r#"id: "k2", titel: "Twee", kolm: "todo""#,
            "kolm",
            "onbekend veld `kolm` in Kaart; bekende velden zijn: `id`, `titel`, `kolom`",
        ),
        (
            r#"id: "k2", kolom: "todo""#,
            "),\n    ],\n)",
            "verplicht veld `titel` ontbreekt in Kaart",
        ),
        (
            r#"id: "k2", titel: "Twee", kolom: "todo", status: Klaar"#,
            "Klaar),",
            "onbekende waarde `Klaar`; mogelijk zijn: `OpKoers`, `Risico`",
        ),
        (
            r#"id: "k2", titel: "Twee", kolom: "todo", uren: 7,5"#,
            "7,5",
            "decimaalkomma in een getal: gebruik een punt: 7.5",
        ),
        (
            r#"id: "k2", titel: "Twee" kolom: "todo""#,
            "kolom: \"todo\"),\n    ],",
            "verwacht een komma",
        ),
    ];
    for (card, needle, message) in cases {
        let text = board_with(card);
        let expected = format!("b.ron:{}: {message}", at(&text, needle));
        let errors = errors_for_card(card);
        assert!(
            errors.iter().any(|e| e.starts_with(&expected)),
            "card `{card}`: expected `{expected}` in {errors:?}"
        );
    }
}

#[test]
fn board_level_errors() {
    let card = r#"id: "k2", titel: "T", kolom: "todo""#;
    // (text, where the error must point, message)
    let cases: &[(String, &str, &str)] = &[
        (BORD.replace("versie: 1", "versie: 2"), "2,", "versie 2 is nieuwer dan deze planbord kent"),
        (BORD.replace(r#"van: "2026-W10""#, r#"van: "2026-W60""#), "2026-W60", "week \"2026-W60\" bestaat niet"),
        (BORD.replace(r#"van: "2026-W10", tot: "2026-W12""#, r#"van: "2026-W12", tot: "2026-W10""#), r#""2026-W12", tot"#, "`van` (2026-W12) ligt na `tot` (2026-W10)"),
        (BORD.replace(r#"naam: "Te doen")"#, r#"naam: "Te doen", klaar: true)"#), "true),\n    ],", "meer dan één kolom met `klaar: true`"),
        (BORD.replace(r#"persoon: "p""#, r#"persoon: "x""#), r#""x""#, "onbekende persoon `x`"),
        (BORD.replace(r#"opgave: "o""#, r#"opgave: "nee""#), r#""nee""#, "onbekende opgave `nee`"),
        (BORD.replace("uren_per_week: 8", "uren_per_week: -8"), "-8", "`uren_per_week` mag niet negatief zijn"),
        (BORD.replace("kolommen: [\n        Kolom(id: \"todo\", naam: \"Te doen\"),\n        Kolom(id: \"klaar\", naam: \"Klaar\", klaar: true),\n    ]", "kolommen: []"), "[]", "een bord heeft minstens één kolom nodig"),
    ];
    for (text, needle, message) in cases {
        let text = text.replace("@KAART@", card);
        let expected = format!("b.ron:{}: {message}", at(&text, needle));
        let dir = werkmap(&[("organisatie.ron", ORG), ("b.ron", &text)]);
        let errors: Vec<String> = storage::load(dir.path())
            .fouten
            .iter()
            .map(planbord::wording::diagnostic)
            .collect();
        assert!(
            errors.iter().any(|e| e.starts_with(&expected)),
            "expected `{expected}` in {errors:?}"
        );
    }
}

#[test]
fn organisation_errors() {
    let cases: &[(String, &str, &str)] = &[
        (
            ORG.replace("uren: 36.0", "uren: 36.0, regulier_aandeel: 1.5"),
            "1.5",
            "`regulier_aandeel` moet tussen 0 en 1 liggen, niet 1.5",
        ),
        (
            ORG.replace(r#"cocos: ["p"]"#, r#"cocos: ["zz"]"#),
            r#""zz""#,
            "onbekende persoon (coco) `zz`",
        ),
        (
            ORG.replace(r#"id: "q""#, r#"id: "p""#),
            r#""p", naam: "Queenie""#,
            "persoon `p` komt twee keer voor",
        ),
        (
            ORG.replace(r#"cluster: "c", cocos"#, r#"cluster: "x", cocos"#),
            r#""x""#,
            "onbekende cluster `x`",
        ),
        (
            ORG.replace(
                "naam: \"Test\",\n",
                "naam: \"Test\",\n    uren_per_fte: 0,\n",
            ),
            "0,\n",
            "`uren_per_fte` moet groter dan 0 zijn",
        ),
        (
            ORG.replace(
                "uren: 36.0)",
                r#"uren: 36.0, in_dienst: "2026-05-01", uit_dienst: "2026-04-30")"#,
            ),
            r#""2026-05-01""#,
            "`in_dienst` (2026-05-01) ligt na `uit_dienst` (2026-04-30)",
        ),
    ];
    for (text, needle, message) in cases {
        let expected = format!("organisatie.ron:{}: {message}", at(text, needle));
        let dir = werkmap(&[("organisatie.ron", text)]);
        let loaded = storage::load(dir.path());
        let errors: Vec<String> = loaded
            .fouten
            .iter()
            .map(planbord::wording::diagnostic)
            .collect();
        assert!(
            errors.iter().any(|e| e.starts_with(&expected)),
            "expected `{expected}` in {errors:?}"
        );
        assert!(loaded.werkmap.organisatie.is_none());
    }
}

#[test]
fn warnings_lose_nothing() {
    let card = r#"id: "k2", titel: "T", kolom: "todo", uren: 4.0, start: "2026-03-10", deadline: "2026-03-01""#;
    let text = board_with(card).replace("uren_per_week: 8", "uren_per_week: 0");
    let dir = werkmap(&[
        ("organisatie.ron", &ORG.replace("uren: 32", "uren: 0")),
        ("b.ron", &text),
    ]);
    let loaded = storage::load(dir.path());
    assert!(loaded.fouten.is_empty(), "{:?}", loaded.fouten);
    let w: Vec<String> = loaded
        .waarschuwingen
        .iter()
        .map(|d| planbord::wording::melding_van(&d.melding).clone())
        .collect();
    for expected in [
        "begint na haar deadline",
        "inzet van 0 uur",
        "persoon met 0 uur",
        "schatting in uren maar geen eigenaar",
    ] {
        assert!(
            w.iter().any(|m| m.contains(expected)),
            "expected `{expected}` in {w:?}"
        );
    }
    assert_eq!(loaded.werkmap.borden.len(), 1);
}

#[test]
fn one_bad_file_leaves_the_others_usable() {
    let good = board_with(r#"id: "k2", titel: "T", kolom: "todo""#);
    let other = good.replace(r#"id: "b""#, r#"id: "c""#);
    let dir = werkmap(&[
        ("organisatie.ron", ORG),
        ("a.ron", "Bord(versie: 1, id: "),
        ("b.ron", &good),
        ("c.ron", &other),
    ]);
    let loaded = storage::load(dir.path());
    assert_eq!(loaded.fouten.len(), 1);
    let d = planbord::wording::diagnostic(&loaded.fouten[0]);
    assert!(d.starts_with("a.ron:1:"), "{d}");
    assert_eq!(loaded.werkmap.borden.len(), 2);
}

#[test]
fn a_broken_organisation_leaves_the_boards_viewable() {
    let good = board_with(r#"id: "k2", titel: "T", kolom: "todo", eigenaar: "anyone""#);
    let dir = werkmap(&[
        ("organisatie.ron", "Organisatie(versie: 1,"),
        ("b.ron", &good),
    ]);
    let loaded = storage::load(dir.path());
    assert_eq!(loaded.werkmap.borden.len(), 1, "{:?}", loaded.fouten);
    use planbord::storage::load::CapaciteitUit;
    assert_eq!(
        loaded.capaciteit_uit,
        Some(CapaciteitUit::OrganisatieOngeldig)
    );
    assert!(
        planbord::wording::capaciteit_uit(CapaciteitUit::OrganisatieOngeldig)
            .contains("capaciteit staat uit")
    );
    let dir = werkmap(&[("b.ron", &good)]);
    assert_eq!(
        storage::load(dir.path()).capaciteit_uit,
        Some(CapaciteitUit::OrganisatieOntbreekt)
    );
    assert!(
        planbord::wording::capaciteit_uit(CapaciteitUit::OrganisatieOntbreekt)
            .contains("ontbreekt")
    );
}

#[test]
fn two_files_claiming_one_board_id_keep_the_one_named_after_it() {
    let good = board_with(r#"id: "k2", titel: "T", kolom: "todo""#);
    let dir = werkmap(&[
        ("organisatie.ron", ORG),
        ("b.ron", &good),
        ("a-LAPTOP12.ron", &good),
    ]);
    let loaded = storage::load(dir.path());
    assert_eq!(loaded.werkmap.borden.len(), 1);
    assert_eq!(loaded.board_files[0].name, "b.ron");
    let d = planbord::wording::diagnostic(&loaded.fouten[0]);
    assert!(
        d.starts_with("a-LAPTOP12.ron:3:9: bord-id `b` wordt ook gebruikt door b.ron"),
        "{d}"
    );
}

#[test]
fn reads_bom_comments_and_files_without_the_header() {
    let text = format!(
        "\u{feff}// gedeeld bord\n{}",
        board_with(r#"/* twee */ id: "k2", titel: "T", kolom: "todo""#)
    );
    let dir = werkmap(&[("organisatie.ron", ORG), ("b.ron", &text)]);
    let loaded = storage::load(dir.path());
    assert!(loaded.fouten.is_empty(), "{:?}", loaded.fouten);
}

#[test]
fn loading_one_board_file_uses_the_organisation_beside_it() {
    let dir = werkmap(&[
        ("organisatie.ron", ORG),
        (
            "b.ron",
            &board_with(r#"id: "k2", titel: "T", kolom: "todo""#),
        ),
        ("c.ron", "kapot"),
    ]);
    let loaded = storage::load(&dir.path().join("b.ron"));
    assert!(
        loaded.fouten.is_empty(),
        "the other file is not read: {:?}",
        loaded.fouten
    );
    assert!(loaded.werkmap.organisatie.is_some());
    assert_eq!(loaded.werkmap.borden.len(), 1);
}

#[test]
fn temporary_and_hidden_files_are_not_boards() {
    let good = board_with(r#"id: "k2", titel: "T", kolom: "todo""#);
    let dir = werkmap(&[
        ("organisatie.ron", ORG),
        ("b.ron", &good),
        (".b.ron.123.tmp", "x"),
        (".verborgen.ron", "x"),
        ("notities.txt", "x"),
    ]);
    let loaded = storage::load(dir.path());
    assert!(loaded.fouten.is_empty(), "{:?}", loaded.fouten);
}

#[test]
fn the_demo_and_the_worked_example_load_cleanly() {
    for map in ["boards", "tests/fixtures/voorbeeld"] {
        let loaded = storage::load(Path::new(map));
        assert!(loaded.fouten.is_empty(), "{map}: {:?}", loaded.fouten);
        assert!(loaded.werkmap.organisatie.is_some());
    }
}

#[test]
fn oversized_and_too_deeply_nested_files_are_refused_before_parsing() {
    let big = "// ".to_string() + &"x".repeat(21_000_000);
    let dir = werkmap(&[
        ("organisatie.ron", ORG),
        ("groot.ron", &big),
        (
            "diep.ron",
            &format!("Bord(versie: 1, id: {}", "[".repeat(5000)),
        ),
    ]);
    let loaded = storage::load(dir.path());
    let errors: Vec<String> = loaded
        .fouten
        .iter()
        .map(planbord::wording::diagnostic)
        .collect();
    assert!(errors.iter().any(|e| e.starts_with("groot.ron:1:1: bestand is te groot (21 MB; de grens is 20 MB)")), "{errors:?}");
    assert!(
        errors
            .iter()
            .any(|e| e.starts_with("diep.ron:") && e.contains("te diep genest")),
        "{errors:?}"
    );
}
