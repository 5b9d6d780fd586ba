//! Small builders for test werkmappen.
#![allow(dead_code)]

use chrono::NaiveDate;
use planbord::domain::*;

pub fn date(s: &str) -> NaiveDate {
    s.parse::<Datum>().unwrap().0
}

pub fn week(s: &str) -> Week {
    s.parse().unwrap()
}

pub fn org(eenheden: Vec<Eenheid>, mensen: Vec<Persoon>) -> Organisatie {
    Organisatie {
        versie: 1,
        naam: "Test".into(),
        uren_per_fte: 36.0,
        max_fte_per_coco: 25.0,
        feestdagen: vec![],
        clusters: vec![Cluster {
            id: "c".into(),
            naam: "C".into(),
        }],
        eenheden,
        mensen,
        opgaven: vec![Opgave::new("o", "Opgave")],
        sporen: String::new(),
    }
}

pub fn eenheid(id: &str, cocos: &[&str]) -> Eenheid {
    Eenheid {
        id: id.into(),
        naam: format!("Eenheid {id}"),
        cluster: "c".into(),
        cocos: cocos.iter().map(|c| c.to_string()).collect(),
        regulier_aandeel: None,
    }
}

/// A person with no regular share, so opgave hours alone decide the load.
pub fn persoon(id: &str, eenheid: &str, uren: f64) -> Persoon {
    Persoon {
        id: id.into(),
        naam: format!("Persoon {id}"),
        eenheid: eenheid.into(),
        uren,
        werkdagen: Dag::WERKWEEK.to_vec(),
        regulier_aandeel: Some(0.0),
        talenten: vec![],
        afwezig: vec![],
        in_dienst: None,
        uit_dienst: None,
    }
}

pub fn inzet(persoon: &str, uren: f64, van: &str, tot: &str, status: InzetStatus) -> Inzet {
    Inzet {
        id: String::new(),
        persoon: persoon.into(),
        uren_per_week: uren,
        van: week(van),
        tot: week(tot),
        status,
        soort: InzetSoort::Opgave,
        verzoek: None,
        besluit: None,
    }
}

pub fn kaart(id: &str, kolom: &str) -> Kaart {
    Kaart::new(id, format!("Kaart {id}"), kolom)
}

pub fn bord(id: &str, inzet: Vec<Inzet>, kaarten: Vec<Kaart>) -> Bord {
    Bord {
        versie: 1,
        id: id.into(),
        titel: format!("Bord {id}"),
        soort: BordSoort::Opgaveteam { opgave: "o".into() },
        kolommen: vec![
            Kolom {
                id: "todo".into(),
                naam: "Te doen".into(),
                wip: None,
                klaar: false,
            },
            Kolom {
                id: "bezig".into(),
                naam: "Bezig".into(),
                wip: Some(2),
                klaar: false,
            },
            Kolom {
                id: "klaar".into(),
                naam: "Klaar".into(),
                wip: None,
                klaar: true,
            },
        ],
        inzet,
        kaarten,
        sporen: String::new(),
    }
}

pub fn werkmap(org: Organisatie, borden: Vec<Bord>) -> Werkmap {
    Werkmap {
        organisatie: Some(org),
        borden,
    }
}
