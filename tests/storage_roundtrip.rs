//! Canonical writing, round trips and atomic saves.

use std::fs;
use std::path::Path;

use chrono::{NaiveDate, NaiveDateTime};
use planbord::domain::LtaSoort;
use planbord::domain::*;
use planbord::storage::{self, format, save};
use proptest::prelude::*;

fn text() -> impl Strategy<Value = String> {
    prop_oneof![
        "[a-z]{1,8}",
        ".{0,20}",
        Just("met \"aanhalingstekens\", \\ en\nnieuwe regel".to_string()),
        Just("Één café — coördinatie".to_string()),
    ]
}

fn hours() -> impl Strategy<Value = f64> {
    (0u32..20_000).prop_map(|c| f64::from(c) / 100.0)
}

fn week() -> impl Strategy<Value = Week> {
    (2020i32..2031, 1u32..=53)
        .prop_map(|(y, w)| Week::new(y, w).unwrap_or_else(|| Week::new(y, 52).unwrap()))
}

fn datum() -> impl Strategy<Value = Datum> {
    (0i64..4000).prop_map(|d| {
        Datum(NaiveDate::from_ymd_opt(2020, 1, 1).unwrap() + chrono::Duration::days(d))
    })
}

fn moment() -> impl Strategy<Value = Moment> {
    (0i64..100_000_000).prop_map(|s| {
        let base =
            NaiveDateTime::parse_from_str("2020-01-01T00:00:00", "%Y-%m-%dT%H:%M:%S").unwrap();
        Moment(base + chrono::Duration::seconds(s))
    })
}

fn inzet() -> impl Strategy<Value = Inzet> {
    (
        "[a-z0-9]{0,6}",
        "[a-z]{1,6}",
        hours(),
        week(),
        week(),
        prop_oneof![
            Just(InzetStatus::Gevraagd),
            Just(InzetStatus::Toegezegd),
            Just(InzetStatus::Afgewezen)
        ],
        prop_oneof![Just(InzetSoort::Opgave), Just(InzetSoort::Regulier)],
        proptest::option::of((text(), moment(), proptest::option::of(text()))),
        proptest::option::of((text(), moment(), proptest::option::of(text()))),
    )
        .prop_map(
            |(id, persoon, uren, van, tot, status, soort, besluit, verzoek)| Inzet {
                id,
                persoon,
                uren_per_week: uren,
                van,
                tot,
                status,
                soort,
                verzoek: verzoek.map(|(wie, wanneer, toelichting)| Verzoek {
                    wie,
                    wanneer,
                    toelichting,
                }),
                besluit: besluit.map(|(wie, wanneer, toelichting)| Besluit {
                    wie,
                    wanneer,
                    toelichting,
                }),
            },
        )
}

fn kaart() -> impl Strategy<Value = Kaart> {
    (
        (
            "[a-z0-9]{0,6}",
            text(),
            "[a-z]{1,5}",
            proptest::option::of("[a-z]{1,6}"),
            proptest::option::of(hours()),
        ),
        (
            proptest::option::of(datum()),
            proptest::option::of(datum()),
            proptest::option::of(datum()),
            // A description of several lines, with quotes and indentation.
            proptest::option::of(
                proptest::collection::vec(text(), 1..4).prop_map(|l| l.join("\n")),
            ),
            proptest::option::of(datum()),
        ),
        (
            prop_oneof![
                Just(KaartStatus::OpKoers),
                Just(KaartStatus::Risico),
                Just(KaartStatus::Vertraagd),
                Just(KaartStatus::Geblokkeerd)
            ],
            0u32..=100,
            proptest::option::of("Z/[0-9]{2}/[0-9]{6}"),
            proptest::collection::vec(text(), 0..3),
            proptest::collection::vec((text(), moment(), text()), 0..3),
        ),
    )
        .prop_map(
            |(
                (id, titel, kolom, eigenaar, uren),
                (start, deadline, lta, omschrijving, klaar_op),
                (status, voortgang, zaak, labels, notities),
            )| Kaart {
                id,
                titel,
                kolom,
                eigenaar,
                omschrijving,
                uren,
                start,
                deadline,
                status,
                voortgang,
                zaak,
                // Every kind of LTA, from the progress figure (already random).
                lta_soort: [None, Some(LtaSoort::College), Some(LtaSoort::Raad)]
                    [voortgang as usize % 3],
                lta,
                klaar_op,
                labels,
                notities: notities
                    .into_iter()
                    .map(|(wie, wanneer, tekst)| Notitie {
                        wie,
                        wanneer,
                        tekst,
                    })
                    .collect(),
            },
        )
}

