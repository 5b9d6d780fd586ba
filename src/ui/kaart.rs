//! Kaart: every field of the selected card and its notes, scrollable.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Borders, Paragraph, Wrap};

use super::Theme;
use super::theme::{CONFLICT, status_symbol};
use super::widgets::progress;
use crate::app::{App, status_naam};
use crate::domain::{Bord, Kaart};
use crate::wording;
/// The card window: the card's fields, the conflicts that concern it and its notes, framed and
/// scrolled.
pub fn draw(frame: &mut Frame, area: Rect, app: &App, theme: &Theme) {
    let (Some(bord), Some(k)) = (app.board(), app.selected_card()) else {
        return;
    };
    // Text under a heading wraps with its indent, inside the frame.
    let w = usize::from(area.width.saturating_sub(2));
    let mut lines = fields(app, bord, k, theme);
    if let Some(o) = &k.omschrijving {
        lines.push(Line::default());
        lines.push(Line::from(Span::styled(
            wording::kop_omschrijving(),
            theme.accent,
        )));
        for l in crate::app::kaart::omschrijving_regels(o, w) {
            lines.push(Line::from(Span::styled(format!("  {l}"), theme.text)));
        }
    }
    lines.extend(conflicts(app, bord, k, w, theme));
    lines.extend(notes(app, k, w, theme));
    lines.extend(historie(app, bord, k, w, theme));
    // Scrolled no further than the last line at the bottom.
    let scroll = app.views.kaart.scroll.min(
        u16::try_from(lines.len())
            .unwrap_or(u16::MAX)
            .saturating_sub(area.height.saturating_sub(2)),
    );
    let block = Block::default()
        .borders(Borders::ALL)
        .border_style(theme.border_focus)
        .title(Span::styled(wording::kaart_venster_titel(), theme.title));
    frame.render_widget(
        Paragraph::new(lines)
            .block(block)
            .wrap(Wrap { trim: false })
            .scroll((scroll, 0)),
        area,
    );
}

/// The title (marked when in conflict) and every field of the card, labels right-aligned.
fn fields(app: &App, bord: &Bord, k: &Kaart, theme: &Theme) -> Vec<Line<'static>> {
    let kolom = bord
        .kolommen
        .iter()
        .find(|c| c.id == k.kolom)
        .map_or(k.kolom.as_str(), |c| c.naam.as_str());
    let conflict = app.session.derived.card_in_conflict(bord, k);
    let field = |label: &str, value: String| {
        Line::from(vec![
            Span::styled(format!("{label:>14}  "), theme.dim),
            Span::styled(value, theme.text),
        ])
    };
    let opt_date =
        |d: Option<crate::domain::Datum>| d.map(wording::datum).unwrap_or_else(|| "–".into());
    vec![
        Line::from(vec![
            Span::styled(
                if conflict {
                    format!("{CONFLICT} ")
                } else {
                    String::new()
                },
                theme.conflict,
            ),
            Span::styled(k.titel.clone(), theme.title),
        ]),
        Line::default(),
        field("Bord", bord.titel.clone()),
        field("Kolom", kolom.to_string()),
        field(
            "Eigenaar",
            k.eigenaar.as_deref().map_or_else(
                || wording::geen_eigenaar().to_string(),
                |e| format!("{} ({e})", app.session.person_name(e)),
            ),
        ),
        Line::from(vec![
            Span::styled(format!("{:>14}  ", "Status"), theme.dim),
            Span::styled(
                format!("{} {}", status_symbol(k.status), status_naam(k.status)),
                theme.status(k.status),
            ),
        ]),
        field(
            "Voortgang",
            format!("{} {}%", progress(k.voortgang, 10), k.voortgang),
        ),
        field(
            "Uren",
            k.uren
                .map(|u| format!("{} u", wording::getal(u)))
                .unwrap_or_else(|| "–".into()),
        ),
        field("Start", opt_date(k.start)),
        field("Deadline", opt_date(k.deadline)),
        field("Zaaknummer", k.zaak.clone().unwrap_or_else(|| "–".into())),
        field(
            "LTA",
            match (k.lta, k.lta_soort) {
                (Some(d), Some(s)) => {
                    format!("{} ({})", wording::datum(d), wording::lta_soort(Some(s)))
                }
                (d, _) => opt_date(d),
            },
        ),
        field(
            "Labels",
            if k.labels.is_empty() {
                "–".into()
            } else {
                k.labels.join(", ")
            },
        ),
        field("Id", k.id.clone()),
    ]
}

