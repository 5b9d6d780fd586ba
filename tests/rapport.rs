//! The PMO report: it says what the engine says, it is one self-contained file, and a real
//! browser (headless Chromium) renders it to PNG and to an A4 PDF with the heat map on page 1.

#[path = "common/browser.rs"]
mod browser;
use browser::{browser, chromium};
use std::collections::HashMap;
use std::fs;
use std::process::Command;

use serde_json::Value;

const VANDAAG: &str = "2026-11-23";

fn planbord(args: &[&str]) -> Vec<u8> {
    let out = Command::new(env!("CARGO_BIN_EXE_planbord"))
        .args(args)
        .output()
        .unwrap();
    assert!(
        out.status.code().is_some_and(|c| c <= 1),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    out.stdout
}

fn json(args: &[&str]) -> Value {
    serde_json::from_slice(&planbord(args)).unwrap()
}

fn report(format: &str) -> String {
    String::from_utf8(planbord(&[
        "rapport",
        "boards",
        "--format",
        format,
        "--vandaag",
        VANDAAG,
    ]))
    .unwrap()
}

/// (eenheid, week) → (gepland, beschikbaar) from `capaciteit --format json`.
fn engine_figures() -> HashMap<(String, String), (f64, f64)> {
    let v = json(&[
        "capaciteit",
        "boards",
        "--format",
        "json",
        "--vandaag",
        VANDAAG,
    ]);
    let mut out = HashMap::new();
    for e in v["eenheden"].as_array().unwrap() {
        for w in e["weken"].as_array().unwrap() {
            let gepland = w["regulier"].as_f64().unwrap() + w["opgave"].as_f64().unwrap();
            out.insert(
                (
                    e["id"].as_str().unwrap().to_string(),
                    w["week"].as_str().unwrap().to_string(),
                ),
                (gepland, w["beschikbaar"].as_f64().unwrap()),
            );
        }
    }
    out
}

/// The value of `attr="…"` in an HTML fragment.
fn attr<'a>(s: &'a str, attr: &str) -> &'a str {
    let start = s.find(&format!("{attr}=\"")).unwrap() + attr.len() + 2;
    &s[start..start + s[start..].find('"').unwrap()]
}

#[test]
fn the_html_heat_map_has_the_engines_figures() {
    let html = report("html");
    let figures = engine_figures();
    let cells: Vec<&str> = html.split("<g class=\"cel\"").skip(1).collect();
    let mut checked = 0;
    for c in cells {
        let eenheid = attr(c, "data-eenheid");
        if eenheid.is_empty() {
            continue; // a cluster total
        }
        let key = (eenheid.to_string(), attr(c, "data-week").to_string());
        let (g, b) = figures[&key];
        let gepland: f64 = attr(c, "data-gepland").parse().unwrap();
        let beschikbaar: f64 = attr(c, "data-beschikbaar").parse().unwrap();
        assert!(
            (gepland - g).abs() < 0.02 && (beschikbaar - b).abs() < 0.02,
            "{key:?}: {gepland}/{beschikbaar} vs {g}/{b}"
        );
        checked += 1;
    }
    assert_eq!(checked, 11 * 12);
}

#[test]
fn the_markdown_heat_map_has_the_engines_percentages() {
    let md = report("md");
    let v = json(&[
        "capaciteit",
        "boards",
        "--format",
        "json",
        "--vandaag",
        VANDAAG,
    ]);
    for e in v["eenheden"].as_array().unwrap() {
        let naam = e["naam"].as_str().unwrap();
        let row = md
            .lines()
            .find(|l| l.starts_with(&format!("| {naam} |")))
            .unwrap_or_else(|| panic!("{naam} missing"));
        let cells: Vec<&str> = row
            .split('|')
            .map(str::trim)
            .filter(|c| !c.is_empty())
            .skip(1)
            .collect();
        for (cell, w) in cells.iter().zip(e["weken"].as_array().unwrap()) {
            let pct = format!("{:.0}%", w["belasting"].as_f64().unwrap() * 100.0);
            assert!(
                cell.starts_with(&pct),
                "{naam} {}: {cell} vs {pct}",
                w["week"]
            );
        }
    }
}

