//! No absence reasons in shared files (DESIGN.md section 2, "Privacy"): an absence has at most
//! a `soort` from a fixed list; a file that still has the old free-text `reden` loads with one
//! warning, and the reason is gone at the next save, in the kept copies as well.

mod common;

use std::fs;
use std::path::Path;
use std::process::Command;

use chrono::NaiveDateTime;
use common::*;
use planbord::capacity::Engine;
use planbord::domain::{Afwezigheid, AfwezigheidSoort, Datum, Organisatie};
use planbord::storage::{self, ContentHash, format, save};
use serde_json::Value;

/// An organisation whose absences still carry reasons, in the forms a hand or an older
/// program wrote them: text, an explicit `Some`, a raw identifier, and `None`.
const ORG_MET_REDENEN: &str = r#"#![enable(implicit_some)]
Organisatie(
    versie: 1,
    naam: "Test",
    clusters: [Cluster(id: "c", naam: "C")],
    eenheden: [Eenheid(id: "e", naam: "E", cluster: "c", cocos: ["p"])],
    mensen: [
        Persoon(id: "p", naam: "Piet", eenheid: "e", uren: 36.0, afwezig: [
            Afwezigheid(van: "2026-03-09", tot: "2026-03-13", reden: "ziek"),
            Afwezigheid(van: "2026-04-06", reden: Some("zwanger"), tot: "2026-04-10"),
        ]),
        Persoon(id: "q", naam: "Queenie", eenheid: "e", uren: 32, afwezig: [
            Afwezigheid(van: "2026-03-09", tot: "2026-03-09", r#reden: "burn-out", soort: Verlof),
            Afwezigheid(van: "2026-05-04", tot: "2026-05-08", reden: None),
        ]),
    ],
)
"#;

/// Where `needle` starts in `text`, as `regel:kolom`.
fn at(text: &str, needle: &str) -> (usize, usize) {
    let offset = text.find(needle).unwrap();
    let before = &text[..offset];
    let line = before.matches('\n').count() + 1;
    let col = before.rsplit('\n').next().unwrap().chars().count() + 1;
    (line, col)
}

fn werkmap(org: &str) -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    fs::write(dir.path().join("organisatie.ron"), org).unwrap();
    dir
}

fn t(s: &str) -> NaiveDateTime {
    NaiveDateTime::parse_from_str(s, "%Y-%m-%dT%H:%M:%S").unwrap()
}

fn no_reason_in(text: &str) {
    for r in ["reden", "ziek", "zwanger", "burn-out"] {
        assert!(!text.contains(r), "`{r}` in:\n{text}");
    }
}

#[test]
fn a_file_with_reasons_loads_with_one_warning_and_no_reason_is_kept() {
    let dir = werkmap(ORG_MET_REDENEN);
    let loaded = storage::load(dir.path());
    assert!(loaded.fouten.is_empty(), "{:?}", loaded.fouten);
    assert!(loaded.capaciteit_uit.is_none());
    assert_eq!(
        loaded.waarschuwingen.len(),
        1,
        "{:?}",
        loaded.waarschuwingen
    );
    let w = &loaded.waarschuwingen[0];
    assert_eq!(w.bestand, "organisatie.ron");
    assert_eq!((w.regel, w.kolom), at(ORG_MET_REDENEN, "reden: \"ziek\""));
    assert!(
        planbord::wording::melding_van(&w.melding).contains("4 afwezigheden")
            && planbord::wording::melding_van(&w.melding).contains("volgende keer opslaan"),
        "{}",
        planbord::wording::melding_van(&w.melding)
    );
    let org = loaded.werkmap.organisatie.unwrap();
    let soorten: Vec<Option<AfwezigheidSoort>> = org
        .mensen
        .iter()
        .flat_map(|p| p.afwezig.iter().map(|a| a.soort))
        .collect();
    assert_eq!(
        soorten,
        [None, None, Some(AfwezigheidSoort::Verlof), None],
        "a reason is never mapped to a soort"
    );
    no_reason_in(&format::to_canonical(&org).unwrap());
    no_reason_in(&format!("{org:?}"));
}