fn bord() -> impl Strategy<Value = Bord> {
    (
        "[a-z-]{1,12}",
        text(),
        prop_oneof![
            "[a-z]{1,6}".prop_map(|o| BordSoort::Opgaveteam { opgave: o }),
            "[a-z]{1,6}".prop_map(|c| BordSoort::Clusterkamer { cluster: c })
        ],
        proptest::collection::vec(
            (
                "[a-z]{1,5}",
                text(),
                proptest::option::of(0u32..20),
                any::<bool>(),
            ),
            1..5,
        ),
        proptest::collection::vec(inzet(), 0..4),
        proptest::collection::vec(kaart(), 0..6),
    )
        .prop_map(|(id, titel, soort, kolommen, inzet, kaarten)| Bord {
            versie: 1,
            id,
            titel,
            soort,
            kolommen: kolommen
                .into_iter()
                .map(|(id, naam, wip, klaar)| Kolom {
                    id,
                    naam,
                    wip,
                    klaar,
                })
                .collect(),
            inzet,
            kaarten,
            sporen: String::new(),
        })
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 200, ..ProptestConfig::default() })]

    #[test]
    fn write_then_read_gives_the_same_board(b in bord()) {
        let text = format::to_canonical(&b).unwrap();
        let back: Bord = format::parse(&text).unwrap();
        prop_assert_eq!(&back, &b);
        // Saving what was read gives the same bytes: git diffs stay small.
        prop_assert_eq!(format::to_canonical(&back).unwrap(), text);
    }

    #[test]
    fn the_loader_never_panics_on_arbitrary_bytes(bytes in proptest::collection::vec(any::<u8>(), 0..400)) {
        let dir = tempfile::tempdir().unwrap();
        fs::write(dir.path().join("organisatie.ron"), &bytes).unwrap();
        fs::write(dir.path().join("b.ron"), &bytes).unwrap();
        let loaded = storage::load(dir.path());
        prop_assert!(loaded.werkmap.organisatie.is_none() || loaded.fouten.is_empty());
    }

    #[test]
    fn the_loader_never_panics_on_damaged_files(cut in 0usize..1500, insert in "[\\[\\](){}\",:a-z0-9 \n]{0,4}") {
        let original = fs::read_to_string("tests/fixtures/voorbeeld/bord2.ron").unwrap();
        let at = original.char_indices().map(|(i, _)| i).nth(cut % original.chars().count()).unwrap_or(0);
        let damaged = format!("{}{}{}", &original[..at], insert, &original[at..]);
        let dir = tempfile::tempdir().unwrap();
        fs::copy("tests/fixtures/voorbeeld/organisatie.ron", dir.path().join("organisatie.ron")).unwrap();
        fs::write(dir.path().join("bord2.ron"), damaged).unwrap();
        let loaded = storage::load(dir.path());
        for d in &loaded.fouten {
            prop_assert!(d.regel >= 1 && d.kolom >= 1);
            prop_assert_eq!(&d.bestand, "bord2.ron");
        }
    }
}

#[test]
fn the_demo_is_written_canonically_and_saves_byte_for_byte() {
    let loaded = storage::load(Path::new("boards"));
    assert!(loaded.fouten.is_empty());
    let org_file = loaded.organisatie_file.as_ref().unwrap();
    let org = loaded.werkmap.organisatie.as_ref().unwrap();
    assert_eq!(
        format::to_canonical(org).unwrap(),
        fs::read_to_string(&org_file.path).unwrap()
    );
    for (bord, file) in loaded.werkmap.borden.iter().zip(&loaded.board_files) {
        assert_eq!(
            format::to_canonical(bord).unwrap(),
            fs::read_to_string(&file.path).unwrap(),
            "{}",
            file.name
        );
    }
}

#[test]
fn a_saved_werkmap_loads_back_equal() {
    let original = storage::load(Path::new("tests/fixtures/voorbeeld"));
    let dir = tempfile::tempdir().unwrap();
    save::write_werkmap(dir.path(), &original.werkmap).unwrap();
    let again = storage::load(dir.path());
    assert!(again.fouten.is_empty(), "{:?}", again.fouten);
    assert_eq!(again.werkmap, original.werkmap);
}