#[test]
fn both_reports_list_every_conflict_of_controleer() {
    let v = json(&[
        "controleer",
        "boards",
        "--format",
        "json",
        "--vandaag",
        VANDAAG,
    ]);
    let conflicts = v["conflicten"].as_array().unwrap();
    let html = report("html");
    let md = report("md");
    // The report lists a conflict in consecutive weeks once, as a run with its range: every
    // conflict of controleer is in exactly one run, and every run is in both reports.
    let loaded = planbord::storage::load(std::path::Path::new("boards"));
    let vandaag = chrono::NaiveDate::parse_from_str(VANDAAG, "%Y-%m-%d").unwrap();
    let r = planbord::rapport::Rapport::new(&loaded.werkmap, vandaag, None);
    let runs: Vec<_> = r
        .conflicten
        .iter()
        .flat_map(|(_, cs)| planbord::capacity::reeksen(cs))
        .collect();
    let in_runs: usize = runs.iter().map(|run| run.conflicten.len()).sum();
    assert_eq!(in_runs, conflicts.len());
    assert!(
        runs.len() < conflicts.len(),
        "some conflict runs over weeks"
    );
    assert_eq!(html.matches("data-soort=\"").count(), runs.len());
    for run in &runs {
        let uitleg = planbord::wording::uitleg_reeks(run);
        assert!(md.contains(&uitleg.replace('|', "\\|")), "{uitleg}");
        assert!(
            html.contains(&uitleg.replace('&', "&amp;").replace('"', "&quot;")),
            "{uitleg}"
        );
        let weken = planbord::wording::reeks_weken(run);
        assert!(
            md.contains(&format!("* {weken}: ")) || weken.is_empty(),
            "{weken}"
        );
    }
    for c in conflicts {
        let soort = c["soort"].as_str().unwrap();
        let n = runs
            .iter()
            .filter(|r| r.eerste().soort.naam() == soort)
            .count();
        assert_eq!(
            html.matches(&format!("data-soort=\"{soort}\"")).count(),
            n,
            "{soort}"
        );
    }
    assert!(md.contains("Open verzoeken om capaciteit"));
    assert!(md.contains("| Revitalisering Wassenaarse Slag | opgaveteam |"));
}

/// Issue 12: the report ends with the opgaven as `planbord opgaven` shows them and the LTA
/// dates of the next 8 weeks, in both formats.
#[test]
fn both_reports_have_the_opgaven_and_the_lta_of_the_next_8_weeks() {
    let fixture = |format: &str| {
        String::from_utf8(planbord(&[
            "rapport",
            "tests/fixtures/opgaven",
            "--format",
            format,
            "--vandaag",
            "2026-11-28",
        ]))
        .unwrap()
    };
    let md = fixture("md");
    assert!(md.contains("## Opgaven (3)"), "{md}");
    assert!(md.contains(
        "| Opgave | Fase | Adviseur | Portefeuillehouder | Open | Klaar | Risico | Toegezegd | Gevraagd | Confl. h/m/l | Overboekt | Volgende LTA |"
    ));
    // The same row as `planbord opgaven`: phase, cards, inzet this week, conflicts, next LTA.
    assert!(
        md.contains(
            "| Haven en strand | Resultaat zichtbaar | Cor Jansen | wethouder Ruimte | 6 | 1 | 3 | 24 u | – | 0/2/1 | 3 | 01-12-2026 raad |"
        ),
        "{md}"
    );
    assert!(md.contains("| Dorpshart | Verkenning | – | wethouder Ruimte | 0 | 0 | 0 |"));
    // 28-11-2026 through 22-01-2027: open cards only (not k7, klaar; not k4, 10-11).
    assert!(md.contains("## LTA de komende 8 weken (3)"));
    assert!(md.contains("| 01-12-2026 | raad | Haven en strand | Begroting 2027 indienen |"));
    assert!(md.contains("| 15-12-2026 | college | Haven en strand | Vergunning strandpaviljoen |"));
    assert!(md.contains("| 19-01-2027 | raad | Park en landgoed | Subsidie groen aanvragen |"));
    assert!(!md.contains("Startnotitie vastgesteld") && !md.contains("Bewonersavond"));
    let html = fixture("html");
    assert!(html.contains("<section class=\"opgaven\"><h2>Opgaven (3)</h2>"));
    assert!(html.contains("<td>Haven en strand</td><td>Resultaat zichtbaar</td>"));
    assert!(html.contains("<section class=\"lta\"><h2>LTA de komende 8 weken (3)</h2>"));
    assert!(html.contains("<td>19-01-2027</td><td>raad</td><td>Park en landgoed</td>"));
    // On the demo, every opgave has a row.
    let demo = report("md");
    let opgaven = demo.split("## Opgaven (").nth(1).unwrap();
    assert!(opgaven.starts_with("12)"), "{}", &opgaven[..40]);
}

