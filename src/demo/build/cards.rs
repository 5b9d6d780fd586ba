//! The cards of a board: open work in every column and a history of finished work.

use chrono::{Datelike, Duration};

use super::{Copy, KAARTEN_PER_BORD, lta_soort, next_tuesday};
use crate::demo::names;
use crate::domain::{Kaart, KaartStatus, Notitie};

impl Copy {
    /// The cards of a board: open work in every column and a history of finished work.
    pub(super) fn cards(
        &mut self,
        titels: &[&str],
        owners: &[String],
        signer: &str,
        bezig: usize,
        overdue: bool,
    ) -> Vec<Kaart> {
        let mut out = Vec::new();
        let open = self.rng.range(16, 24) as usize;
        let total = (KAARTEN_PER_BORD + self.rng.range(-8, 8)) as usize;
        let yy = self.vandaag.year() % 100;
        for n in 0..total {
            let titel = titels[n % titels.len()].to_string();
            let eigenaar = if owners.is_empty() || self.rng.chance(0.1) {
                None
            } else {
                Some(self.rng.pick(owners).clone())
            };
            let mut k = Kaart {
                eigenaar,
                ..Kaart::new(format!("k{}", n + 1), titel, "")
            };
            if n < open {
                self.open_card(&mut k, n, bezig, overdue, signer);
            } else {
                self.finished_card(&mut k);
            }
            if self.rng.chance(0.4) {
                k.zaak = Some(format!("Z/{yy:02}/{:06}", self.rng.range(1, 99_999)));
            }
            if self.rng.chance(0.4) {
                k.labels.push((*self.rng.pick(names::LABELS)).into());
            }
            out.push(k);
        }
        out
    }

    /// Open card `n`: the first `bezig` in progress, then four waiting, the rest to do; with
    /// dates, progress and status, and perhaps an estimate, an LTA date and notes.
    fn open_card(&mut self, k: &mut Kaart, n: usize, bezig: usize, overdue: bool, signer: &str) {
        k.kolom = if n < bezig {
            "bezig"
        } else if n < bezig + 4 {
            "wacht"
        } else {
            "todo"
        }
        .into();
        let (start, voortgang) = match k.kolom.as_str() {
            "bezig" => (self.rng.range(-50, -3), self.rng.range(1, 8) * 10),
            "wacht" => (self.rng.range(-70, -10), self.rng.range(2, 7) * 10),
            _ => (self.rng.range(3, 60), 0),
        };
        k.start = (k.kolom != "todo" || self.rng.chance(0.5)).then(|| self.dag(start));
        let span = self.rng.range(21, 120);
        k.deadline = Some(self.dag(start.max(0) + span));
        k.voortgang = voortgang as u32;
        k.status = match (k.kolom.as_str(), self.rng.range(0, 19)) {
            ("wacht", 0..=5) => KaartStatus::Geblokkeerd,
            ("todo", _) => KaartStatus::OpKoers,
            (_, 0..=2) => KaartStatus::Risico,
            (_, 3..=4) => KaartStatus::Vertraagd,
            _ => KaartStatus::OpKoers,
        };
        if k.eigenaar.is_some() && self.rng.chance(0.5) {
            k.uren = Some((self.rng.range(1, 6) * 4) as f64);
        }
        if overdue && n == bezig {
            // Waiting on someone else, and the deadline has passed.
            let ago = self.rng.range(3, 12);
            k.deadline = Some(self.dag(-ago));
            k.start = Some(self.dag(-ago - 30));
            k.status = KaartStatus::Vertraagd;
        }
        if self.rng.chance(0.15) {
            let lta = next_tuesday(self.vandaag + Duration::days(self.rng.range(14, 200)));
            k.lta = Some(lta);
            k.lta_soort = Some(lta_soort(lta));
        }
        if self.rng.chance(0.35) {
            self.notes(k, signer);
        }
    }

    /// A note or two of the past weeks, by the owner (or `signer`), in time order.
    fn notes(&mut self, k: &mut Kaart, signer: &str) {
        let wie = k.eigenaar.clone().unwrap_or_else(|| signer.to_string());
        for d in 0..self.rng.range(1, 2) {
            let ago = self.rng.range(1, 20);
            let when = self.moment(-ago - d * 7);
            k.notities.push(Notitie {
                wie: wie.clone(),
                wanneer: when,
                tekst: (*self.rng.pick(names::NOTITIES)).into(),
            });
        }
        k.notities.sort_by_key(|n| n.wanneer);
    }

    /// A finished card: done at some point in the past year.
    fn finished_card(&mut self, k: &mut Kaart) {
        k.kolom = "klaar".into();
        let end = self.rng.range(7, 360);
        k.deadline = Some(self.dag(-end));
        let len = self.rng.range(14, 90);
        k.start = Some(self.dag(-end - len));
        k.voortgang = 100;
        // Finished on its deadline: most finished cards are in the archive.
        k.klaar_op = k.deadline;
    }
}
