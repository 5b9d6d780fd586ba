//! The form that creates or changes a cluster, a unit or an opgave: labelled text fields,
//! read the Dutch way (names or ids for references, `60%` or `0,6` for a share).

use ratatui::crossterm::event::{KeyCode, KeyEvent};

use crate::app::input::TextInput;
use crate::domain::zoek::{Gezocht, zoek};
use crate::domain::{Cluster, Eenheid, Opgave, Organisatie};
use crate::wording;

/// What the form makes: a new item (`None`) or the item with this id.
#[derive(Debug, Clone, PartialEq)]
pub enum Doel {
    Cluster(Option<String>),
    Eenheid(Option<String>),
    Opgave(Option<String>),
    Persoon(Option<String>),
}

/// The form's state.
#[derive(Debug, Clone, PartialEq)]
pub struct OrgForm {
    pub doel: Doel,
    pub labels: Vec<&'static str>,
    pub velden: Vec<TextInput>,
    pub focus: usize,
    pub error: Option<String>,
    /// The organisation as the form opened: Enter saves only what the user changed from it,
    /// so a colleague's change to another field meanwhile is kept (the merge rule).
    pub basis: Box<Organisatie>,
}

impl OrgForm {
    /// The form for `doel`, filled with the item's values when it exists.
    pub fn new(doel: Doel, org: &Organisatie) -> OrgForm {
        let naam = |id: &str| org.persoon(id).map_or(id.to_string(), |p| p.naam.clone());
        let (labels, velden): (Vec<&'static str>, Vec<String>) = match &doel {
            Doel::Cluster(id) => {
                let c = id.as_deref().and_then(|i| org.cluster(i));
                (
                    vec!["Naam"],
                    vec![c.map_or(String::new(), |c| c.naam.clone())],
                )
            }
            Doel::Eenheid(id) => {
                let e = id.as_deref().and_then(|i| org.eenheid(i));
                (
                    vec!["Naam", "Cluster", "CoCo's", "Regulier aandeel"],
                    vec![
                        e.map_or(String::new(), |e| e.naam.clone()),
                        e.and_then(|e| org.cluster(&e.cluster))
                            .map_or(String::new(), |c| c.naam.clone()),
                        e.map_or(String::new(), |e| {
                            e.cocos
                                .iter()
                                .map(|c| naam(c))
                                .collect::<Vec<_>>()
                                .join(", ")
                        }),
                        e.and_then(|e| e.regulier_aandeel)
                            .map_or(String::new(), |a| format!("{:.0}%", a * 100.0)),
                    ],
                )
            }
            Doel::Opgave(id) => {
                let o = id
                    .as_deref()
                    .and_then(|i| org.opgaven.iter().find(|o| o.id == i));
                let datum =
                    |d: Option<crate::domain::Datum>| d.map(wording::datum).unwrap_or_default();
                (
                    vec![
                        "Naam",
                        "Cluster",
                        "Adviseur",
                        "Portefeuillehouder",
                        "Fase",
                        "Programma",
                        "Doel",
                        "Start",
                        "Eind",
                    ],
                    vec![
                        o.map_or(String::new(), |o| o.naam.clone()),
                        o.and_then(|o| o.cluster.as_deref())
                            .and_then(|c| org.cluster(c))
                            .map_or(String::new(), |c| c.naam.clone()),
                        o.and_then(|o| o.adviseur.as_deref())
                            .map_or(String::new(), naam),
                        o.and_then(|o| o.portefeuillehouder.clone())
                            .unwrap_or_default(),
                        wording::fase(o.map_or(crate::domain::Fase::Uitvoering, |o| o.fase))
                            .to_string(),
                        o.and_then(|o| o.programma.clone()).unwrap_or_default(),
                        o.and_then(|o| o.doel.clone()).unwrap_or_default(),
                        datum(o.and_then(|o| o.start)),
                        datum(o.and_then(|o| o.eind)),
                    ],
                )
            }
            Doel::Persoon(id) => {
                let p = id.as_deref().and_then(|i| org.persoon(i));
                let datum =
                    |d: Option<crate::domain::Datum>| d.map(wording::datum).unwrap_or_default();
                (
                    vec![
                        "Naam",
                        "Eenheid",
                        "Uren per week",
                        "Werkdagen",
                        "Talenten",
                        "In dienst",
                        "Uit dienst",
                        "Regulier aandeel",
                    ],
                    vec![
                        p.map_or(String::new(), |p| p.naam.clone()),
                        p.and_then(|p| org.eenheid(&p.eenheid))
                            .map_or(String::new(), |e| e.naam.clone()),
                        p.map_or(String::new(), |p| wording::getal2(p.uren)),
                        p.map_or("ma,di,wo,do,vr".to_string(), |p| dagen(&p.werkdagen)),
                        p.map_or(String::new(), |p| p.talenten.join(", ")),
                        datum(p.and_then(|p| p.in_dienst)),
                        datum(p.and_then(|p| p.uit_dienst)),
                        p.and_then(|p| p.regulier_aandeel)
                            .map_or(String::new(), |a| format!("{:.0}%", a * 100.0)),
                    ],
                )
            }
        };
        OrgForm {
            doel,
            labels,
            velden: velden.into_iter().map(TextInput::new).collect(),
            focus: 0,
            error: None,
            basis: Box::new(org.clone()),
        }
    }

