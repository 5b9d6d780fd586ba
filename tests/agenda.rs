//! `planbord agenda`: the weekly agenda of the PMO-overleg and the OO on the fixture
//! tests/fixtures/agenda (tests/fixtures/opgaven with requests, a request left for the
//! PMO-overleg and decisions before, in and after the 7 days before Monday 2026-11-30), as
//! Markdown checked section by section against the fixture, and as HTML in a real browser
//! (headless Chromium), printed to an A4 PDF.

#[path = "common/browser.rs"]
mod browser;
use browser::{browser, chromium};
use std::fs;
use std::process::Command;

const WERKMAP: &str = "tests/fixtures/agenda";
const VANDAAG: &str = "2026-11-28";

fn planbord(args: &[&str]) -> String {
    let out = Command::new(env!("CARGO_BIN_EXE_planbord"))
        .args(args)
        .args(["--vandaag", VANDAAG])
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8(out.stdout).unwrap()
}

fn markdown() -> String {
    planbord(&["agenda", WERKMAP, "--week", "2026-W49", "--format", "md"])
}

/// The text of the section whose heading starts with `## {n}.`, up to the next one.
fn sectie(md: &str, n: usize) -> &str {
    let start = md
        .find(&format!("\n## {n}. "))
        .unwrap_or_else(|| panic!("section {n}:\n{md}"));
    let rest = &md[start + 1..];
    let end = rest[3..].find("\n## ").map_or(rest.len(), |e| e + 3);
    &rest[..end]
}

