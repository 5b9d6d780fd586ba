//! The history of a board (DESIGN.md section 7): what every save changed, as data. Each entry
//! says when, who, which card (if any) and what, with old and new values as the file holds
//! them; never sentences (`wording` words them) and never absence reasons (a board has none).
//!
//! Entries come from the operations a save actually wrote ([`uit_ops`]), so the history is what
//! reached the file, not what was typed. Pure: the storage of the entries (one JSON-lines file
//! per writer per board) is `storage::historie`.

use chrono::NaiveDateTime;
use serde::{Deserialize, Serialize};
use serde_json::Value;

use super::ops::{Change, List, Op, PLEK, Target};
use super::week::Moment;
use super::{Bord, InzetStatus};

/// One entry of a board's history.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Gebeurtenis {
    /// When the edit was made (local time).
    pub tijd: Moment,
    /// Who made it: the persoon id of the `gebruiker`, else the login name.
    pub wie: String,
    /// The card it is about, by id.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub kaart: Option<String>,
    /// The card's title when the edit was made (the card may be gone or renamed since).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub titel: Option<String>,
    pub wat: Wat,
}

/// What happened.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub enum Wat {
    /// A new card.
    Nieuw,
    /// A card deleted.
    Verwijderd,
    /// A card moved from one column to another (column ids).
    Verplaatst { van: String, naar: String },
    /// A field of a card from `oud` to `nieuw` (values as in the file; `null` is empty).
    Veld {
        veld: String,
        oud: Value,
        nieuw: Value,
    },
    /// A label added (`erbij`) or removed.
    Label { label: String, erbij: bool },
    /// A note added to a card.
    Notitie { tekst: String },
    /// A note removed from a card.
    NotitieWeg { tekst: String },
    /// Inzet asked for a person (a new request, or asked again after a change).
    InzetGevraagd {
        persoon: String,
        uren: f64,
        van: String,
        tot: String,
    },
    /// A CoCo decided on an inzet: agreed or declined.
    InzetBesloten {
        persoon: String,
        status: InzetStatus,
    },
    /// An inzet's hours or weeks changed.
    InzetGewijzigd {
        persoon: String,
        veld: String,
        oud: Value,
        nieuw: Value,
    },
    /// An inzet withdrawn (deleted).
    InzetIngetrokken { persoon: String },
    /// A stand-up of the board began.
    StandupBegonnen,
}

impl Gebeurtenis {
    /// A stand-up start on `tijd` by `wie`.
    pub fn standup(tijd: NaiveDateTime, wie: &str) -> Gebeurtenis {
        Gebeurtenis {
            tijd: Moment(tijd),
            wie: wie.to_string(),
            kaart: None,
            titel: None,
            wat: Wat::StandupBegonnen,
        }
    }
}

fn text(v: Option<&Value>) -> String {
    match v {
        Some(Value::String(s)) => s.clone(),
        Some(Value::Null) | None => String::new(),
        Some(other) => other.to_string(),
    }
}

/// The entries for operations a save wrote to `bord` (each with the moment it was made), made
/// by `wie`. Operations nobody looks back on (a card's place in its column, the board's own
/// fields, its columns) leave none.
pub fn uit_ops(bord: &Bord, ops: &[(Op, Moment)], wie: &str) -> Vec<Gebeurtenis> {
    ops.iter()
        .filter_map(|(op, at)| entry(bord, op, *at, wie))
        .collect()
}

fn entry(bord: &Bord, op: &Op, at: Moment, wie: &str) -> Option<Gebeurtenis> {
    let Target::Item(list, id) = &op.target else {
        return None;
    };
    // The item as the edit left it (or as it was deleted), for its title or person.
    let item = match &op.change {
        Change::Insert { item, .. } | Change::Delete { item, .. } => Some(item),
        _ => op.snapshot.as_ref(),
    };
    let (kaart, titel, wat) = match list {
        List::Kaarten => {
            let titel = item
                .and_then(|f| f.get("titel"))
                .and_then(Value::as_str)
                .map(str::to_string)
                .or_else(|| {
                    bord.kaarten
                        .iter()
                        .find(|k| &k.id == id)
                        .map(|k| k.titel.clone())
                });
            (Some(id.clone()), titel, kaart_wat(&op.change)?)
        }
        List::Inzet => {
            let persoon = item
                .and_then(|f| f.get("persoon"))
                .and_then(Value::as_str)
                .map(str::to_string)
                .or_else(|| {
                    bord.inzet
                        .iter()
                        .find(|z| &z.id == id)
                        .map(|z| z.persoon.clone())
                })
                .unwrap_or_default();
            (None, None, inzet_wat(&op.change, persoon)?)
        }
        _ => return None,
    };
    Some(Gebeurtenis {
        tijd: at,
        wie: wie.to_string(),
        kaart,
        titel,
        wat,
    })
}

