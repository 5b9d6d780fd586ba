//! The help window: the keys of the current view, laid out by [`crate::app::hulp`].

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Borders, Clear, Paragraph};

use crate::app::App;
use crate::app::hulp::{self, HulpRegel};
use crate::ui::Theme;
use crate::ui::widgets::centered;

/// The keys of the view help was asked in, scrolled `scroll` lines, with the general notes
/// below; when it scrolls, the bottom border says how.
pub(super) fn help(frame: &mut Frame, area: Rect, app: &App, scroll: usize, theme: &Theme) {
    let ind = hulp::indeling(
        app.help_view(),
        app.session.config.muis(),
        area.width,
        area.height,
    );
    let entry = |(keys, text): &(String, String)| -> Vec<Span<'static>> {
        let room = ind.col_w.saturating_sub(ind.key_w);
        vec![
            Span::styled(format!("  {:<w$}", keys, w = ind.key_w - 2), theme.title),
            Span::styled(format!("{text:<room$}"), theme.text),
        ]
    };
    let max = ind.max_scroll(area.height);
    let scroll = scroll.min(max);
    let lines: Vec<Line> = ind
        .regels
        .iter()
        .skip(scroll)
        .take(ind.zichtbaar(area.height))
        .map(|r| match r {
            HulpRegel::Leeg => Line::default(),
            HulpRegel::Toetsen(e) => Line::from(e.iter().flat_map(entry).collect::<Vec<_>>()),
            HulpRegel::Voet(t) => Line::from(Span::styled(t.clone(), theme.dim)),
        })
        .collect();
    let mut text = vec![
        Line::from(Span::styled(
            crate::ui::woorden::hulp_kop(app.help_view()),
            theme.accent,
        )),
        Line::default(),
    ];
    text.extend(lines);
    let h = (text.len() as u16 + 2).min(area.height);
    let r = centered(area, ind.width, h);
    frame.render_widget(Clear, r);
    let mut block = Block::default()
        .borders(Borders::ALL)
        .border_style(theme.border_focus)
        .title(Span::styled(" Hulp ", theme.title));
    if max > 0 {
        block = block.title_bottom(Span::styled(
            crate::wording::hulp_scrollen(scroll, max),
            theme.dim,
        ));
    }
    frame.render_widget(Paragraph::new(text).block(block), r);
}
