//! Capaciteit: the heat map of units × weeks with cluster totals, a unit's people, and one
//! person's weeks as stacked bars with the inzet behind them.

use ratatui::Frame;
use ratatui::layout::{Alignment, Constraint, Rect};
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Borders, Cell, Paragraph, Row, Table, TableState};

use super::Theme;
use super::theme::CONFLICT;
use super::widgets::ellipsis;
use crate::app::App;
use crate::app::capaciteit::{ClaimRow, Maat, Niveau, PersonDetail, RowKind};
use crate::capacity::{WeekLoad, meer_dan};
use crate::domain::Week;
use crate::wording;
/// The characters of the opgave segments of a bar, in order; regular work is `█`.
const SEGMENTS: [&str; 5] = ["▓", "▒", "░", "▚", "▞"];

pub fn draw(frame: &mut Frame, area: Rect, app: &App, theme: &Theme) {
    let cap = &app.views.capaciteit;
    let org = app.session.werkmap.organisatie.as_ref();
    let crumbs: Vec<String> = cap
        .trail
        .iter()
        .map(|(n, _)| n)
        .chain(std::iter::once(&cap.niveau))
        .map(|n| match n {
            Niveau::Eenheden => "Eenheden".to_string(),
            Niveau::Mensen(u) => org
                .and_then(|o| o.eenheid(u))
                .map_or(String::new(), |e| e.naam.clone()),
            Niveau::Persoon(p) => org
                .and_then(|o| o.persoon(p))
                .map_or(String::new(), |m| m.naam.clone()),
            Niveau::Opgave(id) => org
                .and_then(|o| o.opgaven.iter().find(|x| &x.id == id))
                .map_or(String::new(), |x| {
                    crate::wording::mensen_van_opgave(&x.naam)
                }),
        })
        .collect();
    let header = vec![
        Line::from(vec![
            Span::styled(" Capaciteit ", theme.accent),
            Span::styled(format!("· {} ", crumbs.join(" › ")), theme.title),
        ]),
        Line::from(Span::styled(
            {
                // Leaving out requested inzet changes every figure: then that comes first.
                let (weken, maat, gevraagd) = (
                    weeks_label(app, area.width),
                    super::woorden::maat_label(cap.maat),
                    wording::gevraagd_label(cap.met_gevraagd),
                );
                let line = if cap.met_gevraagd {
                    format!(" {weken} · {maat} · {gevraagd}")
                } else {
                    format!(" {gevraagd} · {weken} · {maat}")
                };
                super::widgets::whole_items(&line, usize::from(area.width))
            },
            theme.dim,
        )),
    ];
    frame.render_widget(
        Paragraph::new(header),
        Rect {
            height: 2.min(area.height),
            ..area
        },
    );
    let body = Rect {
        y: area.y + 2,
        height: area.height.saturating_sub(2),
        ..area
    };
    if let Some(why) = &app.session.capaciteit_uit {
        frame.render_widget(
            Paragraph::new(Span::styled(format!(" {why}"), theme.conflict)),
            body,
        );
        return;
    }
    match &cap.person {
        Some(d) => draw_person(frame, body, app, d, theme),
        None => draw_heat(frame, body, app, theme),
    }
}

/// The heat map's columns in `width` cells: the name column, a week's cell, and how many
/// weeks fit.
fn heat_columns(app: &App, width: u16) -> (usize, usize, usize) {
    let cap = &app.views.capaciteit;
    let cell_w = match cap.maat {
        Maat::Procent => 8,
        Maat::Uren => 12,
        Maat::Fte => 13,
    };
    let width = usize::from(width);
    let name_w = 34.min(width / 3).max(8);
    let shown = (width.saturating_sub(name_w + 3) / cell_w).min(cap.weeks.len());
    (name_w, cell_w, shown)
}

/// The weeks the heat map shows (those that fit in `width`), with how to see more.
fn weeks_label(app: &App, width: u16) -> String {
    let weeks = &app.views.capaciteit.weeks;
    let shown = if app.views.capaciteit.person.is_some() {
        weeks.len()
    } else {
        heat_columns(app, width).2.max(1).min(weeks.len())
    };
    match (weeks.first(), weeks.get(shown.saturating_sub(1))) {
        (Some(&a), Some(&b)) => wording::weken_iso(a, b),
        _ => String::new(),
    }
}

/// A cell's text in the chosen measure, with the conflict symbol when over.
pub fn cell(l: &WeekLoad, maat: Maat, uren_per_fte: f64) -> String {
    let over = meer_dan(l.gepland(), l.beschikbaar);
    let mark = if over { CONFLICT } else { " " };
    match maat {
        Maat::Procent => match l.belasting() {
            Some(b) => format!("{}{mark}", wording::procent(b)),
            None if over => format!("afw{mark}"),
            None => "– ".into(),
        },
        Maat::Uren => format!("{:.0}/{:.0}{mark}", l.gepland(), l.beschikbaar),
        Maat::Fte => format!(
            "{}/{}{mark}",
            wording::getal(l.gepland() / uren_per_fte),
            wording::getal(l.beschikbaar / uren_per_fte)
        ),
    }
}

