//! Bord: the columns side by side, cards with owner, deadline, status and progress, conflict
//! markers, WIP counts, and the capacity strip of the board's people.
//!
//! About 520 lines: the board's layout is shared by drawing and mouse hits, and a card's three
//! lines need each other's widths; split, the layout would live in two places.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Borders, Paragraph};

use super::Theme;
use super::theme::{CONFLICT, status_symbol};
use super::widgets::{ellipsis, progress};
use crate::app::{App, QuickFilter, Target, status_naam};
use crate::domain::{Bord, BordSoort, Kaart};
use crate::wording;
use unicode_width::UnicodeWidthStr;
/// The narrowest a column gets before the board scrolls sideways.
pub const MIN_COLUMN: u16 = 20;
pub use crate::app::bord::CARD_HEIGHT;

/// Where the parts of the board view go.
pub struct BoardLayout {
    pub header: Rect,
    /// (column index, its area) for the columns on screen.
    pub columns: Vec<(usize, Rect)>,
    pub strip: Rect,
    pub more_left: bool,
    pub more_right: bool,
}

/// Lays out the board in `area`; the same function serves drawing and mouse hits.
pub fn layout(app: &App, bord: &Bord, area: Rect) -> BoardLayout {
    let header = Rect {
        height: 2.min(area.height),
        ..area
    };
    let rest_h = area.height.saturating_sub(header.height);
    let strip_h = crate::app::bord::strip_hoogte(rest_h, app.views.bord.strip.rows.len());
    let cols_area = Rect {
        y: area.y + header.height,
        height: rest_h - strip_h,
        ..area
    };
    let strip = Rect {
        y: cols_area.y + cols_area.height,
        height: strip_h,
        ..area
    };
    let n = bord.kolommen.len();
    let visible = usize::from(area.width / MIN_COLUMN)
        .clamp(1, n.max(1))
        .min(n);
    let first = app
        .views
        .bord
        .kolom
        .saturating_sub(visible.saturating_sub(1))
        .min(n - visible);
    let mut columns = Vec::with_capacity(visible);
    let mut x = area.x;
    for slot in 0..visible {
        let remaining = area.x + area.width - x;
        let w = if slot + 1 == visible {
            remaining
        } else {
            area.width / visible as u16
        };
        columns.push((
            first + slot,
            Rect {
                x,
                width: w,
                ..cols_area
            },
        ));
        x += w;
    }
    BoardLayout {
        header,
        columns,
        strip,
        more_left: first > 0,
        more_right: first + visible < n,
    }
}

/// The cards a column shows: (first, how many). When not all fit, a line above says how many
/// are hidden above and one below how many below, and the selected card is always among them.
fn window(app: &App, kolom: usize, cards: &[&Kaart], height: u16) -> (usize, usize) {
    let per = crate::app::bord::cards_in(height);
    let n = cards.len();
    if n <= per {
        return (0, n);
    }
    let pos = if kolom == app.views.bord.kolom {
        app.views
            .bord
            .kaart
            .as_ref()
            .and_then(|id| cards.iter().position(|k| &k.id == id))
            .unwrap_or(0)
    } else {
        0
    };
    let first = pos.saturating_sub(per - 1).min(n - per);
    (first, per)
}

pub fn draw(frame: &mut Frame, area: Rect, app: &App, theme: &Theme) {
    let Some(bord) = app.board() else {
        return;
    };
    let l = layout(app, bord, area);
    draw_header(frame, &l, app, bord, theme);
    for &(kolom, rect) in &l.columns {
        draw_column(frame, rect, app, bord, kolom, theme);
    }
    if l.strip.height > 0 {
        draw_strip(frame, l.strip, app, theme);
    }
}

