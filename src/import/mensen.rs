//! People from an HR export: recognise the columns, read each row, and add or update people,
//! creating the units and clusters they name. A bad row is skipped with its number and why;
//! people the file does not list are reported, never removed.

use std::collections::{HashMap, HashSet};

use super::waarden::{self, los};
use crate::domain::{Cluster, Dag, Datum, Eenheid, Organisatie, Persoon};
use crate::storage::tabel::Tabel;

/// A column the importer knows.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Kolom {
    Nummer,
    Naam,
    Voornaam,
    Tussenvoegsel,
    Achternaam,
    Eenheid,
    Uren,
    Fte,
    Cluster,
    Werkdagen,
    Talenten,
    InDienst,
    UitDienst,
}

impl Kolom {
    /// The header names each column goes by, compared loosely (see [`waarden::los`]).
    pub const NAMEN: [(Kolom, &'static [&'static str]); 13] = [
        (
            Kolom::Nummer,
            &["personeelsnummer", "medewerkernummer", "nummer", "id"],
        ),
        (Kolom::Naam, &["naam", "volledige naam"]),
        (Kolom::Voornaam, &["voornaam"]),
        (Kolom::Tussenvoegsel, &["tussenvoegsel", "voorvoegsel"]),
        (Kolom::Achternaam, &["achternaam"]),
        (
            Kolom::Eenheid,
            &["eenheid", "afdeling", "team", "organisatie eenheid"],
        ),
        (
            Kolom::Uren,
            &["uren", "uren per week", "contracturen", "arbeidsduur"],
        ),
        (Kolom::Fte, &["fte", "deeltijdfactor"]),
        (Kolom::Cluster, &["cluster"]),
        (Kolom::Werkdagen, &["werkdagen"]),
        (Kolom::Talenten, &["talenten"]),
        (Kolom::InDienst, &["in dienst", "datum in dienst"]),
        (Kolom::UitDienst, &["uit dienst", "datum uit dienst"]),
    ];

    /// The header names this column goes by.
    pub fn namen(self) -> &'static [&'static str] {
        Kolom::NAMEN
            .iter()
            .find(|(k, _)| *k == self)
            .map_or(&[], |(_, n)| n)
    }

    fn herken(header: &str) -> Option<Kolom> {
        let h = los(header);
        Kolom::NAMEN
            .iter()
            .find(|(_, namen)| namen.contains(&h.as_str()))
            .map(|(k, _)| *k)
    }
}

/// The required columns a file lacks: the header as found, and what is missing (a name,
/// the unit, hours or fte).
#[derive(Debug, Clone, PartialEq)]
pub struct Ontbreekt {
    pub gevonden: Vec<String>,
    pub ontbrekend: Vec<Kolom>,
}

/// Why a row was skipped.
#[derive(Debug, Clone, PartialEq)]
pub enum RijFout {
    GeenNaam,
    GeenEenheid,
    GeenUren,
    /// Hours (or fte) that are not a number.
    UrenOngeldig(String),
    /// Hours outside 0–60.
    UrenBuitenBereik(f64),
    DatumOngeldig {
        kolom: Kolom,
        tekst: String,
    },
    WerkdagenOngeldig(String),
    /// `in dienst` after `uit dienst`.
    DienstOmgekeerd,
    /// The same person as an earlier row (by number, else by name).
    Dubbel(usize),
}

/// What an import did (or would do, for a dry run), as facts.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Verslag {
    pub toegevoegd: Vec<String>,
    pub bijgewerkt: Vec<String>,
    pub ongewijzigd: usize,
    /// Row number (as a spreadsheet shows it) and why.
    pub overgeslagen: Vec<(usize, RijFout)>,
    /// People of the werkmap the file does not list (kept).
    pub niet_in_bestand: Vec<String>,
    pub eenheden_nieuw: Vec<String>,
    pub clusters_nieuw: Vec<String>,
    /// Headers the importer does not know (ignored).
    pub onbekende_kolommen: Vec<String>,
}

/// The cluster new units go to when the file names none.
pub const NOG_IN_TE_DELEN: &str = "Nog in te delen";

