//! Stand-up: the board full screen in high contrast, without edit chrome, with a big timer and
//! whose turn it is. No absence reasons or other personal details; with
//! `standup_belasting: false` no per-person load either.

use chrono::Duration;
use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::style::Modifier;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, BorderType, Borders, Paragraph};

use super::Theme;
use super::bord::{CARD_HEIGHT, MIN_COLUMN, card_lines};
use super::theme::CONFLICT;
use crate::app::App;
use crate::app::standup::Standup;
use crate::domain::{Bord, Kolom};
use crate::wording;
/// Digits 3 wide and 5 high, for a timer that reads from the back of the room.
const DIGITS: [[&str; 5]; 12] = [
    ["███", "█ █", "█ █", "█ █", "███"],
    ["  █", "  █", "  █", "  █", "  █"],
    ["███", "  █", "███", "█  ", "███"],
    ["███", "  █", "███", "  █", "███"],
    ["█ █", "█ █", "███", "  █", "  █"],
    ["███", "█  ", "███", "  █", "███"],
    ["███", "█  ", "███", "█ █", "███"],
    ["███", "  █", "  █", "  █", "  █"],
    ["███", "█ █", "███", "█ █", "███"],
    ["███", "█ █", "███", "  █", "███"],
    ["   ", " █ ", "   ", " █ ", "   "],
    ["   ", " █ ", "███", " █ ", "   "],
];

/// `mm:ss` in big digits, five lines.
pub fn big(text: &str) -> Vec<String> {
    (0..5)
        .map(|row| {
            text.chars()
                .filter_map(|c| match c {
                    '0'..='9' => Some(DIGITS[c as usize - '0' as usize][row]),
                    ':' => Some(DIGITS[10][row]),
                    '+' => Some(DIGITS[11][row]),
                    _ => None,
                })
                .collect::<Vec<_>>()
                .join(" ")
        })
        .collect()
}

/// The stand-up screen: the header with whose turn it is, the big timer, the board's columns
/// and the key hint on the bottom line.
pub fn draw(frame: &mut Frame, area: Rect, app: &App, base: &Theme) {
    let Some(s) = &app.views.standup else { return };
    // The shared screen always gets high contrast, unless colour is off altogether.
    let theme = if *base == Theme::monochrome() {
        base.clone()
    } else {
        Theme::named(Some("hoog-contrast"), false)
    };
    let Some(bord) = app.session.werkmap.bord(s.bord()) else {
        return;
    };
    let beurt = s.aan_de_beurt(&app.session.werkmap);
    let show_load = app.session.config.standup_belasting.unwrap_or(true);
    let header_h = 6.min(area.height);
    let timer_w = 26u16.min(area.width / 2);
    draw_head(
        frame,
        Rect {
            height: header_h,
            width: area.width.saturating_sub(timer_w),
            ..area
        },
        s,
        bord,
        beurt.as_ref().map(|(_, naam)| naam.as_str()),
        show_load,
        &theme,
    );
    let timer_area = Rect {
        x: area.x + area.width.saturating_sub(timer_w),
        y: area.y,
        width: timer_w,
        height: header_h,
    };
    draw_timer(frame, timer_area, s.over(app.session.now), &theme);
    let body = Rect {
        y: area.y + header_h,
        height: area.height.saturating_sub(header_h + 1),
        ..area
    };
    let board = OnScreen {
        app,
        bord,
        beurt: beurt.as_ref().map(|(id, _)| id.as_str()),
        theme: &theme,
    };
    // It opens with what changed since the last stand-up, for a few seconds.
    // (Once read, and only when something changed: else the board shows at once.)
    match (s.intro_tot, app.standup_lijst()) {
        (Some(tot), Some(l)) if !l.entries.is_empty() => {
            draw_veranderd(frame, body, app, tot, &theme);
        }
        _ => draw_columns(frame, body, &board, s.kolom),
    }
    let hint = Rect {
        y: area.y + area.height.saturating_sub(1),
        height: 1.min(area.height),
        ..area
    };
    frame.render_widget(
        Paragraph::new(Span::styled(wording::standup_hint(show_load), theme.dim)),
        hint,
    );
}

