//! The checks that run after parsing (DESIGN.md section 2, "Validation"). Pure: each finding
//! names the path of the offending value (`kaarten[3].eigenaar`); storage turns that into a
//! line and column.

use std::collections::HashSet;

use super::bord::Bord;
use super::organisatie::{Organisatie, VERSIE};

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
    VanNaTot {
        van: String,
        tot: String,
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

    let clusters: HashSet<&str> = o.clusters.iter().map(|c| c.id.as_str()).collect();
    let eenheden: HashSet<&str> = o.eenheden.iter().map(|e| e.id.as_str()).collect();
    let mensen: HashSet<&str> = o.mensen.iter().map(|p| p.id.as_str()).collect();

    for (i, e) in o.eenheden.iter().enumerate() {
        if !clusters.contains(e.cluster.as_str()) {
            f.fout(
                format!("eenheden[{i}].cluster"),
                Bevinding::OnbekendId {
                    soort: "cluster",
                    id: e.cluster.to_string(),
                },
            );
        }
        for (j, c) in e.cocos.iter().enumerate() {
            if !mensen.contains(c.as_str()) {
                f.fout(
                    format!("eenheden[{i}].cocos[{j}]"),
                    Bevinding::OnbekendId {
                        soort: "persoon (coco)",
                        id: (c).to_string(),
                    },
                );
            }
        }
        f.share(
            format!("eenheden[{i}].regulier_aandeel"),
            e.regulier_aandeel,
        );
    }
    for (i, p) in o.mensen.iter().enumerate() {
        if !eenheden.contains(p.eenheid.as_str()) {
            f.fout(
                format!("mensen[{i}].eenheid"),
                Bevinding::OnbekendId {
                    soort: "eenheid",
                    id: p.eenheid.to_string(),
                },
            );
        }
        f.not_negative(format!("mensen[{i}].uren"), "uren", p.uren);
        if p.uren.abs() <= NUL {
            f.waarschuwing(format!("mensen[{i}].uren"), Bevinding::PersoonNulUren);
        }
        f.share(format!("mensen[{i}].regulier_aandeel"), p.regulier_aandeel);
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
    for (i, op) in o.opgaven.iter().enumerate() {
        if let Some(c) = op.cluster.as_deref().filter(|c| !clusters.contains(c)) {
            f.fout(
                format!("opgaven[{i}].cluster"),
                Bevinding::OnbekendId {
                    soort: "cluster",
                    id: (c).to_string(),
                },
            );
        }
        if let Some(a) = op.adviseur.as_deref().filter(|a| !mensen.contains(a)) {
            f.fout(
                format!("opgaven[{i}].adviseur"),
                Bevinding::OnbekendId {
                    soort: "persoon",
                    id: (a).to_string(),
                },
            );
        }
    }
    f.0
}

/// The ids a board may refer to, collected once for all boards of a werkmap.
pub struct Refs<'a> {
    mensen: HashSet<&'a str>,
    opgaven: HashSet<&'a str>,
    clusters: HashSet<&'a str>,
}

impl<'a> Refs<'a> {
    /// The ids of the organisation.
    pub fn of(o: &'a Organisatie) -> Refs<'a> {
        Refs {
            mensen: o.mensen.iter().map(|p| p.id.as_str()).collect(),
            opgaven: o.opgaven.iter().map(|p| p.id.as_str()).collect(),
            clusters: o.clusters.iter().map(|p| p.id.as_str()).collect(),
        }
    }
}

/// Checks a board, and its references into the organisation when that is known.
pub fn bord(b: &Bord, org: Option<&Refs>) -> Vec<Finding> {
    let mut f = Findings::default();
    versie(&mut f, b.versie);
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

    let kolommen: HashSet<&str> = b.kolommen.iter().map(|k| k.id.as_str()).collect();
    let known = |id: &str| org.is_none_or(|r| r.mensen.contains(id));

    if let Some(o) = org {
        match &b.soort {
            super::BordSoort::Opgaveteam { opgave } if !o.opgaven.contains(opgave.as_str()) => {
                f.fout(
                    "soort.opgave".into(),
                    Bevinding::OnbekendId {
                        soort: "opgave",
                        id: (opgave).to_string(),
                    },
                );
            }
            super::BordSoort::Clusterkamer { cluster }
                if !o.clusters.contains(cluster.as_str()) =>
            {
                f.fout(
                    "soort.cluster".into(),
                    Bevinding::OnbekendId {
                        soort: "cluster",
                        id: (cluster).to_string(),
                    },
                );
            }
            _ => {}
        }
    }
    for (i, inz) in b.inzet.iter().enumerate() {
        if !known(&inz.persoon) {
            f.fout(
                format!("inzet[{i}].persoon"),
                Bevinding::OnbekendId {
                    soort: "persoon",
                    id: inz.persoon.to_string(),
                },
            );
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
    for (i, k) in b.kaarten.iter().enumerate() {
        if !kolommen.contains(k.kolom.as_str()) {
            f.fout(
                format!("kaarten[{i}].kolom"),
                Bevinding::OnbekendId {
                    soort: "kolom",
                    id: k.kolom.to_string(),
                },
            );
        }
        if let Some(e) = k.eigenaar.as_deref().filter(|e| !known(e)) {
            f.fout(
                format!("kaarten[{i}].eigenaar"),
                Bevinding::OnbekendId {
                    soort: "persoon",
                    id: (e).to_string(),
                },
            );
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
    f.0
}