#[test]
fn controleer_warns_once_per_file_and_the_warning_keeps_the_exit_code() {
    // The demo with reasons put back into some of its absences.
    let dir = tempfile::tempdir().unwrap();
    for e in fs::read_dir("boards").unwrap() {
        let e = e.unwrap();
        fs::copy(e.path(), dir.path().join(e.file_name())).unwrap();
    }
    let org_path = dir.path().join("organisatie.ron");
    let clean = fs::read_to_string(&org_path).unwrap();
    let with_reasons = clean.replace("soort: Verlof,\n", "soort: Verlof,\n    reden: \"ziek\",\n");
    let n = with_reasons.matches("reden:").count();
    assert!(n > 10);
    let run = |format: &str| {
        Command::new(env!("CARGO_BIN_EXE_planbord"))
            .args([
                "controleer",
                dir.path().to_str().unwrap(),
                "--format",
                format,
            ])
            .args(["--vandaag", "2026-11-23"])
            .output()
            .unwrap()
    };
    let before = run("json");
    let before_json: Value = serde_json::from_slice(&before.stdout).unwrap();
    assert_eq!(before_json["waarschuwingen"].as_array().unwrap().len(), 0);

    fs::write(&org_path, &with_reasons).unwrap();
    let out = run("json");
    assert_eq!(
        out.status.code(),
        before.status.code(),
        "a warning never changes the exit code"
    );
    let json: Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(json["fouten"].as_array().unwrap().len(), 0, "{json}");
    assert_eq!(json["conflicten"], before_json["conflicten"]);
    let w = json["waarschuwingen"].as_array().unwrap();
    assert_eq!(
        w.len(),
        1,
        "one warning per file, not one per absence: {json}"
    );
    let (regel, kolom) = at(&with_reasons, "reden:");
    assert_eq!(w[0]["bestand"], "organisatie.ron");
    assert_eq!(w[0]["regel"], regel);
    assert_eq!(w[0]["kolom"], kolom);
    assert!(
        w[0]["melding"]
            .as_str()
            .unwrap()
            .contains(&format!("{n} afwezigheden"))
    );

    let text = run("text");
    assert_eq!(text.status.code(), before.status.code());
    let shown = String::from_utf8(text.stdout).unwrap();
    assert!(
        shown.contains(&format!(
            "organisatie.ron:{regel}:{kolom}: {n} afwezigheden hebben nog een `reden`"
        )),
        "{shown}"
    );
    // Checking never writes: the reasons are still there until the next save.
    assert_eq!(fs::read_to_string(&org_path).unwrap(), with_reasons);
}

#[test]
fn the_next_save_drops_reasons_from_the_file_and_from_the_kept_copy() {
    let dir = werkmap(ORG_MET_REDENEN);
    let path = dir.path().join("organisatie.ron");
    let loaded = storage::load(dir.path());
    let meta = loaded.organisatie_file.clone().unwrap();
    let mut org = loaded.werkmap.organisatie.unwrap();
    org.mensen[1].uren = 30.0;
    save::save_document(&path, Some(meta.hash), &org, t("2026-11-27T10:00:00")).unwrap();

    let written = fs::read_to_string(&path).unwrap();
    no_reason_in(&written);
    assert_eq!(written, format::to_canonical(&org).unwrap());
    let again = storage::load(dir.path());
    assert!(
        again.waarschuwingen.is_empty(),
        "{:?}",
        again.waarschuwingen
    );

    let kept: Vec<_> = fs::read_dir(save::vorige_dir(&path))
        .unwrap()
        .map(|e| e.unwrap().path())
        .collect();
    assert_eq!(kept.len(), 1, "{kept:?}");
    let copy = fs::read_to_string(&kept[0]).unwrap();
    no_reason_in(&copy);
    // The copy is the previous version as it was read: the old hours, without the reasons.
    let before: Organisatie = format::parse(&copy).unwrap();
    assert_eq!(before.mensen[1].uren, 32.0);
    assert_eq!(before.mensen[0].afwezig.len(), 2);
    assert_eq!(copy, format::to_canonical(&before).unwrap());
}

