//! Stand-up mode: the board full screen for the team at the shared screen, a timer, "wie is er
//! aan de beurt" cycling through the team, walking the board column by column, and for a
//! clusterkamer screen boards rotating on a timer.

use chrono::{Duration, NaiveDateTime};

use super::action::Command;
use super::session::Session;
use super::step::Step;
use crate::domain::zoek::{Gezocht, zoek};
use crate::domain::{BordSoort, InzetStatus, Werkmap};
use crate::wording;

/// The state of a stand-up.
#[derive(Debug, Clone, PartialEq)]
pub struct Standup {
    /// The boards shown in turn (one when not rotating), by id.
    pub borden: Vec<String>,
    pub huidig: usize,
    pub started: NaiveDateTime,
    pub duur: Duration,
    /// Rotate to the next board after this long; `None` keeps the board.
    pub roteer: Option<Duration>,
    pub last_switch: NaiveDateTime,
    /// Whose turn it is: an index into [`Standup::team`], or nobody yet.
    pub beurt: Option<usize>,
    /// The column in focus (walk right to left).
    pub kolom: usize,
    /// The load this week of the person whose turn it is (`None` inside: not available).
    pub belasting: Option<Option<f64>>,
    /// Until when the stand-up opens with what changed since the last one (any key ends it
    /// sooner; it shows once the history is read, and only when something changed); `None`:
    /// the board shows.
    pub intro_tot: Option<NaiveDateTime>,
}

impl Standup {
    /// Handles a command of the stand-up.
    pub fn on_command(&mut self, s: &mut Session, c: Command) -> Step {
        match c {
            Command::Volgende => self.volgende(&s.werkmap, s.week()),
            Command::Left => self.stap(&s.werkmap, -1),
            Command::Right => self.stap(&s.werkmap, 1),
            Command::Back => return Step::Back,
            _ => {}
        }
        Step::Stay
    }

    /// A stand-up of these boards starting now; the focus starts at the rightmost open column.
    pub fn new(
        werkmap: &Werkmap,
        borden: Vec<String>,
        now: NaiveDateTime,
        minuten: i64,
        roteer: Option<Duration>,
    ) -> Standup {
        let mut s = Standup {
            borden,
            huidig: 0,
            started: now,
            duur: Duration::minutes(minuten),
            roteer,
            last_switch: now,
            beurt: None,
            kolom: 0,
            belasting: None,
            intro_tot: None,
        };
        s.kolom = s.start_column(werkmap);
        s
    }

    /// The id of the board on screen.
    pub fn bord(&self) -> &str {
        self.borden.get(self.huidig).map_or("", String::as_str)
    }

    fn start_column(&self, werkmap: &Werkmap) -> usize {
        werkmap
            .bord(self.bord())
            .map(|b| b.kolommen.iter().rposition(|k| !k.klaar).unwrap_or(0))
            .unwrap_or(0)
    }

    /// Time left, negative when over.
    pub fn over(&self, now: NaiveDateTime) -> Duration {
        self.duur - (now - self.started)
    }

    /// The team of the board on screen: its inzet and card owners, sorted by name.
    pub fn team(&self, werkmap: &Werkmap) -> Vec<(String, String)> {
        let Some(b) = werkmap.bord(self.bord()) else {
            return Vec::new();
        };
        let mut ids: Vec<&str> = b
            .inzet
            .iter()
            .filter(|z| z.status != InzetStatus::Afgewezen)
            .map(|z| z.persoon.as_str())
            .chain(
                b.kaarten
                    .iter()
                    .filter(|k| b.is_open(k))
                    .filter_map(|k| k.eigenaar.as_deref()),
            )
            .collect();
        ids.sort_unstable();
        ids.dedup();
        let naam = |id: &str| {
            werkmap
                .organisatie
                .as_ref()
                .and_then(|o| o.persoon(id))
                .map_or(id.to_string(), |p| p.naam.clone())
        };
        let mut team: Vec<(String, String)> = ids
            .into_iter()
            .map(|id| (id.to_string(), naam(id)))
            .collect();
        team.sort_by(|a, b| a.1.cmp(&b.1));
        team
    }

