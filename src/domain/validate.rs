//! The checks that run after parsing (DESIGN.md section 2, "Validation"). Pure: each finding
//! names the path of the offending value (`kaarten[3].eigenaar`); storage turns that into a
//! line and column.

use std::collections::HashSet;

use super::bord::{Bord, BordSoort, Inzet, Kaart};
use super::organisatie::{Eenheid, Opgave, Organisatie, Persoon, VERSIE};

/// Tolerance for "is 0" on hours (DESIGN.md section 3).
const NUL: f64 = 0.05;

/// One problem in one file.
#[derive(Debug, Clone, PartialEq)]
pub struct Finding {
    /// Path of the value in the file, e.g. `kaarten[3].eigenaar`.
    pub path: String,
    pub soort: Bevinding,
    /// An error makes the file unusable; a warning is worth a look but loses nothing.
    pub fout: bool,
}

/// What a check found, with the values involved; worded above the core.
#[derive(Debug, Clone, PartialEq)]
pub enum Bevinding {
    /// Two items of one kind (`soort`: cluster, eenheid, persoon, …) share an id.
    DubbelId {
        soort: &'static str,
        id: String,
    },
    /// NaN or an infinity where a number is meant.
    OngeldigGetal {
        veld: String,
        nan: bool,
    },
    AandeelBuitenBereik(f64),
    Negatief {
        veld: String,
    },
    NietPositief {
        veld: String,
    },
    VersieTeHoog {
        versie: u64,
        bekend: u32,
    },
    VersieOnbekend(u64),
    /// A reference to an id that does not exist.
    OnbekendId {
        soort: &'static str,
        id: String,
    },
    PersoonNulUren,
    /// The board's opgave is `Afgesloten` while the board still has open cards: closed before
    /// the work was done, celebrated and evaluated.
    AfgeslotenMetOpenKaarten {
        opgave: String,
        open: usize,
    },
    VanNaTot {
        van: String,
        tot: String,
    },
    /// `in_dienst` after `uit_dienst`.
    InDienstNaUitDienst {
        in_dienst: String,
        uit_dienst: String,
    },
    GeenKolommen,
    MeerKlaarKolommen,
    InzetNulUren,
    VoortgangTeHoog(u32),
    SchattingZonderEigenaar,
    StartNaDeadline,
}

#[derive(Default)]
struct Findings(Vec<Finding>);

impl Findings {
    fn fout(&mut self, path: String, soort: Bevinding) {
        self.0.push(Finding {
            path,
            soort,
            fout: true,
        });
    }
    fn waarschuwing(&mut self, path: String, soort: Bevinding) {
        self.0.push(Finding {
            path,
            soort,
            fout: false,
        });
    }
    fn duplicates<'a>(
        &mut self,
        soort: &'static str,
        ids: impl Iterator<Item = (String, &'a str)>,
    ) {
        let mut seen = HashSet::new();
        for (path, id) in ids {
            if !id.is_empty() && !seen.insert(id) {
                self.fout(
                    path,
                    Bevinding::DubbelId {
                        soort,
                        id: id.to_string(),
                    },
                );
            }
        }
    }
    /// NaN and the infinities (`inf`, or a literal too large for f64 such as `1e400`) are no
    /// numbers a user means; every later rule and sum would go wrong on them. Returns whether
    /// `v` is a finite number.
    fn finite(&mut self, path: &str, veld: &str, v: f64) -> bool {
        if v.is_finite() {
            return true;
        }
        self.fout(
            path.to_string(),
            Bevinding::OngeldigGetal {
                veld: veld.to_string(),
                nan: v.is_nan(),
            },
        );
        false
    }
    fn share(&mut self, path: String, v: Option<f64>) {
        let Some(v) = v else { return };
        if self.finite(&path, "regulier_aandeel", v) && !(0.0..=1.0).contains(&v) {
            self.fout(path, Bevinding::AandeelBuitenBereik(v));
        }
    }
    /// A reference to an id (of kind `soort`) that does not exist.
    fn onbekend(&mut self, path: String, soort: &'static str, id: &str) {
        self.fout(
            path,
            Bevinding::OnbekendId {
                soort,
                id: id.to_string(),
            },
        );
    }
    fn not_negative(&mut self, path: String, veld: &str, v: f64) {
        if self.finite(&path, veld, v) && v < 0.0 {
            self.fout(
                path,
                Bevinding::Negatief {
                    veld: veld.to_string(),
                },
            );
        }
    }
}