#[test]
fn an_edit_in_the_app_saves_the_organisation_without_reasons() {
    use std::collections::HashMap;

    use planbord::app::{Action, App, Config, Effect, Now, View};
    use planbord::tui::worker::{Disk, Job};
    use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};

    let dir = werkmap(ORG_MET_REDENEN);
    let loaded = storage::load(dir.path());
    let known: HashMap<String, ContentHash> = loaded
        .organisatie_file
        .iter()
        .map(|f| (f.name.clone(), f.hash))
        .collect();
    let mut disk = Disk::new(
        dir.path().to_path_buf(),
        known,
        loaded.werkmap.organisatie.clone(),
        None,
    );
    let now = t("2026-03-02T09:00:00");
    let config = Config {
        gebruiker: Some("p".into()),
        ..Config::default()
    };
    let mut app = App::new(loaded, config, now.date(), now, "tester", 3);
    // The app and the real disk worker, every effect carried out at once.
    let mut act = |app: &mut App, action: Action| {
        let mut queue = std::collections::VecDeque::from([action]);
        while let Some(a) = queue.pop_front() {
            for e in app.update(a) {
                if let Effect::Save(req) = e {
                    queue.extend(disk.handle(Job::Save(req, now)));
                }
            }
        }
    };
    let key = |code, modifiers| Action::Key(KeyEvent::new(code, modifiers));
    act(&mut app, key(KeyCode::Char('p'), KeyModifiers::NONE));
    assert_eq!(app.view, View::Mensen);
    assert_eq!(app.mensen_rows().len(), 2);
    act(&mut app, key(KeyCode::Char('e'), KeyModifiers::NONE));
    act(&mut app, key(KeyCode::Char('u'), KeyModifiers::CONTROL));
    for c in "30".chars() {
        act(&mut app, key(KeyCode::Char(c), KeyModifiers::NONE));
    }
    act(&mut app, key(KeyCode::Enter, KeyModifiers::NONE));
    // The frame is drawn: the save starts.
    let mono = app.session.clock + 1;
    act(&mut app, Action::Tick(Now { mono, local: now }));

    let path = dir.path().join("organisatie.ron");
    let written = fs::read_to_string(&path).unwrap();
    no_reason_in(&written);
    assert!(written.contains("uren: 30.0"), "{written}");
    let kept: Vec<String> = fs::read_dir(save::vorige_dir(&path))
        .unwrap()
        .map(|e| fs::read_to_string(e.unwrap().path()).unwrap())
        .collect();
    assert_eq!(kept.len(), 1);
    no_reason_in(&kept[0]);
    assert!(kept[0].contains("uren: 36.0"), "{}", kept[0]);
}

#[test]
fn a_previous_version_with_reasons_that_does_not_read_is_not_kept() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("organisatie.ron");
    let broken = ORG_MET_REDENEN.replace("uren: 32,", "uren: 32,,");
    save::keep_previous(&path, broken.as_bytes(), t("2026-11-27T10:00:00"));
    let not_utf8 = [b"Organisatie(reden: \"\xff\")".as_slice()].concat();
    save::keep_previous(&path, &not_utf8, t("2026-11-27T10:00:01"));
    let kept = fs::read_dir(save::vorige_dir(&path))
        .map(|d| d.count())
        .unwrap_or(0);
    assert_eq!(kept, 0);
    // Without reasons a previous version is kept byte for byte, comments included; a word
    // that only mentions `reden` in a text or a comment is no reason field.
    let plain = ORG_MET_REDENEN
        .replace(", reden: \"ziek\"", "")
        .replace(", reden: Some(\"zwanger\")", "")
        .replace(", r#reden: \"burn-out\"", "")
        .replace(", reden: None", "")
        .replace(
            "naam: \"Test\"",
            "naam: \"Test zonder reden:\" // reden: komt nooit terug",
        );
    assert!(storage::load::vervallen_velden(&plain).is_empty());
    save::keep_previous(&path, plain.as_bytes(), t("2026-11-27T10:00:02"));
    let kept: Vec<_> = fs::read_dir(save::vorige_dir(&path))
        .unwrap()
        .map(|e| fs::read_to_string(e.unwrap().path()).unwrap())
        .collect();
    assert_eq!(kept, [plain]);
}