    /// Handles a key; true when the user submits.
    pub fn handle(&mut self, key: KeyEvent) -> bool {
        self.error = None;
        let n = self.velden.len();
        match key.code {
            KeyCode::Enter => return true,
            KeyCode::Tab | KeyCode::Down => self.focus = (self.focus + 1) % n,
            KeyCode::BackTab | KeyCode::Up => self.focus = (self.focus + n - 1) % n,
            _ => {
                self.velden[self.focus].handle(key);
            }
        }
        false
    }

    fn tekst(&self, i: usize) -> &str {
        self.velden[i].text.trim()
    }

    /// The organisation with the form's item added or changed, or the first problem.
    pub fn result(
        &self,
        org: &Organisatie,
        vandaag: chrono::NaiveDate,
    ) -> Result<Organisatie, String> {
        let naam = self.tekst(0).to_string();
        if naam.is_empty() {
            return Err(wording::naam_verplicht().into());
        }
        // Clusters, units and opgaven are chosen by name elsewhere: one name, one item.
        let zelfde = |bestaand: &str, eigen: Option<&String>, id: &str| {
            bestaand.to_lowercase() == naam.to_lowercase() && eigen.is_none_or(|e| e != id)
        };
        let dubbel = match &self.doel {
            Doel::Cluster(eigen) => org
                .clusters
                .iter()
                .any(|c| zelfde(&c.naam, eigen.as_ref(), &c.id)),
            Doel::Eenheid(eigen) => org
                .eenheden
                .iter()
                .any(|e| zelfde(&e.naam, eigen.as_ref(), &e.id)),
            Doel::Opgave(eigen) => org
                .opgaven
                .iter()
                .any(|o| zelfde(&o.naam, eigen.as_ref(), &o.id)),
            Doel::Persoon(_) => false,
        };
        if dubbel {
            return Err(wording::naam_bestaat_al(&naam));
        }
        let mut after = org.clone();
        match &self.doel {
            Doel::Cluster(id) => {
                let id = id.clone().unwrap_or_else(|| {
                    crate::domain::ids::uit_naam(&naam, |i| org.cluster(i).is_some())
                });
                upsert(
                    &mut after.clusters,
                    |c| c.id == id,
                    Cluster {
                        id: id.clone(),
                        naam,
                    },
                );
            }
            Doel::Eenheid(id) => {
                let cluster = cluster_van(org, self.tekst(1))?
                    .ok_or_else(|| wording::cluster_verplicht().to_string())?;
                let cocos = self
                    .tekst(2)
                    .split(',')
                    .map(str::trim)
                    .filter(|t| !t.is_empty())
                    .map(|t| persoon_van(org, t))
                    .collect::<Result<Vec<_>, _>>()?;
                let aandeel = aandeel(self.tekst(3))?;
                let id = id.clone().unwrap_or_else(|| {
                    crate::domain::ids::uit_naam(&naam, |i| org.eenheid(i).is_some())
                });
                upsert(
                    &mut after.eenheden,
                    |e| e.id == id,
                    Eenheid {
                        id: id.clone(),
                        naam,
                        cluster,
                        cocos,
                        regulier_aandeel: aandeel,
                    },
                );
            }
            Doel::Opgave(id) => {
                let cluster = cluster_van(org, self.tekst(1))?;
                let adviseur = match self.tekst(2) {
                    "" => None,
                    t => Some(persoon_van(org, t)?),
                };
                let ph = self.tekst(3);
                let bestaand = id
                    .as_deref()
                    .and_then(|i| org.opgaven.iter().find(|o| o.id == i));
                let id = id.clone().unwrap_or_else(|| {
                    crate::domain::ids::uit_naam(&naam, |i| org.opgaven.iter().any(|o| o.id == i))
                });
                let mut o: Opgave = bestaand.cloned().unwrap_or_else(|| Opgave::new(&id, &naam));
                let fase = fase_van(self.tekst(4))?;
                if !o.fase.mag_naar(fase) {
                    return Err(wording::niet_afsluiten(o.fase));
                }
                let tekst =
                    |i: usize| (!self.tekst(i).is_empty()).then(|| self.tekst(i).to_string());
                let datum = |i: usize| -> Result<Option<crate::domain::Datum>, String> {
                    match self.tekst(i) {
                        "" => Ok(None),
                        t => crate::app::input::datum(t, vandaag)
                            .map(|d| Some(crate::domain::Datum(d)))
                            .ok_or_else(|| wording::ongeldige_datum(self.labels[i], t)),
                    }
                };
                let (start, eind) = (datum(7)?, datum(8)?);
                if let (Some(s), Some(e)) = (start, eind)
                    && s > e
                {
                    return Err(wording::van_na_tot(&s.to_string(), &e.to_string()));
                }
                o.naam = naam;
                o.cluster = cluster;
                o.adviseur = adviseur;
                o.portefeuillehouder = (!ph.is_empty()).then(|| ph.to_string());
                o.fase = fase;
                o.programma = tekst(5);
                o.doel = tekst(6);
                o.start = start;
                o.eind = eind;
                upsert(&mut after.opgaven, |x| x.id == id, o);
            }
            Doel::Persoon(id) => {
                let eenheid = eenheid_van(org, self.tekst(1))?;
                let uren = crate::app::bord::form::parse_hours(self.tekst(2))?
                    .filter(|u| *u <= 60.0)
                    .ok_or_else(|| wording::ongeldige_uren(self.tekst(2)))?;
                let werkdagen = werkdagen(self.tekst(3))?;
                let talenten: Vec<String> = self
                    .tekst(4)
                    .split([',', ';'])
                    .map(str::trim)
                    .filter(|t| !t.is_empty())
                    .map(String::from)
                    .collect();
                let datum = |i: usize| -> Result<Option<crate::domain::Datum>, String> {
                    match self.tekst(i) {
                        "" => Ok(None),
                        t => crate::app::input::datum(t, vandaag)
                            .map(|d| Some(crate::domain::Datum(d)))
                            .ok_or_else(|| wording::ongeldige_datum(self.labels[i], t)),
                    }
                };
                let (in_dienst, uit_dienst) = (datum(5)?, datum(6)?);
                if let (Some(v), Some(t)) = (in_dienst, uit_dienst)
                    && v > t
                {
                    return Err(wording::van_na_tot(&v.to_string(), &t.to_string()));
                }
                let aandeel = aandeel(self.tekst(7))?;
                let bestaand = id.as_deref().and_then(|i| org.persoon(i));
                let id = id.clone().unwrap_or_else(|| {
                    crate::domain::ids::uit_naam(&naam, |i| org.persoon(i).is_some())
                });
                let mut p = bestaand.cloned().unwrap_or(crate::domain::Persoon {
                    id: id.clone(),
                    naam: String::new(),
                    eenheid: String::new(),
                    uren: 0.0,
                    werkdagen: Vec::new(),
                    regulier_aandeel: None,
                    talenten: Vec::new(),
                    in_dienst: None,
                    uit_dienst: None,
                    afwezig: Vec::new(),
                });
                p.naam = naam;
                p.eenheid = eenheid;
                p.uren = uren;
                p.werkdagen = werkdagen;
                p.talenten = talenten;
                p.in_dienst = in_dienst;
                p.uit_dienst = uit_dienst;
                p.regulier_aandeel = aandeel;
                upsert(&mut after.mensen, |x| x.id == id, p);
            }
        }
        Ok(after)
    }
}

