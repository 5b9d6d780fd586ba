//! `planbord opgaven --format json` checked field by field against figures this test computes
//! itself from the fixture files, read as plain RON values (not through planbord's types or
//! functions). The conflicts are those of `planbord controleer --format json` on the same
//! werkmap, which is how the issue defines them.

use std::collections::BTreeMap;
use std::path::Path;
use std::process::Command;

use ron::Value;
use serde_json::Value as Json;

const WERKMAP: &str = "tests/fixtures/opgaven";
const VANDAAG: &str = "2026-11-28";
/// ISO week of 2026-11-28.
const WEEK: (i64, i64) = (2026, 48);

fn planbord(args: &[&str]) -> Json {
    let out = Command::new(env!("CARGO_BIN_EXE_planbord"))
        .args(args)
        .args(["--vandaag", VANDAAG])
        .output()
        .expect("planbord runs");
    serde_json::from_slice(&out.stdout).expect("JSON on stdout")
}

fn read(file: &Path) -> BTreeMap<String, Value> {
    let text = quote_variants(&std::fs::read_to_string(file).unwrap());
    match ron::Options::default()
        .with_default_extension(ron::extensions::Extensions::IMPLICIT_SOME)
        .from_str::<Value>(&text)
        .unwrap()
    {
        Value::Map(m) => m.into_iter().map(|(k, v)| (text_of(&k), v)).collect(),
        v => panic!("{} is not a struct: {v:?}", file.display()),
    }
}

/// A plain RON value forgets a unit variant's name (`status: Risico` reads as `()`): quote
/// every `field: Variant` line so it reads as text.
fn quote_variants(text: &str) -> String {
    text.lines()
        .map(|line| match line.split_once(": ") {
            Some((k, v))
                if k.trim().chars().all(|c| c.is_ascii_lowercase() || c == '_')
                    && v.trim_end_matches(',')
                        .chars()
                        .all(|c| c.is_ascii_alphabetic())
                    && v.starts_with(|c: char| c.is_ascii_uppercase()) =>
            {
                format!("{k}: \"{}\",", v.trim_end_matches(','))
            }
            _ => line.to_string(),
        })
        .collect::<Vec<_>>()
        .join("\n")
}

fn text_of(v: &Value) -> String {
    match v {
        Value::String(s) => s.clone(),
        Value::Option(Some(v)) => text_of(v),
        v => panic!("not text: {v:?}"),
    }
}

fn field<'a>(m: &'a BTreeMap<String, Value>, k: &str) -> Option<&'a Value> {
    m.get(k).and_then(|v| match v {
        Value::Option(None) => None,
        Value::Option(Some(v)) => Some(&**v),
        v => Some(v),
    })
}

fn list(v: Option<&Value>) -> Vec<BTreeMap<String, Value>> {
    match v {
        Some(Value::Seq(items)) => items
            .iter()
            .map(|i| match i {
                Value::Map(m) => m.iter().map(|(k, v)| (text_of(k), v.clone())).collect(),
                v => panic!("not a struct: {v:?}"),
            })
            .collect(),
        None => Vec::new(),
        v => panic!("not a list: {v:?}"),
    }
}

fn number(v: &Value) -> f64 {
    match v {
        Value::Number(n) => n.into_f64(),
        v => panic!("not a number: {v:?}"),
    }
}

/// `"2026-W49"` as (year, week).
fn week(v: &Value) -> (i64, i64) {
    let s = text_of(v);
    let (y, w) = s.split_once("-W").unwrap();
    (y.parse().unwrap(), w.parse().unwrap())
}

/// What the test expects of one opgave, computed from the files.
#[derive(Debug, Default)]
struct Verwacht {
    borden: Vec<String>,
    open: u64,
    klaar: u64,
    risico: u64,
    toegezegd: f64,
    gevraagd: f64,
    lta: Option<String>,
    conflicten: [u64; 3],
    /// People with inzet (not declined) on its boards.
    mensen: std::collections::BTreeSet<String>,
}

