//! The people forms: a person's hours and working days, and an absence.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Borders, Clear, Paragraph};

use super::{error_lines, input_line};
use crate::app::mensen::form::AFWEZIG_VELDEN;
use crate::app::mensen::{AfwezigForm, MensForm};
use crate::ui::Theme;
use crate::ui::widgets::centered;
use crate::wording;

/// A person's form: hours per week and the working days as seven checkboxes.
pub(super) fn mens_form(frame: &mut Frame, area: Rect, f: &MensForm, theme: &Theme) {
    let r = centered(area, 70, 8);
    frame.render_widget(Clear, r);
    let block = Block::default()
        .borders(Borders::ALL)
        .border_style(theme.border_focus)
        .title(Span::styled(format!(" {} ", f.persoon.naam), theme.title));
    let label = |i: usize, t: &'static str| {
        Span::styled(
            format!("{}{t:<14}", if f.focus == i { "▶ " } else { "  " }),
            if f.focus == i {
                theme.accent
            } else {
                theme.dim
            },
        )
    };
    let mut uren = input_line("", &f.uren, 40, theme);
    uren.spans.insert(0, label(0, "Uren per week"));
    let mut days = vec![label(1, "Werkdagen")];
    for (i, n) in ["ma", "di", "wo", "do", "vr", "za", "zo"]
        .iter()
        .enumerate()
    {
        let on = f.dagen[i];
        let style = if f.focus == 1 && f.dag == i {
            theme.selected
        } else if on {
            theme.good
        } else {
            theme.dim
        };
        days.push(Span::styled(
            format!("[{}{n}] ", if on { "x" } else { " " }),
            style,
        ));
    }
    let mut lines = vec![uren, Line::from(days), Line::default()];
    match &f.error {
        Some(e) => lines.extend(error_lines(e, r.width, theme)),
        None => lines.push(Line::from(Span::styled(
            wording::mens_form_hint(),
            theme.dim,
        ))),
    }
    frame.render_widget(Paragraph::new(lines).block(block), r);
}

/// An absence: its dates and its kind from the fixed list, then the error, or what is kept
/// private and the keys.
pub(super) fn afwezig_form(frame: &mut Frame, area: Rect, f: &AfwezigForm, theme: &Theme) {
    let r = centered(area, 70, 9);
    frame.render_widget(Clear, r);
    let block = Block::default()
        .borders(Borders::ALL)
        .border_style(theme.border_focus)
        .title(Span::styled(
            wording::afwezig_titel(&f.persoon.naam),
            theme.title,
        ));
    let mut lines = Vec::new();
    for (i, t) in AFWEZIG_VELDEN.iter().enumerate() {
        let focus = f.focus == i;
        let label = Span::styled(
            format!("{}{t:<24}", if focus { "▶ " } else { "  " }),
            if focus { theme.accent } else { theme.dim },
        );
        let mut l = match f.velden.get(i) {
            Some(input) if focus => input_line("", input, 40, theme),
            Some(input) => Line::from(Span::styled(input.text.clone(), theme.text)),
            // The kind: a choice from the fixed list, like a card's status.
            None => Line::from(vec![
                Span::styled(
                    wording::afwezigheid_soort(f.soort),
                    if focus { theme.selected } else { theme.text },
                ),
                Span::styled(if focus { "  ←/→ wisselt" } else { "" }, theme.dim),
            ]),
        };
        l.spans.insert(0, label);
        lines.push(l);
    }
    lines.push(Line::default());
    match &f.error {
        Some(e) => lines.extend(error_lines(e, r.width, theme)),
        None => {
            lines.push(Line::from(Span::styled(
                wording::afwezig_privacy(),
                theme.dim,
            )));
            lines.push(Line::from(Span::styled(wording::afwezig_hint(), theme.dim)));
        }
    }
    frame.render_widget(Paragraph::new(lines).block(block), r);
}