/// What changed since the last stand-up, framed, with how long it stays.
fn draw_veranderd(
    frame: &mut Frame,
    area: Rect,
    app: &App,
    tot: chrono::NaiveDateTime,
    theme: &Theme,
) {
    let over = (tot - app.session.now).num_seconds().max(0);
    let bord = app
        .views
        .standup
        .as_ref()
        .and_then(|s| app.session.werkmap.bord(s.bord()));
    let titel = bord.map_or("", |b| b.titel.as_str());
    let block = Block::default()
        .borders(Borders::ALL)
        .border_type(BorderType::Thick)
        .border_style(theme.border_focus)
        .title(Span::styled(wording::veranderd_titel(titel), theme.title))
        .title_bottom(Span::styled(
            format!(" {} ", wording::standup_veranderd_hint(over)),
            theme.dim,
        ));
    let inner = block.inner(area);
    frame.render_widget(block, area);
    let l = app.standup_lijst();
    super::overlay::veranderd::lijst(frame, inner, app, bord, l.as_ref(), 0, theme);
}

/// The header: the board's title, whose turn it is (`beurt` names them), their load this week
/// when that may show, and which board of the rotation this is.
fn draw_head(
    frame: &mut Frame,
    area: Rect,
    s: &Standup,
    bord: &Bord,
    beurt: Option<&str>,
    show_load: bool,
    theme: &Theme,
) {
    let mut head = vec![
        Line::from(Span::styled(
            format!(" {}", bord.titel),
            theme.title.add_modifier(Modifier::BOLD),
        )),
        Line::default(),
        Line::from(match beurt {
            Some(naam) => Span::styled(format!(" {}", wording::aan_de_beurt(naam)), theme.accent),
            None => Span::styled(format!(" {}", wording::niemand_aan_de_beurt()), theme.dim),
        }),
    ];
    if let (Some(load), true) = (&s.belasting, show_load && beurt.is_some()) {
        head.push(Line::from(Span::styled(
            format!(" {}", wording::belasting_deze_week(*load)),
            theme.text,
        )));
    }
    if s.borden.len() > 1 {
        head.push(Line::from(Span::styled(
            format!(" bord {} van {}", s.huidig + 1, s.borden.len()),
            theme.dim,
        )));
    }
    frame.render_widget(Paragraph::new(head), area);
}

/// The time left in big digits, coloured as the end nears, and a warning once it is over.
fn draw_timer(frame: &mut Frame, area: Rect, left: Duration, theme: &Theme) {
    let secs = left.num_seconds();
    // Past zero the time counts up with a plus, so it never reads as time left (also
    // without colour).
    let sign = if secs < 0 { "+" } else { "" };
    let timer = format!("{sign}{:02}:{:02}", secs.abs() / 60, secs.abs() % 60);
    let timer_style = if secs < 0 {
        theme.conflict
    } else if secs < 120 {
        theme.warning
    } else {
        theme.accent
    };
    let mut digits: Vec<Line> = big(&timer)
        .into_iter()
        .map(|l| Line::from(Span::styled(l, timer_style)))
        .collect();
    if secs < 0 {
        digits.push(Line::from(Span::styled(
            format!("{CONFLICT} {timer} over tijd"),
            theme.conflict,
        )));
    }
    frame.render_widget(Paragraph::new(digits), area);
}

/// What every column of the stand-up reads.
struct OnScreen<'a> {
    app: &'a App,
    bord: &'a Bord,
    /// The id of the person whose turn it is.
    beurt: Option<&'a str>,
    /// The stand-up's own theme (high contrast), not the app's.
    theme: &'a Theme,
}

