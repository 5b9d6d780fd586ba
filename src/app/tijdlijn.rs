//! The timeline (`T`): opgaven (rows) against time, with the LTA dates of college and raad,
//! the deadlines of open cards, each opgave's start and end, and today. Zoom by week, month or
//! quarter (`z`); ←/→ step from marker to marker, scrolling along; Enter opens the card.

use chrono::{Datelike, Duration, NaiveDate};

use super::action::Command;
use super::session::Session;
use super::step::{Go, Step};
use crate::domain::{Datum, LtaSoort};

/// How much time one cell of the timeline covers.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Zoom {
    /// A day per cell: the coming weeks.
    Week,
    /// A week per cell: the coming year.
    #[default]
    Maand,
    /// Two weeks per cell: the coming years.
    Kwartaal,
}

impl Zoom {
    /// Days per cell.
    pub fn dagen(self) -> i64 {
        match self {
            Zoom::Week => 1,
            Zoom::Maand => 7,
            Zoom::Kwartaal => 14,
        }
    }

    fn volgende(self) -> Zoom {
        match self {
            Zoom::Week => Zoom::Maand,
            Zoom::Maand => Zoom::Kwartaal,
            Zoom::Kwartaal => Zoom::Week,
        }
    }
}

/// What a marker marks, most important first (when two share a cell, the first is drawn).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum MarkerSoort {
    LtaRaad,
    LtaCollege,
    /// An LTA date without its kind.
    Lta,
    Deadline,
    Start,
    Eind,
}

/// One thing on the timeline.
#[derive(Debug, Clone, PartialEq)]
pub struct Marker {
    pub datum: NaiveDate,
    pub soort: MarkerSoort,
    /// The board, and the card (none for the opgave's start and end).
    pub bord: Option<String>,
    pub kaart: Option<String>,
    pub titel: String,
}

/// One row: an opgave and its markers by date.
#[derive(Debug, Clone, PartialEq)]
pub struct TijdRij {
    pub id: String,
    pub naam: String,
    pub start: Option<NaiveDate>,
    pub eind: Option<NaiveDate>,
    pub markers: Vec<Marker>,
}

/// The state of the timeline.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct TijdlijnView {
    pub rows: Vec<TijdRij>,
    /// The selected row and marker (an index into its markers).
    pub row: usize,
    pub marker: Option<usize>,
    pub zoom: Zoom,
    /// The first day shown (the start of its cell).
    pub begin: NaiveDate,
}

/// The width of the name column and the number of cells of a timeline `breedte` wide.
pub fn maat(breedte: u16) -> (usize, usize) {
    let w = usize::from(breedte);
    let naam = (w / 4).clamp(14, 40);
    (naam, w.saturating_sub(naam + 1).max(1))
}

impl TijdlijnView {
    /// The rows of the opgaven in this order (ids), with their markers; the view starts a
    /// few cells before today.
    pub fn open(&mut self, s: &Session, volgorde: &[String]) {
        self.rows = rows(s, volgorde);
        if self.begin == NaiveDate::default() {
            self.naar_vandaag(s);
        }
        self.row = self.row.min(self.rows.len().saturating_sub(1));
        self.marker = None;
    }

    /// Recomputes the markers after a change, keeping the row and the marker's date.
    pub fn compute(&mut self, s: &Session) {
        let volgorde: Vec<String> = self.rows.iter().map(|r| r.id.clone()).collect();
        let datum = self.selected().map(|m| m.datum);
        self.rows = rows(s, &volgorde);
        self.row = self.row.min(self.rows.len().saturating_sub(1));
        self.marker = datum.and_then(|d| {
            self.rows
                .get(self.row)
                .and_then(|r| r.markers.iter().position(|m| m.datum >= d))
        });
    }

    /// The selected marker.
    pub fn selected(&self) -> Option<&Marker> {
        self.rows.get(self.row)?.markers.get(self.marker?)
    }