/// The conflicts about this card or its owner, under a heading; nothing when there are none.
fn conflicts(app: &App, bord: &Bord, k: &Kaart, w: usize, theme: &Theme) -> Vec<Line<'static>> {
    let about: Vec<_> = app.session.derived.of_card(bord, k).collect();
    let mut lines = Vec::new();
    if !about.is_empty() {
        lines.push(Line::default());
        lines.push(Line::from(Span::styled(
            wording::kop_conflicten_kaart(),
            theme.accent,
        )));
        // A conflict in many weeks (an over-booked owner) is one entry with its range.
        for run in crate::capacity::reeksen(about) {
            let text = wording::uitleg_reeks(&run);
            for (i, part) in hanging(&text, w, 4).into_iter().enumerate() {
                let lead = if i == 0 {
                    Span::styled(format!("  {CONFLICT} "), theme.conflict)
                } else {
                    Span::raw("    ")
                };
                lines.push(Line::from(vec![lead, Span::styled(part, theme.text)]));
            }
        }
    }
    lines
}

/// The notes, newest first, each with when and who above its text.
fn notes(app: &App, k: &Kaart, w: usize, theme: &Theme) -> Vec<Line<'static>> {
    let mut lines = vec![
        Line::default(),
        Line::from(Span::styled(
            wording::kop_notities(k.notities.len()),
            theme.accent,
        )),
    ];
    for n in k.notities.iter().rev() {
        lines.push(Line::from(vec![
            Span::styled(
                format!("  {} ", n.wanneer.0.format("%d-%m-%Y %H:%M")),
                theme.dim,
            ),
            Span::styled(app.session.person_name(&n.wie), theme.title),
        ]));
        for part in hanging(&n.tekst, w, 4) {
            lines.push(Line::from(Span::styled(format!("    {part}"), theme.text)));
        }
    }
    lines
}

/// The card's history, newest first, one line each (once it has been read).
fn historie(app: &App, bord: &Bord, k: &Kaart, w: usize, theme: &Theme) -> Vec<Line<'static>> {
    let Some(entries) = app.historie_entries() else {
        return Vec::new();
    };
    let eigen = crate::domain::historie::van_kaart(entries, &k.id);
    let naam = |id: &str| app.session.person_name(id);
    let mut lines = vec![
        Line::default(),
        Line::from(Span::styled(
            wording::kop_historie(eigen.len()),
            theme.accent,
        )),
    ];
    for e in eigen {
        let tijd = format!("  {}  ", wording::historie_tijd(e.tijd.0));
        let wie = format!("{}  ", wording::historie_wie(&e.wie, &naam));
        let rest = w.saturating_sub(tijd.chars().count() + wie.chars().count());
        let wat =
            super::widgets::ellipsis(&wording::gebeurtenis_op_kaart(e, Some(bord), &naam), rest);
        lines.push(Line::from(vec![
            Span::styled(tijd, theme.dim),
            Span::styled(wie, theme.title),
            Span::styled(wat, theme.text),
        ]));
    }
    lines
}

/// `text` in lines of `w - indent` cells, for a block indented by `indent`.
fn hanging(text: &str, w: usize, indent: usize) -> Vec<String> {
    crate::app::kaart::hanging(text, w, indent)
}