#[test]
fn hand_written_files_are_normalised_and_hashes_follow_the_content() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("bord2.ron");
    fs::copy("tests/fixtures/voorbeeld/bord2.ron", &path).unwrap();
    let before = storage::load(&path);
    let hash = before.board_files[0].hash;
    let written = save::save_document(&path, Some(hash), &before.werkmap.borden[0], now())
        .unwrap()
        .hash;
    assert_ne!(
        written, hash,
        "the hand-written file had explicit defaults and a different order"
    );
    let after = storage::load(&path);
    assert_eq!(after.board_files[0].hash, written);
    assert_eq!(after.werkmap.borden, before.werkmap.borden);
}

#[test]
fn an_interrupted_save_leaves_the_original_intact() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("b.ron");
    fs::write(&path, "origineel").unwrap();
    let result = save::write_atomic_with(&path, b"nieuw", |tmp| {
        assert_eq!(
            fs::read(tmp).unwrap(),
            b"nieuw",
            "the temporary file is complete"
        );
        Err(std::io::Error::other("stroom valt uit"))
    });
    assert!(result.is_err());
    assert_eq!(fs::read_to_string(&path).unwrap(), "origineel");
    let names: Vec<_> = fs::read_dir(dir.path())
        .unwrap()
        .map(|e| e.unwrap().file_name())
        .collect();
    assert_eq!(
        names.len(),
        1,
        "no temporary file is left behind: {names:?}"
    );
}

#[test]
fn a_file_changed_by_someone_else_is_not_overwritten() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("bord2.ron");
    fs::copy("tests/fixtures/voorbeeld/bord2.ron", &path).unwrap();
    let loaded = storage::load(&path);
    fs::write(&path, "Bord(versie: 1) // van een collega").unwrap();
    let err = save::save_document(
        &path,
        Some(loaded.board_files[0].hash),
        &loaded.werkmap.borden[0],
        now(),
    )
    .unwrap_err();
    let zin = planbord::wording::opslaan_fout(&err);
    assert!(
        zin.contains("intussen door iemand anders gewijzigd"),
        "{zin}"
    );
    assert_eq!(
        fs::read_to_string(&path).unwrap(),
        "Bord(versie: 1) // van een collega"
    );
}

#[cfg(unix)]
#[test]
fn a_save_keeps_the_files_permissions() {
    use std::os::unix::fs::PermissionsExt;
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("b.ron");
    fs::write(&path, "x").unwrap();
    fs::set_permissions(&path, fs::Permissions::from_mode(0o640)).unwrap();
    save::write_atomic(&path, b"y").unwrap();
    assert_eq!(
        fs::metadata(&path).unwrap().permissions().mode() & 0o777,
        0o640
    );
}

#[test]
fn cards_and_inzet_without_an_id_get_one_at_their_first_save() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("b.ron");
    let text = r#"Bord(versie: 1, id: "b", titel: "B", soort: Clusterkamer(cluster: "c"),
        kolommen: [Kolom(id: "a", naam: "A")],
        inzet: [Inzet(persoon: "p", uren_per_week: 4, van: "2026-W01", tot: "2026-W02")],
        kaarten: [Kaart(titel: "een", kolom: "a"), Kaart(titel: "twee", kolom: "a")])"#;
    fs::write(&path, text).unwrap();
    let loaded = storage::load(&path);
    let mut bord = loaded.werkmap.borden[0].clone();
    assert!(bord.kaarten[0].id.is_empty());
    planbord::domain::ids::assign_missing(&mut bord, save::random_bits);
    save::save_document(&path, Some(loaded.board_files[0].hash), &bord, now()).unwrap();
    let again = storage::load(&path).werkmap.borden.remove(0);
    let ids: Vec<&str> = again
        .kaarten
        .iter()
        .map(|k| k.id.as_str())
        .chain([again.inzet[0].id.as_str()])
        .collect();
    assert!(ids.iter().all(|id| id.len() == 6), "{ids:?}");
    assert_ne!(ids[0], ids[1]);
    let written = fs::read_to_string(&path).unwrap();
    assert!(
        written.starts_with("#![enable(implicit_some)]\nBord(\n    versie: 1,\n"),
        "{written}"
    );
    assert!(
        written.contains("status: Toegezegd"),
        "the status of an inzet is always written"
    );
}