#[test]
fn the_json_of_opgaven_matches_the_files_field_by_field() {
    let root = Path::new(WERKMAP);
    let org = read(&root.join("organisatie.ron"));
    let opgaven = list(field(&org, "opgaven"));
    let mut verwacht: BTreeMap<String, Verwacht> = BTreeMap::new();
    let mut bord_van: BTreeMap<String, String> = BTreeMap::new();
    let mut files: Vec<_> = std::fs::read_dir(root)
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.file_name().unwrap() != "organisatie.ron")
        .collect();
    files.sort();
    for file in files {
        let bord = read(&file);
        let Some(Value::Map(soort)) = field(&bord, "soort") else {
            panic!("soort")
        };
        let opgave = soort
            .iter()
            .find(|(k, _)| text_of(k) == "opgave")
            .map(|(_, v)| text_of(v));
        let Some(opgave) = opgave else { continue };
        let id = text_of(field(&bord, "id").unwrap());
        bord_van.insert(id.clone(), opgave.clone());
        let v = verwacht.entry(opgave).or_default();
        v.borden.push(id);
        let klaar: Vec<String> = list(field(&bord, "kolommen"))
            .iter()
            .filter(|k| matches!(field(k, "klaar"), Some(Value::Bool(true))))
            .map(|k| text_of(field(k, "id").unwrap()))
            .collect();
        for k in list(field(&bord, "kaarten")) {
            if klaar.contains(&text_of(field(&k, "kolom").unwrap())) {
                v.klaar += 1;
                continue;
            }
            v.open += 1;
            let status = field(&k, "status").map(text_of_unit);
            if matches!(
                status.as_deref(),
                Some("Risico" | "Vertraagd" | "Geblokkeerd")
            ) {
                v.risico += 1;
            }
            if let Some(lta) = field(&k, "lta").map(text_of)
                && lta.as_str() >= VANDAAG
                && v.lta.as_ref().is_none_or(|l| &lta < l)
            {
                v.lta = Some(lta);
            }
        }
        for i in list(field(&bord, "inzet")) {
            if field(&i, "status").map(text_of_unit).as_deref() != Some("Afgewezen") {
                v.mensen.insert(text_of(field(&i, "persoon").unwrap()));
            }
            let (van, tot) = (
                week(field(&i, "van").unwrap()),
                week(field(&i, "tot").unwrap()),
            );
            if !(van <= WEEK && WEEK <= tot) {
                continue;
            }
            let uren = number(field(&i, "uren_per_week").unwrap());
            match field(&i, "status").map(text_of_unit).as_deref() {
                Some("Gevraagd") => v.gevraagd += uren,
                Some("Afgewezen") => {}
                _ => v.toegezegd += uren,
            }
        }
    }
    let controleer = planbord(&["controleer", WERKMAP, "--format", "json"]);
    let overboekt: std::collections::BTreeSet<String> = controleer["conflicten"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|c| c["soort"] == "overboekt" || c["soort"] == "afwezig_ingezet")
        .filter_map(|c| c["persoon"].as_str().map(String::from))
        .collect();
    for c in controleer["conflicten"].as_array().unwrap() {
        let Some(opgave) = c["bord"].as_str().and_then(|b| bord_van.get(b)) else {
            continue;
        };
        let i = ["hoog", "midden", "laag"]
            .iter()
            .position(|e| c["ernst"] == *e)
            .unwrap();
        verwacht.get_mut(opgave).unwrap().conflicten[i] += 1;
    }

    let json = planbord(&["opgaven", WERKMAP, "--format", "json"]);
    let rows = json["opgaven"].as_array().unwrap();
    let ids: Vec<&str> = rows.iter().map(|r| r["id"].as_str().unwrap()).collect();
    assert_eq!(
        ids,
        ["dorp", "haven", "park"],
        "by name, as the opgaven view opens"
    );
    for r in rows {
        let id = r["id"].as_str().unwrap();
        let o = opgaven
            .iter()
            .find(|o| field(o, "id").map(text_of).as_deref() == Some(id))
            .unwrap();
        let v = verwacht.remove(id).unwrap_or_default();
        let tekst = |k: &str| field(o, k).map(text_of);
        assert_eq!(r["naam"].as_str().map(String::from), tekst("naam"), "{id}");
        let fase = field(o, "fase").map_or("Uitvoering".into(), text_of_unit);
        assert_eq!(r["fase"], fase.as_str(), "{id}: fase (default Uitvoering)");
        assert_eq!(
            r["adviseur"].as_str().map(String::from),
            tekst("adviseur"),
            "{id}"
        );
        assert_eq!(
            r["portefeuillehouder"].as_str().map(String::from),
            tekst("portefeuillehouder"),
            "{id}"
        );
        let borden: Vec<&str> = r["borden"]
            .as_array()
            .unwrap()
            .iter()
            .map(|b| b.as_str().unwrap())
            .collect();
        assert_eq!(borden, v.borden, "{id}: borden");
        assert_eq!(r["kaarten_open"], v.open, "{id}: open");
        assert_eq!(r["kaarten_klaar"], v.klaar, "{id}: klaar");
        assert_eq!(r["kaarten_risico"], v.risico, "{id}: risico");
        assert_eq!(r["inzet_toegezegd"].as_f64(), Some(v.toegezegd), "{id}");
        assert_eq!(r["inzet_gevraagd"].as_f64(), Some(v.gevraagd), "{id}");
        let c = &r["conflicten"];
        assert_eq!(
            [&c["hoog"], &c["midden"], &c["laag"]].map(|n| n.as_u64().unwrap()),
            v.conflicten,
            "{id}: conflicten"
        );
        assert_eq!(r["volgende_lta"].as_str().map(String::from), v.lta, "{id}");
        assert_eq!(
            r["mensen_overboekt"].as_u64().unwrap() as usize,
            v.mensen.intersection(&overboekt).count(),
            "{id}: mensen_overboekt"
        );
    }
    // The fixture is built so that every figure means something.
    let haven = &rows[1];
    assert_eq!(
        haven["volgende_lta"], "2026-12-01",
        "a klaar card's earlier LTA is not next"
    );
    assert_eq!(rows[2]["inzet_gevraagd"], 4.5);
    assert_eq!(haven["volgende_lta_soort"], "Raad");
    assert_eq!(
        rows[0]["volgende_lta_soort"],
        Json::Null,
        "dorp has no LTA date"
    );
    assert!(haven["conflicten"]["midden"].as_u64().unwrap() > 0);
    assert!(
        haven["mensen_overboekt"].as_u64().unwrap() > 0,
        "Daan Bakker, Eva Smit"
    );
    assert!(
        verwacht.is_empty(),
        "every board's opgave has a row: {verwacht:?}"
    );
}