    /// The cell a date falls in, if it is shown in `cellen` cells.
    pub fn cel(&self, d: NaiveDate, cellen: usize) -> Option<usize> {
        let n = (d - self.begin).num_days().div_euclid(self.zoom.dagen());
        usize::try_from(n).ok().filter(|&n| n < cellen)
    }

    /// The first day of cell `i`.
    pub fn dag(&self, i: usize) -> NaiveDate {
        self.begin + Duration::days(i as i64 * self.zoom.dagen())
    }

    fn naar_vandaag(&mut self, s: &Session) {
        let terug = match self.zoom {
            Zoom::Week => 3,
            Zoom::Maand | Zoom::Kwartaal => 2,
        };
        self.begin = uitgelijnd(s.vandaag, self.zoom) - Duration::days(terug * self.zoom.dagen());
    }

    /// Handles a command of the timeline.
    pub fn on_command(&mut self, s: &mut Session, c: Command) -> Step {
        let cellen = maat(s.size.0).1;
        let last = self.rows.len().saturating_sub(1);
        match c {
            Command::Up | Command::Down | Command::PageUp | Command::PageDown => {
                let datum = self.selected().map(|m| m.datum);
                self.row = match c {
                    Command::Up => self.row.saturating_sub(1),
                    Command::Down => (self.row + 1).min(last),
                    Command::PageUp => self.row.saturating_sub(10),
                    _ => (self.row + 10).min(last),
                };
                // The marker nearest in time on the new row, when one was selected.
                self.marker = datum.and_then(|d| self.nearest(d));
            }
            Command::Left | Command::Right => self.step(c == Command::Right, cellen),
            Command::MoveLeft | Command::MoveRight => {
                let d = (cellen / 2).max(1) as i64 * self.zoom.dagen();
                let d = if c == Command::MoveLeft { -d } else { d };
                self.begin += Duration::days(d);
            }
            Command::Zoom => {
                // What stays in view: the selected marker, else today when it is shown.
                let midden = self
                    .selected()
                    .map(|m| m.datum)
                    .or_else(|| self.cel(s.vandaag, cellen).map(|_| s.vandaag))
                    .unwrap_or_else(|| self.dag(cellen / 3));
                self.zoom = self.zoom.volgende();
                self.begin = uitgelijnd(midden, self.zoom)
                    - Duration::days((cellen / 3) as i64 * self.zoom.dagen());
            }
            Command::Vandaag => {
                self.marker = None;
                self.naar_vandaag(s);
            }
            Command::VolgendeRaad => self.volgende_raad(s, cellen),
            Command::Open => return self.open_marker(s),
            Command::Back => return Step::Back,
            _ => {}
        }
        Step::Stay
    }

    /// ←/→: the previous or next marker of the row, scrolled into view; from none, the first
    /// one on or after the first day shown.
    fn step(&mut self, vooruit: bool, cellen: usize) {
        let Some(r) = self.rows.get(self.row) else {
            return;
        };
        if r.markers.is_empty() {
            let d = self.zoom.dagen() * if vooruit { 1 } else { -1 };
            self.begin += Duration::days(d);
            return;
        }
        let next = match (self.marker, vooruit) {
            (None, _) => r
                .markers
                .iter()
                .position(|m| m.datum >= self.begin)
                .unwrap_or(r.markers.len() - 1),
            (Some(i), true) => (i + 1).min(r.markers.len() - 1),
            (Some(i), false) => i.saturating_sub(1),
        };
        self.marker = Some(next);
        let d = r.markers[next].datum;
        if self.cel(d, cellen).is_none() {
            // Scrolled so the marker stands a third into the view.
            self.begin =
                uitgelijnd(d, self.zoom) - Duration::days((cellen / 3) as i64 * self.zoom.dagen());
        }
    }

