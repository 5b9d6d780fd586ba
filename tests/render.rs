//! The views on ratatui's TestBackend: snapshots at fixed sizes and a fixed date, plus explicit
//! checks of the key text and of the styles that carry meaning (snapshots hold no colours).
//!
//! The views show the small hand-written werkmap tests/fixtures/klein on Monday 2026-11-23 (see
//! its organisatie.ron: Daan Bakker over-booked, Eva Smit away in week 50 while Haven counts on
//! her, Fleur Mulder's open request), as Daan Bakker. Boards built in code test layouts. One
//! smoke test (`demo_*`) renders the generated demo werkmap `boards/`.

use std::path::Path;

use chrono::NaiveDate;
use planbord::app::{Action, App, Command, Config};
use planbord::domain::{Bord, BordSoort, Kolom, Werkmap};
use planbord::storage::{self, Loaded};
use planbord::ui::{self, Theme};
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use ratatui::buffer::Buffer;
use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};

fn vandaag() -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, 11, 23).unwrap()
}

/// The werkmap in `dir` as Daan Bakker.
fn load(dir: &str) -> App {
    let mut loaded = storage::load(Path::new(dir));
    assert!(loaded.fouten.is_empty(), "{dir}: {:?}", loaded.fouten);
    for f in &mut loaded.board_files {
        f.gewijzigd = None; // file times differ per checkout
    }
    app_from(loaded)
}

/// The small fixture werkmap tests/fixtures/klein.
fn klein() -> App {
    load("tests/fixtures/klein")
}

fn app_from(loaded: Loaded) -> App {
    app_as(loaded, "dbakker", vandaag())
}

/// A loaded werkmap as user `gebruiker` on day `dag`.
fn app_as(loaded: Loaded, gebruiker: &str, dag: NaiveDate) -> App {
    let config = Config {
        gebruiker: Some(gebruiker.into()),
        ..Config::default()
    };
    App::new(
        loaded,
        config,
        dag,
        dag.and_hms_opt(10, 0, 0).unwrap(),
        "tester",
        3,
    )
}

/// The small fixture werkmap, loaded, with file times cleared.
fn klein_loaded() -> Loaded {
    let mut loaded = storage::load(Path::new("tests/fixtures/klein"));
    for f in &mut loaded.board_files {
        f.gewijzigd = None;
    }
    loaded
}

/// Klein as Bram Dekker, the CoCo of Zorg (Fleur Mulder's unit).
fn klein_als_bram() -> App {
    app_as(klein_loaded(), "bdekker", vandaag())
}

/// Klein with the Haven board changed by `change`, as Daan Bakker.
fn haven_met(change: impl FnOnce(&mut Bord)) -> App {
    let mut loaded = klein_loaded();
    let haven = loaded
        .werkmap
        .borden
        .iter_mut()
        .find(|b| b.id == "opgave-haven")
        .unwrap();
    change(haven);
    app_from(loaded)
}

fn render(app: &mut App, w: u16, h: u16) -> Buffer {
    app.update(Action::Resize(w, h));
    let mut t = Terminal::new(TestBackend::new(w, h)).unwrap();
    let theme = Theme::named(None, false);
    t.draw(|f| ui::draw(f, app, &theme)).unwrap();
    t.backend().buffer().clone()
}

fn text(b: &Buffer) -> String {
    let mut out = String::new();
    for y in 0..b.area.height {
        let mut line = String::new();
        for x in 0..b.area.width {
            line.push_str(b[(x, y)].symbol());
        }
        out.push_str(line.trim_end());
        out.push('\n');
    }
    out
}

fn open(app: &mut App, id: &str) {
    let i = app
        .session
        .werkmap
        .borden
        .iter()
        .position(|b| b.id == id)
        .unwrap();
    // A click selects the board in the overview, a click on the selected one opens it.
    app.update(Action::Click(planbord::app::Target::Board(i)));
    if app.view != planbord::app::View::Bord {
        app.update(Action::Click(planbord::app::Target::Board(i)));
    }
}

/// Selects row `n` of the list on screen the way a user does: to the top, then down.
fn to_row(app: &mut App, n: usize) {
    for _ in 0..200 {
        app.update(Action::Command(Command::Up));
    }
    for _ in 0..n {
        app.update(Action::Command(Command::Down));
    }
}

fn key(app: &mut App, c: char) {
    app.update(Action::Key(KeyEvent::new(
        KeyCode::Char(c),
        KeyModifiers::NONE,
    )));
}