fn kaart_wat(change: &Change) -> Option<Wat> {
    Some(match change {
        Change::Insert { .. } => Wat::Nieuw,
        Change::Delete { .. } => Wat::Verwijderd,
        Change::Set { field, old, new } if field == PLEK => {
            let (van, naar) = (text(old.get("kolom")), text(new.get("kolom")));
            if van == naar {
                return None; // only the day it was finished
            }
            Wat::Verplaatst { van, naar }
        }
        Change::Set { field, old, new } => Wat::Veld {
            veld: field.clone(),
            oud: old.clone(),
            nieuw: new.clone(),
        },
        Change::Add { field, element } | Change::Remove { field, element } => {
            let erbij = matches!(change, Change::Add { .. });
            match field.as_str() {
                "notities" => {
                    let tekst = text(element.get("tekst"));
                    if erbij {
                        Wat::Notitie { tekst }
                    } else {
                        Wat::NotitieWeg { tekst }
                    }
                }
                "labels" => Wat::Label {
                    label: text(Some(element)),
                    erbij,
                },
                _ => return None,
            }
        }
        Change::Place { .. } => return None,
    })
}

fn status_of(v: Option<&Value>) -> Option<InzetStatus> {
    // A status left out is the default (Toegezegd), as in the file.
    match v {
        None | Some(Value::Null) => Some(InzetStatus::default()),
        Some(v) => serde_json::from_value(v.clone()).ok(),
    }
}

fn inzet_wat(change: &Change, persoon: String) -> Option<Wat> {
    Some(match change {
        Change::Insert { item, .. } => match status_of(item.get("status"))? {
            InzetStatus::Gevraagd => Wat::InzetGevraagd {
                persoon,
                uren: item
                    .get("uren_per_week")
                    .and_then(Value::as_f64)
                    .unwrap_or(0.0),
                van: text(item.get("van")),
                tot: text(item.get("tot")),
            },
            status => Wat::InzetBesloten { persoon, status },
        },
        Change::Delete { .. } => Wat::InzetIngetrokken { persoon },
        Change::Set { field, old, new } if field == super::ops::BESLISSING => {
            let (voor, na) = (status_of(old.get("status")), status_of(new.get("status")));
            if voor == na {
                return None; // only the request's or decision's reasons
            }
            Wat::InzetBesloten {
                persoon,
                status: na?,
            }
        }
        Change::Set { field, old, new } => Wat::InzetGewijzigd {
            persoon,
            veld: field.clone(),
            oud: old.clone(),
            nieuw: new.clone(),
        },
        _ => return None,
    })
}

/// The moment of the last stand-up start in `entries` before `voor` (inclusive when
/// `inclusief`): "since the last stand-up".
pub fn laatste_standup(
    entries: &[Gebeurtenis],
    voor: NaiveDateTime,
    inclusief: bool,
) -> Option<NaiveDateTime> {
    entries
        .iter()
        .filter(|e| e.wat == Wat::StandupBegonnen)
        .map(|e| e.tijd.0)
        .filter(|t| if inclusief { *t <= voor } else { *t < voor })
        .max()
}

/// The changes (stand-up starts left out) from `sinds` on, newest first.
pub fn sinds(entries: &[Gebeurtenis], sinds: NaiveDateTime) -> Vec<&Gebeurtenis> {
    entries
        .iter()
        .rev()
        .filter(|e| e.tijd.0 >= sinds && e.wat != Wat::StandupBegonnen)
        .collect()
}