fn draw_heat(frame: &mut Frame, area: Rect, app: &App, theme: &Theme) {
    let cap = &app.views.capaciteit;
    let upf = app
        .session
        .werkmap
        .organisatie
        .as_ref()
        .map_or(36.0, |o| o.uren_per_fte);
    let (name_w, cell_w, shown) = heat_columns(app, area.width);
    // A table: the marker, the names (cut with "…"), a column per week that fits; a value is
    // never cut, because a week's column is wider than any cell.
    let right = |text: String, style: Style| {
        Cell::from(Line::from(text).alignment(Alignment::Right)).style(style)
    };
    let header = Row::new(
        [Cell::from(""), Cell::from("")].into_iter().chain(
            cap.weeks
                .iter()
                .take(shown)
                .map(|w| right(format!("W{:02}", w.number()), theme.dim)),
        ),
    );
    let rows = cap.rows.iter().enumerate().map(|(i, row)| {
        let selected = i == cap.row;
        let (indent, style) = match row.kind {
            RowKind::Cluster => ("", theme.accent),
            _ => ("  ", theme.text),
        };
        let naam = ellipsis(&format!("{indent}{}", row.naam), name_w);
        let cells = row.cells.iter().enumerate().take(shown).map(|(w, l)| {
            right(
                cell(l, cap.maat, upf),
                theme.load(l.belasting(), row.over(w)),
            )
        });
        Row::new(
            [
                Cell::from(if selected { "▶" } else { " " }).style(theme.accent),
                Cell::from(naam).style(if selected { theme.selected } else { style }),
            ]
            .into_iter()
            .chain(cells),
        )
    });
    let widths = [Constraint::Length(1), Constraint::Length(name_w as u16 + 1)]
        .into_iter()
        .chain(std::iter::repeat_n(
            Constraint::Length(cell_w as u16),
            shown,
        ));
    let h = usize::from(area.height).saturating_sub(3);
    let mut state = TableState::default()
        .with_offset(super::widgets::first_visible(cap.row, h))
        .with_selected(Some(cap.row));
    let table_h = (cap.rows.len().min(h) + 1) as u16;
    frame.render_stateful_widget(
        Table::new(rows, widths).header(header).column_spacing(0),
        Rect {
            height: table_h.min(area.height),
            ..area
        },
        &mut state,
    );
    let mut lines = Vec::new();
    if cap.rows.is_empty() {
        lines.push(Line::from(Span::styled(wording::geen_mensen(), theme.dim)));
    }
    lines.push(Line::default());
    lines.push(Line::from(Span::styled(
        super::widgets::whole_items(wording::capaciteit_voet(), usize::from(area.width)),
        theme.dim,
    )));
    frame.render_widget(
        Paragraph::new(lines),
        Rect {
            y: area.y + table_h,
            height: area.height.saturating_sub(table_h),
            ..area
        },
    );
}

/// The scale and the patterns every week's bar of one person shares.
struct Bars {
    /// The cells a bar may take.
    width: usize,
    /// Cells per hour, so the busiest week fills the width.
    per: f64,
    /// The opgaven (bron) in order of first appearance; each gets its own pattern.
    bronnen: Vec<String>,
}

impl Bars {
    fn new(d: &PersonDetail, area_width: usize) -> Bars {
        let width = area_width.saturating_sub(60).clamp(10, 48);
        let max = d
            .loads
            .iter()
            .map(|l| l.gepland().max(l.beschikbaar))
            .fold(1.0, f64::max);
        let mut bronnen: Vec<String> = Vec::new();
        for parts in &d.parts {
            for (b, _) in parts {
                if !bronnen.contains(b) {
                    bronnen.push(b.clone());
                }
            }
        }
        Bars {
            width,
            per: width as f64 / max,
            bronnen,
        }
    }

    /// The pattern of opgave `b`.
    fn seg(&self, b: &str) -> &'static str {
        SEGMENTS[self.bronnen.iter().position(|x| x == b).unwrap_or(0) % SEGMENTS.len()]
    }
}

/// One person's capacity: a heading with the legend, a stacked bar per week, and the inzet
/// behind the figures, selectable.
fn draw_person(frame: &mut Frame, area: Rect, app: &App, d: &PersonDetail, theme: &Theme) {
    let cap = &app.views.capaciteit;
    let width = usize::from(area.width);
    let bars = Bars::new(d, width);
    let mut lines = legend(d, &bars, theme);
    let weeks_room = usize::from(area.height).saturating_sub(6 + d.claims.len().min(8));
    for ((w, l), parts) in cap
        .weeks
        .iter()
        .zip(&d.loads)
        .zip(&d.parts)
        .take(weeks_room.max(1))
    {
        let upf = app
            .session
            .werkmap
            .organisatie
            .as_ref()
            .map_or(36.0, |o| o.uren_per_fte);
        lines.push(week_line(w, l, parts, &bars, (width, cap.maat, upf), theme));
    }
    lines.push(Line::default());
    lines.push(Line::from(Span::styled(
        wording::inzet_achter_cijfers(),
        theme.accent,
    )));
    for (i, c) in d.claims.iter().enumerate() {
        lines.push(claim_line(c, i == cap.row, width, theme));
    }
    if d.claims.is_empty() {
        lines.push(Line::from(Span::styled(wording::geen_inzet(), theme.dim)));
    }
    frame.render_widget(
        Paragraph::new(lines).block(Block::default().borders(Borders::NONE)),
        area,
    );
}

