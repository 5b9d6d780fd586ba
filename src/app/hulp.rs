//! The help window's layout: the keys of a view, in two columns when every description fits
//! whole beside another, else in one with long descriptions wrapped under themselves. The app
//! needs it to know how far the window scrolls; the view draws exactly these lines.

use unicode_width::UnicodeWidthStr;

use super::View;
use super::keymap::{self, KEYMAP};
use crate::wording;

/// One line of the help window.
#[derive(Debug, Clone, PartialEq)]
pub enum HulpRegel {
    Leeg,
    /// Keys and their description, one or two side by side; a wrapped description goes on
    /// with empty keys.
    Toetsen(Vec<(String, String)>),
    /// A line of the general notes below the keys.
    Voet(String),
}

/// The window's lines and sizes for a screen of `width` × `height` cells.
#[derive(Debug, Clone, PartialEq)]
pub struct HulpIndeling {
    /// The window's outer width.
    pub width: u16,
    /// The cells of the key column, and of one entry (keys and description).
    pub key_w: usize,
    pub col_w: usize,
    pub regels: Vec<HulpRegel>,
}

impl HulpIndeling {
    /// The lines that fit in the window at once (inside its border, under the heading).
    pub fn zichtbaar(&self, height: u16) -> usize {
        usize::from(height.saturating_sub(4))
    }

    /// How far the window scrolls at most in a screen `height` high.
    pub fn max_scroll(&self, height: u16) -> usize {
        self.regels.len().saturating_sub(self.zichtbaar(height))
    }
}

/// The help of `view` in a screen of `width` × `height`.
pub fn indeling(view: View, muis: bool, width: u16, height: u16) -> HulpIndeling {
    let bindings: Vec<_> = KEYMAP.iter().filter(|b| b.views.contains(&view)).collect();
    let outer = width.saturating_sub(2).min(110);
    let inner = usize::from(outer.saturating_sub(2));
    let key_w = bindings
        .iter()
        .map(|b| keymap::key_names(b).width())
        .max()
        .unwrap_or(0)
        + 3;
    let voet: Vec<HulpRegel> = wording::hulp_voet(muis)
        .iter()
        .flat_map(|l| {
            textwrap::wrap(
                l.trim_start(),
                textwrap::Options::new(inner.max(10))
                    .initial_indent("  ")
                    .subsequent_indent("  "),
            )
            .into_iter()
            .map(|c| HulpRegel::Voet(c.into_owned()))
            .collect::<Vec<_>>()
        })
        .collect();
    let longest = bindings.iter().map(|b| b.help.width()).max().unwrap_or(0);
    let two_w = inner / 2;
    let two_fit = key_w + longest < two_w
        && bindings.len().div_ceil(2) + voet.len() + 5 <= usize::from(height);
    let one_fits_height = bindings.len() + voet.len() + 5 <= usize::from(height);
    let columns = if two_fit && !one_fits_height { 2 } else { 1 };
    let col_w = inner / columns;
    let room = col_w.saturating_sub(key_w + 1).max(8);
    let mut regels = Vec::new();
    if columns == 2 {
        let per = bindings.len().div_ceil(2);
        for r in 0..per {
            let row = [bindings.get(r), bindings.get(per + r)]
                .into_iter()
                .flatten()
                .map(|b| (keymap::key_names(b), b.help.to_string()))
                .collect();
            regels.push(HulpRegel::Toetsen(row));
        }
    } else {
        for b in &bindings {
            for (i, part) in textwrap::wrap(b.help, room).into_iter().enumerate() {
                let keys = if i == 0 {
                    keymap::key_names(b)
                } else {
                    String::new()
                };
                regels.push(HulpRegel::Toetsen(vec![(keys, part.into_owned())]));
            }
        }
    }
    regels.push(HulpRegel::Leeg);
    regels.extend(voet);
    HulpIndeling {
        width: outer,
        key_w,
        col_w,
        regels,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn no_description_is_cut_and_narrow_screens_wrap_under_the_description() {
        for (w, h) in [(80, 24), (60, 16), (120, 35), (200, 50)] {
            let ind = indeling(View::Bord, true, w, h);
            let text: String = ind
                .regels
                .iter()
                .filter_map(|r| match r {
                    HulpRegel::Toetsen(e) => Some(
                        e.iter()
                            .map(|(_, d)| d.as_str())
                            .collect::<Vec<_>>()
                            .join(" "),
                    ),
                    _ => None,
                })
                .collect::<Vec<_>>()
                .join(" ");
            for b in KEYMAP.iter().filter(|b| b.views.contains(&View::Bord)) {
                for word in b.help.split_whitespace() {
                    assert!(text.contains(word), "{w}x{h}: {word} of {:?}", b.help);
                }
            }
            for r in &ind.regels {
                if let HulpRegel::Toetsen(e) = r {
                    for (_, d) in e {
                        assert!(d.width() + ind.key_w < ind.col_w + 1, "{w}x{h}: {d}");
                    }
                }
            }
        }
        // At 80×24 the board's keys do not fit at once: the window scrolls.
        assert!(indeling(View::Bord, true, 80, 24).max_scroll(24) > 0);
        assert_eq!(indeling(View::Bord, true, 200, 50).max_scroll(50), 0);
    }
}
