//! Inrichting: setting up the organisation in the TUI. Clusters, units and opgaven are made,
//! changed and removed here (people in the Mensen view); every change saves at once, merges
//! with colleagues and can be undone, as card edits do. Removing something that is referred
//! to is refused, naming what refers to it: no dangling ids.

pub mod form;

use super::Mode;
use super::action::Command;
use super::edit::{Edit, FileKey};
use super::session::Session;
use super::step::Step;
use crate::domain::{BordSoort, Moment, Organisatie};
use crate::wording;
pub use form::{Doel, OrgForm};

/// One line of the view: a section heading or an item, by index into its list.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Rij {
    Kop(Soort),
    Cluster(usize),
    Eenheid(usize),
    Opgave(usize),
    Persoon(usize),
}

/// The sections of the view.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Soort {
    Clusters,
    Eenheden,
    Opgaven,
    Mensen,
}

/// The rows of the organisation: each section's heading, then its items in file order.
pub fn rijen(org: &Organisatie) -> Vec<Rij> {
    let mut out = vec![Rij::Kop(Soort::Clusters)];
    out.extend((0..org.clusters.len()).map(Rij::Cluster));
    out.push(Rij::Kop(Soort::Eenheden));
    out.extend((0..org.eenheden.len()).map(Rij::Eenheid));
    out.push(Rij::Kop(Soort::Opgaven));
    out.extend((0..org.opgaven.len()).map(Rij::Opgave));
    out.push(Rij::Kop(Soort::Mensen));
    out.extend((0..org.mensen.len()).map(Rij::Persoon));
    out
}

/// The state of the Inrichting view.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct InrichtingView {
    pub row: usize,
}

impl InrichtingView {
    /// The rows on screen; none without a readable organisation.
    pub fn rijen(&self, s: &Session) -> Vec<Rij> {
        s.werkmap
            .organisatie
            .as_ref()
            .map(rijen)
            .unwrap_or_default()
    }

    /// Handles a command of the view.
    pub fn on_command(&mut self, s: &mut Session, c: Command) -> Step {
        let rijen = self.rijen(s);
        let last = rijen.len().saturating_sub(1);
        let Some(org) = s.werkmap.organisatie.clone() else {
            if let Some(why) = s.capaciteit_uit.clone() {
                s.warn(why);
            }
            return if c == Command::Back {
                Step::Back
            } else {
                Step::Stay
            };
        };
        let rij = rijen.get(self.row.min(last)).copied();
        match c {
            Command::Up => self.row = self.row.saturating_sub(1),
            Command::Down => self.row = (self.row + 1).min(last),
            Command::PageUp => self.row = self.row.saturating_sub(10),
            Command::PageDown => self.row = (self.row + 10).min(last),
            Command::Back => return Step::Back,
            Command::NewCard => {
                let doel = match rij.map(soort_van) {
                    Some(Soort::Clusters) | None => Doel::Cluster(None),
                    Some(Soort::Eenheden) => Doel::Eenheid(None),
                    Some(Soort::Opgaven) => Doel::Opgave(None),
                    Some(Soort::Mensen) => Doel::Persoon(None),
                };
                return Mode::OrgForm(Box::new(OrgForm::new(doel, &org))).into();
            }
            Command::EditCard => {
                let doel = match rij {
                    Some(Rij::Cluster(i)) => Doel::Cluster(Some(org.clusters[i].id.clone())),
                    Some(Rij::Eenheid(i)) => Doel::Eenheid(Some(org.eenheden[i].id.clone())),
                    Some(Rij::Opgave(i)) => Doel::Opgave(Some(org.opgaven[i].id.clone())),
                    Some(Rij::Persoon(i)) => Doel::Persoon(Some(org.mensen[i].id.clone())),
                    _ => return Step::Stay,
                };
                return Mode::OrgForm(Box::new(OrgForm::new(doel, &org))).into();
            }
            Command::NieuwBord | Command::Open => {
                let nieuw = match rij {
                    Some(Rij::Opgave(i)) => NieuwBord::Opgave(org.opgaven[i].id.clone()),
                    Some(Rij::Cluster(i)) => NieuwBord::Cluster(org.clusters[i].id.clone()),
                    _ => {
                        s.say(wording::bord_kies_opgave());
                        return Step::Stay;
                    }
                };
                // A board that exists opens; Enter never makes one.
                if let Some(b) = bestaand_bord(s, &nieuw) {
                    return Step::Go(super::step::Go::Bord(b));
                }
                if c == Command::Open {
                    s.say(wording::nog_geen_bord());
                    return Step::Stay;
                }
                return Mode::Sjabloon(nieuw, 0).into();
            }
            Command::DeleteCard => {
                if let Some(r) = rij {
                    remove(s, &org, r);
                    self.row = self.row.min(self.rijen(s).len().saturating_sub(1));
                }
            }
            _ => {}
        }
        Step::Stay
    }

