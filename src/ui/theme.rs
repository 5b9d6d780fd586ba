//! Colours and styles. Themes live in `assets/` as RON; `NO_COLOR` gives one without colour.
//! Nothing is shown by colour alone: every coloured state also has a symbol or text.

use std::str::FromStr;

use ratatui::style::{Color, Modifier, Style};
use serde::Deserialize;

use crate::domain::KaartStatus;

/// A theme file: colour names as ratatui reads them (`red`, `lightred`, `#ff8800`).
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct Thema {
    tekst: String,
    gedimd: String,
    accent: String,
    selectie: String,
    selectie_tekst: String,
    conflict: String,
    waarschuwing: String,
    goed: String,
    rand: String,
}

const STANDAARD: &str = include_str!("../../assets/thema-standaard.ron");
const HOOG_CONTRAST: &str = include_str!("../../assets/thema-hoog-contrast.ron");

/// The styles the views use.
#[derive(Debug, Clone, PartialEq)]
pub struct Theme {
    pub text: Style,
    pub dim: Style,
    pub accent: Style,
    pub title: Style,
    pub selected: Style,
    pub conflict: Style,
    pub warning: Style,
    pub good: Style,
    pub border: Style,
    pub border_focus: Style,
}

impl Theme {
    /// The theme named in the config (`standaard` or `hoog-contrast`), or none when `no_color`.
    pub fn named(name: Option<&str>, no_color: bool) -> Theme {
        if no_color {
            return Theme::monochrome();
        }
        let source = match name {
            Some("hoog-contrast") => HOOG_CONTRAST,
            _ => STANDAARD,
        };
        Theme::parse(source).unwrap_or_else(Theme::monochrome)
    }

    fn parse(source: &str) -> Option<Theme> {
        let t: Thema = crate::storage::format::parse(source).ok()?;
        let c = |s: &str| Color::from_str(s).ok();
        let fg = |s: &str| c(s).map(|col| Style::default().fg(col));
        Some(Theme {
            text: fg(&t.tekst)?,
            dim: fg(&t.gedimd)?,
            accent: fg(&t.accent)?.add_modifier(Modifier::BOLD),
            title: fg(&t.tekst)?.add_modifier(Modifier::BOLD),
            selected: Style::default()
                .bg(c(&t.selectie)?)
                .fg(c(&t.selectie_tekst)?)
                .add_modifier(Modifier::BOLD),
            conflict: fg(&t.conflict)?.add_modifier(Modifier::BOLD),
            warning: fg(&t.waarschuwing)?,
            good: fg(&t.goed)?,
            border: fg(&t.rand)?,
            border_focus: fg(&t.accent)?.add_modifier(Modifier::BOLD),
        })
    }

    /// Without colour: emphasis by bold and reverse only.
    pub fn monochrome() -> Theme {
        let s = Style::default();
        Theme {
            text: s,
            dim: s,
            accent: s.add_modifier(Modifier::BOLD),
            title: s.add_modifier(Modifier::BOLD),
            selected: s.add_modifier(Modifier::REVERSED),
            conflict: s.add_modifier(Modifier::BOLD),
            warning: s,
            good: s,
            border: s,
            border_focus: s.add_modifier(Modifier::BOLD),
        }
    }

    /// The style of a card status.
    pub fn status(&self, s: KaartStatus) -> Style {
        match s {
            KaartStatus::OpKoers => self.good,
            KaartStatus::Risico => self.warning,
            KaartStatus::Vertraagd | KaartStatus::Geblokkeerd => self.conflict,
        }
    }

    /// The style of a belasting figure: fine, nearly full, over.
    pub fn load(&self, belasting: Option<f64>, over: bool) -> Style {
        match belasting {
            _ if over => self.conflict,
            Some(b) if b > 0.9 => self.warning,
            Some(_) => self.good,
            None => self.dim,
        }
    }
}

/// The symbol that goes with a card status, so it reads without colour.
pub fn status_symbol(s: KaartStatus) -> &'static str {
    match s {
        KaartStatus::OpKoers => "○",
        KaartStatus::Risico => "△",
        KaartStatus::Vertraagd => "◷",
        KaartStatus::Geblokkeerd => "✖",
    }
}

/// The conflict marker.
pub const CONFLICT: &str = "⚠";

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn both_themes_in_assets_parse() {
        assert!(Theme::parse(STANDAARD).is_some());
        assert!(Theme::parse(HOOG_CONTRAST).is_some());
        assert_eq!(
            Theme::named(Some("hoog-contrast"), true),
            Theme::monochrome()
        );
    }
}
