//! Weekagenda: the agenda of the PMO-overleg and the OO, the lines of
//! [`crate::app::agenda::regels`] under a title and the keys.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::style::{Modifier, Style};
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;
use unicode_width::UnicodeWidthStr;

use super::Theme;
use super::widgets::header;
use crate::app::App;
use crate::app::agenda::{KOP_REGELS, Stijl, max_scroll, regels, zichtbaar};
use crate::wording;

fn stijl(s: Stijl, theme: &Theme) -> Style {
    match s {
        Stijl::Titel => theme.accent,
        Stijl::Kop => theme.title.add_modifier(Modifier::BOLD),
        Stijl::Tekst => theme.text,
        Stijl::Dim => theme.dim,
        Stijl::Waarschuwing => theme.warning,
    }
}

/// The agenda view.
pub fn draw(frame: &mut Frame, area: Rect, app: &App, theme: &Theme) {
    let v = &app.views.agenda;
    let week = v.week.unwrap_or_else(|| app.session.week());
    // The whole title when it fits; else the week alone (the dates follow in the text).
    let titel = format!(" {}", v.doc.titel);
    let titel = if titel.width() <= usize::from(area.width) {
        titel
    } else {
        wording::agenda_scherm_titel(week)
    };
    header(frame, area, titel, wording::agenda_toetsen(), theme);
    let body = Rect {
        y: area.y + KOP_REGELS,
        height: area.height.saturating_sub(KOP_REGELS),
        ..area
    };
    let alle = regels(&v.doc, area.width);
    let max = max_scroll(alle.len(), body.height);
    let scroll = v.scroll.min(max);
    let hoogte = zichtbaar(alle.len(), body.height);
    let lines: Vec<Line> = alle
        .iter()
        .skip(scroll)
        .take(hoogte)
        .map(|r| {
            let s = stijl(r.stijl, theme);
            if r.vet > 0 {
                Line::from(vec![
                    Span::styled(r.tekst[..r.vet].to_string(), s.add_modifier(Modifier::BOLD)),
                    Span::styled(r.tekst[r.vet..].to_string(), s),
                ])
            } else {
                Line::from(Span::styled(r.tekst.clone(), s))
            }
        })
        .collect();
    frame.render_widget(Paragraph::new(lines), body);
    if max > 0 && body.height > 0 {
        // Where in the agenda the screen is, on its own line at the bottom: `▼ 22/40`.
        let merk = wording::agenda_positie(scroll + hoogte, alle.len(), scroll >= max);
        let w = merk.width() as u16;
        if w < area.width {
            frame.render_widget(
                Paragraph::new(Span::styled(merk, theme.dim)),
                Rect {
                    x: area.x + area.width - w,
                    y: body.y + body.height - 1,
                    width: w,
                    height: 1,
                },
            );
        }
    }
}
