//! Inzet: a board's team with its claims, or the CoCo's inbox of open requests, and the
//! selected person's load week by week with and without the claim.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Borders, Paragraph};

use super::Theme;
use super::capaciteit::cell;
use super::widgets::ellipsis;
use crate::app::App;
use crate::app::capaciteit::Maat;
use crate::app::inzet::{InzetDetail, Scope};
use crate::capacity::meer_dan;
use crate::domain::{Bord, Inzet, InzetSoort, InzetStatus};
use crate::wording;
/// The symbol of an inzet status, so it reads without colour.
pub fn status_symbol(s: InzetStatus) -> &'static str {
    match s {
        InzetStatus::Gevraagd => "?",
        InzetStatus::Toegezegd => "✓",
        InzetStatus::Afgewezen => "✗",
    }
}

/// The inzet view: the header, the list of claims, and the figures of the selected one below.
pub fn draw(frame: &mut Frame, area: Rect, app: &App, theme: &Theme) {
    // Someone who is no CoCo sees every open request but decides none: no t/x offered.
    let kijker = app.session.gebruiker().is_some() && app.session.coco().is_none();
    let toetsen = match (&app.views.inzet.scope, kijker) {
        (Scope::Bord(_), false) => wording::inzet_toetsen(),
        (Scope::Bord(_), true) => wording::inzet_toetsen_geen_coco(),
        (Scope::Inbox, false) => wording::inbox_toetsen(),
        (Scope::Inbox, true) => wording::inbox_toetsen_geen_coco(),
    };
    super::widgets::header(frame, area, title(app), toetsen, theme);
    // Who asked and who decided, in full (the list cuts them on a narrow screen).
    let herkomst = app
        .selected_inzet()
        .and_then(|r| r.inzet(&app.session.werkmap).cloned())
        .map(|z| herkomst(app, &z, usize::from(area.width), theme))
        .unwrap_or_default();
    let detail_h = if app.views.inzet.detail.is_some() {
        (7 + herkomst.len() as u16).min(area.height.saturating_sub(4))
    } else {
        0
    };
    let list = Rect {
        y: area.y + 2,
        height: area.height.saturating_sub(2 + detail_h),
        ..area
    };
    draw_list(frame, list, app, theme);
    if let Some(d) = &app.views.inzet.detail {
        let area = Rect {
            y: list.y + list.height,
            height: detail_h,
            ..area
        };
        let upf = app
            .session
            .werkmap
            .organisatie
            .as_ref()
            .map_or(36.0, |o| o.uren_per_fte);
        draw_detail(frame, area, d, upf, herkomst, theme);
    }
}

/// The view's title: the board whose team this is, or whose units the inbox covers.
fn title(app: &App) -> String {
    match &app.views.inzet.scope {
        Scope::Bord(id) => format!(
            " Team en inzet · {}",
            app.session
                .werkmap
                .bord(id)
                .map_or(id.as_str(), |b| b.titel.as_str())
        ),
        Scope::Inbox => format!(
            " Open verzoeken om capaciteit · {}",
            match (app.session.gebruiker(), app.session.coco()) {
                (None, _) => wording::alle_eenheden().to_string(),
                (Some(_), Some(c)) => wording::eenheden_van(&app.session.person_name(c)),
                (Some(_), None) => wording::alle_eenheden_alleen_kijken().to_string(),
            }
        ),
    }
}

/// The claims in view, one line each, scrolled so the selected one shows; or why there are none.
fn draw_list(frame: &mut Frame, list: Rect, app: &App, theme: &Theme) {
    let rows = app.inzet_rows();
    let w = usize::from(list.width);
    let mut lines = Vec::new();
    let h = usize::from(list.height);
    let first = super::widgets::first_visible(app.views.inzet.row, h);
    // One width for the person column, so the figures line up.
    let widest = rows
        .iter()
        .filter_map(|r| r.find(&app.session.werkmap))
        .map(|(_, z)| persoon_tekst(app, z).chars().count())
        .max()
        .unwrap_or(0);
    for (i, r) in rows.iter().enumerate().skip(first).take(h) {
        let Some((bord, z)) = r.find(&app.session.werkmap) else {
            continue;
        };
        let selected = i == app.views.inzet.row;
        lines.push(claim_line(app, bord, z, selected, (w, widest), theme));
    }
    if rows.is_empty() {
        lines.push(Line::from(Span::styled(
            super::woorden::geen_inzet_hier(&app.views.inzet.scope),
            theme.dim,
        )));
    }
    frame.render_widget(Paragraph::new(lines), list);
}