#[test]
fn the_markdown_agenda_has_every_section_with_the_fixtures_content() {
    let md = markdown();
    assert!(
        md.starts_with("# Agenda PMO-overleg en OO, week 49 (30-11-2026 t/m 06-12-2026)\n"),
        "{md}"
    );
    assert!(md.contains("besluiten: de 7 dagen voor maandag 30-11-2026"));

    // 1. Fleur Mulder's request (Haven, 8 u, W49–2027-W08, asked by Cor Jansen on 20-11);
    // Gijs Visser's has a decision (section 2); Afgewezen and Toegezegd inzet are no requests.
    let s1 = sectie(&md, 1);
    assert!(
        s1.starts_with("## 1. Open verzoeken om capaciteit (1)"),
        "{s1}"
    );
    let rij = s1
        .lines()
        .find(|l| l.starts_with("| Fleur Mulder |"))
        .unwrap_or_else(|| panic!("{s1}"));
    for want in [
        "Zorg (CoCo Bram Dekker)",
        "| Haven en strand |",
        "| 8 |",
        "week 49 t/m week 8 van 2027 (13 weken)",
        "| 20-11-2026 |",
        "Cor Jansen",
    ] {
        assert!(rij.contains(want), "{want}: {rij}");
    }
    // File text cannot break the table, format, or script anything.
    assert!(
        rij.contains("de \\| regels &lt;script&gt;alert(1)&lt;/script&gt;"),
        "{rij}"
    );
    assert_eq!(rij.matches(" | ").count(), 6, "seven cells: {rij}");

    // 2. Left for the PMO-overleg by Cor Jansen on 26-11.
    let s2 = sectie(&md, 2);
    assert!(
        s2.contains("## 2. Laten staan voor het PMO-overleg (1)"),
        "{s2}"
    );
    assert!(
        s2.contains(
            "- **Gijs Visser (Buitenruimte)** — 4,5 u per week voor Park en landgoed, week 47 t/m 50"
        ),
        "{s2}"
    );
    assert!(s2.contains("gevraagd door Gijs Visser op 16-11-2026: “Inventarisatie bomen”"));
    assert!(s2.contains("laten staan door Cor Jansen op 26-11-2026"));

    // 3. Decided 23-11 through 29-11: Eva Smit agreed (24-11, no reason) and Hanna Peters
    // declined (25-11, with a reason); not the decision of 10-11 nor the one of 30-11.
    let s3 = sectie(&md, 3);
    assert!(
        s3.contains("## 3. Besluiten van de afgelopen 7 dagen (2)"),
        "{s3}"
    );
    assert!(s3.contains("Van 23-11-2026 t/m 29-11-2026."));
    assert!(s3.contains(
        "- **Toegezegd** — Eva Smit (Wijken): 6 u per week voor Haven en strand, week 45 t/m week 5 van 2027"
    ));
    assert!(s3.contains("door Anna de Vries op 24-11-2026; waarom: geen reden vastgelegd"));
    assert!(s3.contains(
        "- **Afgewezen** — Hanna Peters (Zorg): 3 u per week voor Park en landgoed, week 48"
    ));
    assert!(s3.contains("“Hanna zit vol met de Wmo-herindicaties”"));
    assert!(!md.contains("Te oud voor de agenda") && !md.contains("dag van het overleg zelf"));

    // 4. Wijken (Anna, Daan, Eva) in weeks 49–52: regular 0.7 of the available hours, plus
    // Haven 12 (Daan) + 6 (Eva) and Park 10 (Daan). Week 50: Eva is away (24 u less), so
    // 50,4 + 28 = 78,4 u against 72 u; week 52 has the Christmas holidays.
    let s4 = sectie(&md, 4);
    assert!(
        s4.contains("## 4. Eenheden overbelast in week 49 t/m 52 (1)"),
        "{s4}"
    );
    assert!(s4.contains(
        "- **Wijken** — overbelast in week 50 en 52; het zwaarst in week 50: 78,4 u gepland bij 72,0 u beschikbaar (109%)"
    ), "{s4}");
    let haven = s4.find("  - Haven en strand: 18 u per week").unwrap();
    let park = s4.find("  - Park en landgoed: 10 u per week").unwrap();
    assert!(haven < park, "largest first");

    // 5. Open cards at risk: Haven's three (not the finished k7), Park's one.
    let s5 = sectie(&md, 5);
    assert!(s5.contains("## 5. Opgaven met kaarten in gevaar (2)"));
    assert!(s5.contains("- **Haven en strand** — 3 kaarten (adviseur Cor Jansen)"));
    assert!(
        s5.contains("  - Ontwerp boulevard bespreken: risico, Daan Bakker, deadline 04-12-2026")
    );
    assert!(
        s5.contains("  - Vergunning strandpaviljoen: vertraagd, Eva Smit, deadline 20-11-2026")
    );
    assert!(s5.contains("  - Advies Rijkswaterstaat: geblokkeerd, Fleur Mulder"));
    assert!(
        !s5.contains("Startnotitie vastgesteld"),
        "a finished card is no risk"
    );
    assert!(s5.contains("- **Park en landgoed** — 1 kaart (adviseur Gijs Visser)"));

    // 6. LTA dates of open cards from 30-11 through 27-12: not k4's 10-11, nor k7 (klaar),
    // nor Park's 19-01-2027.
    let s6 = sectie(&md, 6);
    assert!(s6.contains("## 6. LTA de komende 4 weken (2)"));
    assert!(s6.contains("| 01-12-2026 | raad | Haven en strand | Begroting 2027 indienen |"));
    assert!(s6.contains("| 15-12-2026 | college | Haven en strand | Vergunning strandpaviljoen |"));
    assert!(!s6.contains("Subsidie groen"));
}

#[test]
fn every_section_says_when_it_is_empty() {
    // Week 30 of 2027: the requests have ended, nothing was decided the week before, no LTA
    // date; the year is that of the agenda, so the weeks say none. (The cards at risk are
    // those of today, so section 5 is not empty.)
    let md = planbord(&["agenda", WERKMAP, "--week", "2027-W30"]);
    for want in [
        "## 1. Open verzoeken om capaciteit (0)\n\nGeen open verzoeken om capaciteit.",
        "Geen verzoeken die een CoCo liet staan voor het PMO-overleg.",
        "Geen besluiten over capaciteit van 19-07-2027 t/m 25-07-2027.",
        "Geen eenheid overbelast in week 30 t/m 33.",
        "Geen LTA-data van open kaarten in week 30 t/m 33.",
    ] {
        assert!(md.contains(want), "{want}:\n{md}");
    }
}

#[test]
fn the_default_week_is_the_week_of_today_and_o_writes_a_file() {
    let md = planbord(&["agenda", WERKMAP]);
    assert!(md.starts_with("# Agenda PMO-overleg en OO, week 48 (23-11-2026 t/m 29-11-2026)"));
    let dir = tempfile::tempdir().unwrap();
    let pad = dir.path().join("agenda.md");
    let zegt = planbord(&[
        "agenda",
        WERKMAP,
        "--week",
        "2026-W49",
        "-o",
        pad.to_str().unwrap(),
    ]);
    assert!(zegt.starts_with("agenda geschreven naar "), "{zegt}");
    assert_eq!(fs::read_to_string(&pad).unwrap(), markdown());
}

