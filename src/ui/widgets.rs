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

/// Cuts `s` to `width` cells at a space, ending in `…`: a figure is shown whole or not at all
/// (never `(0,…` for 0,0). Falls back on [`ellipsis`] when the first word alone is too long.
pub fn ellipsis_woord(s: &str, width: usize) -> String {
    if s.width() <= width {
        return s.to_string();
    }
    let kort = ellipsis(s, width);
    let body = kort.trim_end_matches('…');
    // Cut at the last space inside what fits, unless the cut already falls between words.
    let heel = s[body.len()..].starts_with(' ');
    match body.rfind(' ') {
        Some(_) if heel => format!("{}…", body.trim_end()),
        Some(i) if i > 0 => format!("{} …", body[..i].trim_end()),
        _ => kort,
    }
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
    fn a_cut_between_words_never_shows_half_a_figure() {
        let s = "Eva Smit is in week 50 afwezig of vrij (0,0 u beschikbaar)";
        let k = ellipsis_woord(s, 42);
        assert_eq!(k, "Eva Smit is in week 50 afwezig of vrij …");
        assert!(k.width() <= 42);
        assert_eq!(
            ellipsis_woord(s, 45),
            "Eva Smit is in week 50 afwezig of vrij (0,0 …"
        );
        assert_eq!(ellipsis_woord("kort", 10), "kort");
        assert_eq!(ellipsis_woord("Donaudampfschiffahrt", 8), "Donauda…");
        for w in 3..s.len() {
            assert!(ellipsis_woord(s, w).width() <= w, "{w}");
        }
    }

    #[test]
    fn ellipsis_counts_cells() {
        assert_eq!(ellipsis("Wilhelminaplein", 8), "Wilhelm…");
        assert_eq!(ellipsis("kort", 8), "kort");
        assert_eq!(ellipsis("Één café", 4), "Één…");
        assert_eq!(ellipsis("x", 0), "");
        assert_eq!(progress(40, 10), "▰▰▰▰▱▱▱▱▱▱");
    }
}