#[test]
fn the_html_is_self_contained() {
    let html = report("html");
    assert!(!html.contains("<script"));
    assert!(
        !html.contains("http://") && !html.contains("https://"),
        "no external links"
    );
    assert!(!html.contains("<link"));
    assert!(html.contains("<style>") && html.contains("@page { size: A4"));
}

#[test]
fn a_real_browser_renders_it_to_png_and_an_a4_pdf() {
    let Some(bin) = chromium() else {
        assert!(
            std::env::var_os("CI").is_none(),
            "CI must have Chromium (.ci/run installs it)"
        );
        eprintln!("chromium not installed: browser check skipped");
        return;
    };
    let dir = tempfile::tempdir().unwrap();
    let html = dir.path().join("rapport.html");
    planbord(&[
        "rapport",
        "boards",
        "--format",
        "html",
        "-o",
        html.to_str().unwrap(),
        "--vandaag",
        VANDAAG,
    ]);
    let url = format!("file://{}", html.display());
    let profile = dir.path().join("profiel");

    let dom = browser(bin, &profile, &["--dump-dom", &url]);
    let dom = String::from_utf8_lossy(&dom.stdout);
    assert!(
        dom.contains("Belasting per eenheid en week")
            && dom.contains("Openbare Orde en Veiligheid"),
        "{dom}"
    );

    let png = dir.path().join("rapport.png");
    let out = browser(
        bin,
        &profile,
        &[
            &format!("--screenshot={}", png.display()),
            "--window-size=800,1400",
            &url,
        ],
    );
    assert!(png.exists(), "{}", String::from_utf8_lossy(&out.stderr));
    assert!(fs::read(&png).unwrap().starts_with(b"\x89PNG"));

    let pdf = dir.path().join("rapport.pdf");
    let out = browser(
        bin,
        &profile,
        &[
            &format!("--print-to-pdf={}", pdf.display()),
            "--no-pdf-header-footer",
            &url,
        ],
    );
    let bytes = fs::read(&pdf)
        .unwrap_or_else(|_| panic!("no PDF: {}", String::from_utf8_lossy(&out.stderr)));
    assert!(bytes.starts_with(b"%PDF"));
    let info = Command::new("pdfinfo")
        .arg(&pdf)
        .output()
        .expect("pdfinfo (poppler-utils)");
    let info = String::from_utf8_lossy(&info.stdout);
    assert!(info.contains("(A4)"), "{info}");
    let page1 = Command::new("pdftotext")
        .args(["-f", "1", "-l", "1"])
        .arg(&pdf)
        .arg("-")
        .output()
        .unwrap();
    let page1 = String::from_utf8_lossy(&page1.stdout);
    assert!(
        page1.contains("Belasting per eenheid en week")
            && page1.contains("Openbare Orde en Veiligheid"),
        "heat map on page 1:\n{page1}"
    );

    // The opgaven table breaks between words, never inside one (a heading, a name).
    let all = Command::new("pdftotext")
        .arg(&pdf)
        .arg("-")
        .output()
        .unwrap();
    let all = String::from_utf8_lossy(&all.stdout);
    for word in [
        "Portefeuillehouder",
        "Revitalisering",
        "Toegezegd",
        "Overboekt",
    ] {
        assert!(all.contains(word), "{word} broken in the PDF:\n{all}");
    }

    // Nothing sticks out on the right of an A4 page: 186 mm of content is 703 CSS pixels.
    let probe = dir.path().join("probe.html");
    let script = "<script>const w=document.documentElement.clientWidth;const r=Math.max(...[...document.querySelectorAll('table,svg,h1,h2,ul')].map(e=>e.getBoundingClientRect().right));document.body.setAttribute('data-past',String(r<=w+0.5));</script></body>";
    fs::write(
        &probe,
        fs::read_to_string(&html)
            .unwrap()
            .replace("</body>", script),
    )
    .unwrap();
    let dom = browser(
        bin,
        &profile,
        &[
            "--window-size=703,1000",
            "--dump-dom",
            &format!("file://{}", probe.display()),
        ],
    );
    assert!(
        String::from_utf8_lossy(&dom.stdout).contains("data-past=\"true\""),
        "the widest table fits an A4 page"
    );
}