/// Every cell whose symbol is `s`, with its position.
fn cells<'a>(
    b: &'a Buffer,
    s: &'a str,
) -> impl Iterator<Item = (u16, u16, &'a ratatui::buffer::Cell)> + 'a {
    (0..b.area.height)
        .flat_map(move |y| (0..b.area.width).map(move |x| (x, y, &b[(x, y)])))
        .filter(move |(_, _, c)| c.symbol() == s)
}

#[test]
fn demo_overzicht_160x45() {
    // The one test on the generated demo: it loads and its overview draws.
    let mut a = load("boards");
    let t = text(&render(&mut a, 160, 45));
    assert!(
        t.contains("Clusterkamers") && t.contains("Opgaveteams"),
        "{t}"
    );
    insta::assert_snapshot!("demo_overzicht_160x45", t);
    // At 80 columns the change times give way: every title whole, none cut with "…".
    let t = text(&render(&mut a, 80, 24));
    for b in &a.session.werkmap.borden {
        if t.contains(&b.titel[..12]) {
            assert!(t.contains(&b.titel), "{} cut:\n{t}", b.titel);
        }
    }
    assert!(!t.contains('…'), "{t}");
}

#[test]
fn overzicht_snapshots() {
    for (w, h) in [(80, 24), (200, 50)] {
        let mut a = klein();
        let buf = render(&mut a, w, h);
        let t = text(&buf);
        assert!(
            t.contains("Clusterkamers") && t.contains("Opgaveteams"),
            "{t}"
        );
        for titel in [
            "Clusterkamer Samenleving",
            "Haven en strand",
            "Park en landgoed",
        ] {
            assert!(t.contains(titel), "{titel}: {t}");
        }
        insta::assert_snapshot!(format!("overzicht_{w}x{h}"), t);
    }
}

#[test]
fn bord_with_conflicts_snapshots_and_styles() {
    for (w, h) in [(80, 24), (200, 50)] {
        let mut a = klein();
        open(&mut a, "opgave-haven");
        let buf = render(&mut a, w, h);
        let t = text(&buf);
        assert!(t.contains("Haven en strand"));
        assert!(t.contains("Te doen"));
        insta::assert_snapshot!(format!("bord_haven_{w}x{h}"), t);
        // The conflict marker carries the conflict colour.
        let conflict = Theme::named(None, false).conflict.fg.unwrap();
        // Markers on the cards: above the capacity strip.
        let strip = (0..buf.area.height)
            .find(|&y| text_row(&buf, y).contains("Belasting komende weken"))
            .unwrap_or(buf.area.height);
        // Not the column headers: Bezig is over its WIP limit, which has a marker of its own.
        let header = (0..buf.area.height)
            .find(|&y| text_row(&buf, y).contains("Te doen"))
            .unwrap();
        let markers: Vec<_> = cells(&buf, "⚠")
            .filter(|(_, y, _)| *y > header && *y < strip)
            .collect();
        assert!(!markers.is_empty(), "an over-booked owner's card is marked");
        assert!(
            markers.iter().all(|(_, _, c)| c.fg == conflict),
            "marker without the conflict colour"
        );
    }
}

#[test]
fn wip_overflow_is_marked_with_text_and_colour() {
    // Haven's Bezig holds three cards at a WIP limit of 2.
    let mut a = klein();
    open(&mut a, "opgave-haven");
    let buf = render(&mut a, 120, 30);
    let t = text(&buf);
    assert!(t.contains("Bezig 3/2 ⚠"), "{t}");
    insta::assert_snapshot!("bord_wip_120x30", t);
    let row = (0..buf.area.height)
        .find(|&y| text_row(&buf, y).contains("Bezig 3/2"))
        .unwrap();
    let seven = find_cell(&buf, row, "3/2").unwrap();
    assert_eq!(
        buf[(seven, row)].fg,
        Theme::named(None, false).conflict.fg.unwrap()
    );
}

fn text_row(b: &Buffer, y: u16) -> String {
    (0..b.area.width).map(|x| b[(x, y)].symbol()).collect()
}

/// The cell column where `needle` starts on row `y` (one character per cell).
fn find_cell(b: &Buffer, y: u16, needle: &str) -> Option<u16> {
    let chars: Vec<String> = needle.chars().map(|c| c.to_string()).collect();
    (0..b.area.width).find(|&x| {
        chars
            .iter()
            .enumerate()
            .all(|(i, c)| x + (i as u16) < b.area.width && b[(x + i as u16, y)].symbol() == c)
    })
}

#[test]
fn kaart_help_and_form_snapshots() {
    for (w, h) in [(80, 24), (200, 50)] {
        // The card with the most filled in: k1, first in Bezig, with a note and a label. Its
        // owner Daan Bakker is over-booked, so its conflicts come before the notes.
        let mut a = klein();
        open(&mut a, "opgave-haven");
        a.update(Action::Command(Command::Right));
        assert_eq!(a.views.bord.kaart.as_deref(), Some("k1"));
        a.update(Action::Command(Command::Open));
        let t = text(&render(&mut a, w, h));
        assert!(t.contains("Eigenaar") && t.contains("Conflicten"), "{t}");
        assert!(
            t.contains("Ontwerp boulevard bespreken") && t.contains("Daan Bakker"),
            "{t}"
        );
        insta::assert_snapshot!(format!("kaart_{w}x{h}"), t);
        if h < 30 {
            // At 24 rows the note is below the fold; the owner's over-booking in twelve weeks
            // is one entry with its range, not twelve lines.
            assert!(!t.contains("Exploitanten"), "{t}");
            assert_eq!(t.matches("het zwaarst").count(), 1, "{t}");
            // Paging far down stops with the last line at the bottom, not in empty space.
            for _ in 0..3 {
                a.update(Action::Command(Command::PageDown));
            }
            let t = text(&render(&mut a, w, h));
            let last = t.lines().rev().nth(2).unwrap();
            assert!(last.contains("Exploitanten"), "{t}");
            insta::assert_snapshot!(format!("kaart_gescrold_{w}x{h}"), t);
        }
        let t = text(&render(&mut a, w, h));
        assert!(
            t.contains("Notities") && t.contains("Exploitanten willen eerst de planning zien."),
            "{t}"
        );

        let mut a = klein();
        open(&mut a, "opgave-haven");
        key(&mut a, '?');
        let t = text(&render(&mut a, w, h));
        assert!(t.contains("kaart naar rechts"), "{t}");
        insta::assert_snapshot!(format!("hulp_{w}x{h}"), t);
        // Scrolled to the end, the last keys and the notes show (app::hulp tests that no
        // description is cut); on a big screen they show at once.
        if w < 100 {
            for _ in 0..20 {
                a.update(Action::Key(KeyEvent::from(KeyCode::PageDown)));
            }
        }
        let t = text(&render(&mut a, w, h));
        assert!(
            t.contains("alle conflicten") && t.contains("sluit deze hulp"),
            "{t}"
        );

        let mut a = klein();
        open(&mut a, "opgave-haven");
        a.update(Action::Command(Command::Right));
        key(&mut a, 'e');
        let t = text(&render(&mut a, w, h));
        assert!(
            t.contains("Kaart bewerken") && t.contains("Deadline"),
            "{t}"
        );
        assert!(t.contains("Ontwerp boulevard bespreken"), "{t}");
        insta::assert_snapshot!(format!("form_{w}x{h}"), t);
    }
}

fn small(kolommen: usize, titel: &str, kaarten: usize) -> App {
    let kolommen: Vec<Kolom> = (0..kolommen)
        .map(|i| Kolom {
            id: format!("k{i}"),
            naam: ["Te doen", "Bezig", "Wacht op", "Review", "Bijna", "Klaar"][i % 6].into(),
            wip: None,
            klaar: i == 5,
        })
        .collect();
    let mut kaart: planbord::domain::Kaart =
        storage::format::parse("Kaart(id: \"x\", titel: \"x\", kolom: \"k0\")").unwrap();
    let kaarten = (0..kaarten)
        .map(|i| {
            kaart.id = format!("c{i}");
            kaart.titel = format!("{titel} {i}");
            kaart.kolom = format!("k{}", i % kolommen.len());
            kaart.clone()
        })
        .collect();
    let bord = Bord {
        versie: 1,
        id: "klein".into(),
        titel: titel.into(),
        soort: BordSoort::Clusterkamer {
            cluster: "c".into(),
        },
        kolommen,
        inzet: vec![],
        kaarten,
        sporen: String::new(),
    };
    let loaded = Loaded {
        root: "werkmap".into(),
        werkmap: Werkmap {
            organisatie: None,
            borden: vec![bord],
        },
        organisatie_file: None,
        board_files: vec![storage::FileMeta {
            path: "werkmap/klein.ron".into(),
            name: "klein.ron".into(),
            hash: storage::ContentHash::of(b""),
            gewijzigd: None,
        }],
        capaciteit_uit: Some(storage::load::CapaciteitUit::OrganisatieOntbreekt),
        fouten: vec![],
        waarschuwingen: vec![],
        kopieen: vec![],
    };
    let mut a = app_from(loaded);
    a.update(Action::Command(Command::Open));
    a
}

#[test]
fn empty_board_and_long_dutch_titles() {
    let mut a = small(4, "Leeg bord", 0);
    let t = text(&render(&mut a, 80, 24));
    assert!(t.contains("(leeg)"), "{t}");
    insta::assert_snapshot!("bord_leeg_80x24", t);

    let long =
        "Herinrichting van het Wilhelminaplein met participatie van ondernemers en omwonenden";
    let mut a = small(4, long, 9);
    let t = text(&render(&mut a, 80, 24));
    assert!(t.contains('…'), "long titles end in an ellipsis: {t}");
    insta::assert_snapshot!("bord_lange_titels_80x24", t);
}

#[test]
fn at_60_columns_three_untruncated_columns_and_at_300_all_six() {
    let mut a = small(6, "Zes kolommen", 12);
    let t = text(&render(&mut a, 60, 20));
    for naam in ["Te doen", "Bezig", "Wacht op"] {
        assert!(t.contains(naam), "{naam} missing at 60 columns:\n{t}");
    }
    assert!(t.contains('▶'), "a sign that more columns follow:\n{t}");
    let t = text(&render(&mut a, 300, 30));
    for naam in ["Te doen", "Bezig", "Wacht op", "Review", "Bijna", "Klaar"] {
        assert!(t.contains(naam), "{naam} missing at 300 columns");
    }
    // Scrolling right brings the last columns in at 60.
    for _ in 0..5 {
        a.update(Action::Command(Command::Right));
    }
    let t = text(&render(&mut a, 60, 20));
    assert!(t.contains("Klaar"), "{t}");
}

#[test]
fn tiny_terminals_do_not_panic() {
    for (w, h) in [(20, 5), (1, 1), (30, 10), (45, 8)] {
        let mut a = klein();
        render(&mut a, w, h);
        open(&mut a, "opgave-haven");
        render(&mut a, w, h);
        a.update(Action::Command(Command::Open));
        render(&mut a, w, h);
        key(&mut a, '?');
        render(&mut a, w, h);
        let mut a = klein();
        open(&mut a, "opgave-haven");
        key(&mut a, 'e');
        render(&mut a, w, h);
    }
}

#[test]
fn mouse_hits_use_the_drawn_layout() {
    let mut a = klein();
    let buf = render(&mut a, 200, 50);
    let row = (0..buf.area.height)
        .find(|&y| text_row(&buf, y).contains("Park en landgoed"))
        .unwrap();
    let hit = ui::hit_test(&a, buf.area, 10, row).unwrap();
    let planbord::app::Target::Board(i) = hit else {
        panic!("{hit:?}")
    };
    assert_eq!(a.session.werkmap.borden[i].id, "opgave-park");

    open(&mut a, "opgave-haven");
    let buf = render(&mut a, 200, 50);
    let t = text(&buf);
    let header = t.lines().position(|l| l.contains("Bezig")).unwrap() as u16;
    let col = find_cell(&buf, header, "Bezig").unwrap();
    let line = header + 1;
    match ui::hit_test(&a, buf.area, col, line) {
        Some(planbord::app::Target::Card { kolom: 1, .. }) => {}
        other => panic!("{other:?}"),
    }
}

#[test]
fn no_color_theme_has_no_colours() {
    let theme = Theme::named(Some("standaard"), true);
    assert_eq!(theme.conflict.fg, None);
    assert!(
        theme
            .conflict
            .add_modifier
            .contains(ratatui::style::Modifier::BOLD)
    );
    let hc = Theme::named(Some("hoog-contrast"), false);
    assert_ne!(hc, Theme::named(Some("standaard"), false));
}

#[test]
fn capaciteit_and_conflicten_snapshots() {
    for (w, h) in [(80, 24), (200, 50)] {
        let mut a = klein();
        key(&mut a, 'c');
        let buf = render(&mut a, w, h);
        let t = text(&buf);
        assert!(t.contains("Wijken") && t.contains('%'), "{t}");
        insta::assert_snapshot!(format!("capaciteit_{w}x{h}"), t);
        if w == 200 {
            // The over-loaded cell carries the symbol and the conflict colour: Wijken in week 50.
            let row = (0..buf.area.height)
                .find(|&y| text_row(&buf, y).contains("Wijken"))
                .unwrap();
            let x = (0..buf.area.width)
                .find(|&x| buf[(x, row)].symbol() == "⚠")
                .unwrap();
            assert_eq!(
                buf[(x, row)].fg,
                Theme::named(None, false).conflict.fg.unwrap()
            );
        }
        // Drill down to the unit and the over-booked person: Wijken, Daan Bakker.
        let wijken = a
            .views
            .capaciteit
            .rows
            .iter()
            .position(|r| r.naam == "Wijken")
            .unwrap();
        to_row(&mut a, wijken);
        a.update(Action::Command(Command::Open));
        let over = a
            .views
            .capaciteit
            .rows
            .iter()
            .position(|r| r.over(2))
            .unwrap();
        to_row(&mut a, over);
        a.update(Action::Command(Command::Open));
        let t = text(&render(&mut a, w, h));
        assert!(
            t.contains("Daan Bakker")
                && t.contains("Haven en strand")
                && t.contains("Park en landgoed")
                && t.contains("Inzet achter"),
            "{t}"
        );
        insta::assert_snapshot!(format!("capaciteit_persoon_{w}x{h}"), t);

        let mut a = klein();
        key(&mut a, '!');
        let t = text(&render(&mut a, w, h));
        assert!(t.contains("Hoog (") && t.contains("Toelichting"), "{t}");
        insta::assert_snapshot!(format!("conflicten_{w}x{h}"), t);
    }
}

#[test]
fn inzet_view_and_decision_snapshots() {
    for (w, h) in [(80, 24), (200, 50)] {
        let mut a = klein();
        a.session.config.gebruiker = None; // anyone may decide
        open(&mut a, "opgave-haven");
        key(&mut a, 't');
        let rows = a.inzet_rows();
        let gevraagd = rows
            .iter()
            .position(|r| {
                r.inzet(&a.session.werkmap).unwrap().status
                    == planbord::domain::InzetStatus::Gevraagd
            })
            .unwrap();
        to_row(&mut a, gevraagd);
        assert_eq!(a.views.inzet.row, 2, "Fleur Mulder's request, h3");
        a.update(Action::Resize(w, h));
        let t = text(&render(&mut a, w, h));
        assert!(t.contains("Team en inzet") && t.contains("gevraagd"), "{t}");
        insta::assert_snapshot!(format!("inzet_{w}x{h}"), t);
        key(&mut a, 't');
        let t = text(&render(&mut a, w, h));
        assert!(t.contains("PMO-overleg"), "{t}");
        // Wrapped lines go on under their text, not at the frame.
        assert!(
            t.lines()
                .all(|l| !l.contains("│beschikbaar") && !l.contains("│wordt")),
            "{t}"
        );
        insta::assert_snapshot!(format!("besluit_{w}x{h}"), t);
    }
}

#[test]
fn help_shows_in_a_stand_up_and_the_next_key_works() {
    let mut a = klein();
    open(&mut a, "opgave-haven");
    key(&mut a, 's');
    key(&mut a, '?');
    let t = text(&render(&mut a, 80, 24));
    assert!(
        t.contains("deze hulp") && t.contains("stand-up stoppen"),
        "{t}"
    );
    // Any key closes help; the next one is the stand-up's again.
    key(&mut a, 'x');
    key(&mut a, ' ');
    let t = text(&render(&mut a, 80, 24));
    assert!(t.contains("Aan de beurt: Daan Bakker"), "{t}");
}

#[test]
fn standup_snapshots_without_personal_details() {
    for (w, h) in [(80, 24), (200, 50)] {
        let mut a = klein();
        open(&mut a, "opgave-haven");
        key(&mut a, 's');
        key(&mut a, ' ');
        let buf = render(&mut a, w, h);
        let t = text(&buf);
        assert!(
            t.contains("Aan de beurt: Daan Bakker") && t.contains("███"),
            "{t}"
        );
        assert!(
            !t.to_lowercase().contains("verlof") && !t.contains("? hulp"),
            "no absence kinds, no edit chrome"
        );
        insta::assert_snapshot!(format!("standup_{w}x{h}"), t);
        // Without per-person load when the works council wants it off.
        a.session.config.standup_belasting = Some(false);
        let t = text(&render(&mut a, w, h));
        assert!(!t.contains("belasting deze week"), "{t}");
    }
    // In week 50 Eva Smit is on leave; her turn shows nothing of why.
    let dag = NaiveDate::from_ymd_opt(2026, 12, 7).unwrap();
    let mut a = app_as(klein_loaded(), "dbakker", dag);
    open(&mut a, "opgave-haven");
    key(&mut a, 's');
    key(&mut a, ' ');
    key(&mut a, ' ');
    for (w, h) in [(80, 24), (200, 50)] {
        let t = text(&render(&mut a, w, h));
        assert!(t.contains("Aan de beurt: Eva Smit"), "{t}");
        let lower = t.to_lowercase();
        assert!(
            !lower.contains("verlof") && !lower.contains("afwezig"),
            "{t}"
        );
    }
}

#[test]
fn mensen_snapshots() {
    for (w, h) in [(80, 24), (200, 50)] {
        let mut a = klein();
        a.session.config.gebruiker = Some("avries".into()); // the CoCo of Wijken
        key(&mut a, 'p');
        let t = text(&render(&mut a, w, h));
        assert!(t.contains("Mensen") && t.contains(" u "), "{t}");
        insta::assert_snapshot!(format!("mensen_{w}x{h}"), t);
        key(&mut a, 'e');
        let t = text(&render(&mut a, w, h));
        assert!(t.contains("Werkdagen"), "{t}");
    }
}

#[test]
fn mensen_without_a_user_lists_no_one_and_says_how_to_set_one() {
    let mut a = klein();
    a.session.config.gebruiker = None;
    a.session.config.bestand = Some("/home/anna/.config/planbord/config.ron".into());
    key(&mut a, 'p');
    let t = text(&render(&mut a, 80, 24));
    let org = a.session.werkmap.organisatie.clone().unwrap();
    assert!(
        org.mensen.iter().all(|m| !t.contains(&m.naam)) && !t.contains("afwezig "),
        "no one, and no absence: {t}"
    );
    assert!(
        t.contains("geen gebruiker ingesteld")
            && t.contains("/home/anna/.config/planbord/config.ron")
            && t.contains("gebruiker: \"persoonid\","),
        "{t}"
    );
    insta::assert_snapshot!("mensen_zonder_gebruiker_80x24", t);
    // Where the config's path is not known: the usual place.
    a.session.config.bestand = None;
    let t = text(&render(&mut a, 80, 24));
    assert!(t.contains("~/.config/planbord/config.ron"), "{t}");
    // A user the organisation does not know is named, and still sees no one.
    a.session.config.gebruiker = Some("jdevris".into());
    let t = text(&render(&mut a, 80, 24));
    let flowing = t.split_whitespace().collect::<Vec<_>>().join(" ");
    assert!(
        flowing.contains("gebruiker: \"jdevris\"") && flowing.contains("niet in organisatie.ron"),
        "{t}"
    );
    assert!(org.mensen.iter().all(|m| !t.contains(&m.naam)), "{t}");
    // Someone who leads no unit sees no one either, and why.
    a.session.config.gebruiker = Some("dbakker".into());
    let t = text(&render(&mut a, 80, 24));
    assert!(t.contains("geen CoCo van een eenheid"), "{t}");
    let naam = &org.persoon("dbakker").unwrap().naam;
    assert!(
        org.mensen
            .iter()
            .all(|m| &m.naam == naam || !t.contains(&m.naam)),
        "{t}"
    );
}

#[test]
fn mensen_show_an_absence_with_its_kind_to_the_coco() {
    for (w, h) in [(80, 24), (200, 50)] {
        let mut a = klein();
        let org = a.session.werkmap.organisatie.clone().unwrap();
        // The CoCo of Wijken: Anna de Vries, Daan Bakker, and Eva Smit with leave in week 50.
        a.session.config.gebruiker = Some(org.eenheid("wijken").unwrap().cocos[0].clone());
        key(&mut a, 'p');
        let t = text(&render(&mut a, w, h));
        // Hours and days whole on every row, at any width; an absence only with whole dates.
        let rows: Vec<&str> = t
            .lines()
            .filter(|l| l.starts_with("▶ ") || l.starts_with("  ") && l.contains(" u  "))
            .collect();
        assert_eq!(
            rows.len(),
            if h == 24 { 13 } else { 39 }.min(a.mensen_rows().len())
        );
        for l in rows {
            let (_, rest) = l.split_once(" u  ").unwrap();
            let days: Vec<&str> = rest.split(' ').take(7).collect();
            let expected = ["ma", "di", "wo", "do", "vr", "za", "zo"];
            assert!(
                days.iter()
                    .zip(expected)
                    .all(|(d, e)| *d == e || *d == "··"),
                "{l}"
            );
            if let Some((_, afwezig)) = l.split_once("afwezig") {
                let dates = afwezig
                    .split_whitespace()
                    .filter(|w| w.contains('-'))
                    .collect::<Vec<_>>();
                assert!(
                    !dates.is_empty() && dates.iter().all(|d| d.len() == 10 && !d.contains('…')),
                    "{l}"
                );
            }
        }
        // The person with an absence: selected, the detail shows the dates and the kind.
        let away = a
            .mensen_rows()
            .iter()
            .position(|&r| org.mensen[r].afwezig.iter().any(|x| x.soort.is_some()))
            .unwrap();
        a.views.mensen.row = away;
        let t = text(&render(&mut a, w, h));
        assert!(t.contains(" · verlof"), "{t}");
        assert!(t.contains("▶ Eva Smit"), "{t}");
        insta::assert_snapshot!(format!("mensen_afwezig_{w}x{h}"), t);
        // The absence form: a kind, no reason.
        key(&mut a, 'a');
        a.update(Action::Key(KeyEvent::new(KeyCode::Tab, KeyModifiers::NONE)));
        a.update(Action::Key(KeyEvent::new(KeyCode::Tab, KeyModifiers::NONE)));
        a.update(Action::Key(KeyEvent::new(
            KeyCode::Right,
            KeyModifiers::NONE,
        )));
        let t = text(&render(&mut a, w, h));
        assert!(
            t.contains("Soort") && t.contains("verlof") && !t.contains("Reden"),
            "{t}"
        );
    }
}

#[test]
fn a_clash_with_a_colleague_shows_in_the_status_line_and_on_the_card() {
    let mut a = klein();
    open(&mut a, "opgave-haven");
    let mine = a.views.bord.kaart.clone().unwrap();
    key(&mut a, 'L');
    // The colleague's save, from the same file we read: the same card moved elsewhere.
    let slot = &a.session.files.borden["opgave-haven"];
    let mut disk = slot.replica.view().clone();
    let k = disk.kaarten.iter_mut().find(|k| k.id == mine).unwrap();
    k.kolom = "wacht".into();
    k.voortgang = 70;
    let text_disk = storage::format::to_canonical(&disk).unwrap();
    let mut meta = slot.meta.clone();
    meta.hash = storage::ContentHash::of(text_disk.as_bytes());
    a.update(Action::FileChanged {
        name: meta.name.clone(),
        result: Ok(Box::new((disk, meta))),
    });
    let t = text(&render(&mut a, 200, 50));
    assert!(t.contains("niet doorgevoerd, een ander maakte het"), "{t}");
    insta::assert_snapshot!("bord_na_gelijktijdige_wijziging_200x50", t);
    a.update(Action::Command(Command::Open));
    let t = text(&render(&mut a, 200, 50));
    assert!(
        t.contains("Gelijktijdige wijziging") && t.contains("70%"),
        "{t}"
    );
    insta::assert_snapshot!("kaart_na_gelijktijdige_wijziging_200x50", t);
}

#[test]
fn escape_sequences_in_a_title_never_reach_the_terminal() {
    // A planted board: a title that would retitle the window, set the clipboard, clear the
    // screen if the terminal received it raw.
    let evil = "Normaal\u{1b}]0;gekaapt\u{7}\u{1b}]52;c;aGFjaw==\u{7}\u{1b}[2J\u{9b}31m";
    let mut a = small(3, evil, 6);
    a.update(Action::Command(Command::Open));
    for (w, h) in [(80, 24), (200, 50)] {
        let b = render(&mut a, w, h);
        let t = text(&b);
        assert!(t.contains("Normaal"), "{t}");
        assert!(
            !t.chars().any(|c| c.is_control() && c != '\n'),
            "no control character in any cell"
        );
    }
}

/// Klein with 20 more finished cards on Haven, for a column longer than the screen.
fn lange_klaar_kolom() -> App {
    haven_met(|haven| {
        for i in 1..=20 {
            let mut k =
                planbord::domain::Kaart::new(format!("x{i}"), format!("{i:02} klaar"), "klaar");
            k.voortgang = 100;
            haven.kaarten.push(k);
        }
    })
}

#[test]
fn the_selected_card_stays_on_screen_in_a_long_column() {
    for (w, h) in [(80, 24), (120, 35)] {
        let mut a = lange_klaar_kolom();
        open(&mut a, "opgave-haven");
        for _ in 0..3 {
            key(&mut a, 'l');
        }
        for step in 0..24 {
            let selected: String = a.selected_card().unwrap().titel.chars().take(12).collect();
            let t = text(&render(&mut a, w, h));
            let line = t
                .lines()
                .find(|l| l.contains('▶'))
                .unwrap_or_else(|| panic!("{w}x{h} step {step}: no ▶ on screen\n{t}"));
            assert!(line.contains(&selected), "{w}x{h} step {step}: {line}\n{t}");
            if step % 5 == 4 {
                a.update(Action::Key(KeyEvent::new(
                    KeyCode::PageDown,
                    KeyModifiers::NONE,
                )));
            } else {
                key(&mut a, 'j');
            }
        }
        // At the end the last card shows with how many are above it.
        assert_eq!(a.selected_card().unwrap().titel, "20 klaar");
        let t = text(&render(&mut a, w, h));
        assert!(t.contains("↑ ") && !t.contains("↓ "), "{t}");
    }
}

#[test]
fn a_long_column_fills_its_height_and_counts_the_rest_in_its_border() {
    let mut a = lange_klaar_kolom();
    open(&mut a, "opgave-haven");
    for _ in 0..3 {
        key(&mut a, 'l');
    }
    let t = text(&render(&mut a, 80, 24));
    let lines: Vec<&str> = t.lines().collect();
    // The column's inner height is 12 lines at 80×24: three cards of four lines, none lost to
    // a "meer" line; the rest is counted in the bottom border.
    assert!(t.contains("Startnotitie") && t.contains("02 klaar"), "{t}");
    let bottom = lines.iter().find(|l| l.starts_with('└')).unwrap();
    assert!(bottom.contains("↓ 18 meer"), "{bottom}");
    for _ in 0..6 {
        key(&mut a, 'j');
    }
    let t = text(&render(&mut a, 80, 24));
    let bottom = t.lines().find(|l| l.starts_with('└')).unwrap().to_string();
    assert!(bottom.contains("↑ 4 · ↓ 14 meer"), "{bottom}\n{t}");
}

#[test]
fn below_60x16_a_line_says_the_window_is_too_small() {
    for (w, h) in [(40, 12), (20, 5), (59, 24), (80, 15)] {
        let mut a = klein();
        open(&mut a, "opgave-haven");
        key(&mut a, '?');
        let t = text(&render(&mut a, w, h));
        assert!(t.contains("venster te klein"), "{w}x{h}: {t}");
        assert!(!t.contains("Te doen"), "no fragments of the board: {t}");
    }
    let mut a = klein();
    open(&mut a, "opgave-haven");
    assert!(!text(&render(&mut a, 60, 16)).contains("venster te klein"));
}

#[test]
fn the_stand_up_timer_counts_on_with_a_plus_after_zero() {
    let mut a = klein();
    open(&mut a, "opgave-haven");
    key(&mut a, 's');
    let later = vandaag().and_hms_opt(10, 15, 14).unwrap();
    a.update(Action::Tick(planbord::app::Now {
        mono: 915_000,
        local: later,
    }));
    let t = text(&render(&mut a, 120, 35));
    assert!(t.contains("+00:14 over tijd"), "{t}");
}

#[test]
fn the_conflict_list_names_kinds_in_dutch_words() {
    let mut a = klein();
    key(&mut a, '!');
    let t = text(&render(&mut a, 120, 35));
    for code in [
        "niet_toegezegd",
        "afwezig_ingezet",
        "wip_overschreden",
        "deadline_verlopen",
    ] {
        assert!(!t.contains(code), "{code} on screen:\n{t}");
    }
    assert!(
        t.contains("niet toegezegd") && t.contains("WIP-limiet over"),
        "{t}"
    );
}

#[test]
fn the_request_form_shows_what_it_does_to_the_person_asked() {
    let mut a = klein();
    open(&mut a, "opgave-haven");
    key(&mut a, 't');
    key(&mut a, 'n');
    // Person: Fleur Mulder, 20 hours.
    for c in "fleur".chars() {
        key(&mut a, c);
    }
    a.update(Action::Key(KeyEvent::new(KeyCode::Tab, KeyModifiers::NONE)));
    for c in "20".chars() {
        key(&mut a, c);
    }
    for _ in 0..4 {
        a.update(Action::Key(KeyEvent::new(KeyCode::Tab, KeyModifiers::NONE)));
    }
    for c in "Vergunningen voor de zomer".chars() {
        key(&mut a, c);
    }
    let t = text(&render(&mut a, 80, 24));
    assert!(t.contains("Fleur Mulder, zwaarste week"), "{t}");
    assert!(
        t.contains("Toelichting") && t.contains("Vergunningen voor de zomer"),
        "{t}"
    );
    insta::assert_snapshot!("inzetformulier_80x24", t);
    a.update(Action::Key(KeyEvent::new(
        KeyCode::Enter,
        KeyModifiers::NONE,
    )));
    let haven = a.session.werkmap.bord("opgave-haven").unwrap();
    let z = haven.inzet.last().unwrap();
    let v = z.verzoek.as_ref().expect("the request says who asked");
    assert_eq!(
        (v.wie.as_str(), v.toelichting.as_deref()),
        ("dbakker", Some("Vergunningen voor de zomer"))
    );
}

#[test]
fn a_decline_reason_shows_in_full_under_the_list() {
    let mut a = klein_als_bram();
    open(&mut a, "opgave-haven");
    key(&mut a, 't');
    key(&mut a, 'j');
    key(&mut a, 'j');
    key(&mut a, 'x');
    let reden = "Fleur werkt tot de kerst aan de jaarrekening; vraag het in januari opnieuw";
    for c in reden.chars() {
        key(&mut a, c);
    }
    a.update(Action::Key(KeyEvent::new(
        KeyCode::Enter,
        KeyModifiers::NONE,
    )));
    let t = text(&render(&mut a, 80, 24));
    assert!(t.contains("Besluit van Bram Dekker op 23-11-2026"), "{t}");
    let flat: String = t.split_whitespace().collect::<Vec<_>>().join(" ");
    assert!(flat.contains(reden), "the whole reason, wrapped:\n{t}");
}

#[test]
fn a_card_lists_its_own_conflicts_not_another_cards_of_the_same_owner() {
    // Daan Bakker also owns the overdue k2.
    let mut a = haven_met(|haven| {
        let k2 = haven.kaarten.iter_mut().find(|k| k.id == "k2").unwrap();
        k2.eigenaar = Some("dbakker".into());
    });
    open(&mut a, "opgave-haven");
    a.update(Action::Command(Command::Right));
    assert_eq!(a.views.bord.kaart.as_deref(), Some("k1"));
    a.update(Action::Command(Command::Open));
    let t = text(&render(&mut a, 120, 40));
    assert!(t.contains("Conflicten"), "{t}");
    assert!(
        !t.contains("Vergunning strandpaviljoen"),
        "k2's deadline on k1:\n{t}"
    );
}

#[test]
fn the_filters_on_show_whole_at_80_columns() {
    let mut a = klein();
    open(&mut a, "opgave-haven");
    for c in "/smit".chars() {
        key(&mut a, c);
    }
    a.update(Action::Key(KeyEvent::new(
        KeyCode::Enter,
        KeyModifiers::NONE,
    )));
    key(&mut a, 'f');
    key(&mut a, 'f');
    let t = text(&render(&mut a, 80, 24));
    let line = t.lines().nth(1).unwrap();
    assert!(line.ends_with("[filter: smit, verlopen]"), "{line}");
}

#[test]
fn a_form_error_is_wrapped_whole_at_80_columns() {
    let mut a = klein();
    open(&mut a, "opgave-haven");
    key(&mut a, 'e');
    // Start (the fourth field) after the deadline (the fifth).
    for _ in 0..3 {
        a.update(Action::Key(KeyEvent::new(KeyCode::Tab, KeyModifiers::NONE)));
    }
    a.update(Action::Key(KeyEvent::new(
        KeyCode::Char('u'),
        KeyModifiers::CONTROL,
    )));
    for c in "01-03-2027".chars() {
        key(&mut a, c);
    }
    a.update(Action::Key(KeyEvent::new(KeyCode::Tab, KeyModifiers::NONE)));
    a.update(Action::Key(KeyEvent::new(
        KeyCode::Char('u'),
        KeyModifiers::CONTROL,
    )));
    for c in "15-01-2027".chars() {
        key(&mut a, c);
    }
    a.update(Action::Key(KeyEvent::new(
        KeyCode::Enter,
        KeyModifiers::NONE,
    )));
    let t = text(&render(&mut a, 80, 24));
    // Wrapped under its marker, every word there.
    assert!(
        t.contains("pas een van") && t.contains("    beide aan"),
        "the whole message:\n{t}"
    );
}

#[test]
fn a_long_reason_scrolls_in_its_line_and_the_hint_stays() {
    let mut a = klein_als_bram();
    open(&mut a, "opgave-haven");
    key(&mut a, 't');
    key(&mut a, 'j');
    key(&mut a, 'j');
    key(&mut a, 'x');
    let reden = "Fleur werkt tot de kerst aan de jaarrekening en daarna aan de begroting, vraag het in het voorjaar opnieuw aan";
    for c in reden.chars() {
        key(&mut a, c);
    }
    let t = text(&render(&mut a, 80, 24));
    assert!(
        t.contains("…") && t.contains("in het voorjaar opnieuw aan"),
        "the end of the text:\n{t}"
    );
    assert!(t.contains("Esc"), "the hint stays:\n{t}");
}

#[test]
fn paging_a_long_column_shows_every_card() {
    let mut a = lange_klaar_kolom();
    open(&mut a, "opgave-haven");
    for _ in 0..3 {
        key(&mut a, 'l');
    }
    let shown = |t: &str| -> Vec<u32> {
        t.lines()
            .filter_map(|l| l.split('│').rfind(|c| !c.is_empty()))
            .filter_map(|cell| cell.trim_start_matches(['▶', ' ', '⚠']).split(' ').next())
            .filter_map(|n| n.parse().ok())
            .collect()
    };
    let mut seen = std::collections::BTreeSet::new();
    for _ in 0..12 {
        let t = text(&render(&mut a, 80, 24));
        seen.extend(shown(&t));
        a.update(Action::Key(KeyEvent::new(
            KeyCode::PageDown,
            KeyModifiers::NONE,
        )));
    }
    assert_eq!(
        seen.into_iter().collect::<Vec<_>>(),
        (1..=20).collect::<Vec<u32>>()
    );
}

#[test]
fn m_changes_the_measure_in_a_persons_weeks_too() {
    let mut a = klein();
    key(&mut a, 'c');
    // Wijken, its people, Daan Bakker.
    a.update(Action::Key(KeyEvent::new(
        KeyCode::Down,
        KeyModifiers::NONE,
    )));
    a.update(Action::Key(KeyEvent::new(
        KeyCode::Enter,
        KeyModifiers::NONE,
    )));
    a.update(Action::Key(KeyEvent::new(
        KeyCode::Down,
        KeyModifiers::NONE,
    )));
    a.update(Action::Key(KeyEvent::new(
        KeyCode::Enter,
        KeyModifiers::NONE,
    )));
    let t = text(&render(&mut a, 120, 35));
    let w48 = t
        .lines()
        .find(|l| l.starts_with(" W48"))
        .unwrap()
        .to_string();
    assert!(w48.contains("131%"), "{w48}");
    key(&mut a, 'm');
    let t = text(&render(&mut a, 120, 35));
    let w48 = t
        .lines()
        .find(|l| l.starts_with(" W48"))
        .unwrap()
        .to_string();
    assert!(w48.contains("47,2/36,0 u"), "{w48}");
}

#[test]
fn the_status_line_at_80_columns_says_where_a_card_went() {
    let mut a = haven_met(|haven| {
        let k6 = haven.kaarten.iter_mut().find(|k| k.id == "k6").unwrap();
        k6.titel = "Advies Rijkswaterstaat over de kustversterking en de duinovergangen".into();
    });
    open(&mut a, "opgave-haven");
    key(&mut a, 'l');
    key(&mut a, 'l');
    key(&mut a, 'L');
    let t = text(&render(&mut a, 80, 24));
    let status = t.lines().last().unwrap();
    assert!(status.contains("verplaatst naar Klaar"), "{status}");
    // The undo hint goes whole or not at all: never "u = ong…".
    assert!(
        status.contains("u = ongedaan maken") || !status.contains("u ="),
        "{status}"
    );
    let t = text(&render(&mut a, 120, 24));
    assert!(
        t.lines().last().unwrap().contains("u = ongedaan maken"),
        "{t}"
    );
}

#[test]
fn a_narrow_finished_card_shows_its_deadline_of_another_year() {
    let mut a = haven_met(|haven| {
        let k7 = haven.kaarten.iter_mut().find(|k| k.id == "k7").unwrap();
        k7.deadline = Some("2025-12-14".parse().unwrap());
        k7.voortgang = 100;
    });
    open(&mut a, "opgave-haven");
    let t = text(&render(&mut a, 80, 24));
    assert!(t.contains("→ 14-12-25 100%"), "{t}");
}

#[test]
fn the_note_dialog_names_who_signs_by_name() {
    let mut a = klein();
    open(&mut a, "opgave-haven");
    key(&mut a, 'a');
    let t = text(&render(&mut a, 120, 35));
    assert!(t.contains("ondertekend door Daan Bakker"), "{t}");
}

#[test]
fn a_filter_that_matches_nothing_says_so_whole_in_a_narrow_column() {
    let mut a = klein();
    open(&mut a, "opgave-haven");
    key(&mut a, '/');
    for c in "qqqq".chars() {
        key(&mut a, c);
    }
    a.update(Action::Key(KeyEvent::from(KeyCode::Enter)));
    let t = text(&render(&mut a, 80, 24));
    let text: String = t.split_whitespace().collect::<Vec<_>>().join(" ");
    assert!(text.contains("filter)"), "{t}");
    assert!(
        t.lines()
            .filter(|l| l.contains("niets") || l.contains("filter)"))
            .all(|l| !l.contains('…')),
        "{t}"
    );
}

#[test]
fn someone_who_is_no_coco_sees_every_request_but_is_not_offered_a_decision() {
    let mut a = app_as(klein_loaded(), "esmit", vandaag());
    open(&mut a, "opgave-haven");
    key(&mut a, 'i');
    let t = text(&render(&mut a, 80, 24));
    let head: String = t.lines().take(2).collect::<Vec<_>>().join("\n");
    assert!(head.contains("de CoCo van de eenheid besluit"), "{head}");
    assert!(
        !head.contains("t toezeggen") && !head.contains("x afwijzen"),
        "{head}"
    );
    let mut a = app_as(klein_loaded(), "avries", vandaag());
    open(&mut a, "opgave-haven");
    key(&mut a, 'i');
    let t = text(&render(&mut a, 80, 24));
    assert!(t.lines().nth(1).unwrap().contains("t toezeggen"), "{t}");
}

#[test]
fn the_card_view_shows_the_description_wrapped_under_its_heading() {
    let mut a = haven_met(|haven| {
        let k1 = haven.kaarten.iter_mut().find(|k| k.id == "k1").unwrap();
        k1.omschrijving = Some(
            "Met de bewoners van de boulevard en de strandpaviljoens bespreken we het ontwerp \
             voordat het naar het college gaat.\n\nTweede alinea."
                .into(),
        );
    });
    open(&mut a, "opgave-haven");
    a.update(Action::Command(Command::Right));
    a.update(Action::Command(Command::Open));
    let t = text(&render(&mut a, 80, 40));
    let lines: Vec<&str> = t.lines().collect();
    let kop = lines
        .iter()
        .position(|l| l.contains("Omschrijving"))
        .unwrap();
    assert!(lines[kop + 1].contains("  Met de bewoners"), "{t}");
    assert!(
        lines[kop + 2].contains("  ") && lines[kop + 2].contains("college"),
        "{t}"
    );
    assert!(t.contains("Tweede alinea."), "{t}");
}

#[test]
fn the_klaar_header_counts_the_archive() {
    let mut a = haven_met(|haven| {
        for i in 0..2 {
            let mut k = planbord::domain::Kaart::new(format!("a{i}"), "lang geleden", "klaar");
            k.klaar_op = Some(planbord::domain::Datum(
                vandaag() - chrono::Duration::weeks(10),
            ));
            haven.kaarten.push(k);
        }
    });
    open(&mut a, "opgave-haven");
    let t = text(&render(&mut a, 200, 50));
    assert!(t.contains("Klaar 1 +2 archief"), "{t}");
    assert!(!t.contains("lang geleden"), "{t}");
    key(&mut a, 'A');
    let t = text(&render(&mut a, 200, 50));
    assert!(t.contains("Klaar 3 ") && t.contains("lang geleden"), "{t}");
    // The stand-up hides and counts them too.
    key(&mut a, 'A');
    key(&mut a, 's');
    let t = text(&render(&mut a, 200, 50));
    assert!(t.contains("+2") && !t.contains("lang geleden"), "{t}");
}

#[test]
fn inrichting_snapshots() {
    for (w, h) in [(80, 24), (200, 50)] {
        let mut a = klein();
        key(&mut a, 'I');
        let t = text(&render(&mut a, w, h));
        assert!(
            t.contains("Clusters (") && t.contains("Eenheden (") && t.contains("Opgaven ("),
            "{t}"
        );
        assert!(t.contains("CoCo Anna de Vries"), "{t}");
        insta::assert_snapshot!(format!("inrichting_{w}x{h}"), t);
        key(&mut a, 'n');
        let t = text(&render(&mut a, w, h));
        assert!(t.contains("Nieuwe cluster") && t.contains("Naam"), "{t}");
    }
}

#[test]
fn the_columns_dialog_at_80x24_and_200x50() {
    for (w, h) in [(80, 24), (200, 50)] {
        let mut a = klein();
        open(&mut a, "opgave-haven");
        key(&mut a, 'B');
        let t = text(&render(&mut a, w, h));
        assert!(t.contains("Kolommen van Haven en strand"), "{t}");
        assert!(
            t.contains("▶ Te doen · 2 kaarten") && t.contains("Bezig · WIP 2"),
            "{t}"
        );
        assert!(
            t.contains("Klaar · klaar-kolom") && t.contains("Esc klaar"),
            "{t}"
        );
        insta::assert_snapshot!(format!("kolommen_{w}x{h}"), t);
        // The form of a new column.
        key(&mut a, 'n');
        let t = text(&render(&mut a, w, h));
        assert!(
            t.contains("Nieuwe kolom") && t.contains("WIP-limiet"),
            "{t}"
        );
    }
}

#[test]
fn a_long_column_name_is_cut_with_an_ellipsis_and_its_count_always_shows() {
    let mut a = haven_met(|haven| {
        let k = haven.kolommen.iter_mut().find(|k| k.id == "wacht").unwrap();
        k.naam = "Ter besluitvorming door het college".into();
        k.wip = Some(3);
    });
    open(&mut a, "opgave-haven");
    for (w, h) in [(80, 24), (120, 35)] {
        let t = text(&render(&mut a, w, h));
        let top = t.lines().find(|l| l.starts_with('┌')).unwrap().to_string();
        assert!(top.contains("Ter besl") && top.contains("… 1/3"), "{top}");
    }
}

/// The opgaven fixture (klein with phases, LTA dates and their kinds) as Daan Bakker.
fn opgaven_fixture() -> App {
    load("tests/fixtures/opgaven")
}

#[test]
fn opgaven_view_sorted_by_conflicts_and_grouped_by_portefeuillehouder() {
    for (w, h) in [(80, 24), (200, 50)] {
        let mut a = opgaven_fixture();
        key(&mut a, 'o');
        // ← from the name: the next LTA date, the people over-booked, then the conflicts.
        for _ in 0..3 {
            a.update(Action::Command(Command::Left));
        }
        key(&mut a, 'g');
        let buf = render(&mut a, w, h);
        let t = text(&buf);
        insta::assert_snapshot!(format!("opgaven_{w}x{h}"), t);
        assert!(t.contains("Confl. h/m/l: meeste eerst"), "{t}");
        assert!(t.contains("wethouder Ruimte (2 opgaven)"), "{t}");
        assert!(t.contains("wethouder Groen (1 opgave)"), "{t}");
        // Every figure the OO asks first is whole at 80 columns.
        let haven = t.lines().find(|l| l.contains("Haven en strand")).unwrap();
        for want in ["Resultaat", "3", "0/2/1", "■ 01-12"] {
            assert!(haven.contains(want), "{want}: {haven}");
        }
        // The conflict count with a high one carries the conflict colour.
        let conflict = Theme::named(None, false).conflict.fg.unwrap();
        let y = (0..buf.area.height)
            .find(|&y| text_row(&buf, y).contains("Park en landgoed"))
            .unwrap();
        let x = find_cell(&buf, y, "1/0/0").unwrap();
        assert_eq!(buf[(x, y)].fg, conflict, "{}", text_row(&buf, y));
    }
}

#[test]
fn tijdlijn_shows_lta_dates_deadlines_and_today_with_their_styles() {
    let theme = Theme::named(None, false);
    for (w, h) in [(80, 24), (200, 50)] {
        let mut a = opgaven_fixture();
        key(&mut a, 'T');
        let buf = render(&mut a, w, h);
        let t = text(&buf);
        insta::assert_snapshot!(format!("tijdlijn_{w}x{h}"), t);
        assert!(t.contains("Tijdlijn · per maand"), "{t}");
        // Every month on the axis, the year above where it turns.
        assert!(t.contains("nov dec jan feb mrt"), "{t}");
        assert!(t.contains("2026    2027"), "{t}");
        // Haven's council date 01-12 (■) and college date 15-12 (◆) are on Haven's row.
        let haven = (0..buf.area.height)
            .find(|&y| text_row(&buf, y).contains("Haven en strand"))
            .unwrap();
        let raad: Vec<_> = cells(&buf, "■").filter(|(_, y, _)| *y == haven).collect();
        let college: Vec<_> = cells(&buf, "◆").filter(|(_, y, _)| *y == haven).collect();
        assert_eq!(raad.len(), 1, "{}", text_row(&buf, haven));
        assert_eq!(college.len(), 1, "{}", text_row(&buf, haven));
        assert_eq!(
            raad[0].2.fg,
            theme.accent.fg.unwrap(),
            "raad in the accent colour"
        );
        assert!(raad[0].2.modifier.contains(ratatui::style::Modifier::BOLD));
        assert_eq!(college[0].2.fg, theme.title.fg.unwrap());
        assert!(raad[0].0 < college[0].0, "01-12 before 15-12");
        // Today's line crosses every opgave's row in one column, in the accent colour.
        let today: Vec<_> = cells(&buf, "│")
            .filter(|(_, y, _)| *y > 2 && *y < h - 3)
            .collect();
        assert!(!today.is_empty());
        assert!(
            today
                .iter()
                .all(|(x, _, c)| *x == today[0].0 && c.fg == theme.accent.fg.unwrap())
        );
        assert!(today[0].0 < raad[0].0, "today (23-11) before 01-12");
        // A deadline passed (Haven's 20-11) is a conflict, one to come a warning.
        let deadlines: Vec<_> = cells(&buf, "●").filter(|(_, y, _)| *y == haven).collect();
        assert!(
            deadlines
                .iter()
                .any(|(_, _, c)| c.fg == theme.conflict.fg.unwrap())
        );
        assert!(
            deadlines
                .iter()
                .any(|(_, _, c)| c.fg == theme.warning.fg.unwrap())
        );
        // r finds the next council date and selects it; the line below names it.
        key(&mut a, 'r');
        let buf = render(&mut a, w, h);
        let t = text(&buf);
        assert!(
            t.contains("01-12-2026 LTA raad · Begroting 2027 indienen"),
            "{t}"
        );
        let sel: Vec<_> = cells(&buf, "■")
            .filter(|(_, y, c)| *y == haven && c.bg == theme.selected.bg.unwrap())
            .collect();
        assert_eq!(sel.len(), 1, "the selected marker is drawn selected");
    }
}

#[test]
fn wat_is_er_veranderd_snapshot() {
    use planbord::domain::Moment;
    use planbord::domain::historie::{Gebeurtenis, Wat};
    use planbord::storage::historie::Gelezen;
    let t = |h, m| Moment(vandaag().and_hms_opt(h, m, 0).unwrap());
    let kaart = |tijd, wie: &str, id: &str, titel: &str, wat| Gebeurtenis {
        tijd,
        wie: wie.into(),
        kaart: Some(id.into()),
        titel: Some(titel.into()),
        wat,
    };
    let entries = vec![
        kaart(
            t(8, 30),
            "dbakker",
            "k4",
            "Bewonersavond voorbereiden",
            Wat::Nieuw,
        ),
        Gebeurtenis::standup(vandaag().and_hms_opt(9, 0, 0).unwrap(), "dbakker"),
        kaart(
            t(9, 12),
            "dbakker",
            "k4",
            "Bewonersavond voorbereiden",
            Wat::Verplaatst {
                van: "todo".into(),
                naar: "bezig".into(),
            },
        ),
        kaart(
            t(9, 20),
            "esmit",
            "k2",
            "Vergunning strandpaviljoen",
            Wat::Veld {
                veld: "deadline".into(),
                oud: "2026-12-12".into(),
                nieuw: "2026-12-19".into(),
            },
        ),
        kaart(
            t(9, 41),
            "fmulder",
            "k1",
            "Ontwerp boulevard bespreken",
            Wat::Notitie {
                tekst: "Exploitanten willen eerst de planning zien.".into(),
            },
        ),
        Gebeurtenis {
            tijd: t(9, 50),
            wie: "bdekker".into(),
            kaart: None,
            titel: None,
            wat: Wat::InzetBesloten {
                persoon: "fmulder".into(),
                status: planbord::domain::InzetStatus::Toegezegd,
            },
        },
    ];
    let mut a = klein();
    open(&mut a, "opgave-haven");
    key(&mut a, 'w');
    let laden = text(&render(&mut a, 80, 24));
    assert!(laden.contains("De historie wordt gelezen"), "{laden}");
    a.update(Action::Historie {
        bestand: "opgave-haven.ron".into(),
        gelezen: Box::new(Gelezen {
            entries,
            overgeslagen: Vec::new(),
        }),
    });
    let t = text(&render(&mut a, 80, 24));
    assert!(t.contains("Sinds de stand-up van 23-11-2026 09:00"), "{t}");
    assert!(
        !t.contains("aangemaakt"),
        "what came before the stand-up is not listed: {t}"
    );
    assert!(t.contains("van Te doen naar Bezig"), "{t}");
    // At 80 columns the card's title gives way, never the change itself.
    assert!(t.contains("deadline 12-12 → 19-12"), "{t}");
    insta::assert_snapshot!("veranderd_80x24", t);
}

/// The agenda's fixture (tests/fixtures/agenda: requests, one left for the PMO-overleg and
/// decisions around the 7 days before Monday 2026-11-30) as Daan Bakker.
#[test]
fn weekagenda_from_the_overview_scrolls_and_steps_through_the_weeks() {
    let theme = Theme::named(None, false);
    let mut a = load("tests/fixtures/agenda");
    key(&mut a, 'W');
    assert_eq!(a.view, planbord::app::View::Agenda);
    let t = text(&render(&mut a, 80, 24));
    assert!(t.contains("week 48 (23-11-2026 t/m 29-11-2026)"), "{t}");
    // → the agenda of week 49, whose past 7 days hold two decisions.
    a.update(Action::Command(Command::Right));
    let buf = render(&mut a, 80, 24);
    let t = text(&buf);
    insta::assert_snapshot!("weekagenda_80x24", t);
    assert!(
        t.contains(" Agenda PMO-overleg en OO, week 49 (30-11-2026 t/m 06-12-2026)"),
        "{t}"
    );
    assert!(t.contains("1. Open verzoeken om capaciteit (1)"), "{t}");
    // The section headings are bold; the lead of a point too.
    let y = (0..buf.area.height)
        .find(|&y| text_row(&buf, y).contains("1. Open verzoeken"))
        .unwrap();
    let x = find_cell(&buf, y, "1. Open").unwrap();
    assert!(
        buf[(x, y)]
            .modifier
            .contains(ratatui::style::Modifier::BOLD)
    );
    assert_eq!(buf[(x, y)].fg, theme.title.fg.unwrap());
    // Scrolled to the end: the LTA dates, whole, and the line that says it is the end.
    for _ in 0..5 {
        a.update(Action::Command(Command::PageDown));
    }
    let t = text(&render(&mut a, 80, 24));
    insta::assert_snapshot!("weekagenda_80x24_einde", t);
    assert!(t.contains("6. LTA de komende 4 weken (2)"), "{t}");
    assert!(t.contains("Datum: 15-12-2026") || t.contains("15-12-2026 · LTA van: college"));
    assert!(t.contains("▲ regel"), "{t}");
    // Up from the end moves at once (the scroll never runs past the end).
    a.update(Action::Command(Command::Up));
    let t2 = text(&render(&mut a, 80, 24));
    assert_ne!(t, t2);
    // t: this week again; Esc: the overview.
    key(&mut a, 't');
    assert_eq!(a.views.agenda.week.unwrap().to_string(), "2026-W48");
    a.update(Action::Key(KeyEvent::new(KeyCode::Esc, KeyModifiers::NONE)));
    assert_eq!(a.view, planbord::app::View::Overzicht);
}