fn versie(f: &mut Findings, v: u32) {
    if v > VERSIE {
        f.fout(
            "versie".into(),
            Bevinding::VersieTeHoog {
                versie: v.into(),
                bekend: VERSIE,
            },
        );
    } else if v < VERSIE {
        f.fout("versie".into(), Bevinding::VersieOnbekend(v.into()));
    }
}

/// Checks `organisatie.ron` on its own.
pub fn organisatie(o: &Organisatie) -> Vec<Finding> {
    let mut f = Findings::default();
    versie(&mut f, o.versie);
    organisatie_getallen(&mut f, o);
    organisatie_dubbel(&mut f, o);
    let clusters: HashSet<&str> = o.clusters.iter().map(|c| c.id.as_str()).collect();
    let eenheden: HashSet<&str> = o.eenheden.iter().map(|e| e.id.as_str()).collect();
    let mensen: HashSet<&str> = o.mensen.iter().map(|p| p.id.as_str()).collect();
    for (i, e) in o.eenheden.iter().enumerate() {
        eenheid(&mut f, i, e, &clusters, &mensen);
    }
    for (i, p) in o.mensen.iter().enumerate() {
        persoon(&mut f, i, p, &eenheden);
    }
    for (i, op) in o.opgaven.iter().enumerate() {
        opgave(&mut f, i, op, &clusters, &mensen);
    }
    f.0
}

/// The organisation's own numbers: hours per fte and the most fte per CoCo.
fn organisatie_getallen(f: &mut Findings, o: &Organisatie) {
    if f.finite("uren_per_fte", "uren_per_fte", o.uren_per_fte) && o.uren_per_fte <= 0.0 {
        f.fout(
            "uren_per_fte".into(),
            Bevinding::NietPositief {
                veld: "uren_per_fte".into(),
            },
        );
    }
    f.not_negative(
        "max_fte_per_coco".into(),
        "max_fte_per_coco",
        o.max_fte_per_coco,
    );
}

/// Ids used twice among the clusters, the units, the people or the opgaven.
fn organisatie_dubbel(f: &mut Findings, o: &Organisatie) {
    f.duplicates(
        "cluster",
        o.clusters
            .iter()
            .enumerate()
            .map(|(i, c)| (format!("clusters[{i}].id"), c.id.as_str())),
    );
    f.duplicates(
        "eenheid",
        o.eenheden
            .iter()
            .enumerate()
            .map(|(i, e)| (format!("eenheden[{i}].id"), e.id.as_str())),
    );
    f.duplicates(
        "persoon",
        o.mensen
            .iter()
            .enumerate()
            .map(|(i, p)| (format!("mensen[{i}].id"), p.id.as_str())),
    );
    f.duplicates(
        "opgave",
        o.opgaven
            .iter()
            .enumerate()
            .map(|(i, p)| (format!("opgaven[{i}].id"), p.id.as_str())),
    );
}

/// A unit (the `i`th): its cluster and CoCos exist, its regular share is a share.
fn eenheid(
    f: &mut Findings,
    i: usize,
    e: &Eenheid,
    clusters: &HashSet<&str>,
    mensen: &HashSet<&str>,
) {
    if !clusters.contains(e.cluster.as_str()) {
        f.onbekend(format!("eenheden[{i}].cluster"), "cluster", &e.cluster);
    }
    for (j, c) in e.cocos.iter().enumerate() {
        if !mensen.contains(c.as_str()) {
            f.onbekend(format!("eenheden[{i}].cocos[{j}]"), "persoon (coco)", c);
        }
    }
    f.share(
        format!("eenheden[{i}].regulier_aandeel"),
        e.regulier_aandeel,
    );
}