/// The two heading lines: the person with their unit, then what each pattern and mark in the
/// bars stands for.
fn legend(d: &PersonDetail, bars: &Bars, theme: &Theme) -> Vec<Line<'static>> {
    let mut lines = vec![Line::from(vec![
        Span::styled(format!(" {} ", d.naam), theme.title),
        Span::styled(format!("({})  ", d.eenheid), theme.dim),
        Span::styled("█ regulier", theme.text),
    ])];
    let mut legend: Vec<Span> = vec![Span::raw("  ")];
    for b in &bars.bronnen {
        legend.push(Span::styled(format!("{} {b}  ", bars.seg(b)), theme.text));
    }
    legend.push(Span::styled(
        format!("│ = beschikbaar  {CONFLICT} = te veel"),
        theme.dim,
    ));
    lines.push(Line::from(legend));
    lines
}

/// One week: regular work and each opgave stacked in a bar, a mark where the available hours
/// end (what is past it shows red when over), then the figures.
fn week_line(
    w: &Week,
    l: &WeekLoad,
    parts: &[(String, f64)],
    bars: &Bars,
    (width, maat, upf): (usize, Maat, f64),
    theme: &Theme,
) -> Line<'static> {
    let over = meer_dan(l.gepland(), l.beschikbaar);
    let mut bar = String::new();
    let push = |s: &str, hours: f64, bar: &mut String| {
        let n = (hours * bars.per).round() as usize;
        bar.push_str(&s.repeat(n));
    };
    push("█", l.regulier, &mut bar);
    for (b, h) in parts {
        push(bars.seg(b), *h, &mut bar);
    }
    let bar_w = bars.width;
    let avail = ((l.beschikbaar * bars.per).round() as usize).min(bar_w);
    let mut cells: Vec<String> = bar.chars().map(String::from).collect();
    cells.resize(bar_w.max(cells.len()), " ".into());
    let (inside, outside) = cells.split_at(avail.min(cells.len()));
    let marker = if avail < bar_w || !outside.is_empty() {
        "│"
    } else {
        ""
    };
    // Each opgave by its pattern, which the legend names: the line stays short and whole.
    let parts_text: Vec<String> = parts
        .iter()
        .map(|(b, h)| format!("{} {}", bars.seg(b), wording::getal(*h)))
        .collect();
    Line::from(vec![
        Span::styled(format!(" W{:02} ", w.number()), theme.dim),
        Span::styled(inside.concat(), theme.text),
        Span::styled(marker, theme.accent),
        Span::styled(
            outside.concat(),
            if over { theme.conflict } else { theme.text },
        ),
        Span::styled(
            {
                // The figures after the bar: whole items only, "…" for those left out.
                // The week's figure in the chosen measure (m); the parts in hours.
                let hoofd = match maat {
                    Maat::Uren => format!(
                        "{}{}/{} u",
                        if over { CONFLICT } else { " " },
                        wording::getal(l.gepland()),
                        wording::getal(l.beschikbaar)
                    ),
                    _ => format!(" {}", cell(l, maat, upf).trim_end()),
                };
                let full = format!(
                    " {hoofd}  {} regulier{}{}",
                    wording::getal(l.regulier),
                    if parts_text.is_empty() { "" } else { " · " },
                    parts_text.join(" · ")
                );
                let room = width.saturating_sub(5 + bar_w + marker.len().min(1));
                if full.chars().count() <= room {
                    full
                } else {
                    let kept = super::widgets::whole_items(&full, room.saturating_sub(4));
                    format!("{kept} · …")
                }
            },
            if over { theme.conflict } else { theme.text },
        ),
    ])
}

/// One inzet behind the figures, cut to `width`: its board and bron, hours, weeks and status.
fn claim_line(c: &ClaimRow, selected: bool, width: usize, theme: &Theme) -> Line<'static> {
    let style: Style = if selected { theme.selected } else { theme.text };
    Line::from(vec![
        Span::styled(if selected { " ▶ " } else { "   " }, theme.accent),
        Span::styled(
            ellipsis(
                &format!(
                    "{}{} · {} u/week · {} · {}{}",
                    c.bord_titel,
                    if c.bron == c.bord_titel {
                        String::new()
                    } else {
                        format!(" ({})", c.bron)
                    },
                    wording::getal(c.uren),
                    wording::weken_iso(c.van, c.tot),
                    wording::inzet_status(c.status),
                    if c.soort == crate::domain::InzetSoort::Regulier {
                        " · regulier"
                    } else {
                        ""
                    }
                ),
                width.saturating_sub(4),
            ),
            style,
        ),
    ])
}