    /// `r`: the first council date after the selected marker (from today when none is
    /// selected), of any opgave; it becomes the selection, scrolled into view.
    fn volgende_raad(&mut self, s: &mut Session, cellen: usize) {
        let na = self.selected().map(|m| m.datum);
        let mut beste: Option<(NaiveDate, usize, usize)> = None;
        for (ri, r) in self.rows.iter().enumerate() {
            for (mi, m) in r.markers.iter().enumerate() {
                let later = match na {
                    Some(d) => m.datum > d,
                    None => m.datum >= s.vandaag,
                };
                if m.soort == MarkerSoort::LtaRaad
                    && later
                    && beste.is_none_or(|(d, _, _)| m.datum < d)
                {
                    beste = Some((m.datum, ri, mi));
                }
            }
        }
        match beste {
            Some((d, ri, mi)) => {
                self.row = ri;
                self.marker = Some(mi);
                if self.cel(d, cellen).is_none() {
                    self.begin = uitgelijnd(d, self.zoom)
                        - Duration::days((cellen / 3) as i64 * self.zoom.dagen());
                }
            }
            None => s.say(crate::wording::geen_raad_meer()),
        }
    }

    /// The marker of the selected row nearest to `d`.
    fn nearest(&self, d: NaiveDate) -> Option<usize> {
        let r = self.rows.get(self.row)?;
        (0..r.markers.len()).min_by_key(|&i| (r.markers[i].datum - d).num_days().abs())
    }

    /// Enter: a card's marker opens the card, a start or end the opgave's board.
    fn open_marker(&self, s: &mut Session) -> Step {
        let Some(m) = self.selected() else {
            s.say(crate::wording::tijdlijn_kies_eerst());
            return Step::Stay;
        };
        match (&m.bord, &m.kaart) {
            (Some(b), Some(k)) => Step::Go(Go::Kaart {
                bord: b.clone(),
                kaart: k.clone(),
            }),
            (Some(b), None) => Step::Go(Go::Bord(b.clone())),
            _ => Step::Stay,
        }
    }
}

/// The start of the cell a date falls in at this zoom: the day, its Monday, or the Monday of
/// its even ISO week.
fn uitgelijnd(d: NaiveDate, zoom: Zoom) -> NaiveDate {
    let maandag = d - Duration::days(i64::from(d.weekday().num_days_from_monday()));
    match zoom {
        Zoom::Week => d,
        Zoom::Maand => maandag,
        Zoom::Kwartaal if maandag.iso_week().week() % 2 == 1 => maandag - Duration::days(7),
        Zoom::Kwartaal => maandag,
    }
}

/// Text from a file as the screen may show it (see [`crate::wording::zichtbaar`]).
fn zichtbaar(s: &str) -> String {
    crate::wording::zichtbaar(s).into_owned()
}

