//! The help window: the keys of the current view.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Borders, Clear, Paragraph, Wrap};

use crate::app::App;
use crate::app::keymap::{self, KEYMAP};
use crate::ui::Theme;
use crate::ui::widgets::{centered, ellipsis};
use crate::wording;

/// The keys of the view help was asked in, in one column or two, with the general notes below.
pub(super) fn help(frame: &mut Frame, area: Rect, app: &App, theme: &Theme) {
    let view = app.help_view();
    let bindings: Vec<_> = KEYMAP.iter().filter(|b| b.views.contains(&view)).collect();
    let foot = wording::hulp_voet(app.session.config.muis());
    let width = area.width.saturating_sub(4).min(110);
    // One column when it fits, else two side by side.
    let fits = bindings.len() + foot.len() + 5 <= usize::from(area.height);
    let columns = if fits { 1 } else { 2 };
    let col_w = usize::from(width.saturating_sub(2)) / columns;
    let per_column = bindings.len().div_ceil(columns);
    // The key column as wide as its widest entry: the rest is for the descriptions.
    let key_w = bindings
        .iter()
        .map(|b| keymap::key_names(b).chars().count())
        .max()
        .unwrap_or(0)
        + 1;
    let entry = |b: &keymap::Binding| -> Vec<Span<'static>> {
        let keys = format!("  {:<key_w$}", keymap::key_names(b));
        let room = col_w.saturating_sub(keys.chars().count() + 1);
        vec![
            Span::styled(keys, theme.title),
            Span::styled(format!("{:<room$} ", ellipsis(b.help, room)), theme.text),
        ]
    };
    let mut lines = vec![
        Line::from(Span::styled(
            crate::ui::woorden::hulp_kop(view),
            theme.accent,
        )),
        Line::default(),
    ];
    for row in 0..per_column {
        let mut spans = Vec::new();
        for c in 0..columns {
            if let Some(b) = bindings.get(c * per_column + row) {
                spans.extend(entry(b));
            }
        }
        lines.push(Line::from(spans));
    }
    lines.push(Line::default());
    for l in foot {
        lines.push(Line::from(Span::styled(l, theme.dim)));
    }
    let h = (lines.len() as u16 + 4).min(area.height);
    let r = centered(area, width, h);
    frame.render_widget(Clear, r);
    let block = Block::default()
        .borders(Borders::ALL)
        .border_style(theme.border_focus)
        .title(Span::styled(" Hulp ", theme.title));
    frame.render_widget(
        Paragraph::new(lines)
            .block(block)
            .wrap(Wrap { trim: false }),
        r,
    );
}
