//! The card's dialogs: the card form, the note line and the delete confirmation.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Borders, Clear, Paragraph};

use super::{error_lines, input_line, line_popup};
use crate::app::bord::form::{CardForm, Field, Mark};
use crate::app::input::TextInput;
use crate::app::{App, status_naam};
use crate::domain::Kaart;
use crate::ui::Theme;
use crate::ui::theme::status_symbol;
use crate::ui::widgets::{centered, ellipsis, progress};
use crate::wording;

/// The card form: one line per field, what a colleague's save did to it, then whether the
/// card is gone, the error or the date hint, and the keys.
pub(super) fn form(frame: &mut Frame, area: Rect, f: &CardForm, theme: &Theme) {
    let r = centered(
        area,
        76,
        Field::ALL.len() as u16 + 6 + (OMSCHRIJVING_H - 1) + u16::from(f.gone),
    );
    frame.render_widget(Clear, r);
    let title = if f.is_new {
        wording::nieuwe_kaart()
    } else {
        wording::kaart_bewerken()
    };
    let block = Block::default()
        .borders(Borders::ALL)
        .border_style(theme.border_focus)
        .title(Span::styled(format!(" {title} "), theme.title));
    let inner_w = usize::from(r.width).saturating_sub(2 + 20);
    let mut lines = Vec::new();
    for (i, field) in Field::ALL.iter().enumerate() {
        let mut value = field_line(f, i, field, inner_w, theme);
        match &f.marks[i] {
            Some(Mark::Taken) => value
                .spans
                .push(Span::styled(wording::veld_van_collega(), theme.accent)),
            Some(Mark::Both(v)) => value
                .spans
                .push(Span::styled(wording::veld_ook_collega(v), theme.conflict)),
            None => {}
        }
        lines.push(value);
    }
    // The description takes OMSCHRIJVING_H lines: its editor in focus, else its first lines.
    let desc = Rect {
        x: r.x + 1 + 20,
        y: r.y + 1 + Field::Omschrijving as u16,
        width: (inner_w as u16).min(r.width.saturating_sub(22)),
        height: OMSCHRIJVING_H.min(r.height.saturating_sub(2 + Field::Omschrijving as u16)),
    };
    let focus_desc = f.field() == Field::Omschrijving;
    let shown: Vec<String> = f.omschrijving.0.lines().to_vec();
    for extra in 1..OMSCHRIJVING_H as usize {
        let text = if focus_desc {
            String::new()
        } else {
            shown
                .get(extra)
                .map(|l| ellipsis(l, inner_w))
                .unwrap_or_default()
        };
        lines.push(Line::from(vec![
            Span::raw(" ".repeat(20)),
            Span::styled(text, theme.text),
        ]));
    }
    lines.push(Line::default());
    if f.gone {
        lines.push(Line::from(Span::styled(
            wording::kaart_weg_in_formulier(),
            theme.conflict,
        )));
    }
    match &f.error {
        Some(e) => lines.extend(error_lines(e, r.width, theme)),
        None => lines.push(Line::from(Span::styled(
            wording::form_datum_hint(),
            theme.dim,
        ))),
    }
    lines.push(Line::from(Span::styled(
        if focus_desc {
            wording::form_hint_omschrijving()
        } else {
            wording::form_hint()
        },
        theme.dim,
    )));
    frame.render_widget(Paragraph::new(lines).block(block), r);
    if focus_desc {
        let mut editor = f.omschrijving.0.clone();
        editor.set_style(theme.text);
        editor.set_cursor_line_style(ratatui::style::Style::default());
        editor.set_cursor_style(theme.selected);
        frame.render_widget(&editor, desc);
    }
}

/// The lines the description takes in the form.
const OMSCHRIJVING_H: u16 = 4;

