//! Conflicten: every conflict of the engine grouped by severity, filterable, with the full
//! explanation of the selected one.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Borders, Paragraph, Wrap};

use super::Theme;
use super::theme::CONFLICT;
use super::widgets::ellipsis;
use crate::app::App;
use crate::capacity::Ernst;
use crate::wording;
pub fn draw(frame: &mut Frame, area: Rect, app: &App, theme: &Theme) {
    let list = app.conflict_list();
    let count = |e| list.iter().filter(|c| c.ernst == e).count();
    let mut filters = Vec::new();
    if let Some(s) = app.views.conflicten.soort {
        filters.push(format!("soort: {}", s.naam()));
    }
    if !app.views.conflicten.filter.is_empty() {
        filters.push(format!("filter: {}", app.views.conflicten.filter));
    }
    let header = Line::from(vec![
        Span::styled(
            format!(
                " {} ",
                wording::kop_conflicten(
                    list.len(),
                    count(Ernst::Hoog),
                    count(Ernst::Midden),
                    count(Ernst::Laag)
                )
            ),
            theme.accent,
        ),
        Span::styled(
            if filters.is_empty() {
                String::new()
            } else {
                format!("[{}]", filters.join(", "))
            },
            theme.title,
        ),
    ]);
    frame.render_widget(
        Paragraph::new(header),
        Rect {
            height: 1.min(area.height),
            ..area
        },
    );
    let detail_h = 5.min(area.height.saturating_sub(3));
    let list_area = Rect {
        y: area.y + 1,
        height: area.height.saturating_sub(1 + detail_h),
        ..area
    };
    let detail = Rect {
        y: list_area.y + list_area.height,
        height: detail_h,
        ..area
    };

    // Rows: a heading before each severity, then its conflicts.
    let mut rows: Vec<(Option<usize>, Line)> = Vec::new();
    let w = usize::from(area.width);
    let mut last = None;
    for (i, c) in list.iter().enumerate() {
        if last != Some(c.ernst) {
            let style = match c.ernst {
                Ernst::Hoog => theme.conflict,
                Ernst::Midden => theme.warning,
                Ernst::Laag => theme.text,
            };
            rows.push((
                None,
                Line::from(Span::styled(
                    format!(
                        " {} {}",
                        CONFLICT,
                        wording::ernst_kop(c.ernst, count(c.ernst))
                    ),
                    style,
                )),
            ));
            last = Some(c.ernst);
        }
        let selected = i == app.views.conflicten.row;
        let week = c
            .week
            .map(|w| format!("W{:02}", w.number()))
            .unwrap_or_else(|| "   ".into());
        let prefix = format!(
            "{} {week} {:<19} ",
            if selected { "▶" } else { " " },
            c.soort.naam()
        );
        rows.push((
            Some(i),
            Line::from(vec![
                Span::styled(
                    prefix.clone(),
                    if selected { theme.selected } else { theme.dim },
                ),
                Span::styled(
                    ellipsis(
                        &wording::uitleg(c),
                        w.saturating_sub(prefix.chars().count() + 1),
                    ),
                    if selected { theme.selected } else { theme.text },
                ),
            ]),
        ));
    }
    let h = usize::from(list_area.height);
    let sel = rows
        .iter()
        .position(|(i, _)| *i == Some(app.views.conflicten.row))
        .unwrap_or(0);
    let first = super::widgets::first_visible(sel, h);
    let lines: Vec<Line> = rows
        .into_iter()
        .skip(first)
        .take(h)
        .map(|(_, l)| l)
        .collect();
    if list.is_empty() {
        frame.render_widget(
            Paragraph::new(Span::styled(wording::geen_conflicten_hier(), theme.dim)),
            list_area,
        );
    } else {
        frame.render_widget(Paragraph::new(lines), list_area);
    }
    if let Some(c) = list.get(app.views.conflicten.row) {
        let block = Block::default()
            .borders(Borders::TOP)
            .border_style(theme.border)
            .title(Span::styled(wording::conflict_detail_titel(), theme.title));
        frame.render_widget(
            Paragraph::new(Span::styled(wording::uitleg(c), theme.text))
                .block(block)
                .wrap(Wrap { trim: true }),
            detail,
        );
    }
}
