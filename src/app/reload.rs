//! What the views do when files changed on disk: forms take a colleague's values into the
//! fields the user did not touch; a dialog whose item is gone or changed closes and says so;
//! selections stay within what exists.

use super::action::Effect;
use super::inzet::decide;
use super::keymap::View;
use super::session::reload::Reloaded;
use super::{App, Mode};
use crate::wording;

impl App {
    /// Carries out what a change on disk asks of the views.
    pub(super) fn reloaded(&mut self, r: Reloaded) -> Vec<Effect> {
        if let Some(id) = &r.dropped
            && self.views.bord.bord == *id
            && self.view != View::Overzicht
        {
            self.view = View::Overzicht;
            self.mode = Mode::Normal;
        }
        if r.changed {
            self.reconcile();
        }
        r.effects
    }

    /// After a file changed under them: dialogs, forms and selections are checked.
    fn reconcile(&mut self) {
        self.refresh_views();
        let s = &mut self.session;
        let mode = std::mem::replace(&mut self.mode, Mode::Normal);
        self.mode = match mode {
            Mode::Form(mut f) => {
                if !f.is_new {
                    let now = s
                        .werkmap
                        .bord(&f.bord)
                        .and_then(|b| b.kaarten.iter().find(|k| k.id == f.kaart.id));
                    f.absorb(now);
                }
                Mode::Form(f)
            }
            Mode::ConfirmDelete(k) => {
                let now = self
                    .views
                    .bord
                    .board(s)
                    .and_then(|b| b.kaarten.iter().find(|x| x.id == k.id));
                match now {
                    Some(x) if *x == *k => Mode::ConfirmDelete(k),
                    Some(_) => {
                        s.warn(wording::dialoog_gewijzigd(&k.titel));
                        Mode::Normal
                    }
                    None => {
                        s.warn(wording::dialoog_verdwenen(&k.titel));
                        Mode::Normal
                    }
                }
            }
            Mode::Decide(d) if decide::still_holds(s, &d) => Mode::Decide(d),
            Mode::TochReden(input, d) if decide::still_holds(s, &d) => Mode::TochReden(input, d),
            Mode::Reason(input, r) if decide::still_open(s, &r) => Mode::Reason(input, r),
            Mode::Decide(_) | Mode::TochReden(..) | Mode::Reason(..) => Mode::Normal,
            Mode::MensForm(f) if !s.persoon_exists(&f.persoon.id) => {
                s.warn(wording::dialoog_verdwenen(&f.persoon.naam));
                Mode::Normal
            }
            Mode::AfwezigForm(f) if !s.persoon_exists(&f.persoon.id) => {
                s.warn(wording::dialoog_verdwenen(&f.persoon.naam));
                Mode::Normal
            }
            other => other,
        };
        let v = &mut self.views;
        v.bord.reconcile(s);
        if self.view == View::Kaart && v.bord.selected_card(s).is_none() {
            self.view = View::Bord;
        }
        v.inzet.clamp(s);
        v.mensen.clamp(s);
        v.conflicten.clamp(s);
        v.capaciteit.row = v.capaciteit.row.min(v.capaciteit.len().saturating_sub(1));
        v.overzicht.clamp(s);
    }
}
