//! Conflicten: every conflict of the engine grouped by severity, filterable, with the full
//! explanation of the selected one.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Borders, List, ListItem, ListState, Paragraph, Wrap};

use super::Theme;
use super::theme::CONFLICT;
use super::widgets::ellipsis_woord;
use crate::app::App;
use crate::capacity::{Conflict, Ernst};
use crate::wording;
/// The conflicts view: the header with the counts and filters, the list grouped by severity,
/// and the explanation of the selected conflict below.
pub fn draw(frame: &mut Frame, area: Rect, app: &App, theme: &Theme) {
    let list = app.conflict_list();
    draw_header(
        frame,
        Rect {
            height: 1.min(area.height),
            ..area
        },
        app,
        &list,
        theme,
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
    draw_list(frame, list_area, app, &list, theme);
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

/// How many conflicts in `list` are of severity `e`.
fn count(list: &[&Conflict], e: Ernst) -> usize {
    list.iter().filter(|c| c.ernst == e).count()
}

/// The one header line: the counts per severity, then the filters that are on.
fn draw_header(frame: &mut Frame, area: Rect, app: &App, list: &[&Conflict], theme: &Theme) {
    let mut filters = Vec::new();
    if let Some(s) = app.views.conflicten.soort {
        filters.push(format!("soort: {}", wording::soort(s)));
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
                    count(list, Ernst::Hoog),
                    count(list, Ernst::Midden),
                    count(list, Ernst::Laag)
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
    frame.render_widget(Paragraph::new(header), area);
}

/// The conflicts under their severity headings, scrolled so the selected one shows; or a
/// line saying there are none.
fn draw_list(frame: &mut Frame, area: Rect, app: &App, list: &[&Conflict], theme: &Theme) {
    if list.is_empty() {
        frame.render_widget(
            Paragraph::new(Span::styled(wording::geen_conflicten_hier(), theme.dim)),
            area,
        );
        return;
    }
    let rows = rows(app, list, usize::from(area.width), theme);
    let sel = rows
        .iter()
        .position(|(i, _)| *i == Some(app.views.conflicten.row))
        .unwrap_or(0);
    // The selection is drawn by the row itself (▶ and its style); the state keeps it in view.
    let mut state = ListState::default()
        .with_offset(super::widgets::first_visible(sel, usize::from(area.height)))
        .with_selected(Some(sel));
    let items: Vec<ListItem> = rows.into_iter().map(|(_, l)| ListItem::new(l)).collect();
    frame.render_stateful_widget(List::new(items), area, &mut state);
}

/// The rows of the list in `w` cells: a heading before each severity (no index), then its
/// conflicts (with their index in `list`), each with its week, kind and explanation.
fn rows(
    app: &App,
    list: &[&Conflict],
    w: usize,
    theme: &Theme,
) -> Vec<(Option<usize>, Line<'static>)> {
    let mut rows: Vec<(Option<usize>, Line)> = Vec::new();
    let mut last = None;
    // The kind column as wide as its longest name, so a name never runs into the text.
    let soort_w = crate::capacity::ConflictSoort::ALLE
        .iter()
        .map(|s| wording::soort(*s).chars().count())
        .max()
        .unwrap_or(0);
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
                        wording::ernst_kop(c.ernst, count(list, c.ernst))
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
            "{} {week} {:<soort_w$} ",
            if selected { "▶" } else { " " },
            wording::soort(c.soort)
        );
        rows.push((
            Some(i),
            Line::from(vec![
                Span::styled(
                    prefix.clone(),
                    if selected { theme.selected } else { theme.dim },
                ),
                Span::styled(
                    // Cut between words: the list never shows half a figure.
                    ellipsis_woord(
                        &wording::uitleg(c),
                        w.saturating_sub(prefix.chars().count() + 1),
                    ),
                    if selected { theme.selected } else { theme.text },
                ),
            ]),
        ));
    }
    rows
}