fn organisatie() -> impl Strategy<Value = Organisatie> {
    let persoon = (
        "[a-z]{1,6}",
        text(),
        "[a-z]{1,4}",
        hours(),
        proptest::sample::subsequence(
            vec![Dag::Ma, Dag::Di, Dag::Wo, Dag::Do, Dag::Vr, Dag::Za],
            0..6,
        ),
        proptest::option::of((0u32..=100).prop_map(|p| f64::from(p) / 100.0)),
        proptest::collection::vec(text(), 0..2),
        proptest::collection::vec(
            (
                datum(),
                datum(),
                proptest::option::of(proptest::sample::select(AfwezigheidSoort::ALLE.to_vec())),
            ),
            0..2,
        ),
        proptest::option::of(datum()),
        proptest::option::of(datum()),
    )
        .prop_map(
            |(
                id,
                naam,
                eenheid,
                uren,
                werkdagen,
                regulier_aandeel,
                talenten,
                afwezig,
                in_dienst,
                uit_dienst,
            )| Persoon {
                id,
                naam,
                eenheid,
                uren,
                werkdagen,
                regulier_aandeel,
                talenten,
                afwezig: afwezig
                    .into_iter()
                    .map(|(van, tot, soort)| Afwezigheid { van, tot, soort })
                    .collect(),
                in_dienst,
                uit_dienst,
            },
        );
    (
        text(),
        hours(),
        hours(),
        proptest::collection::vec(datum(), 0..3),
        proptest::collection::vec(("[a-z]{1,4}", text()), 0..3),
        proptest::collection::vec(
            (
                "[a-z]{1,4}",
                text(),
                "[a-z]{1,4}",
                proptest::collection::vec("[a-z]{1,4}", 0..3),
            ),
            0..3,
        ),
        proptest::collection::vec(persoon, 0..4),
        proptest::collection::vec(
            (
                "[a-z]{1,4}",
                text(),
                proptest::option::of(text()),
                proptest::option::of(text()),
            ),
            0..3,
        ),
    )
        .prop_map(
            |(naam, uren_per_fte, max, feestdagen, clusters, eenheden, mensen, opgaven)| {
                Organisatie {
                    versie: 1,
                    naam,
                    uren_per_fte,
                    max_fte_per_coco: max,
                    feestdagen,
                    clusters: clusters
                        .into_iter()
                        .map(|(id, naam)| Cluster { id, naam })
                        .collect(),
                    eenheden: eenheden
                        .into_iter()
                        .map(|(id, naam, cluster, cocos)| Eenheid {
                            id,
                            naam,
                            cluster,
                            cocos,
                            regulier_aandeel: None,
                        })
                        .collect(),
                    mensen,
                    opgaven: opgaven
                        .into_iter()
                        .enumerate()
                        .map(|(i, (id, naam, adviseur, portefeuillehouder))| Opgave {
                            adviseur,
                            portefeuillehouder,
                            // Every phase, and the texts and dates of an opgave.
                            fase: planbord::domain::Fase::ALLE[i % 6],
                            programma: (i % 2 == 0).then(|| "Wonen \"en\" werken".to_string()),
                            doel: (i % 3 == 0).then(|| "Meer woningen,\nsneller".to_string()),
                            start: (i % 2 == 1)
                                .then(|| planbord::domain::Datum("2026-01-05".parse().unwrap())),
                            eind: (i % 2 == 1)
                                .then(|| planbord::domain::Datum("2027-12-31".parse().unwrap())),
                            ..Opgave::new(&id, &naam)
                        })
                        .collect(),
                    sporen: String::new(),
                }
            },
        )
}

proptest! {
    #[test]
    fn write_then_read_gives_the_same_organisation(o in organisatie()) {
        let text = format::to_canonical(&o).unwrap();
        let back: Organisatie = format::parse(&text).unwrap();
        prop_assert_eq!(&back, &o);
        prop_assert_eq!(format::to_canonical(&back).unwrap(), text);
    }
}

fn now() -> chrono::NaiveDateTime {
    "2026-11-27T10:00:00".parse().unwrap()
}