/// Replaces the item that `is` picks, or adds `item` at the end.
fn upsert<T>(list: &mut Vec<T>, is: impl Fn(&T) -> bool, item: T) {
    match list.iter().position(is) {
        Some(i) => list[i] = item,
        None => list.push(item),
    }
}

/// The id of the one candidate (id, its names) that a text names: by id, name or a unique
/// part; when several fit, the message lists them as `naam` words them.
fn kies(
    soort: &str,
    t: &str,
    kandidaten: Vec<(String, Vec<&str>)>,
    naam: impl Fn(&str) -> Option<String>,
) -> Result<String, String> {
    match zoek(&kandidaten, t) {
        Gezocht::Een(id) => Ok(id),
        Gezocht::Meerdere(ids) => {
            let namen: Vec<String> = ids.iter().filter_map(|i| naam(i)).collect();
            Err(wording::meerdere_gevonden(soort, t, &namen))
        }
        Gezocht::Geen => Err(wording::niet_gevonden(soort, t)),
    }
}

/// The cluster a text names (id, name or a unique part); `None` for an empty text.
fn cluster_van(org: &Organisatie, t: &str) -> Result<Option<String>, String> {
    if t.is_empty() {
        return Ok(None);
    }
    let k = org
        .clusters
        .iter()
        .map(|c| (c.id.clone(), vec![c.id.as_str(), c.naam.as_str()]))
        .collect();
    kies("cluster", t, k, |i| org.cluster(i).map(|c| c.naam.clone())).map(Some)
}

