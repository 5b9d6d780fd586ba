//! Small shared pieces: truncation with an ellipsis, progress bars, popups.

use ratatui::Frame;
use ratatui::layout::{Constraint, Flex, Layout, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;
use unicode_width::{UnicodeWidthChar, UnicodeWidthStr};

/// Cuts `s` to `width` terminal cells, ending in `…` when cut.
pub fn ellipsis(s: &str, width: usize) -> String {
    if s.width() <= width {
        return s.to_string();
    }
    if width == 0 {
        return String::new();
    }
    let mut out = String::new();
    let mut w = 0;
    for c in s.chars() {
        let cw = c.width().unwrap_or(0);
        if w + cw + 1 > width {
            break;
        }
        out.push(c);
        w += cw;
    }
    out.push('…');
    out
}

/// A progress bar of `cells` cells: `▰▰▰▱▱`.
pub fn progress(pct: u32, cells: usize) -> String {
    let full = (pct.min(100) as usize * cells + 50) / 100;
    format!("{}{}", "▰".repeat(full), "▱".repeat(cells - full))
}

/// The two header lines of a list view: its title and the keys it takes.
pub fn header(
    frame: &mut Frame,
    area: Rect,
    title: impl Into<String>,
    keys: impl Into<String>,
    theme: &super::Theme,
) {
    let w = usize::from(area.width);
    let lines = vec![
        Line::from(Span::styled(ellipsis(&title.into(), w), theme.accent)),
        Line::from(Span::styled(whole_items(&keys.into(), w), theme.dim)),
    ];
    frame.render_widget(
        Paragraph::new(lines),
        Rect {
            height: 2.min(area.height),
            ..area
        },
    );
}

/// The items of a `a · b · c` line that fit in `w` cells, whole: a key hint is never cut in
/// the middle ("Esc teru").
pub fn whole_items(line: &str, w: usize) -> String {
    let mut out = String::new();
    for item in line.split(" · ") {
        let next = if out.is_empty() {
            item.to_string()
        } else {
            format!("{out} · {item}")
        };
        if next.width() > w {
            break;
        }
        out = next;
    }
    out
}

/// The first row to show of a list `height` rows high so that row `selected` is in view.
pub fn first_visible(selected: usize, height: usize) -> usize {
    selected.saturating_sub(height.saturating_sub(1))
}

/// A rectangle of at most `w`×`h` centred in `area`.
pub fn centered(area: Rect, w: u16, h: u16) -> Rect {
    let [v] = Layout::vertical([Constraint::Length(h.min(area.height))])
        .flex(Flex::Center)
        .areas(area);
    let [r] = Layout::horizontal([Constraint::Length(w.min(area.width))])
        .flex(Flex::Center)
        .areas(v);
    r
}

/// Which columns of a table fit in `breedte` cells: `breedtes` are each column's natural width,
/// `voorrang` the column indexes from most to least important. The first column in `voorrang`
/// always stays (it may be cut); columns are left out from the least important until the rest
/// fits with `tussen` cells between columns. Returns the kept indexes in table order.
pub fn kolommen_die_passen(
    breedtes: &[usize],
    voorrang: &[usize],
    tussen: usize,
    breedte: usize,
) -> Vec<usize> {
    let mut gehouden: Vec<usize> = voorrang.to_vec();
    let som = |g: &[usize]| -> usize {
        g.iter().map(|&i| breedtes[i]).sum::<usize>() + tussen * g.len().saturating_sub(1)
    };
    while gehouden.len() > 1 && som(&gehouden) > breedte {
        gehouden.pop();
    }
    gehouden.sort_unstable();
    gehouden
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ellipsis_counts_cells() {
        assert_eq!(ellipsis("Wilhelminaplein", 8), "Wilhelm…");
        assert_eq!(ellipsis("kort", 8), "kort");
        assert_eq!(ellipsis("Één café", 4), "Één…");
        assert_eq!(ellipsis("x", 0), "");
        assert_eq!(progress(40, 10), "▰▰▰▰▱▱▱▱▱▱");
    }
}