fn draw_header(frame: &mut Frame, l: &BoardLayout, app: &App, bord: &Bord, theme: &Theme) {
    let w = usize::from(l.header.width);
    let org = app.session.werkmap.organisatie.as_ref();
    let about = match &bord.soort {
        BordSoort::Opgaveteam { opgave } => {
            let o = org.and_then(|o| o.opgave(opgave));
            let naam = o.map_or(opgave.as_str(), |o| o.naam.as_str());
            let adviseur = o
                .and_then(|o| o.adviseur.as_deref())
                .map(|a| format!(" · adviseur {}", app.session.person_name(a)))
                .unwrap_or_default();
            let ph = o
                .and_then(|o| o.portefeuillehouder.as_deref())
                .map(|p| format!(" · {p}"))
                .unwrap_or_default();
            format!("Opgaveteam · {naam}{adviseur}{ph}")
        }
        BordSoort::Clusterkamer { cluster } => {
            let naam = org
                .and_then(|o| o.cluster(cluster))
                .map_or(cluster.as_str(), |c| c.naam.as_str());
            format!("Clusterkamer · cluster {naam}")
        }
    };
    let mut filter = Vec::new();
    if !app.views.bord.filter.is_empty() {
        filter.push(format!("filter: {}", app.views.bord.filter));
    }
    if app.views.bord.quick != QuickFilter::Geen {
        filter.push(super::woorden::snelfilter(app.views.bord.quick));
    }
    let arrows = format!(
        "{}{}",
        if l.more_left { "◀ " } else { "" },
        if l.more_right { " ▶" } else { "" }
    );
    // The filters on are shown whole: the description gives way to them.
    let filter = if filter.is_empty() {
        String::new()
    } else {
        format!("  [{}]", filter.join(", "))
    };
    let arrows = format!("  {arrows}");
    let about_w = w.saturating_sub(1 + filter.width() + arrows.width());
    let lines = vec![
        Line::from(vec![Span::styled(
            format!(" {}", ellipsis(&bord.titel, w.saturating_sub(2))),
            theme.title,
        )]),
        Line::from(vec![
            Span::styled(format!(" {}", ellipsis(&about, about_w)), theme.dim),
            Span::styled(filter, theme.accent),
            Span::styled(arrows, theme.accent),
        ]),
    ];
    frame.render_widget(Paragraph::new(lines), l.header);
}

fn draw_column(frame: &mut Frame, rect: Rect, app: &App, bord: &Bord, kolom: usize, theme: &Theme) {
    let col = &bord.kolommen[kolom];
    // Cards in the archive are not counted; the header says how many there are.
    let archief = app.views.bord.archived(&app.session, bord, kolom);
    let total = bord.kaarten.iter().filter(|k| k.kolom == col.id).count() - archief;
    let cards = app.visible_cards(bord, kolom);
    let exceeded = app.session.derived.wip_exceeded(&bord.id, &col.id);
    let focus = kolom == app.views.bord.kolom;
    // With a filter on, the count says how many of the column's cards show.
    let filtered = cards.len() != total;
    let count = match col.wip {
        Some(wip) if filtered => format!("{} van {total}/{wip}", cards.len()),
        Some(wip) => format!("{total}/{wip}"),
        None if filtered => format!("{} van {total}", cards.len()),
        None => total.to_string(),
    };
    // The count and WIP always show; the name gets the rest of the frame, cut with "…".
    // The title is " name count " (+ "⚠ ") between the two corners.
    let rest = count.chars().count() + 3 + if exceeded { 2 } else { 0 };
    let room = usize::from(rect.width).saturating_sub(2 + rest).max(3);
    let mut title = vec![Span::styled(
        format!(" {} ", ellipsis(&col.naam, room)),
        if focus { theme.accent } else { theme.title },
    )];
    title.push(Span::styled(
        format!("{count} "),
        if exceeded { theme.conflict } else { theme.text },
    ));
    if exceeded {
        title.push(Span::styled(format!("{CONFLICT} "), theme.conflict));
    }
    if archief > 0 {
        // "+86 archief" when it fits in the frame, else "+86".
        let used: usize = title.iter().map(|s| s.width()).sum();
        let lang = wording::in_archief(archief, false);
        let kort = usize::from(rect.width) < used + lang.chars().count() + 3;
        title.push(Span::styled(wording::in_archief(archief, kort), theme.dim));
    }
    let mut block = Block::default()
        .borders(Borders::ALL)
        .border_style(if exceeded {
            theme.conflict
        } else if focus {
            theme.border_focus
        } else {
            theme.border
        })
        .title(Line::from(title));
    let inner = block.inner(rect);
    let (first, shown) = if inner.height == 0 {
        (0, 0)
    } else {
        window(app, kolom, &cards, inner.height)
    };
    // What does not fit is counted in the bottom border, so every line holds cards.
    let below = cards.len().saturating_sub(first + shown);
    if first > 0 || below > 0 {
        block = block.title_bottom(Span::styled(
            wording::kaarten_buiten_beeld(first, below),
            theme.dim,
        ));
    }
    frame.render_widget(block, rect);
    if inner.height == 0 || inner.width < 3 {
        return;
    }
    let w = usize::from(inner.width);
    let mut lines: Vec<Line> = Vec::new();
    if cards.is_empty() {
        let leeg = if filtered {
            wording::niets_gefilterd()
        } else {
            wording::lege_kolom()
        };
        lines.push(Line::from(Span::styled(leeg, theme.dim)));
    }
    for k in cards.iter().skip(first).take(shown) {
        let selected = focus && app.views.bord.kaart.as_deref() == Some(k.id.as_str());
        lines.extend(card_lines(app, bord, k, selected, w, theme));
    }
    // The empty column's line wraps in a narrow column rather than lose its end.
    let p = Paragraph::new(lines);
    let p = if cards.is_empty() {
        p.wrap(ratatui::widgets::Wrap { trim: false })
    } else {
        p
    };
    frame.render_widget(p, inner);
}