/// One claim in `w` cells: its status, the person with their unit, hours and weeks, then (dim,
/// cut to fit) whether it is regular work, its board in the inbox, and who decided it.
fn claim_line(
    app: &App,
    bord: &Bord,
    z: &Inzet,
    selected: bool,
    (w, widest): (usize, usize),
    theme: &Theme,
) -> Line<'static> {
    let status_style = match z.status {
        InzetStatus::Gevraagd => theme.warning,
        InzetStatus::Toegezegd => theme.good,
        InzetStatus::Afgewezen => theme.dim,
    };
    let besluit = z.besluit.as_ref().map(|b| {
        format!(
            " · {} {}{}",
            app.session.person_name(&b.wie),
            b.wanneer.0.format("%d-%m"),
            b.toelichting
                .as_ref()
                .map(|t| format!(": {t}"))
                .unwrap_or_default()
        )
    });
    let waar = if matches!(app.views.inzet.scope, Scope::Inbox) {
        format!(" · {}", bord.titel)
    } else {
        String::new()
    };
    // Fixed columns are never cut: status, hours and weeks; the person and the rest give way
    // (with …), the person last.
    const VAST: usize = 2 + 12 + 1 + 12 + 2 + 21;
    let ruimte = w.saturating_sub(VAST + 1);
    let name_w = widest.min(ruimte.saturating_sub(12).max(16)).min(40);
    // Too narrow for "Naam (Eenheid)": the name alone, whole if it can be.
    let persoon = persoon_tekst(app, z);
    let naam = app.session.person_name(&z.persoon);
    let persoon = if persoon.chars().count() <= name_w {
        persoon
    } else {
        naam
    };
    let main = format!(
        "{:<name_w$} {:>5} u/week  {}",
        ellipsis(&persoon, name_w),
        wording::getal(z.uren_per_week),
        wording::weken_iso(z.van, z.tot)
    );
    let rest = format!(
        "{}{waar}{}",
        if z.soort == InzetSoort::Regulier {
            " · regulier"
        } else {
            ""
        },
        besluit.unwrap_or_default()
    );
    // The marker (2), the status (its symbol, a space, 10 and a space) and the main part.
    let used = 2 + 13 + unicode_width::UnicodeWidthStr::width(main.as_str());
    Line::from(vec![
        Span::styled(if selected { "▶ " } else { "  " }, theme.accent),
        Span::styled(
            format!(
                "{} {:<10} ",
                status_symbol(z.status),
                wording::inzet_status(z.status)
            ),
            status_style,
        ),
        Span::styled(main, if selected { theme.selected } else { theme.text }),
        Span::styled(ellipsis(&rest, w.saturating_sub(used)), theme.dim),
    ])
}

/// Who asked for a claim (when, why) and who decided (when, why), each wrapped under its
/// label in `w` cells.
fn herkomst(app: &App, z: &Inzet, w: usize, theme: &Theme) -> Vec<Line<'static>> {
    let mut out = Vec::new();
    let mut add = |text: String| {
        let opts = textwrap::Options::new(w.max(20)).subsequent_indent("    ");
        for l in textwrap::wrap(&text, opts) {
            out.push(Line::from(Span::styled(l.into_owned(), theme.text)));
        }
    };
    if let Some(v) = &z.verzoek {
        add(wording::gevraagd_door(
            &app.session.person_name(&v.wie),
            v.wanneer,
            v.toelichting.as_deref(),
        ));
    }
    if let Some(b) = &z.besluit {
        add(wording::besloten_door(
            &app.session.person_name(&b.wie),
            b.wanneer,
            b.toelichting.as_deref(),
        ));
    }
    out
}

/// The person of a claim with their unit: `Daan Bakker (Wijken)`.
fn persoon_tekst(app: &App, z: &Inzet) -> String {
    let org = app.session.werkmap.organisatie.as_ref();
    let eenheid = org
        .and_then(|o| o.persoon(&z.persoon))
        .and_then(|p| org.and_then(|o| o.eenheid(&p.eenheid)))
        .map_or("", |e| e.naam.as_str());
    let naam = app.session.person_name(&z.persoon);
    if eenheid.is_empty() {
        naam
    } else {
        format!("{naam} ({eenheid})")
    }
}

/// The selected claim's figures: a table of weeks with the person's and the unit's load, each
/// with and without the claim (`upf`: hours per FTE, for the cells).
fn draw_detail(
    frame: &mut Frame,
    area: Rect,
    d: &InzetDetail,
    upf: f64,
    herkomst: Vec<Line<'static>>,
    theme: &Theme,
) {
    let block = Block::default()
        .borders(Borders::TOP)
        .border_style(theme.border)
        .title(Span::styled(
            wording::inzet_detail_titel(&d.naam, &d.eenheid),
            theme.title,
        ));
    let inner = block.inner(area);
    frame.render_widget(block, area);
    let label_w = 26;
    let cell_w = 8;
    let n = (usize::from(inner.width).saturating_sub(label_w) / cell_w).min(d.weeks.len());
    let mut lines = herkomst;
    lines.push(Line::from(
        std::iter::once(Span::styled(format!("{:<label_w$}", ""), theme.dim))
            .chain(d.weeks.iter().take(n).map(|w| {
                Span::styled(
                    format!("{:>cell_w$}", format!("W{:02}", w.number())),
                    theme.dim,
                )
            }))
            .collect::<Vec<_>>(),
    ));
    for (label, loads) in [
        (wording::persoon_met(), &d.met),
        (wording::persoon_zonder(), &d.zonder),
        (wording::eenheid_met(), &d.eenheid_met),
        (wording::eenheid_zonder(), &d.eenheid_zonder),
    ] {
        let mut spans = vec![Span::styled(format!("{label:<label_w$}"), theme.text)];
        for l in loads.iter().take(n) {
            let over = meer_dan(l.gepland(), l.beschikbaar);
            spans.push(Span::styled(
                format!("{:>cell_w$}", cell(l, Maat::Procent, upf)),
                theme.load(l.belasting(), over),
            ));
        }
        lines.push(Line::from(spans));
    }
    frame.render_widget(Paragraph::new(lines), inner);
}