/// A person (the `i`th): unit, hours, regular share and absences.
fn persoon(f: &mut Findings, i: usize, p: &Persoon, eenheden: &HashSet<&str>) {
    if !eenheden.contains(p.eenheid.as_str()) {
        f.onbekend(format!("mensen[{i}].eenheid"), "eenheid", &p.eenheid);
    }
    f.not_negative(format!("mensen[{i}].uren"), "uren", p.uren);
    if p.uren.abs() <= NUL {
        f.waarschuwing(format!("mensen[{i}].uren"), Bevinding::PersoonNulUren);
    }
    f.share(format!("mensen[{i}].regulier_aandeel"), p.regulier_aandeel);
    if let (Some(v), Some(t)) = (p.in_dienst, p.uit_dienst)
        && v > t
    {
        f.fout(
            format!("mensen[{i}].in_dienst"),
            Bevinding::InDienstNaUitDienst {
                in_dienst: v.to_string(),
                uit_dienst: t.to_string(),
            },
        );
    }
    for (j, a) in p.afwezig.iter().enumerate() {
        if a.van > a.tot {
            f.fout(
                format!("mensen[{i}].afwezig[{j}].van"),
                Bevinding::VanNaTot {
                    van: a.van.to_string(),
                    tot: a.tot.to_string(),
                },
            );
        }
    }
}

/// An opgave (the `i`th): its cluster and adviser exist.
fn opgave(
    f: &mut Findings,
    i: usize,
    op: &Opgave,
    clusters: &HashSet<&str>,
    mensen: &HashSet<&str>,
) {
    if let Some(c) = op.cluster.as_deref().filter(|c| !clusters.contains(c)) {
        f.onbekend(format!("opgaven[{i}].cluster"), "cluster", c);
    }
    if let Some(a) = op.adviseur.as_deref().filter(|a| !mensen.contains(a)) {
        f.onbekend(format!("opgaven[{i}].adviseur"), "persoon", a);
    }
}

/// The ids a board may refer to, collected once for all boards of a werkmap.
pub struct Refs<'a> {
    mensen: HashSet<&'a str>,
    opgaven: HashSet<&'a str>,
    clusters: HashSet<&'a str>,
    /// Opgaven in phase `Afgesloten`.
    afgesloten: HashSet<&'a str>,
}

