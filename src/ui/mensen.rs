//! Mensen: the CoCo's own people with their hours, working days and absences. Absences are
//! personal: they show here, to a CoCo of the person's unit, and nowhere else; without a
//! `gebruiker` this view lists no one and says how to set one. An absence shows its kind from
//! the fixed list; reasons are not kept at all.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Borders, Paragraph, Wrap};
use unicode_width::UnicodeWidthStr;

use super::Theme;
use super::widgets::ellipsis;
use crate::app::App;
use crate::domain::{Dag, Organisatie, Persoon};
use crate::wording;
fn dagen(d: &[Dag]) -> String {
    [
        (Dag::Ma, "ma"),
        (Dag::Di, "di"),
        (Dag::Wo, "wo"),
        (Dag::Do, "do"),
        (Dag::Vr, "vr"),
        (Dag::Za, "za"),
        (Dag::Zo, "zo"),
    ]
    .iter()
    .map(|(x, n)| if d.contains(x) { *n } else { "··" })
    .collect::<Vec<_>>()
    .join(" ")
}

/// The cells a row takes besides the name, unit and absence columns: the marker, the gaps,
/// the hours (`36,0 u`) and the seven days.
const VAST: usize = 2 + 1 + 1 + 7 + 2 + 20 + 2;
/// The widest a name or unit column gets.
const KOLOM_MAX: usize = 28;
/// Room kept for the next absence in the list: `afwezig vanaf 07-12-2026`.
const AFWEZIG_BREED: usize = 24;
/// The narrowest unit column worth showing; below this the unit shows in the detail title only.
const EENHEID_MIN: usize = 8;

/// The people view: the header, the CoCo's people and the selected person's details; or,
/// when no one can be listed, why not.
pub fn draw(frame: &mut Frame, area: Rect, app: &App, theme: &Theme) {
    let Some(org) = &app.session.werkmap.organisatie else {
        frame.render_widget(
            Paragraph::new(Span::styled(
                app.session.capaciteit_uit.clone().unwrap_or_default(),
                theme.conflict,
            )),
            area,
        );
        return;
    };
    let w = usize::from(area.width);
    let Some(g) = app.session.gebruiker() else {
        // No one is listed: absences are only for a CoCo of the person's unit.
        super::widgets::header(
            frame,
            area,
            wording::mensen_titel_zonder_gebruiker(),
            wording::mensen_toetsen_leeg(),
            theme,
        );
        let uitleg = wording::mensen_zonder_gebruiker(
            app.session.config.gebruiker.as_deref(),
            app.session.config.bestand.as_deref(),
        );
        draw_uitleg(frame, area, uitleg, theme);
        return;
    };
    let rows = app.mensen_rows();
    let naam = app.session.person_name(g);
    let title = format!(" Mensen · {}", wording::eenheden_van(&naam));
    if rows.is_empty() {
        super::widgets::header(frame, area, title, wording::mensen_toetsen_leeg(), theme);
        draw_uitleg(frame, area, wording::mensen_geen_coco(&naam), theme);
        return;
    }
    super::widgets::header(frame, area, title, wording::mensen_toetsen(w), theme);
    let detail_h = 8.min(area.height.saturating_sub(4));
    let list = Rect {
        y: area.y + 2,
        height: area.height.saturating_sub(2 + detail_h),
        ..area
    };
    draw_list(frame, list, app, org, &rows, theme);
    if let Some(m) = app.selected_persoon() {
        let area = Rect {
            y: list.y + list.height,
            height: detail_h,
            ..area
        };
        draw_detail(frame, area, app, org, m, theme);
    }
}

