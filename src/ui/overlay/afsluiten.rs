//! The quit dialog for when edits could not be saved.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Borders, Clear, Paragraph, Wrap};

use crate::app::App;
use crate::ui::Theme;
use crate::ui::widgets::centered;
use crate::wording;

/// Quitting with edits that could not be saved: why, and the three ways out with `choice`
/// selected.
pub(super) fn quit_pending(frame: &mut Frame, area: Rect, app: &App, choice: usize, theme: &Theme) {
    let r = centered(area, 72, 9);
    frame.render_widget(Clear, r);
    let block = Block::default()
        .borders(Borders::ALL)
        .border_style(theme.conflict)
        .title(Span::styled(wording::afsluiten_titel(), theme.title));
    let waarom = app.session.files.problem().unwrap_or_default().to_string();
    let mut lines = vec![
        Line::from(Span::styled(
            wording::afsluiten_vraag(app.session.files.unwritten()),
            theme.text,
        )),
        Line::from(Span::styled(waarom, theme.conflict)),
    ];
    for (i, k) in wording::afsluiten_keuzes().iter().enumerate() {
        let style = if i == choice {
            theme.selected
        } else {
            theme.text
        };
        let mark = if i == choice { "▶" } else { " " };
        lines.push(Line::from(Span::styled(
            format!("{mark} {} {k}", i + 1),
            style,
        )));
    }
    lines.push(Line::from(Span::styled(
        wording::afsluiten_hint(),
        theme.dim,
    )));
    frame.render_widget(
        Paragraph::new(lines)
            .block(block)
            .wrap(Wrap { trim: false }),
        r,
    );
}