/// The columns that fit side by side in `body`, scrolled so the column in focus (`focus`)
/// shows; the last one takes what the division leaves over.
fn draw_columns(frame: &mut Frame, body: Rect, board: &OnScreen, focus: usize) {
    let n = board.bord.kolommen.len();
    let visible = usize::from(body.width / MIN_COLUMN.max(1))
        .clamp(1, n.max(1))
        .min(n);
    let first = focus
        .saturating_sub(visible.saturating_sub(1))
        .min(n - visible);
    let mut x = body.x;
    for slot in 0..visible {
        let kolom = first + slot;
        let w = if slot + 1 == visible {
            body.x + body.width - x
        } else {
            body.width / visible as u16
        };
        let rect = Rect {
            x,
            width: w,
            ..body
        };
        x += w;
        draw_column(
            frame,
            rect,
            board,
            &board.bord.kolommen[kolom],
            kolom == focus,
        );
    }
}

/// One column: its framed title with the card count, then its cards, those of the person whose
/// turn it is first and the others dimmed.
fn draw_column(frame: &mut Frame, rect: Rect, board: &OnScreen, col: &Kolom, focus: bool) {
    let OnScreen {
        app,
        bord,
        beurt,
        theme,
    } = *board;
    let cards: Vec<_> = bord
        .kaarten
        .iter()
        .filter(|k| k.kolom == col.id)
        .filter(|k| app.views.bord.archief || !app.session.gearchiveerd(bord, k))
        .collect();
    let exceeded = app.session.derived.wip_exceeded(&bord.id, &col.id);
    // The archive, as on the board: not shown, but counted in the header.
    let archief = if app.views.bord.archief {
        0
    } else {
        bord.kaarten
            .iter()
            .filter(|k| k.kolom == col.id && app.session.gearchiveerd(bord, k))
            .count()
    };
    let mut block = column_block(col, cards.len(), focus, exceeded, theme);
    if archief > 0 {
        block = block.title(Span::styled(wording::in_archief(archief, true), theme.dim));
    }
    let inner = block.inner(rect);
    frame.render_widget(block, rect);
    let iw = usize::from(inner.width);
    // The person whose turn it is: their cards first and highlighted.
    let mut ordered = cards.clone();
    if let Some(id) = beurt {
        ordered.sort_by_key(|k| k.eigenaar.as_deref() != Some(id));
    }
    let mut lines = Vec::new();
    let room = usize::from(inner.height / CARD_HEIGHT.max(1));
    for k in ordered.iter().take(room) {
        let theirs = beurt.is_some_and(|id| k.eigenaar.as_deref() == Some(id));
        let mut card = card_lines(app, bord, k, theirs, iw, theme);
        if beurt.is_some() && !theirs {
            for l in &mut card {
                for span in &mut l.spans {
                    span.style = span.style.patch(theme.dim);
                }
            }
        }
        lines.extend(card);
    }
    if ordered.len() > room && room > 0 {
        lines.truncate(usize::from(inner.height).saturating_sub(1));
        lines.push(Line::from(Span::styled(
            format!(" + {} meer", ordered.len() - room),
            theme.dim,
        )));
    }
    frame.render_widget(Paragraph::new(lines), inner);
}

/// The frame of a column: double when in focus, red with a marker when over its WIP limit, the
/// title showing the name and the count of `cards` (against the limit when it has one).
fn column_block(
    col: &Kolom,
    cards: usize,
    focus: bool,
    exceeded: bool,
    theme: &Theme,
) -> Block<'static> {
    let count = match col.wip {
        Some(wip) => format!("{cards}/{wip}"),
        None => cards.to_string(),
    };
    Block::default()
        .borders(Borders::ALL)
        .border_type(if focus {
            BorderType::Double
        } else {
            BorderType::Plain
        })
        .border_style(if exceeded {
            theme.conflict
        } else if focus {
            theme.border_focus
        } else {
            theme.border
        })
        .title(Line::from(vec![
            Span::styled(
                format!(" {} ", col.naam),
                if focus { theme.accent } else { theme.title },
            ),
            Span::styled(
                format!(
                    "{count}{} ",
                    if exceeded {
                        format!(" {CONFLICT}")
                    } else {
                        String::new()
                    }
                ),
                if exceeded { theme.conflict } else { theme.text },
            ),
        ]))
}