    /// A key in the form.
    pub fn on_form_key(
        &mut self,
        s: &mut Session,
        mut f: Box<OrgForm>,
        key: ratatui::crossterm::event::KeyEvent,
    ) -> Step {
        if key.code == ratatui::crossterm::event::KeyCode::Esc {
            return Step::Stay;
        }
        if f.handle(key) {
            let org = (*f.basis).clone();
            match f.result(&org, s.vandaag) {
                Ok(after) if after == org => return Step::Stay,
                Ok(after) => {
                    let naam = f.velden[0].text.trim().to_string();
                    let wat = match &f.doel {
                        Doel::Cluster(None)
                        | Doel::Eenheid(None)
                        | Doel::Opgave(None)
                        | Doel::Persoon(None) => wording::aangemaakt(&naam),
                        _ => wording::bijgewerkt(&naam),
                    };
                    commit(s, &org, &after, wat);
                    // Select what was made or changed.
                    if let Some(now) = s.werkmap.organisatie.as_ref() {
                        let rijen = rijen(now);
                        if let Some(pos) = rijen.iter().position(|r| naam_van(now, *r) == naam) {
                            self.row = pos;
                        }
                    }
                    return Step::Stay;
                }
                Err(e) => f.error = Some(e),
            }
        }
        Mode::OrgForm(f).into()
    }
}

/// What a new board is for.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum NieuwBord {
    Opgave(String),
    Cluster(String),
}

/// The board of an opgave (its opgaveteam) or of a cluster (its clusterkamer), if any.
fn bestaand_bord(s: &Session, n: &NieuwBord) -> Option<String> {
    s.werkmap
        .borden
        .iter()
        .find(|b| match (n, &b.soort) {
            (NieuwBord::Opgave(o), BordSoort::Opgaveteam { opgave }) => o == opgave,
            (NieuwBord::Cluster(c), BordSoort::Clusterkamer { cluster }) => c == cluster,
            _ => false,
        })
        .map(|b| b.id.clone())
}

impl InrichtingView {
    /// A key in the template choice: ↑/↓ choose, Enter makes the board and opens it.
    pub fn on_sjabloon_key(
        &mut self,
        s: &mut Session,
        nieuw: NieuwBord,
        keuze: usize,
        key: ratatui::crossterm::event::KeyEvent,
    ) -> Step {
        use ratatui::crossterm::event::KeyCode;
        let n = crate::domain::Sjabloon::ALLE.len();
        match key.code {
            KeyCode::Esc => Step::Stay,
            KeyCode::Up | KeyCode::Char('k') => Mode::Sjabloon(nieuw, (keuze + n - 1) % n).into(),
            KeyCode::Down | KeyCode::Char('j') => Mode::Sjabloon(nieuw, (keuze + 1) % n).into(),
            KeyCode::Enter => {
                let Some(org) = s.werkmap.organisatie.as_ref() else {
                    return Step::Stay;
                };
                let (id, titel, soort) = match &nieuw {
                    NieuwBord::Opgave(o) => (
                        format!("opgave-{o}"),
                        org.opgaven
                            .iter()
                            .find(|x| &x.id == o)
                            .map_or(o.clone(), |x| x.naam.clone()),
                        BordSoort::Opgaveteam { opgave: o.clone() },
                    ),
                    NieuwBord::Cluster(c) => (
                        format!("clusterkamer-{c}"),
                        format!(
                            "Clusterkamer {}",
                            org.cluster(c).map_or(c.as_str(), |x| x.naam.as_str())
                        ),
                        BordSoort::Clusterkamer { cluster: c.clone() },
                    ),
                };
                let bord = crate::domain::Bord {
                    versie: 1,
                    id: id.clone(),
                    titel: titel.clone(),
                    soort,
                    kolommen: crate::domain::Sjabloon::ALLE[keuze.min(n - 1)].kolommen(),
                    inzet: Vec::new(),
                    kaarten: Vec::new(),
                    sporen: String::new(),
                };
                match s.nieuw_bord(bord) {
                    Ok(()) => {
                        s.say(wording::bord_aangemaakt(&titel, &format!("{id}.ron")));
                        Step::Go(super::step::Go::Bord(id))
                    }
                    Err(e) => {
                        s.warn(e);
                        Step::Stay
                    }
                }
            }
            _ => Mode::Sjabloon(nieuw, keuze).into(),
        }
    }
}