/// The people in `rows` (indices into `org.mensen`), one line each with unit, hours, working
/// days and their next absence, scrolled so the selected one shows.
fn draw_list(
    frame: &mut Frame,
    list: Rect,
    app: &App,
    org: &Organisatie,
    rows: &[usize],
    theme: &Theme,
) {
    let w = usize::from(list.width);
    let h = usize::from(list.height);
    let first = super::widgets::first_visible(app.views.mensen.row, h);
    let next = |p: usize| {
        org.mensen[p]
            .afwezig
            .iter()
            .find(|a| a.tot.0 >= app.session.vandaag)
    };
    let longest = |f: &dyn Fn(usize) -> usize| rows.iter().map(|&p| f(p)).max().unwrap_or(0);
    let eenheid_naam = |p: usize| {
        org.eenheid(&org.mensen[p].eenheid)
            .map_or("", |e| e.naam.as_str())
    };
    let afwezig_w = if rows.iter().any(|&p| next(p).is_some()) {
        AFWEZIG_BREED
    } else {
        0
    };
    let (nw, uw) = kolommen(
        w,
        longest(&|p| org.mensen[p].naam.width()),
        longest(&|p| eenheid_naam(p).width()),
        afwezig_w,
    );
    let mut lines = Vec::new();
    for (i, &p) in rows.iter().enumerate().skip(first).take(h) {
        let m = &org.mensen[p];
        let selected = i == app.views.mensen.row;
        let eenheid = if uw == 0 {
            String::new()
        } else {
            format!("{:<uw$} ", ellipsis(eenheid_naam(p), uw))
        };
        let main = format!(
            "{:<nw$} {eenheid}{:>5} u  {}  ",
            ellipsis(&m.naam, nw),
            wording::getal(m.uren),
            dagen(&m.werkdagen)
        );
        let used = main.width() + 2;
        let afwezig = next(p)
            .map(|a| wording::afwezig_kort(app.session.vandaag, a, w.saturating_sub(used)))
            .unwrap_or_default();
        lines.push(Line::from(vec![
            Span::styled(if selected { "▶ " } else { "  " }, theme.accent),
            Span::styled(main, if selected { theme.selected } else { theme.text }),
            Span::styled(afwezig, theme.warning),
        ]));
    }
    frame.render_widget(Paragraph::new(lines), list);
}

/// The widths of the name and unit columns in `w` cells: both [`KOLOM_MAX`] where that fits
/// beside the absences (`afwezig` cells), else as wide as their longest entry (`naam`,
/// `eenheid`), the unit giving way first (and left out below [`EENHEID_MIN`]: the detail
/// names it), the name last. Hours and days always show whole.
fn kolommen(w: usize, naam: usize, eenheid: usize, afwezig: usize) -> (usize, usize) {
    if VAST + 2 * KOLOM_MAX + afwezig <= w {
        return (KOLOM_MAX, KOLOM_MAX);
    }
    let nw = naam.min(KOLOM_MAX);
    let uw = eenheid
        .min(KOLOM_MAX)
        .min(w.saturating_sub(VAST + nw + afwezig));
    let uw = if uw < EENHEID_MIN { 0 } else { uw };
    (nw.min(w.saturating_sub(VAST + uw)), uw)
}

/// The selected person: their unit, hours, days and every absence with its kind.
fn draw_detail(
    frame: &mut Frame,
    area: Rect,
    app: &App,
    org: &Organisatie,
    m: &Persoon,
    theme: &Theme,
) {
    let eenheid = org.eenheid(&m.eenheid).map_or("", |e| e.naam.as_str());
    let titel = format!(" {} · {eenheid} ", m.naam);
    let block = Block::default()
        .borders(Borders::TOP)
        .border_style(theme.border)
        .title(Span::styled(
            ellipsis(&titel, usize::from(area.width).saturating_sub(2)),
            theme.title,
        ));
    let mut lines = vec![Line::from(Span::styled(
        format!(
            " {} u per week · {} · regulier aandeel {}",
            wording::getal(m.uren),
            dagen(&m.werkdagen),
            m.regulier_aandeel
                .map_or_else(|| "van de eenheid".to_string(), wording::procent)
        ),
        theme.text,
    ))];
    if m.afwezig.is_empty() {
        lines.push(Line::from(Span::styled(" Geen afwezigheid.", theme.dim)));
    }
    for a in &m.afwezig {
        let past = a.tot.0 < app.session.vandaag;
        lines.push(Line::from(Span::styled(
            format!(" {}", wording::afwezigheid(a)),
            if past { theme.dim } else { theme.text },
        )));
    }
    frame.render_widget(Paragraph::new(lines).block(block), area);
}

/// Why the view lists no one, below the header, wrapped at word boundaries one cell in from
/// either side.
fn draw_uitleg(frame: &mut Frame, area: Rect, uitleg: Vec<String>, theme: &Theme) {
    let body = Rect {
        x: area.x + 1.min(area.width),
        y: area.y + 3.min(area.height),
        width: area.width.saturating_sub(2),
        height: area.height.saturating_sub(3),
    };
    let lines: Vec<Line> = uitleg
        .into_iter()
        .map(|l| Line::from(Span::styled(l, theme.text)))
        .collect();
    frame.render_widget(Paragraph::new(lines).wrap(Wrap { trim: false }), body);
}