/// The entries about one card, newest first.
pub fn van_kaart<'a>(entries: &'a [Gebeurtenis], kaart: &str) -> Vec<&'a Gebeurtenis> {
    entries
        .iter()
        .rev()
        .filter(|e| e.kaart.as_deref() == Some(kaart))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::ops::{self, diff_item, insert};
    use crate::domain::{Inzet, Kaart, Notitie, Week};
    use serde_json::json;

    fn at() -> Moment {
        Moment(
            chrono::NaiveDate::from_ymd_opt(2026, 11, 23)
                .unwrap()
                .and_hms_opt(9, 30, 0)
                .unwrap(),
        )
    }

    fn kaart() -> Kaart {
        serde_json::from_value(json!({"id": "k1", "titel": "Kade", "kolom": "todo"})).unwrap()
    }

    fn bord() -> Bord {
        serde_json::from_value(json!({
            "versie": 1, "id": "b", "titel": "B",
            "soort": {"Opgaveteam": {"opgave": "o"}},
            "kolommen": [{"id": "todo", "naam": "Te doen"}],
            "kaarten": [{"id": "k1", "titel": "Kade", "kolom": "todo"}]
        }))
        .unwrap()
    }

    fn one(op: Op) -> Vec<Gebeurtenis> {
        uit_ops(&bord(), &[(op, at())], "dbakker")
    }

    #[test]
    fn a_move_a_field_a_note_and_a_label_each_become_one_entry() {
        let before = kaart();
        let mut after = before.clone();
        after.kolom = "bezig".into();
        after.deadline = Some(crate::domain::Datum(
            chrono::NaiveDate::from_ymd_opt(2027, 1, 19).unwrap(),
        ));
        after.labels.push("haven".into());
        after.notities.push(Notitie {
            wie: "dbakker".into(),
            wanneer: at(),
            tekst: "Gebeld".into(),
        });
        let ops = diff_item(List::Kaarten, &before, &after);
        let entries = uit_ops(
            &bord(),
            &ops.into_iter().map(|o| (o, at())).collect::<Vec<_>>(),
            "dbakker",
        );
        let wat: Vec<&Wat> = entries.iter().map(|e| &e.wat).collect();
        assert!(wat.contains(&&Wat::Verplaatst {
            van: "todo".into(),
            naar: "bezig".into()
        }));
        assert!(wat.contains(&&Wat::Veld {
            veld: "deadline".into(),
            oud: Value::Null,
            nieuw: json!("2027-01-19")
        }));
        assert!(wat.contains(&&Wat::Label {
            label: "haven".into(),
            erbij: true
        }));
        assert!(wat.contains(&&Wat::Notitie {
            tekst: "Gebeld".into()
        }));
        assert_eq!(entries.len(), 4);
        for e in &entries {
            assert_eq!(e.kaart.as_deref(), Some("k1"));
            assert_eq!(e.titel.as_deref(), Some("Kade"));
            assert_eq!(e.wie, "dbakker");
            assert_eq!(e.tijd, at());
        }
    }

    #[test]
    fn new_and_deleted_cards_keep_their_title_and_a_reorder_leaves_nothing() {
        let e = one(insert(List::Kaarten, &kaart(), None));
        assert_eq!(e[0].wat, Wat::Nieuw);
        assert_eq!(e[0].titel.as_deref(), Some("Kade"));
        let e = one(ops::delete(List::Kaarten, &kaart(), None));
        assert_eq!(e[0].wat, Wat::Verwijderd);
        let place = Op {
            target: Target::Item(List::Kaarten, "k1".into()),
            change: Change::Place {
                old: None,
                new: Some("k2".into()),
            },
            snapshot: None,
        };
        assert!(one(place).is_empty());
    }

    #[test]
    fn inzet_asked_decided_changed_and_withdrawn() {
        let inzet = Inzet {
            id: "z1".into(),
            persoon: "fmulder".into(),
            uren_per_week: 8.0,
            van: "2026-W48".parse::<Week>().unwrap(),
            tot: "2026-W52".parse::<Week>().unwrap(),
            status: InzetStatus::Gevraagd,
            soort: Default::default(),
            verzoek: None,
            besluit: None,
        };
        let e = one(insert(List::Inzet, &inzet, None));
        assert_eq!(
            e[0].wat,
            Wat::InzetGevraagd {
                persoon: "fmulder".into(),
                uren: 8.0,
                van: "2026-W48".into(),
                tot: "2026-W52".into()
            }
        );
        assert_eq!(e[0].kaart, None);
        let mut agreed = inzet.clone();
        agreed.status = InzetStatus::Toegezegd;
        let e = one(diff_item(List::Inzet, &inzet, &agreed).remove(0));
        assert_eq!(
            e[0].wat,
            Wat::InzetBesloten {
                persoon: "fmulder".into(),
                status: InzetStatus::Toegezegd
            }
        );
        let mut more = inzet.clone();
        more.uren_per_week = 12.0;
        let e = one(diff_item(List::Inzet, &inzet, &more).remove(0));
        assert!(matches!(&e[0].wat, Wat::InzetGewijzigd { veld, .. } if veld == "uren_per_week"));
        let e = one(ops::delete(List::Inzet, &inzet, None));
        assert_eq!(
            e[0].wat,
            Wat::InzetIngetrokken {
                persoon: "fmulder".into()
            }
        );
    }

    #[test]
    fn since_the_last_stand_up_before_a_moment() {
        let t = |h, m| {
            chrono::NaiveDate::from_ymd_opt(2026, 11, 23)
                .unwrap()
                .and_hms_opt(h, m, 0)
                .unwrap()
        };
        let edit = |h, m| Gebeurtenis {
            tijd: Moment(t(h, m)),
            wie: "a".into(),
            kaart: Some("k1".into()),
            titel: None,
            wat: Wat::Nieuw,
        };
        let entries = vec![
            edit(8, 0),
            Gebeurtenis::standup(t(9, 0), "a"),
            edit(9, 5),
            Gebeurtenis::standup(t(10, 0), "a"),
        ];
        assert_eq!(laatste_standup(&entries, t(10, 0), true), Some(t(10, 0)));
        assert_eq!(laatste_standup(&entries, t(10, 0), false), Some(t(9, 0)));
        assert_eq!(laatste_standup(&entries, t(8, 30), false), None);
        let s = sinds(&entries, t(9, 0));
        assert_eq!(s.len(), 1, "stand-up starts are not changes");
        assert_eq!(s[0].tijd.0, t(9, 5));
        assert_eq!(van_kaart(&entries, "k1").len(), 2);
    }
}
