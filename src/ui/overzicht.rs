//! Overzicht: the boards of the werkmap, grouped by clusterkamer and opgaveteam.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Borders, Paragraph};

use super::Theme;
use super::widgets::ellipsis;
use crate::app::{App, Target};
use crate::domain::BordSoort;
use crate::wording;
/// A line of the overview: a group heading or a board (index into `werkmap.borden`).
enum Row {
    Heading(&'static str),
    Board(usize, usize),
}

fn rows(app: &App) -> Vec<Row> {
    let order = app.overview_order();
    let mut rows = Vec::new();
    let mut last: Option<bool> = None;
    for (pos, &i) in order.iter().enumerate() {
        let team = matches!(
            app.session.werkmap.borden[i].soort,
            BordSoort::Opgaveteam { .. }
        );
        if last != Some(team) {
            rows.push(Row::Heading(if team {
                wording::KOP_OPGAVETEAMS
            } else {
                wording::KOP_CLUSTERKAMERS
            }));
            last = Some(team);
        }
        rows.push(Row::Board(pos, i));
    }
    rows
}

/// The list area inside the frame, and the first row shown so the selection stays visible.
fn window(app: &App, area: Rect, rows: &[Row]) -> (Rect, usize) {
    let inner = Block::default().borders(Borders::ALL).inner(Rect {
        y: area.y + 1,
        height: area.height.saturating_sub(1),
        ..area
    });
    let h = usize::from(inner.height).max(1);
    let sel = rows
        .iter()
        .position(|r| matches!(r, Row::Board(p, _) if *p == app.views.overzicht.row))
        .unwrap_or(0);
    (inner, super::widgets::first_visible(sel, h))
}

pub fn draw(frame: &mut Frame, area: Rect, app: &App, theme: &Theme) {
    let org = app
        .session
        .werkmap
        .organisatie
        .as_ref()
        .map_or("", |o| o.naam.as_str());
    let header = Line::from(vec![
        Span::styled(" planbord ", theme.accent),
        Span::styled(format!("· {org} "), theme.title),
        Span::styled(
            format!("· {}", wording::vandaag_kop(app.session.vandaag)),
            theme.dim,
        ),
    ]);
    frame.render_widget(Paragraph::new(header), Rect { height: 1, ..area });
    let frame_area = Rect {
        y: area.y + 1,
        height: area.height.saturating_sub(1),
        ..area
    };
    let block = Block::default()
        .borders(Borders::ALL)
        .border_style(theme.border)
        .title(Span::styled(" Borden ", theme.title));
    frame.render_widget(block, frame_area);

    let rows = rows(app);
    let (inner, first) = window(app, area, &rows);
    let w = usize::from(inner.width);
    // The longest title: "gewijzigd" gives way before a title is cut.
    let longest = app
        .session
        .werkmap
        .borden
        .iter()
        .map(|b| unicode_width::UnicodeWidthStr::width(b.titel.as_str()))
        .max()
        .unwrap_or(0);
    let mut lines = Vec::new();
    if let Some((meta, kopie)) = app.session.kopieen.first() {
        lines.push(Line::from(Span::styled(
            format!(
                " {} {}",
                super::theme::CONFLICT,
                ellipsis(
                    &wording::kopie_banner(&meta.name, &kopie.id),
                    w.saturating_sub(3)
                )
            ),
            theme.warning,
        )));
    }
    for row in rows.iter().skip(first).take(usize::from(inner.height)) {
        lines.push(match row {
            Row::Heading(h) => Line::from(Span::styled(format!(" {h}"), theme.accent)),
            Row::Board(pos, i) => board_line(app, theme, *pos, *i, (w, longest)),
        });
    }
    if app.session.werkmap.borden.is_empty() {
        lines.push(Line::from(Span::styled(wording::geen_borden(), theme.dim)));
    }
    frame.render_widget(Paragraph::new(lines), inner);
}

/// One board's line in `width` cells; `longest` is the widest title of the list.
fn board_line<'a>(
    app: &'a App,
    theme: &Theme,
    pos: usize,
    i: usize,
    (width, longest): (usize, usize),
) -> Line<'a> {
    let bord = &app.session.werkmap.borden[i];
    let selected = pos == app.views.overzicht.row;
    let counts = app.session.derived.counts(&bord.id);
    let open = bord.kaarten.iter().filter(|k| bord.is_open(k)).count();
    let cards = if width >= 100 {
        format!("{:>4} kaarten, {open:>3} open", bord.kaarten.len())
    } else {
        format!("{open:>3} open")
    };
    // When the change time would cut titles, it goes: the title says which board it is.
    let room = width.saturating_sub(2 + cards.len() + 2 + 26);
    let changed = app
        .session
        .files
        .borden
        .get(&bord.id)
        .and_then(|f| f.meta.gewijzigd)
        .map(wording::gewijzigd)
        .filter(|c| room >= longest.min(56) + c.len() + 2)
        .unwrap_or_default();
    // Only the severities that occur, each with its word: readable without colour.
    let mut conflicts: Vec<Span> = Vec::new();
    for (n, label, style) in [
        (counts[0], "hoog", theme.conflict),
        (counts[1], "midden", theme.warning),
        (counts[2], "laag", theme.text),
    ] {
        if n > 0 {
            conflicts.push(Span::styled(format!(" {n} {label}"), style));
        }
    }
    let marker = if conflicts.is_empty() {
        Span::styled(format!(" {}", wording::geen_conflicten_kort()), theme.dim)
    } else {
        Span::styled(
            format!(" {}", super::theme::CONFLICT),
            if counts[0] > 0 {
                theme.conflict
            } else {
                theme.warning
            },
        )
    };
    let marker_w = marker.width();
    // The title gets what is left after the fixed parts.
    let fixed = 2
        + cards.len()
        + 2
        + 26
        + if changed.is_empty() {
            0
        } else {
            changed.len() + 2
        };
    let title_w = width.saturating_sub(fixed).clamp(12, 56);
    let mut spans = vec![
        Span::styled(if selected { "▶ " } else { "  " }, theme.accent),
        Span::styled(
            format!("{:<title_w$}", ellipsis(&bord.titel, title_w)),
            if selected {
                theme.selected
            } else {
                theme.title
            },
        ),
        Span::styled(format!(" {cards} "), theme.text),
        marker,
    ];
    let conflict_w: usize =
        conflicts.iter().map(|s| s.width()).sum::<usize>() + marker_w.saturating_sub(2);
    spans.extend(conflicts);
    if !changed.is_empty() {
        spans.push(Span::styled(
            format!(
                "{}  {changed}",
                " ".repeat(24usize.saturating_sub(conflict_w))
            ),
            theme.dim,
        ));
    }
    Line::from(spans)
}

pub fn hit(app: &App, area: Rect, x: u16, y: u16) -> Option<Target> {
    let rows = rows(app);
    let (inner, first) = window(app, area, &rows);
    if x < inner.x || x >= inner.x + inner.width || y < inner.y || y >= inner.y + inner.height {
        return None;
    }
    let banner = u16::from(!app.session.kopieen.is_empty());
    if y < inner.y + banner {
        return None;
    }
    match rows.get(first + usize::from(y - inner.y - banner))? {
        Row::Board(_, i) => Some(Target::Board(*i)),
        Row::Heading(_) => None,
    }
}