/// A card in `w` cells: its title line, owner with deadline, status with progress, and the gap
/// below. The selected card is drawn in the selection style; closed cards are dimmed.
pub(super) fn card_lines<'a>(
    app: &App,
    bord: &Bord,
    k: &Kaart,
    selected: bool,
    w: usize,
    theme: &Theme,
) -> Vec<Line<'a>> {
    let conflict = app.session.derived.card_in_conflict(bord, k);
    let open = bord.is_open(k);
    vec![
        card_title(k, selected, conflict, open, w, theme),
        card_owner(app, k, selected, open, w, theme),
        card_status(app, k, selected, open, w, theme),
        Line::default(),
    ]
}

/// The style `s`, or the selection style on the selected card.
fn pick(theme: &Theme, selected: bool, s: Style) -> Style {
    if selected { theme.selected } else { s }
}

/// A card's first line: the selection arrow, the conflict marker and the title, padded to `w`.
fn card_title(
    k: &Kaart,
    selected: bool,
    conflict: bool,
    open: bool,
    w: usize,
    theme: &Theme,
) -> Line<'static> {
    let base = if selected {
        theme.selected
    } else if open {
        theme.text
    } else {
        theme.dim
    };
    let marker = if conflict { CONFLICT } else { " " };
    Line::from(vec![
        Span::styled(
            if selected { "▶" } else { " " },
            pick(theme, selected, theme.accent),
        ),
        // The marker keeps its colour on the selected card too.
        Span::styled(
            marker,
            if selected {
                theme.selected.patch(theme.conflict)
            } else {
                theme.conflict
            },
        ),
        Span::styled(
            format!(
                "{:<width$}",
                ellipsis(&k.titel, w.saturating_sub(2)),
                width = w.saturating_sub(2)
            ),
            base.patch(if selected {
                theme.selected
            } else {
                theme.title
            }),
        ),
    ])
}

/// Below this width a card's deadline moves to the status line, so the owner's name keeps
/// room enough to say who it is.
const SMAL: usize = 26;

/// The deadline as a card shows it, marked when an open card is past it (spelled out when
/// `w` allows).
fn deadline_text(app: &App, k: &Kaart, open: bool, w: usize) -> Option<(String, bool)> {
    let overdue = open && k.deadline.is_some_and(|d| d.0 < app.session.vandaag);
    k.deadline.map(|d| {
        let d = wording::korte_datum(d, app.session.vandaag);
        let text = if overdue && w >= 30 {
            format!("{CONFLICT} verlopen {d}")
        } else if overdue {
            format!("{CONFLICT} {d}")
        } else {
            format!("→ {d}")
        };
        (text, overdue)
    })
}

/// A card's second line: the owner, and on a wide card the deadline after it.
fn card_owner(
    app: &App,
    k: &Kaart,
    selected: bool,
    open: bool,
    w: usize,
    theme: &Theme,
) -> Line<'static> {
    let owner = k
        .eigenaar
        .as_deref()
        .map(|e| app.session.person_name(e))
        .unwrap_or_else(|| wording::geen_eigenaar().into());
    let deadline = if w >= SMAL {
        deadline_text(app, k, open, w)
    } else {
        None
    };
    let dl_w = deadline.as_ref().map_or(0, |(d, _)| {
        unicode_width::UnicodeWidthStr::width(d.as_str()) + 1
    });
    let mut spans = vec![Span::styled(
        format!("  {}", ellipsis(&owner, w.saturating_sub(3 + dl_w))),
        pick(theme, selected, theme.text),
    )];
    if let Some((d, overdue)) = deadline {
        spans.push(Span::styled(
            format!(" {d}"),
            pick(
                theme,
                selected,
                if overdue { theme.conflict } else { theme.dim },
            ),
        ));
    }
    Line::from(spans)
}

