//! Figures derived from the werkmap, computed before drawing (views only format them).

use std::collections::{HashMap, HashSet};

use chrono::NaiveDate;

use crate::capacity::{self, Conflict, ConflictSoort, Ernst};
use crate::domain::{Bord, Week, Werkmap};

/// A board's own conflicts and how many conflicts of each severity concern it.
#[derive(Debug, Clone, Default)]
pub struct BoardFigures {
    pub conflicts: Vec<Conflict>,
    /// hoog, midden, laag.
    pub counts: [usize; 3],
}

/// Conflicts and markers of the whole werkmap.
#[derive(Debug, Clone, Default)]
pub struct Derived {
    /// Conflicts about people's load (not tied to cards).
    pub people: Vec<Conflict>,
    /// Per board id: its own conflicts (WIP, deadlines, estimates) and the counts per severity
    /// of everything that concerns it.
    pub boards: HashMap<String, BoardFigures>,
    /// People over-booked or claimed while away in some week of the horizon.
    pub overbooked: HashSet<String>,
    /// Indexes into `people` by persoon id and by bord id.
    by_person: HashMap<String, Vec<usize>>,
    by_board: HashMap<String, Vec<usize>>,
}

impl Derived {
    /// Computes everything.
    pub fn compute(werkmap: &Werkmap, horizon: &[Week], vandaag: NaiveDate) -> Derived {
        use rayon::prelude::*;
        let people = capacity::people_conflicts(werkmap, horizon, vandaag);
        let overbooked = people
            .iter()
            .filter(|c| {
                matches!(
                    c.soort,
                    ConflictSoort::Overboekt | ConflictSoort::AfwezigIngezet
                )
            })
            .filter_map(|c| c.persoon.clone())
            .collect();
        let mut by_person: HashMap<String, Vec<usize>> = HashMap::new();
        let mut by_board: HashMap<String, Vec<usize>> = HashMap::new();
        for (i, c) in people.iter().enumerate() {
            if let Some(p) = &c.persoon {
                by_person.entry(p.clone()).or_default().push(i);
            }
            if let Some(b) = &c.bord {
                by_board.entry(b.clone()).or_default().push(i);
            }
        }
        let boards = werkmap
            .borden
            .par_iter()
            .map(|b| {
                let conflicts = capacity::board_conflicts(werkmap.organisatie.as_ref(), b, vandaag);
                (
                    b.id.clone(),
                    BoardFigures {
                        conflicts,
                        counts: [0; 3],
                    },
                )
            })
            .collect();
        let mut d = Derived {
            people,
            boards,
            overbooked,
            by_person,
            by_board,
        };
        for b in &werkmap.borden {
            let n = d.count(b);
            if let Some(f) = d.boards.get_mut(&b.id) {
                f.counts = n;
            }
        }
        d
    }

    /// Recomputes one board's card conflicts after a card edit (cards change nobody's load).
    pub fn refresh_board(&mut self, werkmap: &Werkmap, id: &str, vandaag: NaiveDate) {
        let Some(b) = werkmap.bord(id) else { return };
        let conflicts = capacity::board_conflicts(werkmap.organisatie.as_ref(), b, vandaag);
        self.boards.entry(id.to_string()).or_default().conflicts = conflicts;
        let n = self.count(b);
        if let Some(f) = self.boards.get_mut(id) {
            f.counts = n;
        }
    }

    fn own(&self, bord: &str) -> impl Iterator<Item = &Conflict> {
        self.boards
            .get(bord)
            .into_iter()
            .flat_map(|f| f.conflicts.iter())
    }

    /// Every board's own conflicts.
    pub fn board_conflicts(&self) -> impl Iterator<Item = &Conflict> {
        self.boards.values().flat_map(|f| f.conflicts.iter())
    }

    /// The conflicts that concern a board: its own, and the load of its people.
    pub fn of_board<'a>(&'a self, bord: &'a Bord) -> impl Iterator<Item = &'a Conflict> {
        let mut idx: Vec<usize> = capacity::mensen_van(bord)
            .into_iter()
            .filter_map(|p| self.by_person.get(p))
            .flatten()
            .chain(self.by_board.get(&bord.id).into_iter().flatten())
            .copied()
            .collect();
        idx.sort_unstable();
        idx.dedup();
        self.own(&bord.id)
            .chain(idx.into_iter().map(|i| &self.people[i]))
    }

    /// The conflicts a card's view lists: the card's own, and its owner's load; another
    /// card's deadline is not this card's concern.
    pub fn of_card<'a>(
        &'a self,
        bord: &'a Bord,
        k: &'a crate::domain::Kaart,
    ) -> impl Iterator<Item = &'a Conflict> {
        self.of_board(bord)
            .filter(move |c| match c.kaart.as_deref() {
                Some(kaart) => kaart == k.id,
                None => c.persoon.is_some() && c.persoon == k.eigenaar,
            })
    }

    fn count(&self, bord: &Bord) -> [usize; 3] {
        let mut n = [0; 3];
        for c in self.of_board(bord) {
            n[match c.ernst {
                Ernst::Hoog => 0,
                Ernst::Midden => 1,
                Ernst::Laag => 2,
            }] += 1;
        }
        n
    }

    /// Counts per severity (hoog, midden, laag) of a board's conflicts.
    pub fn counts(&self, bord: &str) -> [usize; 3] {
        self.boards.get(bord).map(|f| f.counts).unwrap_or_default()
    }

    /// Whether an open card carries a conflict marker: its own deadline passed, its owner
    /// over-booked, or its owner's estimates on this board above their inzet. A finished card
    /// is never in conflict.
    pub fn card_in_conflict(&self, bord: &Bord, kaart: &crate::domain::Kaart) -> bool {
        if !bord.is_open(kaart) {
            return false;
        }
        let eigenaar = kaart.eigenaar.as_deref();
        self.own(&bord.id).any(|c| {
            c.kaart.as_deref() == Some(kaart.id.as_str())
                || (c.soort == ConflictSoort::KaartenBovenInzet
                    && eigenaar.is_some()
                    && c.persoon.as_deref() == eigenaar)
        }) || eigenaar.is_some_and(|e| self.overbooked.contains(e))
    }

    /// The WIP conflict of a column, if any.
    pub fn wip_exceeded(&self, bord: &str, kolom: &str) -> bool {
        self.own(bord)
            .any(|c| c.soort == ConflictSoort::WipOverschreden && c.kolom.as_deref() == Some(kolom))
    }
}
