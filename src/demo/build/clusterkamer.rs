//! The board of a clusterkamer: the line work of the cluster's units.

use super::{Copy, Units, kolom};
use crate::demo::names::{self, EENHEDEN};
use crate::demo::tune::Plan;
use crate::domain::{Bord, BordSoort, Inzet, InzetSoort, InzetStatus, Kolom};

impl Copy {
    /// The board of the `i`th clusterkamer, of cluster `cid` named `cnaam`.
    pub(super) fn clusterkamer_bord(
        &mut self,
        i: usize,
        cid: &str,
        cnaam: &str,
        units: &Units,
        plan: &mut Plan,
    ) -> Bord {
        let owners: Vec<String> = EENHEDEN
            .iter()
            .filter(|u| u.cluster == cid)
            .flat_map(|u| units[u.id].iter().take(8).cloned())
            .collect();
        let inzet = if cid == "bedrijfsvoering" {
            self.begrotingsweken(units)
        } else {
            Vec::new()
        };
        let titels: Vec<&str> = names::REGULIER
            .iter()
            .chain(names::ALGEMEEN)
            .copied()
            .collect();
        let bezig = if cid == "dienstverlening" {
            8
        } else {
            self.rng.range(3, 6) as usize
        };
        let coco = owners.first().cloned().unwrap_or_default();
        let mut kaarten = self.cards(&titels, &owners, &coco, bezig, i.is_multiple_of(2));
        for k in kaarten.iter_mut() {
            if k.kolom == "wacht" {
                k.kolom = "signalen".into();
            }
            // Estimates belong on opgave boards; the clusterkamer tracks the line work.
            k.uren = None;
        }
        let _ = plan;
        Bord {
            versie: 1,
            id: self.id(&format!("clusterkamer-{cid}")),
            titel: format!("Clusterkamer {cnaam}{}", self.naam_suffix),
            soort: BordSoort::Clusterkamer {
                cluster: self.id(cid),
            },
            kolommen: clusterkamer_kolommen(),
            inzet,
            kaarten,
            sporen: String::new(),
        }
    }

    /// Budget weeks: a peak of regular work for Financiën, planned as Regulier-inzet.
    fn begrotingsweken(&mut self, units: &Units) -> Vec<Inzet> {
        let mut inzet = Vec::new();
        let van = self.nu.plus(20 + self.rng.range(0, 3));
        for (n, p) in units["financien"].iter().skip(2).take(5).enumerate() {
            let mut z = self.inzet(n + 1, p, 4.0, van, van.plus(2), InzetStatus::Toegezegd);
            z.soort = InzetSoort::Regulier;
            inzet.push(z);
        }
        inzet
    }
}

/// The columns of a clusterkamer board.
fn clusterkamer_kolommen() -> Vec<Kolom> {
    vec![
        kolom("signalen", "Signalen", None, false),
        kolom("todo", "Te doen", None, false),
        kolom("bezig", "Bezig", Some(6), false),
        kolom("klaar", "Klaar", None, true),
    ]
}