/// A card's third line: its status, a progress bar when `w` leaves room, and the percentage.
/// On a narrow card the status is its symbol and the deadline comes here; the percentage is
/// never cut.
fn card_status(
    app: &App,
    k: &Kaart,
    selected: bool,
    open: bool,
    w: usize,
    theme: &Theme,
) -> Line<'static> {
    let symbol = status_symbol(k.status);
    let pct = format!(" {}%", k.voortgang);
    let style = pick(theme, selected, theme.status(k.status));
    if w < SMAL {
        // A finished card's status says nothing more: its deadline gets the room.
        let lead = if open || k.deadline.is_none() {
            format!("  {symbol}")
        } else {
            " ".to_string()
        };
        let room = w.saturating_sub(lead.chars().count() + pct.len());
        let mut spans = vec![Span::styled(lead, style)];
        match deadline_text(app, k, open, w) {
            Some((d, overdue)) if d.chars().count() < room => spans.push(Span::styled(
                format!(" {d}"),
                pick(
                    theme,
                    selected,
                    if overdue { theme.conflict } else { theme.dim },
                ),
            )),
            _ => spans.push(Span::styled(
                format!(
                    " {}",
                    ellipsis(status_naam(k.status), room.saturating_sub(1))
                ),
                style,
            )),
        }
        spans.push(Span::styled(pct, pick(theme, selected, theme.text)));
        return Line::from(spans);
    }
    // The bar starts after the longest status name, so bars line up and keep one length.
    const LANGSTE: usize = 13; // "✖ Geblokkeerd"
    let status = format!("{symbol} {}", status_naam(k.status));
    let bar_w = w.saturating_sub(LANGSTE + 9).min(10);
    Line::from(vec![
        Span::styled(format!("  {status:<LANGSTE$}"), style),
        Span::styled(
            if bar_w >= 3 {
                format!(" {}", progress(k.voortgang, bar_w))
            } else {
                String::new()
            },
            pick(theme, selected, theme.accent),
        ),
        Span::styled(pct, pick(theme, selected, theme.text)),
    ])
}

fn draw_strip(frame: &mut Frame, area: Rect, app: &App, theme: &Theme) {
    let block = Block::default()
        .borders(Borders::TOP)
        .border_style(theme.border)
        .title(Span::styled(wording::strip_titel(), theme.title));
    let inner = block.inner(area);
    frame.render_widget(block, area);
    let strip = &app.views.bord.strip;
    let name_w = 24usize.min(usize::from(inner.width) / 3);
    let cell_w = 7usize;
    let weeks =
        (usize::from(inner.width).saturating_sub(name_w + 1) / cell_w).min(strip.weeks.len());
    let mut header = vec![Span::styled(format!(" {:<name_w$}", ""), theme.dim)];
    for w in strip.weeks.iter().take(weeks) {
        header.push(Span::styled(
            format!("{:>cell_w$}", format!("W{:02}", w.number())),
            theme.dim,
        ));
    }
    let mut lines = vec![Line::from(header)];
    let rows = usize::from(inner.height).saturating_sub(1);
    for (n, row) in strip.rows.iter().enumerate() {
        if n + 1 == rows && strip.rows.len() > rows {
            lines.push(Line::from(Span::styled(
                format!(" … en nog {}", strip.rows.len() - n),
                theme.dim,
            )));
            break;
        }
        let mut spans = vec![Span::styled(
            format!(" {:<name_w$}", ellipsis(&row.naam, name_w)),
            theme.text,
        )];
        for &(b, over) in row.cells.iter().take(weeks) {
            let t = match b {
                Some(b) => format!(
                    "{}{}",
                    wording::procent(b),
                    if over { CONFLICT } else { " " }
                ),
                // Nothing available (away) yet something planned: still a conflict.
                None if over => format!("–{CONFLICT}"),
                None => "– ".into(),
            };
            spans.push(Span::styled(format!("{t:>cell_w$}"), theme.load(b, over)));
        }
        lines.push(Line::from(spans));
    }
    frame.render_widget(Paragraph::new(lines), inner);
}

pub fn hit(app: &App, area: Rect, x: u16, y: u16) -> Option<Target> {
    let bord = app.board()?;
    let l = layout(app, bord, area);
    let &(kolom, rect) = l
        .columns
        .iter()
        .find(|(_, r)| x >= r.x && x < r.x + r.width && y >= r.y && y < r.y + r.height)?;
    let inner = Block::default().borders(Borders::ALL).inner(rect);
    let cards = app.visible_cards(bord, kolom);
    let (first, shown) = window(app, kolom, &cards, inner.height);
    let offset = 0;
    if y < inner.y {
        return Some(Target::Column(kolom));
    }
    let line = usize::from(y - inner.y);
    if line < offset {
        return Some(Target::Column(kolom));
    }
    let slot = (line - offset) / usize::from(CARD_HEIGHT);
    match cards.get(first + slot).filter(|_| slot < shown) {
        Some(k) => Some(Target::Card {
            kolom,
            kaart: k.id.clone(),
        }),
        None => Some(Target::Column(kolom)),
    }
}
