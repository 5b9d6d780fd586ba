//! The capacity view's commands: moving through weeks and levels, and the places other views
//! send the user to (a person, a unit, the source of a conflict).

use super::{CapaciteitView, Maat, Niveau, RowKind};
use crate::app::action::Command;
use crate::app::session::Session;
use crate::app::step::{Go, Step};
use crate::capacity::{Conflict, ConflictSoort};

impl CapaciteitView {
    /// Shows the view at its top level, the units: on the horizon the first time, on the
    /// weeks and measure it was left with after that.
    pub fn open(&mut self, s: &mut Session) {
        if self.weeks.is_empty() {
            *self = CapaciteitView::new(s.horizon.clone());
        }
        self.trail.clear();
        self.niveau = Niveau::Eenheden;
        self.row = 0;
        self.compute(&s.werkmap);
        if let Some(why) = s.capaciteit_uit.clone() {
            s.warn(why);
        }
    }

    /// Handles a command of the capacity view.
    pub fn on_command(&mut self, s: &mut Session, c: Command) -> Step {
        let last = self.len().saturating_sub(1);
        match c {
            Command::Up => self.row = self.row.saturating_sub(1),
            Command::Down => self.row = (self.row + 1).min(last),
            Command::PageUp => self.row = self.row.saturating_sub(10),
            Command::PageDown => self.row = (self.row + 10).min(last),
            Command::Left | Command::Right => {
                let d = if c == Command::Left { -1 } else { 1 };
                self.weeks = self.weeks.iter().map(|w| w.plus(d)).collect();
                self.compute(&s.werkmap);
            }
            Command::Maat => {
                self.maat = match self.maat {
                    Maat::Procent => Maat::Uren,
                    Maat::Uren => Maat::Fte,
                    Maat::Fte => Maat::Procent,
                }
            }
            Command::Gevraagd => {
                self.met_gevraagd = !self.met_gevraagd;
                self.compute(&s.werkmap);
            }
            Command::Open => return self.open_row(s),
            Command::Back => match self.trail.pop() {
                Some((niveau, row)) => {
                    self.niveau = niveau;
                    self.compute(&s.werkmap);
                    self.row = row;
                }
                None => return Step::Back,
            },
            _ => {}
        }
        Step::Stay
    }

    /// Enter: a unit shows its people, a person their weeks, a claim its board's team.
    fn open_row(&mut self, s: &Session) -> Step {
        let org = s.werkmap.organisatie.as_ref();
        let next = match (&self.person, self.rows.get(self.row).map(|r| &r.kind)) {
            (Some(d), _) => {
                return match d.claims.get(self.row) {
                    Some(claim) if s.werkmap.bord(&claim.bord).is_some() => Step::Go(Go::Claim {
                        bord: claim.bord.clone(),
                        inzet: claim.inzet.clone(),
                    }),
                    _ => Step::Stay,
                };
            }
            (None, Some(RowKind::Eenheid(u))) => match org.and_then(|o| o.eenheden.get(*u)) {
                Some(e) => Niveau::Mensen(e.id.clone()),
                None => return Step::Stay,
            },
            (None, Some(RowKind::Persoon(p))) => match org.and_then(|o| o.mensen.get(*p)) {
                Some(m) => Niveau::Persoon(m.id.clone()),
                None => return Step::Stay,
            },
            _ => return Step::Stay,
        };
        self.trail.push((self.niveau.clone(), self.row));
        self.niveau = next;
        self.row = 0;
        self.compute(&s.werkmap);
        Step::Stay
    }

    /// Shows one person's weeks over the horizon, with nothing to go back to inside the view.
    pub fn show_person(&mut self, s: &Session, id: &str) {
        self.trail.clear();
        self.weeks = s.horizon.clone();
        self.niveau = Niveau::Persoon(id.to_string());
        self.row = 0;
        self.compute(&s.werkmap);
    }

    /// Shows the people of an opgave over the horizon; Esc returns to where the user came from.
    pub fn show_opgave(&mut self, s: &Session, id: &str) {
        self.trail.clear();
        self.weeks = s.horizon.clone();
        self.niveau = Niveau::Opgave(id.to_string());
        self.row = 0;
        self.compute(&s.werkmap);
    }

    /// Selects the row of this kind on the current level (the first row when it is absent).
    fn select(&mut self, kind: Option<RowKind>) -> usize {
        self.row = kind
            .and_then(|k| self.rows.iter().position(|r| r.kind == k))
            .unwrap_or(0);
        self.row
    }

    /// Whether the source of a conflict is in this view: a known person's load or a known
    /// unit's.
    pub fn has_source(s: &Session, c: &Conflict) -> bool {
        let Some(org) = s.werkmap.organisatie.as_ref() else {
            return false;
        };
        match c.soort {
            ConflictSoort::EenheidOverbelast => c
                .eenheid
                .as_deref()
                .is_some_and(|e| org.eenheid(e).is_some()),
            k if is_about_person(k) => c
                .persoon
                .as_deref()
                .is_some_and(|p| org.persoon(p).is_some()),
            _ => false,
        }
    }