    /// The person whose turn it is.
    pub fn aan_de_beurt(&self, werkmap: &Werkmap) -> Option<(String, String)> {
        self.beurt.and_then(|i| self.team(werkmap).get(i).cloned())
    }

    /// Next person (space); after the last, nobody. Their load this week comes along.
    pub fn volgende(&mut self, werkmap: &Werkmap, week: crate::domain::Week) {
        let n = self.team(werkmap).len();
        self.beurt = match self.beurt {
            None if n > 0 => Some(0),
            Some(i) if i + 1 < n => Some(i + 1),
            _ => None,
        };
        self.belasting = self.aan_de_beurt(werkmap).and_then(|(id, _)| {
            let org = werkmap.organisatie.as_ref()?;
            let engine = crate::capacity::Engine::new(org, &werkmap.borden);
            engine
                .person(&id)
                .map(|p| engine.person_week(p, week).belasting())
        });
    }

    /// Moves the focus column.
    pub fn stap(&mut self, werkmap: &Werkmap, delta: isize) {
        let n = werkmap.bord(self.bord()).map_or(1, |b| b.kolommen.len());
        self.kolom = (self.kolom as isize + delta).clamp(0, n as isize - 1) as usize;
    }

    /// On a tick: rotate to the next board when it is time. Returns whether it switched.
    pub fn tick(&mut self, werkmap: &Werkmap, now: NaiveDateTime) -> bool {
        match self.roteer {
            Some(every) if self.borden.len() > 1 && now - self.last_switch >= every => {
                self.huidig = (self.huidig + 1) % self.borden.len();
                self.last_switch = now;
                self.beurt = None;
                self.kolom = self.start_column(werkmap);
                true
            }
            _ => false,
        }
    }
}

/// The boards of a clusterkamer screen: the cluster's own boards, then the boards of the
/// opgaven whose cluster it is.
pub fn cluster_boards(werkmap: &Werkmap, cluster: &str) -> Vec<String> {
    let opgaven: Vec<&str> = werkmap
        .organisatie
        .as_ref()
        .map(|o| {
            o.opgaven
                .iter()
                .filter(|op| op.cluster.as_deref() == Some(cluster))
                .map(|op| op.id.as_str())
                .collect()
        })
        .unwrap_or_default();
    let own = werkmap
        .borden
        .iter()
        .filter(|b| matches!(&b.soort, BordSoort::Clusterkamer { cluster: c } if c == cluster));
    let teams = werkmap
        .borden
        .iter()
        .filter(|b| b.opgave().is_some_and(|o| opgaven.contains(&o)));
    own.chain(teams).map(|b| b.id.clone()).collect()
}

/// What a stand-up was asked to show: a board or a cluster's room.
#[derive(Debug, Clone, PartialEq, Eq)]
enum Doel {
    Bord(String),
    Cluster(String),
}

/// The boards of a stand-up: the named board (id, name, its opgave, or a unique part of one),
/// the boards of the named cluster, or the first board when nothing is named. The error
/// lists what may be named.
pub fn doel_borden(werkmap: &Werkmap, doel: Option<&str>) -> Result<Vec<String>, String> {
    let Some(doel) = doel else {
        return werkmap
            .borden
            .first()
            .map(|b| vec![b.id.clone()])
            .ok_or_else(|| wording::onbekend_bord_of_cluster("", &[]));
    };
    let clusters = werkmap
        .organisatie
        .as_ref()
        .map(|o| o.clusters.as_slice())
        .unwrap_or_default();
    let mut kandidaten: Vec<(Doel, Vec<&str>)> = werkmap
        .borden
        .iter()
        .map(|b| {
            let mut namen = vec![b.id.as_str(), b.titel.as_str()];
            namen.extend(b.opgave());
            (Doel::Bord(b.id.clone()), namen)
        })
        .collect();
    kandidaten.extend(clusters.iter().map(|c| {
        (
            Doel::Cluster(c.id.clone()),
            vec![c.id.as_str(), c.naam.as_str()],
        )
    }));
    let keuzes = |ds: &[Doel]| -> Vec<(String, String)> {
        ds.iter()
            .map(|d| match d {
                Doel::Bord(id) => (
                    id.clone(),
                    werkmap
                        .bord(id)
                        .map(|b| b.titel.clone())
                        .unwrap_or_default(),
                ),
                Doel::Cluster(id) => (
                    id.clone(),
                    clusters
                        .iter()
                        .find(|c| &c.id == id)
                        .map(|c| c.naam.clone())
                        .unwrap_or_default(),
                ),
            })
            .collect()
    };
    match zoek(&kandidaten, doel) {
        Gezocht::Een(Doel::Bord(id)) => Ok(vec![id]),
        Gezocht::Een(Doel::Cluster(id)) => {
            let borden = cluster_boards(werkmap, &id);
            if borden.is_empty() {
                Err(wording::cluster_zonder_borden(&id))
            } else {
                Ok(borden)
            }
        }
        Gezocht::Meerdere(ds) => Err(wording::meerdere_borden(doel, &keuzes(&ds))),
        Gezocht::Geen => {
            let alle: Vec<Doel> = kandidaten.into_iter().map(|(d, _)| d).collect();
            Err(wording::onbekend_bord_of_cluster(doel, &keuzes(&alle)))
        }
    }
}