/// The phase a text names (its name or a unique part); empty is Uitvoering.
fn fase_van(t: &str) -> Result<crate::domain::Fase, String> {
    use crate::domain::Fase;
    if t.is_empty() {
        return Ok(Fase::Uitvoering);
    }
    let k: Vec<(Fase, Vec<&str>)> = Fase::ALLE
        .iter()
        .map(|f| (*f, vec![wording::fase(*f)]))
        .collect();
    match zoek(&k, t) {
        Gezocht::Een(f) => Ok(f),
        _ => Err(wording::onbekende_fase(t)),
    }
}

/// The unit a text names (id, name or a unique part); required.
fn eenheid_van(org: &Organisatie, t: &str) -> Result<String, String> {
    if t.is_empty() {
        return Err(wording::eenheid_verplicht().into());
    }
    let k = org
        .eenheden
        .iter()
        .map(|e| (e.id.clone(), vec![e.id.as_str(), e.naam.as_str()]))
        .collect();
    kies("eenheid", t, k, |i| org.eenheid(i).map(|e| e.naam.clone()))
}

/// Working days as `ma,di,wo` (spaces or commas).
fn werkdagen(t: &str) -> Result<Vec<crate::domain::Dag>, String> {
    crate::domain::Dag::lees_lijst(t).ok_or_else(|| wording::ongeldige_werkdagen(t))
}

/// Working days as the form shows them: `ma,di,wo`.
fn dagen(d: &[crate::domain::Dag]) -> String {
    d.iter()
        .map(|d| d.afkorting())
        .collect::<Vec<_>>()
        .join(",")
}

/// The person a text names (id, name or a unique part).
fn persoon_van(org: &Organisatie, t: &str) -> Result<String, String> {
    let k = org
        .mensen
        .iter()
        .map(|p| (p.id.clone(), vec![p.id.as_str(), p.naam.as_str()]))
        .collect();
    // With their ids: two people may share a name, and the id picks one.
    kies("persoon", t, k, |i| {
        org.persoon(i).map(|p| format!("{} ({})", p.naam, p.id))
    })
}

/// A share as `60%`, `0,6` or `0.6`; empty is none.
fn aandeel(t: &str) -> Result<Option<f64>, String> {
    if t.is_empty() {
        return Ok(None);
    }
    let (getal, procent) = match t.strip_suffix('%') {
        Some(g) => (g.trim(), true),
        None => (t, false),
    };
    let v: f64 = getal
        .replace(',', ".")
        .parse()
        .map_err(|_| wording::ongeldig_aandeel(t))?;
    let v = if procent || v > 1.0 { v / 100.0 } else { v };
    if (0.0..=1.0).contains(&v) {
        Ok(Some((v * 100.0).round() / 100.0))
    } else {
        Err(wording::ongeldig_aandeel(t))
    }
}
