//! "Wat is er veranderd": the board's changes since the last stand-up (or a day), newest
//! first, one line each: when, who, what. The stand-up opens with the same list.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Borders, Clear, Paragraph};
use unicode_width::UnicodeWidthStr;

use super::super::Theme;
use super::super::widgets::{centered, ellipsis};
use crate::app::App;
use crate::app::historie::{Lijst, Veranderd};
use crate::domain::Bord;
use crate::domain::historie::Gebeurtenis;
use crate::wording;

/// One line per entry in `w` cells: `23-11 09:12  Daan Bakker     kaart "Kade" van … naar …`.
pub fn regels(
    app: &App,
    bord: Option<&Bord>,
    entries: &[&Gebeurtenis],
    w: usize,
    theme: &Theme,
) -> Vec<Line<'static>> {
    let naam = |id: &str| app.session.person_name(id);
    let wie_w = entries
        .iter()
        .map(|e| wording::historie_wie(&e.wie, &naam).width())
        .max()
        .unwrap_or(0)
        .min(18);
    entries
        .iter()
        .map(|e| {
            let tijd = wording::historie_tijd(e.tijd.0);
            let wie = ellipsis(&wording::historie_wie(&e.wie, &naam), wie_w);
            let pad = " ".repeat(wie_w.saturating_sub(wie.width()));
            let rest = w.saturating_sub(tijd.width() + wie_w + 4);
            let wat = ellipsis(&wording::gebeurtenis_in(e, bord, &naam, rest), rest);
            Line::from(vec![
                Span::styled(format!("{tijd}  "), theme.dim),
                Span::styled(format!("{wie}{pad}  "), theme.title),
                Span::styled(wat, theme.text),
            ])
        })
        .collect()
}

/// The list of board `bord` under its heading in `area` (no frame), scrolled by `scroll` lines.
pub fn lijst(
    frame: &mut Frame,
    area: Rect,
    app: &App,
    bord: Option<&Bord>,
    lijst: Option<&Lijst<'_>>,
    scroll: usize,
    theme: &Theme,
) {
    let w = usize::from(area.width);
    let mut lines = Vec::new();
    match lijst {
        None => lines.push(Line::from(Span::styled(
            wording::historie_laden(),
            theme.dim,
        ))),
        Some(l) => {
            lines.push(Line::from(Span::styled(ellipsis(&l.kop, w), theme.accent)));
            lines.push(Line::default());
            if l.entries.is_empty() {
                lines.push(Line::from(Span::styled(
                    wording::veranderd_niets(),
                    theme.dim,
                )));
            }
            let zichtbaar = usize::from(area.height.saturating_sub(2));
            let van = scroll.min(l.entries.len().saturating_sub(zichtbaar));
            let tot = (van + zichtbaar).min(l.entries.len());
            lines.extend(regels(app, bord, &l.entries[van..tot], w, theme));
        }
    }
    frame.render_widget(Paragraph::new(lines), area);
}

/// The window over the board.
pub fn veranderd(frame: &mut Frame, area: Rect, app: &App, v: &Veranderd, theme: &Theme) {
    let r = centered(
        area,
        area.width.saturating_sub(4).max(40),
        area.height.saturating_sub(2),
    );
    frame.render_widget(Clear, r);
    let titel = app
        .board()
        .map_or(String::new(), |b| wording::veranderd_titel(&b.titel));
    let block = Block::default()
        .borders(Borders::ALL)
        .border_style(theme.border_focus)
        .title(Span::styled(titel, theme.title));
    let inner = block.inner(r);
    frame.render_widget(block, r);
    let body = Rect {
        height: inner.height.saturating_sub(1),
        ..inner
    };
    let l = app.veranderd_lijst(v);
    lijst(frame, body, app, app.board(), l.as_ref(), v.scroll, theme);
    let hint = Rect {
        y: inner.y + inner.height.saturating_sub(1),
        height: 1.min(inner.height),
        ..inner
    };
    frame.render_widget(
        Paragraph::new(Span::styled(
            ellipsis(wording::veranderd_hint(), usize::from(hint.width)),
            theme.dim,
        )),
        hint,
    );
}