/// The columns of a header row.
struct Kop {
    at: HashMap<Kolom, usize>,
}

impl Kop {
    fn lees(rij: &[String]) -> (Kop, Vec<String>) {
        let mut at = HashMap::new();
        let mut onbekend = Vec::new();
        for (i, h) in rij.iter().enumerate() {
            match Kolom::herken(h) {
                Some(k) => {
                    at.entry(k).or_insert(i);
                }
                None if h.trim().is_empty() => {}
                None => onbekend.push(h.trim().to_string()),
            }
        }
        (Kop { at }, onbekend)
    }

    fn heeft(&self, k: Kolom) -> bool {
        self.at.contains_key(&k)
    }

    /// The cell of column `k` in `rij` (empty when absent).
    fn cel<'r>(&self, rij: &'r [String], k: Kolom) -> Option<&'r str> {
        self.at
            .get(&k)
            .map(|&i| rij.get(i).map_or("", |s| s.trim()))
    }

    fn ontbrekend(&self) -> Vec<Kolom> {
        let mut out = Vec::new();
        if !self.heeft(Kolom::Naam) && !self.heeft(Kolom::Achternaam) {
            out.push(Kolom::Naam);
        }
        if !self.heeft(Kolom::Eenheid) {
            out.push(Kolom::Eenheid);
        }
        if !self.heeft(Kolom::Uren) && !self.heeft(Kolom::Fte) {
            out.push(Kolom::Uren);
        }
        out
    }
}

/// One row read: the values of the columns present.
struct Rij {
    nummer: Option<String>,
    naam: String,
    eenheid: String,
    cluster: Option<String>,
    uren: f64,
    werkdagen: Option<Vec<Dag>>,
    talenten: Option<Vec<String>>,
    in_dienst: Option<Option<Datum>>,
    uit_dienst: Option<Option<Datum>>,
}

fn lees_rij(kop: &Kop, r: &[String], uren_per_fte: f64) -> Result<Rij, RijFout> {
    let naam = match kop.cel(r, Kolom::Naam).filter(|n| !n.is_empty()) {
        Some(n) => n.to_string(),
        None => [Kolom::Voornaam, Kolom::Tussenvoegsel, Kolom::Achternaam]
            .iter()
            .filter_map(|&k| kop.cel(r, k))
            .filter(|s| !s.is_empty())
            .collect::<Vec<_>>()
            .join(" "),
    };
    let naam = naam.split_whitespace().collect::<Vec<_>>().join(" ");
    if naam.is_empty() {
        return Err(RijFout::GeenNaam);
    }
    let eenheid = kop.cel(r, Kolom::Eenheid).unwrap_or("").to_string();
    if eenheid.is_empty() {
        return Err(RijFout::GeenEenheid);
    }
    let uren = match (kop.cel(r, Kolom::Uren), kop.cel(r, Kolom::Fte)) {
        (Some(u), _) if !u.is_empty() => {
            waarden::getal(u).ok_or_else(|| RijFout::UrenOngeldig(u.to_string()))?
        }
        (_, Some(f)) if !f.is_empty() => {
            let fte = waarden::getal(f).ok_or_else(|| RijFout::UrenOngeldig(f.to_string()))?;
            (fte * uren_per_fte * 100.0).round() / 100.0
        }
        _ => return Err(RijFout::GeenUren),
    };
    if !(0.0..=60.0).contains(&uren) {
        return Err(RijFout::UrenBuitenBereik(uren));
    }
    let datum = |k: Kolom| -> Result<Option<Option<Datum>>, RijFout> {
        match kop.cel(r, k) {
            None => Ok(None),
            Some("") => Ok(Some(None)),
            Some(t) => waarden::datum(t)
                .map(|d| Some(Some(Datum(d))))
                .ok_or_else(|| RijFout::DatumOngeldig {
                    kolom: k,
                    tekst: t.to_string(),
                }),
        }
    };
    let in_dienst = datum(Kolom::InDienst)?;
    let uit_dienst = datum(Kolom::UitDienst)?;
    if let (Some(Some(v)), Some(Some(t))) = (in_dienst, uit_dienst)
        && v > t
    {
        return Err(RijFout::DienstOmgekeerd);
    }
    let werkdagen = match kop.cel(r, Kolom::Werkdagen) {
        None => None,
        Some("") => Some(Dag::WERKWEEK.to_vec()),
        Some(t) => {
            Some(waarden::werkdagen(t).ok_or_else(|| RijFout::WerkdagenOngeldig(t.to_string()))?)
        }
    };
    Ok(Rij {
        nummer: kop
            .cel(r, Kolom::Nummer)
            .filter(|n| !n.is_empty())
            .map(str::to_string),
        naam,
        eenheid,
        cluster: kop
            .cel(r, Kolom::Cluster)
            .filter(|c| !c.is_empty())
            .map(str::to_string),
        uren,
        werkdagen,
        talenten: kop.cel(r, Kolom::Talenten).map(waarden::lijst),
        in_dienst,
        uit_dienst,
    })
}

