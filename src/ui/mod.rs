//! Drawing: one function per view. Views borrow the app and format; they never change it.
//!
//! Owns: layout, colours and symbols of every screen and dialog. May use: `app` (read only),
//! `wording`, `config`, and the core's types.

pub mod agenda;
pub mod bord;
pub mod capaciteit;
pub mod conflicten;
pub mod inrichting;
mod inzet;
pub mod kaart;
pub mod mensen;
pub mod opgaven;
pub mod overlay;
pub mod overzicht;
pub mod standup;
pub mod theme;
pub mod tijdlijn;
pub mod widgets;
mod woorden;

use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;

use crate::app::{App, Mode, Target, View};
pub use theme::Theme;

/// Below this size the views cannot show what they say; a line says so instead.
pub use crate::app::MINSTENS;

/// Whether the terminal is too small to draw the views.
fn te_klein(area: Rect) -> bool {
    area.width < MINSTENS.0 || area.height < MINSTENS.1
}

/// Draws the whole screen.
pub fn draw(frame: &mut Frame, app: &App, theme: &Theme) {
    let area = frame.area();
    if te_klein(area) {
        let text =
            crate::wording::venster_te_klein(area.width, area.height, MINSTENS.0, MINSTENS.1);
        let lines: Vec<Line> = textwrap::wrap(&text, usize::from(area.width.max(1)))
            .into_iter()
            .map(|l| Line::from(Span::styled(l.into_owned(), theme.warning)))
            .collect();
        frame.render_widget(Paragraph::new(lines), area);
        return;
    }
    let [main, status] = Layout::vertical([Constraint::Min(0), Constraint::Length(1)]).areas(area);
    match app.view {
        View::Overzicht => overzicht::draw(frame, main, app, theme),
        View::Bord => bord::draw(frame, main, app, theme),
        View::Kaart => kaart::draw(frame, main, app, theme),
        View::Capaciteit => capaciteit::draw(frame, main, app, theme),
        View::Conflicten => conflicten::draw(frame, main, app, theme),
        View::Inzet => inzet::draw(frame, main, app, theme),
        View::Standup => standup::draw(frame, area, app, theme),
        View::Mensen => mensen::draw(frame, main, app, theme),
        View::Inrichting => inrichting::draw(frame, main, app, theme),
        View::Opgaven => opgaven::draw(frame, main, app, theme),
        View::Tijdlijn => tijdlijn::draw(frame, main, app, theme),
        View::Agenda => agenda::draw(frame, main, app, theme),
    }
    if app.view == View::Standup {
        // No edit chrome on the shared screen: no status line. Its dialogs (help, quitting
        // with unsaved edits) still show, or a key would vanish into an invisible one.
        overlay::draw(frame, area, app, theme);
        return;
    }
    draw_status(frame, status, app, theme);
    overlay::draw(frame, main, app, theme);
}

/// What a mouse click at (x, y) points at, using the same layout as drawing.
pub fn hit_test(app: &App, area: Rect, x: u16, y: u16) -> Option<Target> {
    if te_klein(area) {
        return None;
    }
    if !matches!(app.mode, Mode::Normal) {
        return None;
    }
    let [main, _] = Layout::vertical([Constraint::Min(0), Constraint::Length(1)]).areas(area);
    match app.view {
        View::Overzicht => overzicht::hit(app, main, x, y),
        View::Bord => bord::hit(app, main, x, y),
        View::Kaart
        | View::Capaciteit
        | View::Conflicten
        | View::Inzet
        | View::Standup
        | View::Mensen
        | View::Inrichting
        | View::Opgaven
        | View::Tijdlijn
        | View::Agenda => None,
    }
}

fn draw_status(frame: &mut Frame, area: Rect, app: &App, theme: &Theme) {
    // In order of importance: what is not yet safely on disk (and why), what went wrong,
    // what just happened, the werkmap. What does not fit is cut at the end, never in front.
    let waiting = app.session.files.unconfirmed();
    let file = match (waiting, app.session.files.problem()) {
        (0, _) => Span::styled(" opgeslagen ", theme.dim),
        (n, Some(why)) => Span::styled(
            format!(
                " {} {} ",
                theme::CONFLICT,
                crate::wording::wacht_omdat(n, why)
            ),
            theme.conflict,
        ),
        (n, None) if area.width < 100 => Span::styled(
            format!(" {} ", crate::wording::wijzigingen_wachten_kort(n)),
            theme.accent,
        ),
        (n, None) => Span::styled(
            format!(" {} ", crate::wording::wijzigingen_wachten(n)),
            theme.accent,
        ),
    };
    let mut parts = vec![file];
    if let Some(e) = &app.session.status.error {
        parts.push(Span::styled(
            format!("· {} {e} ", theme::CONFLICT),
            theme.conflict,
        ));
    }
    if let Some(m) = &app.session.status.message {
        parts.push(Span::styled(format!("· {m} "), theme.text));
    }
    if app.session.status.error.is_none() && !app.session.fouten.is_empty() {
        parts.push(Span::styled(
            format!(
                "· {} {} ",
                theme::CONFLICT,
                crate::wording::fouten_in_werkmap(app.session.fouten.len())
            ),
            theme.conflict,
        ));
    }
    parts.push(Span::styled(
        format!("· {} ", app.session.root.display()),
        theme.dim,
    ));
    let help = Span::styled(" ? hulp ", theme.dim);
    let room = usize::from(area.width).saturating_sub(help.width());
    let mut spans = Vec::new();
    let mut used = 0;
    for p in parts {
        let w = p.width();
        if used + w <= room {
            used += w;
            spans.push(p);
        } else {
            // A key hint ("· u = ongedaan maken") goes whole; a message is cut with "…".
            let whole = widgets::whole_items(p.content.trim_end(), room - used);
            let cut = if whole.trim_start_matches(['·', ' ']).is_empty() {
                widgets::ellipsis(&p.content, room - used)
            } else {
                whole
            };
            used += unicode_width::UnicodeWidthStr::width(cut.as_str());
            spans.push(Span::styled(cut, p.style));
            break;
        }
    }
    spans.push(Span::raw(" ".repeat(room.saturating_sub(used))));
    spans.push(help);
    frame.render_widget(Paragraph::new(Line::from(spans)), area);
}