/// The rows of the opgaven in `volgorde` (ids; the organisation's order when empty): the
/// LTA dates and deadlines of their boards' open cards, and their own start and end.
fn rows(s: &Session, volgorde: &[String]) -> Vec<TijdRij> {
    let Some(org) = s.werkmap.organisatie.as_ref() else {
        return Vec::new();
    };
    let opgaven: Vec<&crate::domain::Opgave> = if volgorde.is_empty() {
        org.opgaven.iter().collect()
    } else {
        volgorde
            .iter()
            .filter_map(|id| org.opgaven.iter().find(|o| &o.id == id))
            .collect()
    };
    opgaven
        .into_iter()
        .map(|o| {
            let mut markers = Vec::new();
            let mut eerste_bord = None;
            for b in s
                .werkmap
                .borden
                .iter()
                .filter(|b| b.opgave() == Some(&o.id))
            {
                eerste_bord.get_or_insert_with(|| b.id.clone());
                for k in b.kaarten.iter().filter(|k| b.is_open(k)) {
                    let mut add = |d: Datum, soort| {
                        markers.push(Marker {
                            datum: d.0,
                            soort,
                            bord: Some(b.id.clone()),
                            kaart: Some(k.id.clone()),
                            titel: zichtbaar(&k.titel),
                        })
                    };
                    if let Some(d) = k.lta {
                        add(
                            d,
                            match k.lta_soort {
                                Some(LtaSoort::Raad) => MarkerSoort::LtaRaad,
                                Some(LtaSoort::College) => MarkerSoort::LtaCollege,
                                None => MarkerSoort::Lta,
                            },
                        );
                    }
                    if let Some(d) = k.deadline {
                        add(d, MarkerSoort::Deadline);
                    }
                }
            }
            for (d, soort) in [(o.start, MarkerSoort::Start), (o.eind, MarkerSoort::Eind)] {
                if let Some(d) = d {
                    markers.push(Marker {
                        datum: d.0,
                        soort,
                        bord: eerste_bord.clone(),
                        kaart: None,
                        titel: zichtbaar(&o.naam),
                    });
                }
            }
            markers.sort_by(|a, b| (a.datum, a.soort, &a.titel).cmp(&(b.datum, b.soort, &b.titel)));
            TijdRij {
                id: o.id.clone(),
                naam: zichtbaar(&o.naam),
                start: o.start.map(|d| d.0),
                eind: o.eind.map(|d| d.0),
                markers,
            }
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::app::testing::session;

    #[test]
    fn right_steps_through_the_markers_and_enter_opens_the_card() {
        let mut s = session();
        s.size = (80, 24);
        let mut v = TijdlijnView::default();
        v.open(&s, &[]);
        assert_eq!(v.rows.len(), 2);
        assert!(v.begin <= s.vandaag, "today is in view");
        let Some(first_deadline) = v.rows[0]
            .markers
            .iter()
            .position(|m| m.soort == MarkerSoort::Deadline && m.datum >= v.begin)
        else {
            panic!("the fixture's haven board has deadlines: {:?}", v.rows[0]);
        };
        for _ in 0..=first_deadline {
            v.on_command(&mut s, Command::Right);
        }
        let m = v.selected().unwrap().clone();
        assert!(v.cel(m.datum, maat(80).1).is_some(), "scrolled into view");
        let step = v.on_command(&mut s, Command::Open);
        assert!(
            matches!(step, Step::Go(Go::Kaart { ref bord, ref kaart }) if bord == "opgave-haven" && Some(kaart) == m.kaart.as_ref()),
            "{step:?}"
        );
    }

    #[test]
    fn zooming_without_a_marker_keeps_today_in_view() {
        let mut s = session();
        s.size = (80, 24);
        let mut v = TijdlijnView::default();
        v.open(&s, &[]);
        for _ in 0..6 {
            v.on_command(&mut s, Command::Zoom);
            assert!(v.cel(s.vandaag, maat(80).1).is_some(), "{:?}", v.zoom);
        }
    }

    #[test]
    fn r_finds_the_next_council_date_of_any_opgave() {
        let mut s = session();
        s.size = (80, 24);
        for b in &mut s.werkmap.borden {
            if b.id == "opgave-park" {
                b.kaarten[0].lta = Some("2026-12-01".parse().unwrap());
                b.kaarten[0].lta_soort = Some(LtaSoort::Raad);
            }
        }
        let mut v = TijdlijnView::default();
        v.open(&s, &[]);
        v.on_command(&mut s, Command::VolgendeRaad);
        let m = v.selected().unwrap();
        assert_eq!(
            (v.rows[v.row].id.as_str(), m.soort),
            ("park", MarkerSoort::LtaRaad)
        );
        v.on_command(&mut s, Command::VolgendeRaad);
        assert_eq!(
            v.selected().unwrap().datum.to_string(),
            "2026-12-01",
            "no later one"
        );
    }

    #[test]
    fn zooming_keeps_the_selected_marker_in_view() {
        let mut s = session();
        s.size = (80, 24);
        let mut v = TijdlijnView::default();
        v.open(&s, &[]);
        v.on_command(&mut s, Command::Right);
        let d = v.selected().unwrap().datum;
        for _ in 0..3 {
            v.on_command(&mut s, Command::Zoom);
            assert!(v.cel(d, maat(80).1).is_some(), "{:?}", v.zoom);
        }
    }
}