/// The id a personeelsnummer gives a person: `p12345` for a number, else the number as an id.
fn persoon_id(nummer: &str) -> String {
    if nummer.chars().all(|c| c.is_ascii_digit()) {
        format!("p{nummer}")
    } else {
        waarden::id_van(nummer)
    }
}

/// An id not yet in `taken`: `base`, else `base-2`, `base-3`, ….
fn vrij_id(base: &str, taken: impl Fn(&str) -> bool) -> String {
    if !taken(base) {
        return base.to_string();
    }
    (2..)
        .map(|n| format!("{base}-{n}"))
        .find(|id| !taken(id))
        .unwrap_or_default()
}

/// Imports the people of `tabel` into a copy of `org`. Fails only when a required column is
/// missing; bad rows are skipped and reported.
pub fn importeer(org: &Organisatie, tabel: &Tabel) -> Result<(Organisatie, Verslag), Ontbreekt> {
    let mut rijen = tabel
        .rijen
        .iter()
        .enumerate()
        .skip_while(|(_, r)| r.iter().all(|c| c.trim().is_empty()));
    let Some((_, kop_rij)) = rijen.next() else {
        return Err(Ontbreekt {
            gevonden: Vec::new(),
            ontbrekend: vec![Kolom::Naam, Kolom::Eenheid, Kolom::Uren],
        });
    };
    let (kop, onbekend) = Kop::lees(kop_rij);
    let ontbrekend = kop.ontbrekend();
    if !ontbrekend.is_empty() {
        return Err(Ontbreekt {
            gevonden: kop_rij.iter().map(|h| h.trim().to_string()).collect(),
            ontbrekend,
        });
    }
    let mut org = org.clone();
    let mut verslag = Verslag {
        onbekende_kolommen: onbekend,
        ..Verslag::default()
    };
    let mut gezien: HashMap<String, usize> = HashMap::new();
    let mut genoemd: HashSet<String> = HashSet::new();
    for (i, r) in rijen {
        let nr = i + 1;
        if r.iter().all(|c| c.trim().is_empty()) {
            continue;
        }
        let rij = match lees_rij(&kop, r, org.uren_per_fte) {
            Ok(rij) => rij,
            Err(e) => {
                verslag.overgeslagen.push((nr, e));
                continue;
            }
        };
        let sleutel = rij
            .nummer
            .as_deref()
            .map_or_else(|| los(&rij.naam), persoon_id);
        if let Some(&eerder) = gezien.get(&sleutel) {
            verslag.overgeslagen.push((nr, RijFout::Dubbel(eerder)));
            continue;
        }
        gezien.insert(sleutel, nr);
        let eenheid = eenheid_voor(&mut org, &mut verslag, &rij);
        genoemd.insert(neem_op(&mut org, &mut verslag, rij, eenheid));
    }
    verslag.niet_in_bestand = org
        .mensen
        .iter()
        .filter(|p| !genoemd.contains(&p.id))
        .map(|p| p.naam.clone())
        .collect();
    Ok((org, verslag))
}

