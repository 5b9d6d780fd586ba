//! Drawing: one function per view. Views borrow the app and format; they never change it.

pub mod bord;
pub mod capaciteit;
pub mod conflicten;
pub mod inzet;
pub mod kaart;
pub mod mensen;
pub mod overlay;
pub mod overzicht;
pub mod standup;
pub mod theme;
pub mod widgets;

use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;

use crate::app::{App, Mode, Target, View};
pub use theme::Theme;

/// Draws the whole screen.
pub fn draw(frame: &mut Frame, app: &App, theme: &Theme) {
    let area = frame.area();
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
    }
    if app.view == View::Standup {
        // No edit chrome on the shared screen: no status line, no overlays.
        return;
    }
    draw_status(frame, status, app, theme);
    overlay::draw(frame, main, app, theme);
}

/// What a mouse click at (x, y) points at, using the same layout as drawing.
pub fn hit_test(app: &App, area: Rect, x: u16, y: u16) -> Option<Target> {
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
        | View::Mensen => None,
    }
}

fn draw_status(frame: &mut Frame, area: Rect, app: &App, theme: &Theme) {
    // Edits not yet safely on disk are always in view: their count, and why they wait.
    let waiting = app.files.unconfirmed();
    let (file, file_style) = match (waiting, app.files.problem()) {
        (0, _) => ("opgeslagen".to_string(), theme.dim),
        (n, Some(_)) => (
            format!(
                "{} {}",
                theme::CONFLICT,
                crate::text::wijzigingen_wachten(n)
            ),
            theme.conflict,
        ),
        (n, None) => (crate::text::wijzigingen_wachten(n), theme.accent),
    };
    let mut spans = vec![
        Span::styled(format!(" {} ", app.root.display()), theme.accent),
        Span::styled(format!("· {file} "), file_style),
    ];
    if let Some(m) = &app.status.message {
        spans.push(Span::styled(format!("· {m} "), theme.text));
    }
    if let Some(e) = &app.status.error {
        spans.push(Span::styled(
            format!("· {} {e} ", theme::CONFLICT),
            theme.conflict,
        ));
    } else if !app.fouten.is_empty() {
        spans.push(Span::styled(
            format!(
                "· {} {} ",
                theme::CONFLICT,
                crate::text::fouten_in_werkmap(app.fouten.len())
            ),
            theme.conflict,
        ));
    }
    let help = Span::styled(" ? hulp ", theme.dim);
    let used: usize = spans.iter().map(|s| s.width()).sum();
    let room = usize::from(area.width).saturating_sub(help.width());
    if used > room {
        let text: String = spans.iter().map(|s| s.content.as_ref()).collect();
        spans = vec![Span::styled(widgets::ellipsis(&text, room), theme.text)];
    } else {
        spans.push(Span::raw(" ".repeat(room - used)));
    }
    spans.push(help);
    frame.render_widget(Paragraph::new(Line::from(spans)), area);
}