/// A unit variant (`Risico`) as RON reads it into a value.
fn text_of_unit(v: &Value) -> String {
    match v {
        Value::String(s) => s.clone(),
        Value::Unit => String::new(),
        v => panic!("not a variant: {v:?}"),
    }
}

#[test]
fn the_table_and_csv_say_the_same_in_words() {
    let run = |args: &[&str]| {
        let out = Command::new(env!("CARGO_BIN_EXE_planbord"))
            .args(args)
            .args(["--vandaag", VANDAAG])
            .env("COLUMNS", "80")
            .output()
            .unwrap();
        assert!(out.status.success());
        String::from_utf8(out.stdout).unwrap()
    };
    let text = run(&["opgaven", WERKMAP]);
    for line in text.lines() {
        assert!(
            unicode_width::UnicodeWidthStr::width(line) <= 80,
            "too wide: {line}"
        );
    }
    assert!(text.contains("Haven en strand"), "{text}");
    assert!(text.contains("■ 01-12"), "{text}");
    assert!(text.contains("Resultaat"), "{text}");
    let csv = run(&["opgaven", WERKMAP, "--format", "csv"]);
    let park = csv.lines().find(|l| l.starts_with("park;")).unwrap();
    assert!(
        park.contains(
            ";Gijs Visser;wethouder Groen;opgave-park;2;0;1;22;4,5;1;0;0;19-01-2027;raad"
        ),
        "{park}"
    );
}

#[test]
fn controleer_warns_when_an_opgave_is_closed_with_open_cards() {
    let dir = tempfile::tempdir().unwrap();
    for e in std::fs::read_dir(WERKMAP).unwrap() {
        let p = e.unwrap().path();
        std::fs::copy(&p, dir.path().join(p.file_name().unwrap())).unwrap();
    }
    let org = dir.path().join("organisatie.ron");
    let text = std::fs::read_to_string(&org).unwrap().replace(
        "portefeuillehouder: \"wethouder Groen\",",
        "portefeuillehouder: \"wethouder Groen\",\n            fase: Afgesloten,",
    );
    std::fs::write(&org, text).unwrap();
    let out = Command::new(env!("CARGO_BIN_EXE_planbord"))
        .args(["controleer", "--format", "json", "--vandaag", VANDAAG])
        .arg(dir.path())
        .output()
        .unwrap();
    let json: Json = serde_json::from_slice(&out.stdout).unwrap();
    let warnings = json["waarschuwingen"].as_array().unwrap();
    let w = warnings
        .iter()
        .find(|w| w["bestand"].as_str().unwrap().ends_with("opgave-park.ron"))
        .unwrap_or_else(|| panic!("no warning on opgave-park.ron: {warnings:?}"));
    let melding = w["melding"].as_str().unwrap();
    assert!(
        melding.contains("Afgesloten") && melding.contains("2 open kaarten"),
        "{melding}"
    );
    assert_eq!(w["regel"], 7, "at the board's opgave: {w}");
    // The same werkmap without the jump has no such warning.
    let before = planbord(&["controleer", WERKMAP, "--format", "json"]);
    assert!(before["waarschuwingen"].as_array().unwrap().is_empty());
}