#[test]
fn a_misspelt_field_of_an_absence_is_still_an_error() {
    for (wrong, field) in [
        (r#"reden: "ziek""#, r#"redn: "ziek""#),
        (r#"reden: "ziek""#, "soortt: Verlof"),
        (r#"reden: "ziek""#, r#"Reden: "ziek""#),
    ] {
        let text = ORG_MET_REDENEN.replace(wrong, field);
        let dir = werkmap(&text);
        let loaded = storage::load(dir.path());
        assert!(loaded.werkmap.organisatie.is_none(), "{field}");
        assert_eq!(loaded.fouten.len(), 1, "{field}: {:?}", loaded.fouten);
        let d = &loaded.fouten[0];
        let (regel, kolom) = at(&text, field);
        assert_eq!(
            (d.regel, d.kolom),
            (regel, kolom),
            "{field}: {}",
            planbord::wording::diagnostic(d)
        );
        let name = field.split(':').next().unwrap();
        assert!(
            planbord::wording::melding_van(&d.melding)
                .contains(&format!("onbekend veld `{name}` in Afwezigheid"))
                && planbord::wording::melding_van(&d.melding).contains("`van`, `tot`, `soort`")
                && !planbord::wording::melding_van(&d.melding).contains("reden`"),
            "{}",
            planbord::wording::melding_van(&d.melding)
        );
    }
    // A kind outside the fixed list is refused with the list.
    let text = ORG_MET_REDENEN.replace("soort: Verlof", "soort: Ziek");
    let loaded = storage::load(werkmap(&text).path());
    assert_eq!(loaded.fouten.len(), 1, "{:?}", loaded.fouten);
    let m = planbord::wording::diagnostic(&loaded.fouten[0]);
    assert!(
        m.contains("`Ziek`") && m.contains("`Verlof`, `Opleiding`, `Overig`"),
        "{m}"
    );
    // `reden` is accepted on an absence only.
    let text = ORG_MET_REDENEN.replace("uren: 36.0,", "uren: 36.0, reden: \"x\",");
    let loaded = storage::load(werkmap(&text).path());
    assert_eq!(loaded.fouten.len(), 1, "{:?}", loaded.fouten);
    assert!(
        planbord::wording::diagnostic(&loaded.fouten[0])
            .contains("onbekend veld `reden` in Persoon")
    );
}

#[test]
fn a_soort_is_written_only_when_set_after_the_dates() {
    let mut o = org(vec![eenheid("e", &[])], vec![persoon("p", "e", 36.0)]);
    o.mensen[0].afwezig = vec![
        Afwezigheid {
            van: Datum(date("2026-03-09")),
            tot: Datum(date("2026-03-13")),
            soort: Some(AfwezigheidSoort::Opleiding),
        },
        Afwezigheid {
            van: Datum(date("2026-04-06")),
            tot: Datum(date("2026-04-06")),
            soort: None,
        },
    ];
    let text = format::to_canonical(&o).unwrap();
    assert!(
        text.contains(
            "Afwezigheid(\n                    van: \"2026-03-09\",\n                    tot: \"2026-03-13\",\n                    soort: Opleiding,\n                ),\n                Afwezigheid(\n                    van: \"2026-04-06\",\n                    tot: \"2026-04-06\",\n                ),"
        ),
        "{text}"
    );
    let back: Organisatie = format::parse(&text).unwrap();
    assert_eq!(back, o);
}

#[test]
fn an_absence_removes_its_days_whatever_its_soort() {
    let soorten = [
        None,
        Some(AfwezigheidSoort::Verlof),
        Some(AfwezigheidSoort::Opleiding),
        Some(AfwezigheidSoort::Overig),
    ];
    for soort in soorten {
        let mut o = org(vec![eenheid("e", &[])], vec![persoon("p", "e", 36.0)]);
        o.mensen[0].afwezig = vec![Afwezigheid {
            van: Datum(date("2026-03-04")),
            tot: Datum(date("2026-03-08")),
            soort,
        }];
        let e = Engine::new(&o, &[]);
        // Wednesday to Sunday away: Monday and Tuesday left.
        assert!(
            (e.beschikbaar(0, week("2026-W10")) - 14.4).abs() < 1e-9,
            "{soort:?}"
        );
        assert!((e.beschikbaar(0, week("2026-W11")) - 36.0).abs() < 1e-9);
    }
    // An absence read with a reason counts the same as one without.
    let loaded = storage::load(werkmap(ORG_MET_REDENEN).path());
    let o = loaded.werkmap.organisatie.unwrap();
    let e = Engine::new(&o, &[]);
    assert!(e.beschikbaar(0, week("2026-W11")).abs() < 1e-9);
    assert!(e.beschikbaar(0, week("2026-W15")).abs() < 1e-9);
    assert!((e.beschikbaar(1, week("2026-W11")) - 25.6).abs() < 1e-9);
}

#[test]
fn the_demo_holds_no_reasons() {
    let text = fs::read_to_string(Path::new("boards").join("organisatie.ron")).unwrap();
    assert!(!text.contains("reden"));
    assert!(text.contains("soort: Verlof") && text.contains("soort: Opleiding"));
    let hash = ContentHash::of(text.as_bytes());
    let loaded = storage::load(Path::new("boards"));
    assert_eq!(loaded.organisatie_file.unwrap().hash, hash);
    assert!(
        loaded
            .waarschuwingen
            .iter()
            .all(|w| !planbord::wording::melding_van(&w.melding).contains("reden")),
        "{:?}",
        loaded.waarschuwingen
    );
}