/// The id of the unit a row names, created (in its cluster) when unknown.
fn eenheid_voor(org: &mut Organisatie, verslag: &mut Verslag, rij: &Rij) -> String {
    let naam = los(&rij.eenheid);
    if let Some(e) = org
        .eenheden
        .iter()
        .find(|e| los(&e.id) == naam || los(&e.naam) == naam)
    {
        return e.id.clone();
    }
    let cluster_naam = rij.cluster.as_deref().unwrap_or(NOG_IN_TE_DELEN);
    let cl = los(cluster_naam);
    let cluster = match org
        .clusters
        .iter()
        .find(|c| los(&c.id) == cl || los(&c.naam) == cl)
    {
        Some(c) => c.id.clone(),
        None => {
            let id = vrij_id(&waarden::id_van(cluster_naam), |id| {
                org.clusters.iter().any(|c| c.id == id)
            });
            org.clusters.push(Cluster {
                id: id.clone(),
                naam: cluster_naam.to_string(),
            });
            verslag.clusters_nieuw.push(cluster_naam.to_string());
            id
        }
    };
    let id = vrij_id(&waarden::id_van(&rij.eenheid), |id| {
        org.eenheden.iter().any(|e| e.id == id)
    });
    org.eenheden.push(Eenheid {
        id: id.clone(),
        naam: rij.eenheid.clone(),
        cluster,
        cocos: Vec::new(),
        regulier_aandeel: None,
    });
    verslag.eenheden_nieuw.push(rij.eenheid.clone());
    id
}

/// Adds the row's person, or updates the one it matches with the columns the file has;
/// returns the person's id.
fn neem_op(org: &mut Organisatie, verslag: &mut Verslag, rij: Rij, eenheid: String) -> String {
    let id = rij.nummer.as_deref().map(persoon_id);
    let naam = los(&rij.naam);
    // By number when the row has one; by name only a person who has no number yet (added by
    // hand or from a file without numbers): two people with one name stay two.
    let genummerd = |p: &Persoon| {
        p.id.strip_prefix('p')
            .is_some_and(|n| !n.is_empty() && n.chars().all(|c| c.is_ascii_digit()))
    };
    let bestaand = match id.as_deref() {
        Some(id) => org.mensen.iter().position(|p| p.id == id).or_else(|| {
            org.mensen
                .iter()
                .position(|p| !genummerd(p) && los(&p.naam) == naam)
        }),
        None => org.mensen.iter().position(|p| los(&p.naam) == naam),
    };
    let apply = |p: &mut Persoon| {
        p.naam = rij.naam.clone();
        p.eenheid = eenheid.clone();
        p.uren = rij.uren;
        if let Some(w) = &rij.werkdagen {
            p.werkdagen = w.clone();
        }
        if let Some(t) = &rij.talenten {
            p.talenten = t.clone();
        }
        if let Some(d) = rij.in_dienst {
            p.in_dienst = d;
        }
        if let Some(d) = rij.uit_dienst {
            p.uit_dienst = d;
        }
    };
    match bestaand {
        Some(i) => {
            let before = org.mensen[i].clone();
            apply(&mut org.mensen[i]);
            if org.mensen[i] == before {
                verslag.ongewijzigd += 1;
            } else {
                verslag.bijgewerkt.push(rij.naam.clone());
            }
            org.mensen[i].id.clone()
        }
        None => {
            let id = id.unwrap_or_else(|| {
                vrij_id(&waarden::id_van(&rij.naam), |id| {
                    org.mensen.iter().any(|p| p.id == id)
                })
            });
            let mut p = Persoon {
                id,
                naam: String::new(),
                eenheid: String::new(),
                uren: 0.0,
                werkdagen: Dag::WERKWEEK.to_vec(),
                regulier_aandeel: None,
                talenten: Vec::new(),
                in_dienst: None,
                uit_dienst: None,
                afwezig: Vec::new(),
            };
            apply(&mut p);
            verslag.toegevoegd.push(rij.naam.clone());
            let id = p.id.clone();
            org.mensen.push(p);
            id
        }
    }
}
