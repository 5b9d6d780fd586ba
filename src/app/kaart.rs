//! The card view: the selected card of the open board, whole, scrolled.

use super::action::Command;
use super::bord::BordView;
use super::session::Session;
use super::step::Step;
use crate::domain::historie::Gebeurtenis;

/// The state of the card view: how far it is scrolled. The card is the board view's selection.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct KaartView {
    pub scroll: u16,
}

impl KaartView {
    /// Handles a command of the card view; edits go to the board view's selected card.
    /// `historie`: the board's history as read, shown under the notes.
    pub fn on_command(
        &mut self,
        s: &mut Session,
        bord: &mut BordView,
        historie: Option<&[Gebeurtenis]>,
        c: Command,
    ) -> Step {
        let max_scroll = |s: &Session, bord: &BordView| max_scroll(s, bord, historie);
        match c {
            Command::Back => return Step::Back,
            Command::Up => self.scroll = self.scroll.saturating_sub(1),
            Command::Down => self.scroll = self.scroll.saturating_add(1).min(max_scroll(s, bord)),
            Command::PageUp => self.scroll = self.scroll.saturating_sub(10),
            Command::PageDown => {
                self.scroll = self.scroll.saturating_add(10).min(max_scroll(s, bord));
            }
            Command::EditCard | Command::DeleteCard | Command::AddNote => {
                return bord.card_command(s, c);
            }
            _ => {}
        }
        Step::Stay
    }
}

/// `text` in lines of `w - indent` cells, for a block indented by `indent` (the card view's
/// conflicts and notes).
pub fn hanging(text: &str, w: usize, indent: usize) -> Vec<String> {
    textwrap::wrap(text, w.saturating_sub(indent).max(10))
        .into_iter()
        .map(|l| l.into_owned())
        .collect()
}

/// A card's description as the card view shows it: each of its lines wrapped in `w - 2`
/// cells (an empty line stays, it separates paragraphs).
pub fn omschrijving_regels(text: &str, w: usize) -> Vec<String> {
    text.lines()
        .flat_map(|l| {
            if l.trim().is_empty() {
                vec![String::new()]
            } else {
                hanging(l, w, 2)
            }
        })
        .collect()
}

/// How far the card view scrolls: its lines (as `ui::kaart` lays them out on this screen, the
/// history `s_historie` included) less
/// the window, so scrolling stops with the last line at the bottom.
fn max_scroll(s: &Session, bord: &BordView, s_historie: Option<&[Gebeurtenis]>) -> u16 {
    let (Some(b), Some(k)) = (bord.board(s), bord.selected_card(s)) else {
        return 0;
    };
    let (w, h) = (usize::from(s.size.0.saturating_sub(2)), s.size.1);
    // The title, a blank line and twelve fields.
    let mut regels = 14;
    if let Some(o) = &k.omschrijving {
        regels += 2 + omschrijving_regels(o, w).len();
    }
    let runs = crate::capacity::reeksen(s.derived.of_card(b, k));
    if !runs.is_empty() {
        regels += 2 + runs
            .iter()
            .map(|r| hanging(&crate::wording::uitleg_reeks(r), w, 4).len())
            .sum::<usize>();
    }
    regels += 2 + k
        .notities
        .iter()
        .map(|n| 1 + hanging(&n.tekst, w, 4).len())
        .sum::<usize>();
    if let Some(entries) = s_historie {
        regels += 2 + crate::domain::historie::van_kaart(entries, &k.id).len();
    }
    // The window: the screen less the status line and the frame.
    let window = usize::from(h.saturating_sub(3));
    u16::try_from(regels.saturating_sub(window)).unwrap_or(u16::MAX)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::app::Mode;
    use crate::app::testing::session;

    #[test]
    fn the_card_view_scrolls_and_edits_the_board_views_card() {
        let mut s = session();
        let mut bord = BordView::default();
        bord.open(&s, "opgave-haven");
        // A low screen, so the card has more lines than the window.
        s.size = (80, 16);
        let max = max_scroll(&s, &bord, None);
        assert!(max > 0);
        let mut v = KaartView::default();
        for _ in 0..5 {
            v.on_command(&mut s, &mut bord, None, Command::PageDown);
        }
        assert_eq!(v.scroll, max, "stops with the last line at the bottom");
        v.on_command(&mut s, &mut bord, None, Command::Up);
        assert_eq!(v.scroll, max - 1, "one key up moves up at once");
        let step = v.on_command(&mut s, &mut bord, None, Command::EditCard);
        assert!(matches!(step, Step::Dialog(Mode::Form(f)) if f.kaart.id == "k4"));
        let step = v.on_command(&mut s, &mut bord, None, Command::Back);
        assert!(matches!(step, Step::Back));
    }
}
