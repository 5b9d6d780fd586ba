//! The card view: the selected card of the open board, whole, scrolled.

use super::action::Command;
use super::bord::BordView;
use super::session::Session;
use super::step::Step;

/// The state of the card view: how far it is scrolled. The card is the board view's selection.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct KaartView {
    pub scroll: u16,
}

impl KaartView {
    /// Handles a command of the card view; edits go to the board view's selected card.
    pub fn on_command(&mut self, s: &mut Session, bord: &mut BordView, c: Command) -> Step {
        match c {
            Command::Back => return Step::Back,
            Command::Up => self.scroll = self.scroll.saturating_sub(1),
            Command::Down => self.scroll = self.scroll.saturating_add(1),
            Command::PageUp => self.scroll = self.scroll.saturating_sub(10),
            Command::PageDown => self.scroll = self.scroll.saturating_add(10),
            Command::EditCard | Command::DeleteCard | Command::AddNote => {
                return bord.card_command(s, c);
            }
            _ => {}
        }
        Step::Stay
    }
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
        let mut v = KaartView::default();
        v.on_command(&mut s, &mut bord, Command::PageDown);
        v.on_command(&mut s, &mut bord, Command::Up);
        assert_eq!(v.scroll, 9);
        let step = v.on_command(&mut s, &mut bord, Command::EditCard);
        assert!(matches!(step, Step::Dialog(Mode::Form(f)) if f.kaart.id == "k4"));
        let step = v.on_command(&mut s, &mut bord, Command::Back);
        assert!(matches!(step, Step::Back));
    }
}