    /// Shows the source of a conflict (see [`CapaciteitView::has_source`]) over the horizon,
    /// so its week is in view: the person's weeks, an over-loaded unit's people, or the unit
    /// among the clusters for a span of attention. Nothing to go back to inside the view: Esc
    /// returns to where the user came from (the conflict list).
    pub fn show_conflict(&mut self, s: &Session, c: &Conflict) {
        let Some(org) = s.werkmap.organisatie.as_ref() else {
            return;
        };
        let persoon = c
            .persoon
            .as_deref()
            .and_then(|p| org.mensen.iter().position(|m| m.id == p));
        let unit_id = match (c.soort, persoon) {
            (ConflictSoort::EenheidOverbelast, _) => c.eenheid.as_deref(),
            (_, Some(p)) => Some(org.mensen[p].eenheid.as_str()),
            _ => return,
        };
        let unit = unit_id.and_then(|u| org.eenheden.iter().position(|e| e.id == u));
        self.trail.clear();
        self.weeks = s.horizon.clone();
        self.row = 0;
        match (c.soort, persoon, unit) {
            (ConflictSoort::SpanOfAttention, _, _) => {
                self.niveau = Niveau::Eenheden;
                self.compute(&s.werkmap);
                self.select(unit.map(RowKind::Eenheid));
            }
            (ConflictSoort::EenheidOverbelast, _, Some(u)) => {
                self.niveau = Niveau::Mensen(org.eenheden[u].id.clone());
                self.compute(&s.werkmap);
            }
            (_, Some(p), _) => {
                self.niveau = Niveau::Persoon(org.mensen[p].id.clone());
                self.compute(&s.werkmap);
            }
            _ => self.compute(&s.werkmap),
        }
    }
}

/// The kinds of conflict whose source is a person's load.
fn is_about_person(soort: ConflictSoort) -> bool {
    matches!(
        soort,
        ConflictSoort::Overboekt | ConflictSoort::AfwezigIngezet | ConflictSoort::SpanOfAttention
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::app::testing::session;

    fn opened(s: &mut Session) -> CapaciteitView {
        let mut v = CapaciteitView::default();
        v.open(s);
        v
    }

    fn names(v: &CapaciteitView) -> Vec<&str> {
        v.rows.iter().map(|r| r.naam.as_str()).collect()
    }

    #[test]
    fn opening_shows_clusters_with_their_units_over_the_horizon() {
        let mut s = session();
        let v = opened(&mut s);
        assert_eq!(
            names(&v),
            ["Samenleving", "Wijken", "Zorg", "Ruimte", "Buitenruimte"]
        );
        assert_eq!(v.weeks, s.horizon);
    }

    #[test]
    fn enter_drills_down_and_esc_comes_back_to_the_same_row() {
        let mut s = session();
        let mut v = opened(&mut s);
        v.on_command(&mut s, Command::Down);
        v.on_command(&mut s, Command::Open);
        assert_eq!(v.niveau, Niveau::Mensen("wijken".into()));
        assert_eq!(names(&v), ["Anna de Vries", "Daan Bakker", "Eva Smit"]);
        v.on_command(&mut s, Command::Down);
        v.on_command(&mut s, Command::Open);
        assert_eq!(v.niveau, Niveau::Persoon("dbakker".into()));
        let claims: Vec<&str> = v
            .person
            .as_ref()
            .unwrap()
            .claims
            .iter()
            .map(|c| c.inzet.as_str())
            .collect();
        assert_eq!(claims, ["h1", "p1"]);
        assert!(matches!(
            v.on_command(&mut s, Command::Open),
            Step::Go(Go::Claim { bord, inzet }) if bord == "opgave-haven" && inzet == "h1"
        ));
        v.on_command(&mut s, Command::Back);
        assert_eq!(
            (v.niveau.clone(), v.row),
            (Niveau::Mensen("wijken".into()), 1)
        );
        v.on_command(&mut s, Command::Back);
        assert_eq!((v.niveau.clone(), v.row), (Niveau::Eenheden, 1));
        assert!(matches!(v.on_command(&mut s, Command::Back), Step::Back));
    }

    #[test]
    fn weeks_shift_and_requests_can_be_left_out() {
        let mut s = session();
        let mut v = opened(&mut s);
        let first = v.weeks[0];
        v.on_command(&mut s, Command::Right);
        assert_eq!(v.weeks[0], first.plus(1));
        assert!(v.met_gevraagd);
        v.on_command(&mut s, Command::Gevraagd);
        assert!(!v.met_gevraagd);
        v.on_command(&mut s, Command::Maat);
        assert_eq!(v.maat, Maat::Uren);
    }

    #[test]
    fn an_over_booked_person_is_shown_over_the_horizon_and_esc_leaves() {
        let mut s = session();
        let mut v = opened(&mut s);
        let c = s
            .derived
            .people
            .iter()
            .find(|c| {
                c.soort == ConflictSoort::Overboekt && c.persoon.as_deref() == Some("dbakker")
            })
            .unwrap()
            .clone();
        assert!(CapaciteitView::has_source(&s, &c));
        // Weeks moved on before: the jump shows the horizon again, the conflict's week first.
        v.on_command(&mut s, Command::Right);
        v.show_conflict(&s, &c);
        assert_eq!(v.niveau, Niveau::Persoon("dbakker".into()));
        assert_eq!(v.weeks.first(), c.week.as_ref());
        assert!(matches!(v.on_command(&mut s, Command::Back), Step::Back));
    }

    #[test]
    fn an_over_loaded_unit_is_shown_with_its_people() {
        let mut s = session();
        let mut v = opened(&mut s);
        let c = s
            .derived
            .people
            .iter()
            .find(|c| c.soort == ConflictSoort::EenheidOverbelast)
            .unwrap()
            .clone();
        v.show_conflict(&s, &c);
        assert_eq!(v.niveau, Niveau::Mensen("wijken".into()));
        assert!(v.trail.is_empty());
    }
}