#[test]
fn the_html_agenda_is_self_contained_and_a_real_browser_prints_it_on_a4() {
    let html = planbord(&["agenda", WERKMAP, "--week", "2026-W49", "--format", "html"]);
    assert!(!html.contains("<script"), "file text is escaped");
    assert!(html.contains("&lt;script&gt;alert(1)&lt;/script&gt;"));
    assert!(!html.contains("http://") && !html.contains("https://") && !html.contains("<link"));
    assert!(html.contains("<style>") && html.contains("@page { size: A4"));
    assert_eq!(html.matches("<section>").count(), 6);
    let Some(bin) = chromium() else {
        assert!(
            std::env::var_os("CI").is_none(),
            "CI must have Chromium (.ci/run installs it)"
        );
        eprintln!("chromium not installed: browser check skipped");
        return;
    };
    let dir = tempfile::tempdir().unwrap();
    let pad = dir.path().join("agenda.html");
    fs::write(&pad, &html).unwrap();
    let url = format!("file://{}", pad.display());
    let profile = dir.path().join("profiel");
    let dom = browser(bin, &profile, &["--dump-dom", &url]);
    let dom = String::from_utf8_lossy(&dom.stdout);
    for want in [
        "Agenda PMO-overleg en OO, week 49",
        "1. Open verzoeken om capaciteit (1)",
        "Fleur Mulder",
        "6. LTA de komende 4 weken (2)",
        "Vergunning strandpaviljoen",
    ] {
        assert!(dom.contains(want), "{want}: {dom}");
    }
    assert!(!dom.contains("<script>alert"), "no script came alive");

    let pdf = dir.path().join("agenda.pdf");
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
    let text = Command::new("pdftotext")
        .arg(&pdf)
        .arg("-")
        .output()
        .unwrap();
    let text = String::from_utf8_lossy(&text.stdout);
    assert!(
        text.contains("Besluiten van de afgelopen 7 dagen") && text.contains("Wijken"),
        "{text}"
    );

    // Nothing sticks out on the right of an A4 page: 186 mm of content is 703 CSS pixels.
    let probe = dir.path().join("probe.html");
    let script = "<script>const w=document.documentElement.clientWidth;const r=Math.max(...[...document.querySelectorAll('table,h1,h2,ul,p')].map(e=>e.getBoundingClientRect().right));document.body.setAttribute('data-past',String(r<=w+0.5));</script></body>";
    fs::write(&probe, html.replace("</body>", script)).unwrap();
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
        "the agenda fits an A4 page"
    );
}

/// `-o` names a place, not a file to replace: a symbolic link is written through (it stays a
/// link), and `-o -` is the screen.
#[cfg(unix)]
#[test]
fn o_writes_through_a_link_and_dash_is_the_screen() {
    let dir = tempfile::tempdir().unwrap();
    let target = dir.path().join("agenda-echt.md");
    let link = dir.path().join("agenda.md");
    fs::write(&target, "oud").unwrap();
    std::os::unix::fs::symlink(&target, &link).unwrap();
    for cmd in ["agenda", "rapport"] {
        let out = Command::new(env!("CARGO_BIN_EXE_planbord"))
            .args([
                cmd,
                "tests/fixtures/agenda",
                "--vandaag",
                "2026-11-30",
                "-o",
            ])
            .arg(&link)
            .output()
            .unwrap();
        assert!(
            out.status.success(),
            "{}",
            String::from_utf8_lossy(&out.stderr)
        );
        assert!(
            fs::symlink_metadata(&link)
                .unwrap()
                .file_type()
                .is_symlink(),
            "{cmd}"
        );
        assert!(
            fs::read_to_string(&target).unwrap().starts_with("# "),
            "{cmd}"
        );
    }
    let out = Command::new(env!("CARGO_BIN_EXE_planbord"))
        .args([
            "agenda",
            "tests/fixtures/agenda",
            "--vandaag",
            "2026-11-30",
            "-o",
            "-",
        ])
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .output()
        .unwrap();
    assert!(String::from_utf8_lossy(&out.stdout).starts_with("# Agenda"));
    assert!(
        !std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("-")
            .exists()
    );
}