impl<'a> Refs<'a> {
    /// The ids of the organisation.
    pub fn of(o: &'a Organisatie) -> Refs<'a> {
        Refs {
            mensen: o.mensen.iter().map(|p| p.id.as_str()).collect(),
            opgaven: o.opgaven.iter().map(|p| p.id.as_str()).collect(),
            clusters: o.clusters.iter().map(|p| p.id.as_str()).collect(),
            afgesloten: o
                .opgaven
                .iter()
                .filter(|p| p.fase == super::organisatie::Fase::Afgesloten)
                .map(|p| p.id.as_str())
                .collect(),
        }
    }
}

/// Checks a board, and its references into the organisation when that is known.
pub fn bord(b: &Bord, org: Option<&Refs>) -> Vec<Finding> {
    let mut f = Findings::default();
    versie(&mut f, b.versie);
    kolommen(&mut f, b);
    bord_dubbel(&mut f, b);
    if let Some(o) = org {
        soort(&mut f, &b.soort, o);
        afgesloten(&mut f, b, o);
    }
    for (i, inz) in b.inzet.iter().enumerate() {
        inzet(&mut f, i, inz, org);
    }
    let kolommen: HashSet<&str> = b.kolommen.iter().map(|k| k.id.as_str()).collect();
    for (i, k) in b.kaarten.iter().enumerate() {
        kaart(&mut f, i, k, &kolommen, org);
    }
    f.0
}

/// Whether a person is known: always, when the organisation is not.
fn bekend(org: Option<&Refs>, persoon: &str) -> bool {
    org.is_none_or(|r| r.mensen.contains(persoon))
}

/// The columns: at least one, and at most one marked `klaar`.
fn kolommen(f: &mut Findings, b: &Bord) {
    if b.kolommen.is_empty() {
        f.fout("kolommen".into(), Bevinding::GeenKolommen);
    }
    if b.kolommen.iter().filter(|k| k.klaar).count() > 1 {
        let second = b
            .kolommen
            .iter()
            .enumerate()
            .filter(|(_, k)| k.klaar)
            .nth(1)
            .map_or(0, |(i, _)| i);
        f.fout(
            format!("kolommen[{second}].klaar"),
            Bevinding::MeerKlaarKolommen,
        );
    }
}

/// Ids used twice among the columns, the cards or the inzet.
fn bord_dubbel(f: &mut Findings, b: &Bord) {
    f.duplicates(
        "kolom",
        b.kolommen
            .iter()
            .enumerate()
            .map(|(i, k)| (format!("kolommen[{i}].id"), k.id.as_str())),
    );
    f.duplicates(
        "kaart",
        b.kaarten
            .iter()
            .enumerate()
            .map(|(i, k)| (format!("kaarten[{i}].id"), k.id.as_str())),
    );
    f.duplicates(
        "inzet",
        b.inzet
            .iter()
            .enumerate()
            .map(|(i, k)| (format!("inzet[{i}].id"), k.id.as_str())),
    );
}

/// An opgave closes only after its result was visible, celebrated and evaluated: one file
/// cannot show the phase it came from, but a closed opgave whose board still has open cards
/// skipped that.
fn afgesloten(f: &mut Findings, b: &Bord, o: &Refs) {
    if let BordSoort::Opgaveteam { opgave } = &b.soort
        && o.afgesloten.contains(opgave.as_str())
    {
        let open = b.kaarten.iter().filter(|k| b.is_open(k)).count();
        if open > 0 {
            f.waarschuwing(
                "soort.opgave".into(),
                Bevinding::AfgeslotenMetOpenKaarten {
                    opgave: opgave.clone(),
                    open,
                },
            );
        }
    }
}

/// The opgave or cluster the board belongs to exists.
fn soort(f: &mut Findings, soort: &BordSoort, o: &Refs) {
    match soort {
        BordSoort::Opgaveteam { opgave } if !o.opgaven.contains(opgave.as_str()) => {
            f.onbekend("soort.opgave".into(), "opgave", opgave);
        }
        BordSoort::Clusterkamer { cluster } if !o.clusters.contains(cluster.as_str()) => {
            f.onbekend("soort.cluster".into(), "cluster", cluster);
        }
        _ => {}
    }
}

/// An inzet (the `i`th): a known person, hours, and weeks in order.
fn inzet(f: &mut Findings, i: usize, inz: &Inzet, org: Option<&Refs>) {
    if !bekend(org, &inz.persoon) {
        f.onbekend(format!("inzet[{i}].persoon"), "persoon", &inz.persoon);
    }
    f.not_negative(
        format!("inzet[{i}].uren_per_week"),
        "uren_per_week",
        inz.uren_per_week,
    );
    if inz.uren_per_week.abs() <= NUL {
        f.waarschuwing(format!("inzet[{i}].uren_per_week"), Bevinding::InzetNulUren);
    }
    if inz.van > inz.tot {
        f.fout(
            format!("inzet[{i}].van"),
            Bevinding::VanNaTot {
                van: inz.van.to_string(),
                tot: inz.tot.to_string(),
            },
        );
    }
}

/// A card (the `i`th): its column and owner exist, progress, estimate and dates make sense.
fn kaart(f: &mut Findings, i: usize, k: &Kaart, kolommen: &HashSet<&str>, org: Option<&Refs>) {
    if !kolommen.contains(k.kolom.as_str()) {
        f.onbekend(format!("kaarten[{i}].kolom"), "kolom", &k.kolom);
    }
    if let Some(e) = k.eigenaar.as_deref().filter(|e| !bekend(org, e)) {
        f.onbekend(format!("kaarten[{i}].eigenaar"), "persoon", e);
    }
    if k.voortgang > 100 {
        f.fout(
            format!("kaarten[{i}].voortgang"),
            Bevinding::VoortgangTeHoog(k.voortgang),
        );
    }
    if let Some(u) = k.uren {
        f.not_negative(format!("kaarten[{i}].uren"), "uren", u);
        if k.eigenaar.is_none() {
            f.waarschuwing(
                format!("kaarten[{i}].uren"),
                Bevinding::SchattingZonderEigenaar,
            );
        }
    }
    if let (Some(s), Some(d)) = (k.start, k.deadline)
        && s > d
    {
        f.waarschuwing(format!("kaarten[{i}].start"), Bevinding::StartNaDeadline);
    }
}