/// Field `i` of the form: its label (marked when in focus) and its value, `inner_w` cells
/// wide; the field in focus shows its cursor or how to change it.
fn field_line(
    f: &CardForm,
    i: usize,
    field: &Field,
    inner_w: usize,
    theme: &Theme,
) -> Line<'static> {
    let focus = i == f.focus;
    let label = Span::styled(
        format!("{}{:<17} ", if focus { "▶ " } else { "  " }, field.label()),
        if focus { theme.accent } else { theme.dim },
    );
    match field {
        Field::Eigenaar => owner_line(f, label, focus, inner_w, theme),
        Field::Status => Line::from(vec![
            label,
            Span::styled(
                format!(
                    "{} {}",
                    status_symbol(f.kaart.status),
                    status_naam(f.kaart.status)
                ),
                theme.status(f.kaart.status),
            ),
            Span::styled(if focus { "  ←/→ wisselt" } else { "" }, theme.dim),
        ]),
        Field::LtaSoort => Line::from(vec![
            label,
            Span::styled(wording::lta_soort(f.kaart.lta_soort), theme.text),
            Span::styled(if focus { "  ←/→ wisselt" } else { "" }, theme.dim),
        ]),
        Field::Voortgang => Line::from(vec![
            label,
            Span::styled(
                format!("{} {}%", progress(f.kaart.voortgang, 10), f.kaart.voortgang),
                theme.text,
            ),
            Span::styled(if focus { "  ←/→ per 10%" } else { "" }, theme.dim),
        ]),
        Field::Omschrijving => Line::from(vec![
            label,
            Span::styled(
                if focus {
                    String::new()
                } else {
                    ellipsis(f.omschrijving.0.lines().first().map_or("", |l| l), inner_w)
                },
                theme.text,
            ),
        ]),
        _ => {
            let input = &f.inputs[i];
            if focus {
                let mut l = input_line("", input, inner_w, theme);
                l.spans.insert(0, label);
                l
            } else {
                Line::from(vec![
                    label,
                    Span::styled(ellipsis(&input.text, inner_w), theme.text),
                ])
            }
        }
    }
}

/// The owner field: what is typed to search (in brackets), the person it picks, and in focus
/// how many others match.
fn owner_line(
    f: &CardForm,
    label: Span<'static>,
    focus: bool,
    inner_w: usize,
    theme: &Theme,
) -> Line<'static> {
    let chosen = f.owner().map_or_else(
        || wording::geen_eigenaar().to_string(),
        |c| format!("{} ({})", c.naam, c.id),
    );
    let q = &f.inputs[1].text;
    let mut spans = vec![label];
    if !q.is_empty() || focus {
        spans.push(Span::styled(format!("[{q}] "), theme.text));
    }
    spans.push(Span::styled(
        ellipsis(&chosen, inner_w.saturating_sub(q.len() + 3)),
        if focus { theme.selected } else { theme.text },
    ));
    if focus {
        // The hint in the room left, or not at all: never half a word.
        let used: usize = spans.iter().map(|s| s.width()).sum();
        // The label column (20) is in `used`: the whole line has inner_w + 20 cells.
        if let Some(hint) = super::kies_hint(used, inner_w + 20, f.owner_matches().len() - 1) {
            spans.push(Span::styled(hint, theme.dim));
        }
    }
    Line::from(spans)
}

/// The note line for the card with id `id`, titled with the card's title.
pub(super) fn note(
    frame: &mut Frame,
    area: Rect,
    app: &App,
    input: &TextInput,
    id: &str,
    theme: &Theme,
) {
    let titel = app
        .board()
        .and_then(|b| b.kaarten.iter().find(|k| k.id == id))
        .map_or(String::new(), |k| k.titel.clone());
    line_popup(
        frame,
        area,
        &wording::notitie_titel(&titel),
        input,
        &wording::notitie_hint(&app.session.person_name(&app.session.signer)),
        theme,
    )
}

/// Asks whether to delete card `k`, naming it.
pub(super) fn confirm_delete(frame: &mut Frame, area: Rect, k: &Kaart, theme: &Theme) {
    let titel = k.titel.clone();
    let r = centered(area, 60, 6);
    frame.render_widget(Clear, r);
    let block = Block::default()
        .borders(Borders::ALL)
        .border_style(theme.conflict)
        .title(wording::verwijderen_titel());
    let lines = vec![
        Line::from(Span::styled(
            ellipsis(&titel, usize::from(r.width).saturating_sub(4)),
            theme.title,
        )),
        Line::from(Span::styled(wording::verwijderen_vraag(), theme.text)),
    ];
    // The question wraps rather than lose its "= nee".
    frame.render_widget(
        Paragraph::new(lines)
            .block(block)
            .wrap(ratatui::widgets::Wrap { trim: true }),
        r,
    );
}