/// The section a row is in.
fn soort_van(r: Rij) -> Soort {
    match r {
        Rij::Kop(s) => s,
        Rij::Cluster(_) => Soort::Clusters,
        Rij::Eenheid(_) => Soort::Eenheden,
        Rij::Opgave(_) => Soort::Opgaven,
        Rij::Persoon(_) => Soort::Mensen,
    }
}

/// The name of a row's item (empty for a heading).
pub fn naam_van(org: &Organisatie, r: Rij) -> &str {
    match r {
        Rij::Kop(_) => "",
        Rij::Cluster(i) => &org.clusters[i].naam,
        Rij::Eenheid(i) => &org.eenheden[i].naam,
        Rij::Opgave(i) => &org.opgaven[i].naam,
        Rij::Persoon(i) => &org.mensen[i].naam,
    }
}

/// Saves the organisation `after` as an edit of `before`: only what differs.
fn commit(s: &mut Session, before: &Organisatie, after: &Organisatie, wat: String) {
    let edit = Edit {
        file: FileKey::Organisatie,
        ops: crate::domain::ops::diff(before, after),
        at: Moment(s.now),
        wat: String::new(),
    };
    s.commit_as(edit, wat);
}

/// Removes a row's item, unless something refers to it: then says what.
fn remove(s: &mut Session, org: &Organisatie, r: Rij) {
    let naam = naam_van(org, r).to_string();
    let refs = verwijzingen(s, org, r);
    if !refs.is_empty() {
        s.warn(wording::niet_te_verwijderen(&naam, &refs));
        return;
    }
    let mut after = org.clone();
    match r {
        Rij::Kop(_) => return,
        Rij::Cluster(i) => {
            after.clusters.remove(i);
        }
        Rij::Eenheid(i) => {
            after.eenheden.remove(i);
        }
        Rij::Opgave(i) => {
            after.opgaven.remove(i);
        }
        Rij::Persoon(i) => {
            after.mensen.remove(i);
        }
    }
    commit(s, org, &after, wording::verwijderd(&naam));
}

/// What refers to a row's item, as "soort naam" words for the message.
fn verwijzingen(s: &Session, org: &Organisatie, r: Rij) -> Vec<String> {
    let mut out = Vec::new();
    match r {
        Rij::Kop(_) => {}
        Rij::Cluster(i) => {
            let id = &org.clusters[i].id;
            out.extend(
                org.eenheden
                    .iter()
                    .filter(|e| &e.cluster == id)
                    .map(|e| wording::verwijzing("eenheid", &e.naam)),
            );
            out.extend(
                org.opgaven
                    .iter()
                    .filter(|o| o.cluster.as_ref() == Some(id))
                    .map(|o| wording::verwijzing("opgave", &o.naam)),
            );
            out.extend(
                s.werkmap
                    .borden
                    .iter()
                    .filter(|b| matches!(&b.soort, BordSoort::Clusterkamer { cluster } if cluster == id))
                    .map(|b| wording::verwijzing("bord", &b.titel)),
            );
        }
        Rij::Eenheid(i) => {
            let id = &org.eenheden[i].id;
            out.extend(
                org.mensen
                    .iter()
                    .filter(|p| &p.eenheid == id)
                    .map(|p| wording::verwijzing("persoon", &p.naam)),
            );
        }
        Rij::Opgave(i) => {
            let id = &org.opgaven[i].id;
            out.extend(
                s.werkmap
                    .borden
                    .iter()
                    .filter(|b| b.opgave() == Some(id.as_str()))
                    .map(|b| wording::verwijzing("bord", &b.titel)),
            );
        }
        Rij::Persoon(i) => {
            let id = org.mensen[i].id.as_str();
            out.extend(
                org.eenheden
                    .iter()
                    .filter(|e| e.cocos.iter().any(|c| c == id))
                    .map(|e| wording::verwijzing("CoCo van eenheid", &e.naam)),
            );
            out.extend(
                org.opgaven
                    .iter()
                    .filter(|o| o.adviseur.as_deref() == Some(id))
                    .map(|o| wording::verwijzing("adviseur van opgave", &o.naam)),
            );
            for b in &s.werkmap.borden {
                let kaarten = b
                    .kaarten
                    .iter()
                    .filter(|k| k.eigenaar.as_deref() == Some(id))
                    .count();
                if kaarten > 0 {
                    out.push(wording::kaarten_op(kaarten, &b.titel));
                }
                if b.inzet.iter().any(|z| z.persoon == id) {
                    out.push(wording::verwijzing("inzet op bord", &b.titel));
                }
            }
        }
    }
    out
}