/// Parses `30s`, `2m` or `45` (seconds).
pub fn parse_duur(s: &str) -> Result<Duration, String> {
    let t = s.trim();
    let (n, unit) = match t.strip_suffix('s') {
        Some(n) => (n, 1),
        None => match t.strip_suffix('m') {
            Some(n) => (n, 60),
            None => (t, 1),
        },
    };
    n.trim()
        .parse::<i64>()
        .ok()
        .filter(|n| *n > 0)
        .map(|n| Duration::seconds(n * unit))
        .ok_or_else(|| crate::wording::ongeldige_duur(s))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::app::testing::session;

    #[test]
    fn space_walks_the_team_with_their_load_and_arrows_walk_the_columns() {
        let mut s = session();
        let mut st = Standup::new(&s.werkmap, vec!["opgave-haven".into()], s.now, 15, None);
        assert_eq!(st.kolom, 2, "the rightmost open column: Wacht op");
        st.on_command(&mut s, Command::Volgende);
        assert_eq!(st.aan_de_beurt(&s.werkmap).unwrap().1, "Daan Bakker");
        assert!(
            st.belasting.unwrap().unwrap() > 1.0,
            "over-booked this week"
        );
        st.on_command(&mut s, Command::Left);
        st.on_command(&mut s, Command::Left);
        st.on_command(&mut s, Command::Left);
        assert_eq!(st.kolom, 0);
        assert!(matches!(st.on_command(&mut s, Command::Back), Step::Back));
    }

    #[test]
    fn a_stand_up_is_named_by_id_name_opgave_or_a_unique_part() {
        let w = &session().werkmap;
        assert_eq!(doel_borden(w, Some("haven")).unwrap(), ["opgave-haven"]);
        assert_eq!(doel_borden(w, Some("PARK")).unwrap(), ["opgave-park"]);
        assert_eq!(
            doel_borden(w, Some("ruimte")).unwrap(),
            ["opgave-haven", "opgave-park"],
            "a cluster: its opgaven's boards"
        );
        assert_eq!(
            doel_borden(w, Some("samenleving")).unwrap(),
            ["clusterkamer-samenleving"],
            "the cluster's id, not a part of its room's title"
        );
        let meer = doel_borden(w, Some("opgave")).unwrap_err();
        assert!(
            meer.contains("meer dan één") && meer.contains("opgave-park"),
            "{meer}"
        );
        let geen = doel_borden(w, Some("strandje")).unwrap_err();
        for keuze in ["opgave-haven", "clusterkamer-samenleving", "ruimte"] {
            assert!(geen.contains(keuze), "{keuze} missing from: {geen}");
        }
    }

    #[test]
    fn a_clusterkamer_screen_rotates_its_boards() {
        let s = session();
        let borden = vec!["opgave-haven".to_string(), "opgave-park".to_string()];
        let mut st = Standup::new(&s.werkmap, borden, s.now, 15, Some(Duration::seconds(30)));
        assert!(!st.tick(&s.werkmap, s.now + Duration::seconds(29)));
        assert!(st.tick(&s.werkmap, s.now + Duration::seconds(30)));
        assert_eq!(st.bord(), "opgave-park");
        assert_eq!(st.kolom, 1);
    }
}
